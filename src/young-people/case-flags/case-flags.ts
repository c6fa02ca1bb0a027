import { Injectable } from '@nestjs/common';

/**
 * What needs attention about a young person, raised by the capability that knows it: outreach
 * (missing now, a return home interview due, a Reg 40 notification owed) and the beds (in a hub
 * bed, for how long, past the threshold or the planned end) and outcomes (an open concern:
 * exploitation, substance misuse, a crisis). The case's own flags (no key worker,
 * a possible duplicate, a pathway review due) are read with the case.
 */
export const ATTENTION = {
  no_key_worker: 'No key worker',
  possible_duplicate: 'Possible duplicate',
  pathway_review: 'Pathway review due or overdue',
  missing_now: 'Missing now',
  return_interview: 'Return home interview due or overdue',
  reg40_owed: 'Reg 40 notification owed',
  in_hub_bed: 'In a hub bed',
  over_threshold: 'In a hub bed past the stay threshold',
  open_concern: 'An open concern (exploitation, substances, crisis)',
} as const;
export type AttentionKey = keyof typeof ATTENTION;

/** The flags the case reads itself; the others come from the capabilities' sources. */
export const CASE_OWN_ATTENTION: readonly AttentionKey[] = [
  'no_key_worker',
  'possible_duplicate',
  'pathway_review',
];

/** One flag as the pages show it (an MOJ badge). */
export interface CaseBadge {
  /** What it is, for filtering ("missing_now"); a badge may be found by more than one key. */
  keys: AttentionKey[];
  text: string;
  /** The badge's colour, an MOJ badge modifier: `moj-badge--red`, `--blue`, `--purple`, `--black`, `--grey`. */
  classes: string;
}

/** A capability's part of the flags (registered at start by the module that owns the facts). */
export interface CaseFlagSource {
  /** The flags of a hub's young people: those named, or every one flagged (`ids` null). */
  flagsOf(hubId: string, ids: readonly string[] | null): Promise<Map<string, CaseBadge[]>>;
}

/**
 * Every capability's flags about young people, gathered for a list or a case. The case knows no
 * capability: each registers its source, as with the work tray.
 */
@Injectable()
export class CaseFlags {
  private readonly sources: CaseFlagSource[] = [];

  register(source: CaseFlagSource): void {
    this.sources.push(source);
  }

  async of(hubId: string, ids: readonly string[] | null): Promise<Map<string, CaseBadge[]>> {
    const all = new Map<string, CaseBadge[]>();
    if (ids !== null && ids.length === 0) return all;
    // One source after another: on PGlite every query waits for the one before anyway.
    for (const source of this.sources) {
      for (const [id, badges] of await source.flagsOf(hubId, ids))
        all.set(id, [...(all.get(id) ?? []), ...badges]);
    }
    return all;
  }

  /** The flags of young people from any hubs (a worker's caseload, an auditor's list), hub by hub. */
  async ofMany(
    people: readonly { hubId: string; youngPersonId: string }[],
  ): Promise<Map<string, CaseBadge[]>> {
    const byHub = new Map<string, string[]>();
    for (const p of people) byHub.set(p.hubId, [...(byHub.get(p.hubId) ?? []), p.youngPersonId]);
    const all = new Map<string, CaseBadge[]>();
    for (const [hubId, ids] of byHub)
      for (const [id, badges] of await this.of(hubId, ids)) all.set(id, badges);
    return all;
  }

  /** The young people of a hub carrying a flag from the sources. */
  async carrying(hubId: string, key: AttentionKey): Promise<string[]> {
    const all = await this.of(hubId, null);
    return [...all]
      .filter(([, badges]) => badges.some((b) => b.keys.includes(key)))
      .map(([id]) => id);
  }
}
