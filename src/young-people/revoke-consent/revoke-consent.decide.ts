import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface RevokeConsent {
  youngPersonId: string;
  visitorId: string;
  now: string;
}

export function decideRevokeConsent(
  command: RevokeConsent,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (!open.consents.some((c) => c.visitorId === command.visitorId)) {
    throw new DomainError(
      'CONSENT.NOT_IN_FORCE',
      'this visitor has no consent to revoke',
      409,
      'visitorId',
    );
  }
  return [
    {
      type: 'ConsentRevoked',
      data: {
        youngPersonId: command.youngPersonId,
        visitorId: command.visitorId,
        revokedAt: command.now,
      },
    },
  ];
}

export const revokeConsent: Decider<RevokeConsent, YoungPersonEvent, YoungPersonCase> = {
  decide: decideRevokeConsent,
  evolve: evolveCase,
  initialState: initialCase,
};
