import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// Each rule of the house plan, broken on purpose in a file as a commit would add it: lint fails.
const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId.startsWith('house/') || ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

// Two files that import each other, on disk before the first lint (the rule reads the import
// graph once per run, as `npm run lint` does).
const cycle = ['src/outreach/zz-cycle-a.ts', 'src/outreach/zz-cycle-b.ts'];
const cycleCode = [
  `import { b } from './zz-cycle-b.js';\nexport const a = () => b;\n`,
  `import { a } from './zz-cycle-a.js';\nexport const b = () => a;\n`,
];

describe('the house plan, enforced by lint', () => {
  beforeAll(() => cycle.forEach((f, i) => writeFileSync(join(root, f), cycleCode[i])));
  afterAll(() => cycle.forEach((f) => rmSync(join(root, f), { force: true })));

  it('passes the imports the plan allows', async () => {
    expect(
      await problems(
        'src/outreach/some-slice.ts',
        `import { CaseDirectory } from '../young-people/index.js';\nimport { DomainError } from '#kernel';\nimport { PeriodQuery } from '#platform';\nexport const x = [CaseDirectory, DomainError, PeriodQuery];\n`,
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'libs -> src',
      'libs/event-store/src/x.ts',
      `import { youngPersonStreamId } from '../../../src/young-people/index.js';`,
      'libs/ are domain-free',
    ],
    [
      'a library another may not use',
      'libs/kernel/src/x.ts',
      `import { canonicalJson } from '#event-store';`,
      'libs/kernel may not use #event-store',
    ],
    [
      'a library by relative path',
      'src/outreach/x.ts',
      `import { DomainError } from '../../libs/kernel/src/index.js';`,
      'by its alias #kernel',
    ],
    [
      'src -> apps',
      'src/outreach/x.ts',
      `import { NWD_MODEL } from '../../apps/composition/composition.js';`,
      'never imports apps/',
    ],
    [
      'a deep import into another capability',
      'src/outreach/x.ts',
      `import { GetCaseload } from '../young-people/caseload/caseload.query.js';`,
      'through its door, src/young-people/index.ts',
    ],
    [
      'an import against the direction of the map',
      'src/young-people/x.ts',
      `import { OutreachModule } from '../outreach/index.js';`,
      'young-people may not import outreach',
    ],
    [
      'a deep import from an app',
      'apps/cli/x.ts',
      `import { CaseHistory } from '../../src/audit/case-history.js';`,
      'through its door, src/audit/index.ts',
    ],
  ])('fails on %s', async (_what, file, code, message) => {
    expect((await problems(file, `${code}\nexport const y = 1;\n`)).join('\n')).toContain(message);
  });

  it.each([
    ['src/outreach/missing/missing.decide.ts', `import { EVENT_STORE } from '#platform';`],
    ['src/hub-placements/hub.state.ts', `import { Injectable } from '@nestjs/common';`],
    ['src/outreach/missing/missing.decide.ts', `import { X } from './missing.handlers.js';`],
  ])('keeps %s pure', async (file, code) => {
    expect((await problems(file, `${code}\nexport const y = 1;\n`)).join('\n')).toContain(
      'no-restricted-imports',
    );
  });

  it('fails on an import cycle, naming it', async () => {
    const found = await problems(cycle[0], cycleCode[0]);
    expect(found).toEqual([
      'house/no-cycle: Import cycle: src/outreach/zz-cycle-a.ts -> src/outreach/zz-cycle-b.ts -> src/outreach/zz-cycle-a.ts',
    ]);
  });
});
