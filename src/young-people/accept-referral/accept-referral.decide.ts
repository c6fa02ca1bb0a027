import type { Decider } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { awaitingDecision } from '../case-rules.state.js';

export interface AcceptReferral {
  youngPersonId: string;
  now: string;
}

export function decideAcceptReferral(
  command: AcceptReferral,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  awaitingDecision(state, command.youngPersonId, 'accepted');
  return [
    {
      type: 'ReferralAccepted',
      data: { youngPersonId: command.youngPersonId, acceptedAt: command.now },
    },
  ];
}

export const acceptReferral: Decider<AcceptReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideAcceptReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
