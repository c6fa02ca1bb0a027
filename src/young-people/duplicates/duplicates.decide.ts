import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import {
  evolveCase,
  initialCase,
  type RepeatReferral,
  type YoungPersonCase,
} from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface DecideDuplicate {
  youngPersonId: string;
  referralId: string;
  decision: 'confirm' | 'reject';
  /** For a rejection: the case opened for the other young person. */
  newYoungPersonId: string | null;
  now: string;
}

/** The possible duplicate this command is about, if it still awaits the manager. */
export function pendingDuplicate(
  state: YoungPersonCase,
  youngPersonId: string,
  referralId: string,
): RepeatReferral {
  const open = existingCase(state, youngPersonId);
  const referral = open.repeatReferrals.find((r) => r.referralId === referralId);
  if (!referral || referral.duplicate === 'not_flagged') {
    throw new DomainError(
      'DUPLICATE.NOT_FOUND',
      `no possible duplicate referral ${referralId} on this case`,
      404,
      'referralId',
    );
  }
  if (referral.duplicate !== 'pending') {
    throw new DomainError(
      'DUPLICATE.ALREADY_DECIDED',
      `this possible duplicate was ${referral.duplicate}`,
    );
  }
  return referral;
}

export function decideDuplicate(
  command: DecideDuplicate,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  pendingDuplicate(state, command.youngPersonId, command.referralId);
  if (command.decision === 'confirm') {
    return [
      {
        type: 'DuplicateConfirmed',
        data: {
          youngPersonId: command.youngPersonId,
          referralId: command.referralId,
          confirmedAt: command.now,
        },
      },
    ];
  }
  if (!command.newYoungPersonId)
    throw new Error('a rejection names the case opened for the other young person');
  return [
    {
      type: 'DuplicateRejected',
      data: {
        youngPersonId: command.youngPersonId,
        referralId: command.referralId,
        newYoungPersonId: command.newYoungPersonId,
        rejectedAt: command.now,
      },
    },
  ];
}

export const decideDuplicateReferral: Decider<DecideDuplicate, YoungPersonEvent, YoungPersonCase> =
  {
    decide: decideDuplicate,
    evolve: evolveCase,
    initialState: initialCase,
  };
