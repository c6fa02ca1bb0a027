import type { Decider } from '../../../libs/platform/src/decider.js';
import { DomainError } from '../../../libs/platform/src/domain-error.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.js';

export interface DeclineReferral {
  youngPersonId: string;
  reason: string;
  now: string;
}

export function decideDeclineReferral(
  command: DeclineReferral,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  switch (state.status) {
    case 'none':
      throw new DomainError(
        'YOUNG_PERSON.NOT_FOUND',
        `no young person ${command.youngPersonId}`,
        404,
      );
    case 'referred':
      return [
        {
          type: 'ReferralDeclined',
          data: {
            youngPersonId: command.youngPersonId,
            reason: command.reason.trim(),
            declinedAt: command.now,
          },
        },
      ];
    case 'accepted':
    case 'declined':
      throw new DomainError(
        'YOUNG_PERSON.NOT_REFERRED',
        `the referral was already ${state.status}; only a referral awaiting a decision can be declined`,
      );
    default: {
      const _exhaustive: never = state;
      return [];
    }
  }
}

export const declineReferral: Decider<DeclineReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideDeclineReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
