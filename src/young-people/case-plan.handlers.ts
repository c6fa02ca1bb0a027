import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from './case-command.js';
import type { EventStore } from '#event-store';
import { EVENT_STORE, EventSourcedCommands, newId } from '#platform';
import type {
  CloseCaseRequest,
  CorrectReferralRequest,
  GoalStatusRequest,
  ReviewPlanRequest,
  SetGoalRequest,
} from './case-plan.dto.js';
import { closeCase } from './close-case/close-case.decide.js';
import { correctReferral } from './correct-referral/correct-referral.decide.js';
import { changeGoalStatus, reviewPlan, setGoal } from './plan/plan.decide.js';
import { youngPersonStreamId } from './young-people.events.js';

export class SetGoalCommand extends CaseCommand<SetGoalRequest> {}
export class ChangeGoalStatusCommand extends CaseCommand<GoalStatusRequest & { goalId: string }> {}
export class ReviewPlanCommand extends CaseCommand<ReviewPlanRequest> {}
export class CloseCaseCommand extends CaseCommand<CloseCaseRequest> {}
export class CorrectReferralCommand extends CaseCommand<CorrectReferralRequest> {}

const stream = youngPersonStreamId;

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

@CommandHandler(CorrectReferralCommand)
export class CorrectReferralHandler implements ICommandHandler<CorrectReferralCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute({ youngPersonId, request, ctx }: CorrectReferralCommand) {
    const [opened] = await this.store.readStream(stream(youngPersonId), { toRevision: 0 });
    const { reason, ...changes } = request;
    return this.commands.execute({
      streamId: stream(youngPersonId),
      decider: correctReferral,
      command: {
        youngPersonId,
        referralEventId: opened?.eventId ?? '',
        changes,
        reason,
        now: ctx.now,
      },
      ctx,
    });
  }
}

export const casePlanHandlers = [
  SetGoalHandler,
  ChangeGoalStatusHandler,
  ReviewPlanHandler,
  CloseCaseHandler,
  CorrectReferralHandler,
];
