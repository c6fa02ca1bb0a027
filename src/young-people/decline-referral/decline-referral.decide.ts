import type { Decider } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { awaitingDecision } from '../case-rules.state.js';

export interface DeclineReferral {
  youngPersonId: string;
  reason: string;
  now: string;
}

export function decideDeclineReferral(
  command: DeclineReferral,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  awaitingDecision(state, command.youngPersonId, 'declined');
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
}

export const declineReferral: Decider<DeclineReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideDeclineReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
