import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type { GoalStatusRequest, ReviewPlanRequest, SetGoalRequest } from './plan.dto.js';
import {
  changeGoalStatus,
  reviewPlan,
  setGoal,
  type ChangeGoalStatus,
  type ReviewPlan,
  type SetGoal,
} from './plan.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class SetGoalCommand extends DecisionCommand<DecisionInput<SetGoal>> {
  static from(youngPersonId: string, r: SetGoalRequest, ctx: RequestContext) {
    return new SetGoalCommand(
      {
        youngPersonId,
        goalId: newId(ctx, 'goal'),
        area: r.area,
        description: r.description,
        targetDate: r.targetDate,
      },
      ctx,
    );
  }
}
export class ChangeGoalStatusCommand extends DecisionCommand<DecisionInput<ChangeGoalStatus>> {
  static from(
    youngPersonId: string,
    r: GoalStatusRequest & { goalId: string },
    ctx: RequestContext,
  ) {
    return new ChangeGoalStatusCommand(
      { youngPersonId, goalId: r.goalId, status: r.status, note: r.note ?? null },
      ctx,
    );
  }
}
export class ReviewPlanCommand extends DecisionCommand<DecisionInput<ReviewPlan>> {
  static from(youngPersonId: string, r: ReviewPlanRequest, ctx: RequestContext) {
    return new ReviewPlanCommand(
      { youngPersonId, kind: r.kind, reviewedOn: r.reviewedOn, notes: r.notes },
      ctx,
    );
  }
}

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: SetGoalCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: setGoal,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ChangeGoalStatusCommand)
export class ChangeGoalStatusHandler implements ICommandHandler<ChangeGoalStatusCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: ChangeGoalStatusCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: changeGoalStatus,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}

@CommandHandler(ReviewPlanCommand)
export class ReviewPlanHandler implements ICommandHandler<ReviewPlanCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}
  execute({ input, ctx }: ReviewPlanCommand) {
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: reviewPlan,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
