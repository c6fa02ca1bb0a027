import type { Decider } from '../../../libs/platform/src/decider.js';
import { DomainError } from '../../../libs/platform/src/domain-error.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import {
  evolveCase,
  existingCase,
  initialCase,
  type YoungPersonCase,
} from '../young-person-case.js';

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
