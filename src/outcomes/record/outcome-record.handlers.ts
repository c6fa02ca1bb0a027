import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { CASE_FACTS, type CaseFactsSource } from '../../access/index.js';
import { outcomesStreamId } from '../outcomes.events.js';
import { recordOutcome, type OutcomeCommand, type OutcomeInput } from './outcome-record.decide.js';
import type {
  BaselineRequest,
  CloseMarkerRequest,
  ConferenceRequest,
  EducationRequest,
  JusticeRequest,
  OpenMarkerRequest,
} from './outcome-record.dto.js';

/** One command for the outcomes stream; what it records says `action`. The new entry's id is in the answer. */
export class RecordOutcomeCommand extends DecisionCommand<
  OutcomeInput,
  CommandOutcome & { id: string | null }
> {
  static justice(youngPersonId: string, r: JusticeRequest, ctx: RequestContext) {
    return new RecordOutcomeCommand(
      {
        action: 'justice',
        youngPersonId,
        entryId: newId(ctx, 'justice'),
        kind: r.kind,
        on: r.on,
        note: r.note ?? '',
      },
      ctx,
    );
  }
  static education(youngPersonId: string, r: EducationRequest, ctx: RequestContext) {
    return new RecordOutcomeCommand(
      {
        action: 'education',
        youngPersonId,
        entryId: newId(ctx, 'education'),
        status: r.status,
        from: r.from,
        attendance: r.attendance ?? null,
        atReview: r.atReview ?? false,
      },
      ctx,
    );
  }
  static openMarker(youngPersonId: string, r: OpenMarkerRequest, ctx: RequestContext) {
    return new RecordOutcomeCommand(
      {
        action: 'open-marker',
        youngPersonId,
        markerId: newId(ctx, 'marker'),
        kind: r.kind,
        on: r.on,
        note: r.note ?? '',
      },
      ctx,
    );
  }
  static closeMarker(
    youngPersonId: string,
    markerId: string,
    r: CloseMarkerRequest,
    ctx: RequestContext,
  ) {
    return new RecordOutcomeCommand(
      { action: 'close-marker', youngPersonId, markerId, on: r.on, note: r.note ?? '' },
      ctx,
    );
  }
  static baseline(youngPersonId: string, r: BaselineRequest, ctx: RequestContext) {
    return new RecordOutcomeCommand(
      {
        action: 'baseline',
        youngPersonId,
        missingEpisodes: r.missingEpisodes,
        arrests: r.arrests,
        placements: r.placements,
        residentialNights: r.residentialNights,
        exclusions: r.exclusions,
        source: r.source,
        reason: r.reason ?? '',
      },
      ctx,
    );
  }
  /** A new conference (planned), or the next stage of one (`fgcId`). */
  static conference(
    youngPersonId: string,
    fgcId: string | null,
    r: ConferenceRequest,
    ctx: RequestContext,
  ) {
    return new RecordOutcomeCommand(
      {
        action: 'conference',
        youngPersonId,
        fgcId: fgcId ?? newId(ctx, 'conference'),
        stage: r.stage,
        on: r.on,
        note: r.note ?? '',
      },
      ctx,
    );
  }
}

const idOf = (input: OutcomeInput): string | null => {
  switch (input.action) {
    case 'justice':
    case 'education':
      return input.entryId;
    case 'open-marker':
    case 'close-marker':
      return input.markerId;
    case 'conference':
      return input.fgcId;
    case 'baseline':
      return null;
  }
};

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
  ) {}
  async execute({ input, ctx }: RecordOutcomeCommand) {
    const f = await this.facts.find(input.youngPersonId, ctx.memo);
    const outcome = await this.commands.execute({
      streamId: outcomesStreamId(input.youngPersonId),
      decider: recordOutcome,
      command: {
        ...input,
        hubId: f?.hubId ?? '',
        caseStatus: f?.status ?? 'none',
        dateOfBirth: f?.dateOfBirth ?? '1900-01-01',
        today: ctx.now.slice(0, 10),
      } as OutcomeCommand,
      ctx,
    });
    return { ...outcome, id: idOf(input) };
  }
}
