import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '#event-store';
import type { ProjectionRunner } from '#projections';
import {
  EVENT_STORE,
  EventSourcedCommands,
  NWD_CONFIG,
  PROJECTION_RUNNER,
  ProblemException,
  READ_DB,
  type NwdConfig,
  type RequestContext,
} from '#platform';
import { CASE_FACTS, type CaseFactsSource } from '../access/index.js';
import type { Decider } from '#kernel';
import type { CaseOfPathway, HousingPathway } from './pathway/housing-pathway.decide.js';
import { housingStreamId, type HousingPathwayEvent } from './housing.events.js';

/** A pathway decider's input less the case facts the writer looks up (all but the id). */
export type OnCase<C extends CaseOfPathway> = Omit<
  C,
  Exclude<keyof CaseOfPathway, 'youngPersonId'>
>;

/** What housing commands need besides their own stream: the case, and where a young person lives. */
@Injectable()
export class HousingWriter {
  constructor(
    readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
    @Inject(NWD_CONFIG) readonly config: NwdConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  /** Decide on the young person's housing stream, with the case as it stands. */
  async onCase<C extends CaseOfPathway>(
    decider: Decider<C, HousingPathwayEvent, HousingPathway>,
    input: OnCase<C>,
    ctx: RequestContext,
  ) {
    const c = await this.caseOf(input.youngPersonId, ctx);
    return this.commands.execute({
      streamId: housingStreamId(input.youngPersonId),
      decider,
      command: { ...c, ...input } as C,
      ctx,
    });
  }

  async caseOf(youngPersonId: string, ctx: RequestContext): Promise<CaseOfPathway> {
    const now = ctx.now;
    const f = await this.facts.find(youngPersonId, ctx.memo);
    return {
      youngPersonId,
      hubId: f?.hubId ?? '',
      caseStatus: f?.status ?? 'none',
      category: f?.category ?? '',
      dateOfBirth: f?.dateOfBirth ?? '1900-01-01',
      today: now.slice(0, 10),
    };
  }

  /**
   * The option the young person lives in now, from the options read model once it has read the
   * whole log (so a move just made is seen).
   */
  async currentOption(youngPersonId: string): Promise<string | null> {
    const head = await this.store.head();
    if (head.position > 0) {
      const caught = await this.runner.waitFor(
        ['housing_options'],
        head.position,
        this.config.readWaitMs,
      );
      if (caught === 'timeout') {
        throw new ProblemException(
          503,
          'READ_MODEL.NOT_CAUGHT_UP',
          'housing options are catching up; retry shortly',
        );
      }
    }
    const r = await this.db.query<{ option_id: string }>(
      `SELECT option_id FROM rm_housing_options.residents WHERE young_person_id = $1`,
      [youngPersonId],
    );
    return r.rows[0]?.option_id ?? null;
  }
}
