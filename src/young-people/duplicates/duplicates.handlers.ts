import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import {
  DecisionCommand,
  EVENT_STORE,
  EventSourcedCommands,
  uuidFromHash,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { fold } from '#kernel';
import { receiveReferral } from '../receive-referral/receive-referral.decide.js';
import { youngPersonStreamId, type YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import {
  decideDuplicateReferral,
  pendingDuplicate,
  type DecideDuplicate,
} from './duplicates.decide.js';

export class DecideDuplicateCommand extends DecisionCommand<
  DecisionInput<DecideDuplicate, 'newYoungPersonId'>,
  CommandOutcome & { newYoungPersonId: string | null }
> {
  static from(
    youngPersonId: string,
    referralId: string,
    decision: 'confirm' | 'reject',
    ctx: RequestContext,
  ) {
    return new DecideDuplicateCommand({ youngPersonId, referralId, decision }, ctx);
  }
}

/**
 * Confirm: the same young person. Reject: someone else, so their referral opens a case of their
 * own. The new case's id derives from the old case and the referral, and it is created before the
 * rejection is recorded, so a retry after a crash in between finishes the job instead of opening
 * a second case.
 */
@CommandHandler(DecideDuplicateCommand)
export class DecideDuplicateHandler implements ICommandHandler<DecideDuplicateCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ input, ctx }: DecideDuplicateCommand) {
    const { youngPersonId, referralId, decision } = input;
    let newYoungPersonId: string | null = null;
    if (decision === 'reject') {
      const events = await this.store.readStream(youngPersonStreamId(youngPersonId));
      const state = fold<YoungPersonEvent, YoungPersonCase>(
        { evolve: evolveCase, initialState: initialCase },
        events,
      );
      const referral = pendingDuplicate(state, youngPersonId, referralId);
      newYoungPersonId = uuidFromHash(`split:${youngPersonId}:${referralId}`);
      const existing = await this.store.readStream(youngPersonStreamId(newYoungPersonId), {
        toRevision: 0,
      });
      if (existing.length === 0) {
        await this.commands.execute({
          streamId: youngPersonStreamId(newYoungPersonId),
          decider: receiveReferral,
          command: {
            youngPersonId: newYoungPersonId,
            referralId,
            match: 'new',
            hubId: referral.hubId,
            hubExists: true,
            category: referral.category,
            youngPerson: referral.youngPerson,
            socialWorker: referral.socialWorker,
            reason: referral.reason,
            splitFrom: { youngPersonId, referralId },
            // The referral keeps the date it was made; it is judged as of then.
            now: referral.referredAt,
          },
          ctx,
          step: 'new-case',
        });
      }
    }
    const outcome = await this.commands.execute({
      streamId: youngPersonStreamId(youngPersonId),
      decider: decideDuplicateReferral,
      command: { ...input, newYoungPersonId, now: ctx.now },
      ctx,
    });
    return { ...outcome, newYoungPersonId };
  }
}
