import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type RequestContext,
} from '../../../libs/platform/src/index.js';
import { HubDirectory } from '../../hub-placements/index.js';
import { youngPersonStreamId } from '../young-people.events.js';
import { IdentityRegistry, identityKey } from './identity-registry.js';
import { receiveReferral, validateReferral } from './receive-referral.decide.js';
import type { ReceiveReferralRequest } from './receive-referral.dto.js';

export class ReceiveReferralCommand extends Command<
  CommandOutcome & { youngPersonId: string; repeat: boolean }
> {
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
    private readonly identities: IdentityRegistry,
  ) {}

  async execute({ request, ctx }: ReceiveReferralCommand) {
    const hubExists = (await this.hubs.find(request.hubId)).status === 'open';
    // Refuse a bad referral before claiming an identity, so nothing at all is appended.
    validateReferral({ ...request, hubExists, now: ctx.now });
    let youngPersonId: string;
    let match: 'new' | 'explicit' | 'identity';
    if (request.youngPersonId) {
      youngPersonId = request.youngPersonId;
      match = 'explicit';
    } else {
      const candidate = newId(ctx, 'young-person');
      youngPersonId = await this.identities.claim(identityKey(request.youngPerson), candidate, ctx);
      match = youngPersonId === candidate ? 'new' : 'identity';
    }
    const { youngPersonId: _named, ...referral } = request;
    const outcome = await this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: receiveReferral,
      command: {
        ...referral,
        youngPersonId,
        referralId: newId(ctx, 'referral'),
        match,
        hubExists,
        now: ctx.now,
      },
      ctx,
    });
    // Revision 0 is the referral that opened the case; anything later was recorded on it.
    return { ...outcome, youngPersonId, repeat: outcome.revision > 0 };
  }
}
