import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { ReferralCategory, YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { ageOn } from '../case-rules.state.js';

export const MIN_AGE = 12;
export const MAX_AGE = 25;

export interface ReceiveReferral {
  youngPersonId: string;
  referralId: string;
  /**
   * How this referral found its case: `new` (nobody known), `explicit` (the referrer named the
   * young person's id), `identity` (same name and date of birth as a known young person).
   */
  match: 'new' | 'explicit' | 'identity';
  /**
   * The case is held by a hub the referrer cannot see: the referral is recorded there as a
   * request to that hub, to confirm as the same young person or not.
   */
  forwarded?: boolean;
  hubId: string;
  /** Whether the hub exists: the handler looks it up, the decider only judges. */
  hubExists: boolean;
  category: ReferralCategory;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  socialWorker: { name: string; team: string };
  reason: string;
  splitFrom?: { youngPersonId: string; referralId: string } | null;
  now: string;
}

/** The rules any referral must meet, whichever case it lands on. */
export function validateReferral(
  command: Pick<ReceiveReferral, 'hubId' | 'hubExists' | 'youngPerson' | 'now'>,
): void {
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
}

export function decideReceiveReferral(
  command: ReceiveReferral,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  validateReferral(command);
  const details = {
    youngPersonId: command.youngPersonId,
    hubId: command.hubId,
    category: command.category,
    youngPerson: {
      givenName: command.youngPerson.givenName.trim(),
      familyName: command.youngPerson.familyName.trim(),
      dateOfBirth: command.youngPerson.dateOfBirth,
    },
    socialWorker: {
      name: command.socialWorker.name.trim(),
      team: command.socialWorker.team.trim(),
    },
    reason: command.reason.trim(),
    referredAt: command.now,
    referralId: command.referralId,
  };
  if (state.status === 'none') {
    if (command.match === 'explicit') {
      throw new DomainError(
        'YOUNG_PERSON.NOT_FOUND',
        `no young person ${command.youngPersonId}`,
        404,
        'youngPersonId',
      );
    }
    return [
      { type: 'ReferralReceived', data: { ...details, splitFrom: command.splitFrom ?? null } },
    ];
  }
  // `new` finding a case: a referral for the same identity, decided at the same instant, opened
  // it first under the id this one claimed. It is the same name and date of birth: flag it too.
  return [
    {
      type: 'RepeatReferralReceived',
      data: {
        ...details,
        possibleDuplicate: command.match !== 'explicit',
        backToScreening: state.status === 'declined',
        ...(command.forwarded ? { forwarded: true } : {}),
      },
    },
  ];
}

export const receiveReferral: Decider<ReceiveReferral, YoungPersonEvent, YoungPersonCase> = {
  decide: decideReceiveReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
