import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { acceptReferral, type AcceptReferral } from './accept-referral.decide.js';

export class AcceptReferralCommand extends DecisionCommand<DecisionInput<AcceptReferral>> {
  static from(youngPersonId: string, ctx: RequestContext) {
    return new AcceptReferralCommand({ youngPersonId }, ctx);
  }
}

@CommandHandler(AcceptReferralCommand)
export class AcceptReferralHandler implements ICommandHandler<AcceptReferralCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ input, ctx }: AcceptReferralCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(input.youngPersonId),
      decider: acceptReferral,
      command: { ...input, now: ctx.now },
      ctx,
    });
  }
}
