import type { Decider } from '../../../libs/platform/src/decider.js';
import { DomainError } from '../../../libs/platform/src/domain-error.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.js';

export interface AcceptReferral {
  youngPersonId: string;
  now: string;
}

export function decideAcceptReferral(
  command: AcceptReferral,
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
          type: 'ReferralAccepted',
          data: { youngPersonId: command.youngPersonId, acceptedAt: command.now },
        },
      ];
    case 'accepted':
    case 'declined':
      throw new DomainError(
        'YOUNG_PERSON.NOT_REFERRED',
        `the referral was already ${state.status}; only a referral awaiting a decision can be accepted`,
      );
    default: {
      const _exhaustive: never = state;
      return [];
    }
  }
}

export const acceptReferral: Decider<AcceptReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideAcceptReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
