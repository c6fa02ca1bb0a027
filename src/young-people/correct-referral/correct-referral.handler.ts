import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import {
  DecisionCommand,
  EVENT_STORE,
  EventSourcedCommands,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import type { CorrectReferralRequest } from './correct-referral.dto.js';
import { correctReferral, type CorrectReferralDetails } from './correct-referral.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class CorrectReferralCommand extends DecisionCommand<
  DecisionInput<CorrectReferralDetails, 'referralEventId'>
> {
  static from(youngPersonId: string, r: CorrectReferralRequest, ctx: RequestContext) {
    const { reason, ...changes } = r;
    return new CorrectReferralCommand({ youngPersonId, changes: { ...changes }, reason }, ctx);
  }
}

@CommandHandler(CorrectReferralCommand)
export class CorrectReferralHandler implements ICommandHandler<CorrectReferralCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute({ input, ctx }: CorrectReferralCommand) {
    const [opened] = await this.store.readStream(stream(input.youngPersonId), { toRevision: 0 });
    return this.commands.execute({
      streamId: stream(input.youngPersonId),
      decider: correctReferral,
      command: { ...input, referralEventId: opened?.eventId ?? '', now: ctx.now },
      ctx,
    });
  }
}
