import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedCommands, type CommandOutcome, type RequestContext } from '#platform';
import { youngPersonStreamId } from '../young-people.events.js';
import { acceptReferral } from './accept-referral.decide.js';

export class AcceptReferralCommand extends Command<CommandOutcome> {
  constructor(
    readonly youngPersonId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(AcceptReferralCommand)
export class AcceptReferralHandler implements ICommandHandler<AcceptReferralCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  execute({ youngPersonId, ctx }: AcceptReferralCommand) {
    return this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: acceptReferral,
      command: { youngPersonId, now: ctx.now },
      ctx,
    });
  }
}
