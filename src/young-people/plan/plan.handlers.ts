import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import { EventSourcedCommands, newId } from '#platform';
import type { GoalStatusRequest, ReviewPlanRequest, SetGoalRequest } from './plan.dto.js';
import { changeGoalStatus, reviewPlan, setGoal } from './plan.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class SetGoalCommand extends CaseCommand<SetGoalRequest> {}
export class ChangeGoalStatusCommand extends CaseCommand<GoalStatusRequest & { goalId: string }> {}
export class ReviewPlanCommand extends CaseCommand<ReviewPlanRequest> {}

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: SetGoalCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: setGoal,
      command: { youngPersonId, goalId: newId(ctx, 'goal'), ...request, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ChangeGoalStatusCommand)
export class ChangeGoalStatusHandler implements ICommandHandler<ChangeGoalStatusCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: ChangeGoalStatusCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: changeGoalStatus,
      command: { youngPersonId, ...request, note: request.note ?? null, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ReviewPlanCommand)
export class ReviewPlanHandler implements ICommandHandler<ReviewPlanCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ youngPersonId, request, ctx }: ReviewPlanCommand) {
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: reviewPlan,
      command: { youngPersonId, ...request, now: ctx.now },
      ctx,
    });
  }
}
