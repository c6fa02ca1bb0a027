import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type RequestContext,
} from '../../../libs/platform/src/index.js';
import { HubDirectory } from '../../hub-placements/index.js';
import { youngPersonStreamId } from '../young-people.events.js';
import { receiveReferral } from './receive-referral.decide.js';
import type { ReceiveReferralRequest } from './receive-referral.dto.js';

export class ReceiveReferralCommand extends Command<CommandOutcome & { youngPersonId: string }> {
  constructor(
    readonly request: ReceiveReferralRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(ReceiveReferralCommand)
export class ReceiveReferralHandler implements ICommandHandler<ReceiveReferralCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly hubs: HubDirectory,
  ) {}

  async execute({ request, ctx }: ReceiveReferralCommand) {
    const youngPersonId = newId(ctx, 'young-person');
    const hub = await this.hubs.find(request.hubId);
    const outcome = await this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: receiveReferral,
      command: { ...request, youngPersonId, hubExists: hub.status === 'open', now: ctx.now },
      ctx,
    });
    return { ...outcome, youngPersonId };
  }
}
