import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { ReferralDetailsCorrected } from '../plan-and-closure.events.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface CorrectReferralDetails {
  youngPersonId: string;
  /** The stored event that opened the case (the handler reads it from the stream). */
  referralEventId: string;
  changes: ReferralDetailsCorrected['data']['changes'];
  reason: string;
  now: string;
}

/** A correction references what it corrects; the case shows the new value and keeps the old. */
export function decideCorrectReferral(
  command: CorrectReferralDetails,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  const r = open.referral;
  const current: Record<string, string> = {
    givenName: r.youngPerson.givenName,
    familyName: r.youngPerson.familyName,
    dateOfBirth: r.youngPerson.dateOfBirth,
    socialWorkerName: r.socialWorker.name,
    socialWorkerTeam: r.socialWorker.team,
  };
  const changes = Object.fromEntries(
    Object.entries(command.changes)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, k === 'dateOfBirth' ? v : String(v).trim()])
      .filter(([k, v]) => current[k] !== v),
  ) as CorrectReferralDetails['changes'];
  if (Object.keys(changes).length === 0) {
    throw new DomainError(
      'CORRECTION.NOTHING_TO_CORRECT',
      'every value given is the one recorded already',
      422,
    );
  }
  if (changes.dateOfBirth && changes.dateOfBirth > r.referredAt.slice(0, 10)) {
    throw new DomainError(
      'YOUNG_PERSON.DATE_OF_BIRTH_IN_FUTURE',
      'the date of birth is after the referral date',
      422,
      'dateOfBirth',
    );
  }
  return [
    {
      type: 'ReferralDetailsCorrected',
      data: {
        youngPersonId: command.youngPersonId,
        corrects: command.referralEventId,
        changes,
        reason: command.reason.trim(),
        correctedAt: command.now,
      },
    },
  ];
}

export const correctReferral: Decider<CorrectReferralDetails, YoungPersonEvent, YoungPersonCase> = {
  decide: decideCorrectReferral,
  evolve: evolveCase,
  initialState: initialCase,
};
