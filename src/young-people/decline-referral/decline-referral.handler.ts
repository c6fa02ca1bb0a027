import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, type CommandOutcome, type RequestContext } from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { declineReferral } from './decline-referral.decide.js';

export class DeclineReferralCommand extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly reason: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(DeclineReferralCommand)
export class DeclineReferralHandler implements ICommandHandler<DeclineReferralCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ youngPersonId, reason, ctx }: DeclineReferralCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: declineReferral,
      command: { youngPersonId, reason, now: ctx.now },
      ctx,
    });
  }
}
