import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommand } from '../case-command.js';
import type { EventStore } from '#event-store';
import { EVENT_STORE, EventSourcedCommands } from '#platform';
import type { CorrectReferralRequest } from './correct-referral.dto.js';
import { correctReferral } from './correct-referral.decide.js';
import { youngPersonStreamId } from '../young-people.events.js';

const stream = youngPersonStreamId;

export class CorrectReferralCommand extends CaseCommand<CorrectReferralRequest> {}

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
