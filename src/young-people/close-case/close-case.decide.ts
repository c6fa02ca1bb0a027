import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import { MAX_AGE } from '../receive-referral/receive-referral.decide.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { ageOn, existingCase } from '../case-rules.state.js';

export interface CloseCase {
  youngPersonId: string;
  reason: 'reached_25';
  now: string;
}

/** The hub's support runs to 25: the manager confirms the closure once the young person is 25. */
export function decideCloseCase(command: CloseCase, state: YoungPersonCase): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.status !== 'accepted' && open.status !== 'stepped_away') {
    throw new DomainError('CASE.NOT_OPEN', `only an open case closes; this one is ${open.status}`);
  }
  const age = ageOn(open.referral.youngPerson.dateOfBirth, command.now);
  if (age < MAX_AGE) {
    throw new DomainError(
      'CASE.NOT_YET_25',
      `the young person is ${age}; the case closes on or after their ${MAX_AGE}th birthday`,
    );
  }
  return [
    {
      type: 'CaseClosed',
      data: { youngPersonId: command.youngPersonId, reason: command.reason, closedAt: command.now },
    },
  ];
}

export const closeCase: Decider<CloseCase, YoungPersonEvent, YoungPersonCase> = {
  decide: decideCloseCase,
  evolve: evolveCase,
  initialState: initialCase,
};
