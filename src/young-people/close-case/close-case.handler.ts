import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type { CloseCaseRequest } from './close-case.dto.js';
import { closeCase, type CloseCase } from './close-case.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

export class CloseCaseCommand extends DecisionCommand<DecisionInput<CloseCase>> {
  static from(youngPersonId: string, r: CloseCaseRequest, ctx: RequestContext) {
    return new CloseCaseCommand({ youngPersonId, reason: r.reason }, ctx);
  }
}

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: CloseCaseCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: closeCase,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
