import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import { EventSourcedCommands } from '#platform';
import type { ReopenCaseRequest, StepAwayRequest } from './step-away.dto.js';
import { reopenCase, stepAway } from './step-away.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class StepAwayCommand extends CaseCommand<StepAwayRequest> {}
export class ReopenCaseCommand extends CaseCommand<ReopenCaseRequest> {}

@CommandHandler(StepAwayCommand)
export class StepAwayHandler implements ICommandHandler<StepAwayCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: StepAwayCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: stepAway,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: ReopenCaseCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: reopenCase,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}
