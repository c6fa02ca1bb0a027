import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type { ReopenCaseRequest, StepAwayRequest } from './step-away.dto.js';
import { reopenCase, stepAway, type ReopenCase, type StepAway } from './step-away.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class StepAwayCommand extends DecisionCommand<DecisionInput<StepAway>> {
  static from(youngPersonId: string, r: StepAwayRequest, ctx: RequestContext) {
    return new StepAwayCommand({ youngPersonId, reason: r.reason, on: r.on }, ctx);
  }
}
export class ReopenCaseCommand extends DecisionCommand<DecisionInput<ReopenCase>> {
  static from(youngPersonId: string, r: ReopenCaseRequest, ctx: RequestContext) {
    return new ReopenCaseCommand({ youngPersonId, reason: r.reason }, ctx);
  }
}

@CommandHandler(StepAwayCommand)
export class StepAwayHandler implements ICommandHandler<StepAwayCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: StepAwayCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: stepAway,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: ReopenCaseCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: reopenCase,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
