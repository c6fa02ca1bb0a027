import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface StepAway {
  youngPersonId: string;
  reason: string;
  /** The date the hub steps away (YYYY-MM-DD). */
  on: string;
  now: string;
}

export interface ReopenCase {
  youngPersonId: string;
  reason: string;
  now: string;
}

export function decideStepAway(command: StepAway, state: YoungPersonCase): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.status !== 'accepted') {
    throw new DomainError(
      'CASE.NOT_OPEN',
      `the hub steps away from an open case; this one is ${open.status}`,
    );
  }
  return [
    {
      type: 'CaseSteppedAway',
      data: {
        youngPersonId: command.youngPersonId,
        reason: command.reason.trim(),
        on: command.on,
        recordedAt: command.now,
      },
    },
  ];
}

/** Reopening keeps the case id, the key worker and the team: no new referral. */
export function decideReopenCase(command: ReopenCase, state: YoungPersonCase): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.status !== 'stepped_away') {
    throw new DomainError(
      'CASE.NOT_STEPPED_AWAY',
      `only a case the hub stepped away from reopens; this one is ${open.status}`,
    );
  }
  return [
    {
      type: 'CaseReopened',
      data: {
        youngPersonId: command.youngPersonId,
        reason: command.reason.trim(),
        reopenedAt: command.now,
      },
    },
  ];
}

export const stepAway: Decider<StepAway, YoungPersonEvent, YoungPersonCase> = {
  decide: decideStepAway,
  evolve: evolveCase,
  initialState: initialCase,
};

export const reopenCase: Decider<ReopenCase, YoungPersonEvent, YoungPersonCase> = {
  decide: decideReopenCase,
  evolve: evolveCase,
  initialState: initialCase,
};
