import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type { ScreeningNoteRequest } from './screening-note.dto.js';
import { recordScreeningNote, type RecordScreeningNote } from './record-screening-note.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

export class RecordScreeningNoteCommand extends DecisionCommand<
  DecisionInput<RecordScreeningNote>
> {
  static from(youngPersonId: string, r: ScreeningNoteRequest, ctx: RequestContext) {
    return new RecordScreeningNoteCommand({ youngPersonId, note: r.note }, ctx);
  }
}

@CommandHandler(RecordScreeningNoteCommand)
export class RecordScreeningNoteHandler implements ICommandHandler<RecordScreeningNoteCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: RecordScreeningNoteCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: recordScreeningNote,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
