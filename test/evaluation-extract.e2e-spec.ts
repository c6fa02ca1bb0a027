import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '#testing/build';
import { loadConfig, openInfrastructure } from '#platform';
import { NWD_MODEL } from '../apps/composition/composition.js';
import { FAMILY, GIVEN } from '../apps/cli/seed/simulation.js';

const run = promisify(execFile);

/** Every name the generator gives (the seed's own lists). */
const GENERATED_NAMES = [...GIVEN, ...FAMILY];
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;

/**
 * The extract for evaluators from a generated council on PGlite: no name, free text or full
 * postcode of any generated young person; dates of birth as months; the same pseudonym for the
 * same young person in two extracts made with one key, another with another key; each extract in
 * the access log.
 */
describe('the extract for evaluators, from a generated council on PGlite', () => {
  it('pseudonymises with the council’s key, keeps out names, notes and postcodes, and logs the disclosure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nwd-eval-'));
    const key = join(dir, 'council.key');
    const otherKey = join(dir, 'other.key');
    writeFileSync(key, randomBytes(32));
    writeFileSync(otherKey, randomBytes(32));
    const env = {
      ...process.env,
      LOG_LEVEL: 'warn',
      NWD_DATA_DIR: join(dir, 'db'),
      EVALUATION_KEY_FILE: key,
    };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const nwd = (args: string[], more: Record<string, string> = {}) =>
      run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), ...args], {
        env: { ...env, ...more },
        cwd: REPO_ROOT,
      });
    const extract = async (out: string, more: Record<string, string> = {}) => {
      const r = await nwd(
        [
          'export',
          'evaluation',
          '--from',
          '2025-04-01',
          '--to',
          '2026-03-31',
          '--out',
          out,
          '--reason',
          'Evaluation of the hub, 2025-26',
          '--by',
          'Eve Evaluator',
        ],
        more,
      );
      expect(r.stdout).toMatch(/evaluation\.csv: \d+ young people/);
      return readFileSync(join(out, 'evaluation.csv'), 'utf8');
    };
    try {
      await nwd([
        'seed',
        '--hubs',
        '1',
        '--years',
        '1',
        '--seed',
        '7',
        '--la',
        'E10000014',
        '--end',
        '2026-03-31',
        '--no-progress',
      ]);
      const first = await extract(join(dir, 'one'));
      const [head, ...rows] = first.trim().split('\r\n');
      const columns = head.split(',');
      expect(columns).toContain('pseudonym');
      expect(rows.length).toBeGreaterThanOrEqual(20);
      const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];
      for (const row of rows) {
        for (const name of GENERATED_NAMES) expect(row).not.toMatch(new RegExp(`\\b${name}\\b`));
        expect(row).not.toMatch(/Generated/);
        expect(row).not.toMatch(UK_POSTCODE);
        expect(cell(row, 'birth_month')).toMatch(/^\d{4}-\d{2}$/);
        expect(cell(row, 'pseudonym')).toMatch(/^[0-9a-f]{20}$/);
      }
      // Every home postcode the generator used is Hampshire's: its local authority, not itself.
      expect(rows.filter((r) => cell(r, 'home_la') === 'E10000014').length).toBeGreaterThan(0);
      // Before and after referral, for those with 12 months gone.
      expect(rows.some((r) => cell(r, 'before_missing_episodes') !== '')).toBe(true);
      const dictionary = readFileSync(join(dir, 'one', 'dictionary.csv'), 'utf8');
      expect(dictionary.split('\r\n')[0]).toBe('column,meaning,codes,source_event');
      for (const column of columns) expect(dictionary).toContain(`\r\n${column},`);

      // The same key, the same pseudonyms; another key, none of them.
      const again = await extract(join(dir, 'two'));
      const pseudonyms = (csv: string) =>
        new Set(
          csv
            .trim()
            .split('\r\n')
            .slice(1)
            .map((r) => r.split(',')[0]),
        );
      expect(pseudonyms(again)).toEqual(pseudonyms(first));
      const other = await extract(join(dir, 'three'), { EVALUATION_KEY_FILE: otherKey });
      const overlap = [...pseudonyms(other)].filter((p) => pseudonyms(first).has(p));
      expect(overlap).toEqual([]);

      // No key, no extract.
      const refused = await nwd(
        [
          'export',
          'evaluation',
          '--from',
          '2025-04-01',
          '--to',
          '2026-03-31',
          '--out',
          join(dir, 'x'),
          '--reason',
          'No key',
        ],
        { EVALUATION_KEY_FILE: '' },
      ).catch((e: { stderr: string; code: number }) => e);
      expect((refused as { code: number }).code).toBe(1);
      expect((refused as { stderr: string }).stderr).toContain('EVALUATION_KEY_FILE');

      // Each extract is a disclosure in the access log, naming every young person in it.
      const infra = await openInfrastructure(
        { ...loadConfig({ NWD_DATA_DIR: join(dir, 'db') }), databaseUrl: null },
        NWD_MODEL,
      );
      try {
        const log = await infra.store.readStream('access-log-nwd-cli');
        expect(log).toHaveLength(3);
        expect(log[0].data).toMatchObject({
          userName: 'Eve Evaluator',
          reason: 'Evaluation of the hub, 2025-26',
          view: 'evaluation extract disclosed (2025-04-01 to 2026-03-31)',
        });
        expect((log[0].data.youngPersonIds as string[]).length).toBe(rows.length);
      } finally {
        await infra.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
