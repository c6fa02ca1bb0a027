import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, toInstant, type CommandOutcome, type RequestContext } from '#platform';
import { OutreachWriter, person } from '../outreach-writer.js';

type Outcome<T = object> = CommandOutcome & T;
import { recordInterview, recordReturn, reportMissing, updateMissing } from './missing.decide.js';
import type {
  RecordInterviewRequest,
  RecordReturnRequest,
  ReportMissingRequest,
  UpdateMissingRequest,
} from './missing.dto.js';

export class ReportMissingCommand extends Command<Outcome<{ episodeId: string }>> {
  constructor(
    readonly youngPersonId: string,
    readonly request: ReportMissingRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class UpdateMissingCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: UpdateMissingRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordReturnCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: RecordReturnRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordInterviewCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: RecordInterviewRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
@CommandHandler(ReportMissingCommand)
export class ReportMissingHandler implements ICommandHandler<ReportMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ youngPersonId, request, ctx }: ReportMissingCommand) {
    const episodeId = newId(ctx, 'missing-episode');
    const startedAt = toInstant(request.startedAt);
    const outcome = await this.writer.write({
      youngPersonId,
      decider: reportMissing,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        category: request.category,
        startedAt,
        policeInformed: request.policeInformed,
        policeReference: request.policeReference ?? null,
        circumstances: request.circumstances,
        by: person(ctx),
        now: ctx.now,
      }),
      ctx,
      occurredAt: startedAt,
    });
    return { ...outcome, episodeId };
  }
}

@CommandHandler(UpdateMissingCommand)
export class UpdateMissingHandler implements ICommandHandler<UpdateMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: UpdateMissingCommand) {
    return this.writer.write({
      youngPersonId,
      decider: updateMissing,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        note: request.note,
        policeReference: request.policeReference ?? null,
        now: ctx.now,
      }),
      ctx,
    });
  }
}

@CommandHandler(RecordReturnCommand)
export class RecordReturnHandler implements ICommandHandler<RecordReturnCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: RecordReturnCommand) {
    const returnedAt = toInstant(request.returnedAt);
    return this.writer.write({
      youngPersonId,
      decider: recordReturn,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        returnedAt,
        whereFound: request.whereFound,
        windowHours: this.writer.settings.returnInterviewWindowHours,
        now: ctx.now,
      }),
      ctx,
      occurredAt: returnedAt,
    });
  }
}

@CommandHandler(RecordInterviewCommand)
export class RecordInterviewHandler implements ICommandHandler<RecordInterviewCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: RecordInterviewCommand) {
    const at = toInstant(request.at);
    return this.writer.write({
      youngPersonId,
      decider: recordInterview,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        outcome: request.outcome,
        at,
        by: request.by ?? null,
        notes: request.notes ?? null,
        now: ctx.now,
      }),
      ctx,
      occurredAt: at,
    });
  }
}

export const missingHandlers = [
  ReportMissingHandler,
  UpdateMissingHandler,
  RecordReturnHandler,
  RecordInterviewHandler,
];
