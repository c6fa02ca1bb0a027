import type { TableRow } from '#ssda903';

/** Last year's return as the council sent it: what this year's must agree with. */
export interface PreviousReturn {
  year: string;
  header: readonly TableRow<'header'>[];
  openEpisodes: readonly TableRow<'episodes'>[];
}

/** The episode fields that carry over from an episode open on 31 March into 1 April. */
const CARRIED = ['DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN'] as const;
/** The header fields that must agree with last year's. */
const HEADER_AGREES = ['SEX', 'DOB', 'ETHNIC'] as const;

export interface CarryOverProblem {
  table: 'header' | 'episodes';
  field: string;
  message: string;
  fix: 'return-details' | 'placements';
}

/**
 * What last year's return said stays said: an episode open on 31 March goes on unchanged into
 * 1 April, and sex, date of birth and ethnicity agree. Without a recorded return, nothing to check.
 */
export class CarryOver {
  private readonly header: Map<string | null, TableRow<'header'>>;
  private readonly open: Map<string | null, TableRow<'episodes'>>;

  constructor(private readonly previous: PreviousReturn | null) {
    this.header = new Map((previous?.header ?? []).map((h) => [h.CHILD, h]));
    this.open = new Map((previous?.openEpisodes ?? []).map((e) => [e.CHILD, e]));
  }

  /** A child's header this year and first episode this year (either may be missing). */
  problemsOf(
    childId: string | null,
    header: TableRow<'header'> | undefined,
    first: TableRow<'episodes'> | undefined,
  ): CarryOverProblem[] {
    if (!this.previous || childId === null) return [];
    const year = this.previous.year;
    const problems: CarryOverProblem[] = [];
    const last = this.header.get(childId);
    if (last && header) {
      for (const f of HEADER_AGREES) {
        if (last[f] !== header[f]) {
          problems.push({
            table: 'header',
            field: f,
            message: `${f} was ${last[f] ?? 'blank'} in the ${year} return, now ${header[f] ?? 'blank'}.`,
            fix: 'return-details',
          });
        }
      }
    }
    const open = this.open.get(childId);
    if (open && !first) {
      problems.push({
        table: 'episodes',
        field: 'DECOM',
        message: `An episode open at the end of ${year} (from ${open.DECOM}) is missing from this year.`,
        fix: 'placements',
      });
    } else if (open && first) {
      for (const f of CARRIED) {
        if (first[f] !== open[f]) {
          problems.push({
            table: 'episodes',
            field: f,
            message: `The episode open at the end of ${year} had ${f} ${open[f] ?? 'blank'}; it now reads ${first[f] ?? 'blank'}.`,
            fix: 'placements',
          });
        }
      }
    }
    return problems;
  }
}
