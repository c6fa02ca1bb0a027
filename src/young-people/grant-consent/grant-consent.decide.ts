import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface GrantConsent {
  youngPersonId: string;
  visitorId: string;
  visitorName: string;
  now: string;
}

export function decideGrantConsent(
  command: GrantConsent,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.consents.some((c) => c.visitorId === command.visitorId)) {
    throw new DomainError(
      'CONSENT.ALREADY_IN_FORCE',
      'this visitor already has consent',
      409,
      'visitorId',
    );
  }
  return [
    {
      type: 'ConsentGranted',
      data: {
        youngPersonId: command.youngPersonId,
        visitorId: command.visitorId,
        visitorName: command.visitorName.trim(),
        grantedAt: command.now,
      },
    },
  ];
}

export const grantConsent: Decider<GrantConsent, YoungPersonEvent, YoungPersonCase> = {
  decide: decideGrantConsent,
  evolve: evolveCase,
  initialState: initialCase,
};
