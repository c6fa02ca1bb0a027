import type { Decider } from '../../../libs/platform/src/decider.js';
import { DomainError } from '../../../libs/platform/src/domain-error.js';
import type { ReferralCategory, YoungPersonEvent } from '../young-people.events.js';
import { ageOn, evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.js';

export const MIN_AGE = 12;
export const MAX_AGE = 25;

export interface ReceiveReferral {
  youngPersonId: string;
  hubId: string;
  /** Whether the hub exists: the handler looks it up, the decider only judges. */
  hubExists: boolean;
  category: ReferralCategory;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  socialWorker: { name: string; team: string };
  reason: string;
  now: string;
}

export function decideReceiveReferral(
  command: ReceiveReferral,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('YOUNG_PERSON.ALREADY_REFERRED', 'this young person already has a case');
  }
  if (!command.hubExists) {
    throw new DomainError('HUB.NOT_FOUND', `no hub ${command.hubId}`, 422, 'hubId');
  }
  const dob = command.youngPerson.dateOfBirth;
  if (dob > command.now.slice(0, 10)) {
    throw new DomainError(
      'YOUNG_PERSON.DATE_OF_BIRTH_IN_FUTURE',
      'the date of birth is after the referral date',
      422,
      'youngPerson.dateOfBirth',
    );
  }
  const age = ageOn(dob, command.now);
  if (age < MIN_AGE || age > MAX_AGE) {
    throw new DomainError(
      'YOUNG_PERSON.AGE_OUT_OF_RANGE',
      `No Wrong Door works with young people aged ${MIN_AGE} to ${MAX_AGE}; this young person is ${age} on the referral date`,
      422,
      'youngPerson.dateOfBirth',
    );
  }
  return [
    {
      type: 'ReferralReceived',
      data: {
        youngPersonId: command.youngPersonId,
        hubId: command.hubId,
        category: command.category,
        youngPerson: {
          givenName: command.youngPerson.givenName.trim(),
          familyName: command.youngPerson.familyName.trim(),
          dateOfBirth: dob,
        },
        socialWorker: {
          name: command.socialWorker.name.trim(),
          team: command.socialWorker.team.trim(),
        },
        reason: command.reason.trim(),
        referredAt: command.now,
      },
    },
  ];
}

export const receiveReferral: Decider<ReceiveReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideReceiveReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
