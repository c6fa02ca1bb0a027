import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  EventSourcedCommands,
  newId,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
  type RequestMemo,
} from '#platform';
import { DomainError } from '#kernel';
import { inScope, type AccessScope } from '../../access/index.js';
import { HUB_REGISTER, type HubRegister } from '../hub-register.port.js';
import { CaseFactsFromStreams } from '../case-facts.provider.js';
import { youngPersonStreamId } from '../young-people.events.js';
import { IdentityRegistry, identityKey } from './identity-registry.js';
import {
  receiveReferral,
  validateReferral,
  type ReceiveReferral,
} from './receive-referral.decide.js';
import type { ReceiveReferralRequest } from './receive-referral.dto.js';

/**
 * Where a referral landed. `forwarded`: the young person's case is held by a hub the referrer
 * cannot see, so the referral was recorded there as a request to that hub, and the referrer is
 * told only that it was received (no id, nothing of the case).
 */
export type ReferralOutcome = CommandOutcome &
  ({ forwarded: false; youngPersonId: string; repeat: boolean } | { forwarded: true });

/**
 * The referral as its decider takes it, less what the handler finds out: which case it belongs
 * to (named, matched by identity, or new), whether the hub exists, whether it is forwarded.
 */
type ReferralInput = DecisionInput<
  ReceiveReferral,
  'youngPersonId' | 'referralId' | 'match' | 'forwarded' | 'hubExists' | 'splitFrom'
> & { youngPersonId: string | null };

export class ReceiveReferralCommand extends DecisionCommand<ReferralInput, ReferralOutcome> {
  constructor(
    input: ReferralInput,
    ctx: RequestContext,
    /** Who refers, and the scope the policy gave them for referring. */
    readonly access: AccessScope,
  ) {
    super(input, ctx);
  }

  static from(r: ReceiveReferralRequest, ctx: RequestContext, access: AccessScope) {
    return new ReceiveReferralCommand(
      {
        youngPersonId: r.youngPersonId ?? null,
        hubId: r.hubId,
        category: r.category,
        youngPerson: {
          givenName: r.youngPerson.givenName,
          familyName: r.youngPerson.familyName,
          dateOfBirth: r.youngPerson.dateOfBirth,
        },
        socialWorker: { name: r.socialWorker.name, team: r.socialWorker.team },
        reason: r.reason,
      },
      ctx,
      access,
    );
  }
}

const streamPrefix = youngPersonStreamId('');

@CommandHandler(ReceiveReferralCommand)
export class ReceiveReferralHandler implements ICommandHandler<ReceiveReferralCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(HUB_REGISTER) private readonly hubs: HubRegister,
    private readonly identities: IdentityRegistry,
    private readonly cases: CaseFactsFromStreams,
  ) {}

  async execute({ input: request, ctx, access }: ReceiveReferralCommand): Promise<ReferralOutcome> {
    // A retry (or a reused key) is answered before any identity is claimed: a claim made with
    // this key for another body would otherwise collide with the first one's.
    const stored = await this.commands.recorded(ctx);
    if (stored) return this.answer(stored, stored.streamId.slice(streamPrefix.length), access);

    const hubExists = (await this.hubs.statusOf(request.hubId)) === 'open';
    // Refuse a bad referral before claiming an identity, so nothing at all is appended.
    validateReferral({ ...request, hubExists, now: ctx.now });
    let youngPersonId: string;
    let match: 'new' | 'explicit' | 'identity';
    if (request.youngPersonId) {
      youngPersonId = request.youngPersonId;
      match = 'explicit';
      // Adding to a case needs the right to write it; an unknown id and another hub's id answer
      // alike, so ids cannot be probed.
      if (!(await this.visible(youngPersonId, access, ctx.memo))) {
        throw new DomainError(
          'YOUNG_PERSON.NOT_FOUND',
          `no young person ${youngPersonId}`,
          404,
          'youngPersonId',
        );
      }
    } else {
      const candidate = newId(ctx, 'young-person');
      youngPersonId = await this.identities.claim(identityKey(request.youngPerson), candidate, ctx);
      match = youngPersonId === candidate ? 'new' : 'identity';
    }
    const forwarded =
      match === 'identity' && !(await this.visible(youngPersonId, access, ctx.memo));
    const { youngPersonId: _named, ...referral } = request;
    const outcome = await this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: receiveReferral,
      command: {
        ...referral,
        youngPersonId,
        referralId: newId(ctx, 'referral'),
        match,
        forwarded,
        hubExists,
        now: ctx.now,
      },
      ctx,
    });
    return this.answer(outcome, youngPersonId, access);
  }

  /** Whether the referrer may see (and so add to) this young person's case. */
  private async visible(youngPersonId: string, access: AccessScope, memo?: RequestMemo) {
    const facts = await this.cases.find(youngPersonId, memo);
    return facts !== null && inScope(access.scope, access.user, facts);
  }

  private async answer(
    outcome: CommandOutcome,
    youngPersonId: string,
    access: AccessScope,
  ): Promise<ReferralOutcome> {
    // Revision 0 is the referral that opened the case; anything later was recorded on it.
    if (outcome.revision === 0 || (await this.visible(youngPersonId, access)))
      return { ...outcome, forwarded: false, youngPersonId, repeat: outcome.revision > 0 };
    return { ...outcome, forwarded: true };
  }
}
