import { csvFile } from '#kernel';
import { ProblemException } from '#platform';
import type { AccessScope } from '../../access/index.js';
import { suppressed, type Indicator } from './indicators.js';
import type { OutcomesQuery } from './outcomes-report.dto.js';

/** The hubs a report covers: the one asked for (if the caller may see it), else all theirs. */
export function reportHubs(access: AccessScope, hubId: string | undefined): string[] | null {
  if (hubId) {
    if (access.scope !== 'all' && !access.user.hubs.includes(hubId)) {
      throw new ProblemException(403, 'ACCESS.DENIED', 'you may see the outcomes of your own hubs');
    }
    return [hubId];
  }
  return access.scope === 'all' ? null : [...access.user.hubs];
}

export function checkWindow(q: OutcomesQuery): void {
  if (q.from > q.to) {
    throw new ProblemException(400, 'PERIOD.INVALID', 'from must be on or before to', [
      { field: 'to', message: 'must be on or after from' },
    ]);
  }
}

/**
 * Shown outside the hub (to an auditor, or across hubs): a figure covering fewer than 5 young
 * people is withheld, so no one is recognised from a small number.
 */
export function outsideTheHub(access: AccessScope, hubs: readonly string[] | null): boolean {
  return access.scope === 'all' || hubs === null || hubs.length > 1;
}

export function shown(i: Indicator, outside: boolean): Indicator & { suppressed: boolean } {
  if (!outside || !suppressed(i)) return { ...i, suppressed: false };
  return { ...i, value: null, before: undefined, after: undefined, suppressed: true };
}

/** The figures as CSV: one row per indicator, with its window, baseline window and coverage. */
export function indicatorsCsv(rows: (Indicator & { suppressed: boolean })[]): string {
  const head = [
    'indicator',
    'value',
    'unit',
    'before',
    'after',
    'covers',
    'window',
    'baseline_window',
    'suppressed',
    'definition',
  ];
  return csvFile(
    head,
    rows.map((i) => [
      i.title,
      i.value,
      i.unit,
      i.before,
      i.after,
      i.suppressed ? 'fewer than 5' : i.covers,
      i.window,
      i.baselineWindow,
      i.suppressed ? 'yes' : 'no',
      i.definition,
    ]),
  );
}
