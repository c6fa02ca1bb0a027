import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  newId,
  toInstant,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { OutreachWriter, person, type OutreachInput } from '../outreach-writer.js';
import {
  recordInterview,
  recordReturn,
  reportMissing,
  updateMissing,
  type RecordInterview,
  type RecordReturn,
  type ReportMissing,
  type UpdateMissing,
} from './missing.decide.js';
import type {
  RecordInterviewRequest,
  RecordReturnRequest,
  ReportMissingRequest,
  UpdateMissingRequest,
} from './missing.dto.js';

type Outcome<T = object> = CommandOutcome & T;

export class ReportMissingCommand extends DecisionCommand<
  OutreachInput<ReportMissing>,
  Outcome<{ episodeId: string }>
> {
  static from(youngPersonId: string, r: ReportMissingRequest, ctx: RequestContext) {
    return new ReportMissingCommand(
      {
        episodeId: newId(ctx, 'missing-episode'),
        youngPersonId,
        category: r.category,
        startedAt: toInstant(r.startedAt),
        policeInformed: r.policeInformed,
        policeReference: r.policeReference ?? null,
        circumstances: r.circumstances,
        by: person(ctx),
      },
      ctx,
    );
  }
}
export class UpdateMissingCommand extends DecisionCommand<OutreachInput<UpdateMissing>> {
  static from(
    youngPersonId: string,
    episodeId: string,
    r: UpdateMissingRequest,
    ctx: RequestContext,
  ) {
    return new UpdateMissingCommand(
      { episodeId, youngPersonId, note: r.note, policeReference: r.policeReference ?? null },
      ctx,
    );
  }
}
export class RecordReturnCommand extends DecisionCommand<
  OutreachInput<RecordReturn, 'windowHours'>
> {
  static from(
    youngPersonId: string,
    episodeId: string,
    r: RecordReturnRequest,
    ctx: RequestContext,
  ) {
    return new RecordReturnCommand(
      { episodeId, youngPersonId, returnedAt: toInstant(r.returnedAt), whereFound: r.whereFound },
      ctx,
    );
  }
}
export class RecordInterviewCommand extends DecisionCommand<OutreachInput<RecordInterview>> {
  static from(
    youngPersonId: string,
    episodeId: string,
    r: RecordInterviewRequest,
    ctx: RequestContext,
  ) {
    return new RecordInterviewCommand(
      {
        episodeId,
        youngPersonId,
        outcome: r.outcome,
        at: toInstant(r.at),
        by: r.by ?? null,
        notes: r.notes ?? null,
      },
      ctx,
    );
  }
}

@CommandHandler(ReportMissingCommand)
export class ReportMissingHandler implements ICommandHandler<ReportMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ input, ctx }: ReportMissingCommand) {
    const outcome = await this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: reportMissing,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
      occurredAt: input.startedAt,
    });
    return { ...outcome, episodeId: input.episodeId };
  }
}

@CommandHandler(UpdateMissingCommand)
export class UpdateMissingHandler implements ICommandHandler<UpdateMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ input, ctx }: UpdateMissingCommand) {
    return this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: updateMissing,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
    });
  }
}

@CommandHandler(RecordReturnCommand)
export class RecordReturnHandler implements ICommandHandler<RecordReturnCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ input, ctx }: RecordReturnCommand) {
    return this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: recordReturn,
      command: (snapshot) => ({
        ...snapshot,
        ...input,
        windowHours: this.writer.settings.returnInterviewWindowHours,
        now: ctx.now,
      }),
      ctx,
      occurredAt: input.returnedAt,
    });
  }
}

@CommandHandler(RecordInterviewCommand)
export class RecordInterviewHandler implements ICommandHandler<RecordInterviewCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ input, ctx }: RecordInterviewCommand) {
    return this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: recordInterview,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
      occurredAt: input.at,
    });
  }
}

export const missingHandlers = [
  ReportMissingHandler,
  UpdateMissingHandler,
  RecordReturnHandler,
  RecordInterviewHandler,
];
