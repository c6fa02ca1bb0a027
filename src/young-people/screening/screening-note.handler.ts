import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import { EventSourcedCommands } from '#platform';
import type { ScreeningNoteRequest } from './screening-note.dto.js';
import { recordScreeningNote } from './record-screening-note.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class RecordScreeningNoteCommand extends CaseCommand<ScreeningNoteRequest> {}

@CommandHandler(RecordScreeningNoteCommand)
export class RecordScreeningNoteHandler implements ICommandHandler<RecordScreeningNoteCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: RecordScreeningNoteCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: recordScreeningNote,
      command: { youngPersonId, note: request.note, now: ctx.now },
      ctx,
    });
  }
}
