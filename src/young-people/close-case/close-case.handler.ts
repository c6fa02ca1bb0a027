import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import { EventSourcedCommands } from '#platform';
import type { CloseCaseRequest } from './close-case.dto.js';
import { closeCase } from './close-case.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class CloseCaseCommand extends CaseCommand<CloseCaseRequest> {}

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: CloseCaseCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: closeCase,
      command: { youngPersonId, reason: request.reason, now: ctx.now },
      ctx,
    });
  }
}
