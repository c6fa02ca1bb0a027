import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { declineReferral, type DeclineReferral } from './decline-referral.decide.js';

export class DeclineReferralCommand extends DecisionCommand<DecisionInput<DeclineReferral>> {
  static from(youngPersonId: string, reason: string, ctx: RequestContext) {
    return new DeclineReferralCommand({ youngPersonId, reason }, ctx);
  }
}

@CommandHandler(DeclineReferralCommand)
export class DeclineReferralHandler implements ICommandHandler<DeclineReferralCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ input, ctx }: DeclineReferralCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: declineReferral,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
