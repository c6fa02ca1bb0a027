import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { CaseFlags, type CaseBadge, type CaseFlagSource } from '../../young-people/index.js';
import { ukDate } from '../../web/index.js';
import { CONCERN_WORDS } from '../outcomes.words.js';

/** Open concerns (exploitation, substance misuse, a crisis) as flags on the case, until closed. */
@Injectable()
export class ConcernFlagSource implements CaseFlagSource, OnModuleInit {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly flags: CaseFlags,
  ) {}

  onModuleInit() {
    this.flags.register(this);
  }

  async flagsOf(hubId: string, ids: readonly string[] | null) {
    const r = await this.db.query<{ young_person_id: string; kind: string; opened_on: string }>(
      `SELECT young_person_id, kind, opened_on::text AS opened_on FROM rm_outcomes.open_concerns
       WHERE hub_id = $1 ${ids === null ? '' : 'AND young_person_id::text = ANY($2::text[])'}
       ORDER BY opened_on, kind`,
      ids === null ? [hubId] : [hubId, [...ids]],
    );
    const out = new Map<string, CaseBadge[]>();
    for (const row of r.rows) {
      const badges = out.get(row.young_person_id) ?? [];
      badges.push({
        keys: ['open_concern'],
        text: `${CONCERN_WORDS[row.kind as keyof typeof CONCERN_WORDS] ?? row.kind} since ${ukDate(row.opened_on)}`,
        classes: 'moj-badge--red',
      });
      out.set(row.young_person_id, badges);
    }
    return out;
  }
}
