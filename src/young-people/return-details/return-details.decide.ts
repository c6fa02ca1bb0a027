import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { ReturnDetailsRecorded, YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

/** The return's details as the form or the API gives them (codes checked at the edge). */
export interface RecordReturnDetails {
  youngPersonId: string;
  childId: string;
  sex: 'M' | 'F';
  ethnicity: string;
  upn: string | null;
  upnReason: string | null;
  mother: '0' | '1' | null;
  babyDateOfBirth: string | null;
  cin: string;
  /** Already in the directory's form ("SO23 8UJ"). */
  homePostcode: string;
  uasc: boolean;
  uascCeasedOn: string | null;
  now: string;
}

/**
 * The rules the DfE checks that can be checked when the details are written, so the return is
 * clean by construction: a UPN or the reason there is none (never both); a mother is a girl, and
 * a mother's baby has a date of birth after hers.
 */
export function decideRecordReturnDetails(
  c: RecordReturnDetails,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, c.youngPersonId);
  if ((c.upn === null) === (c.upnReason === null)) {
    throw new DomainError(
      'RETURN.UPN_OR_REASON',
      'give the unique pupil number, or the reason there is none (UN1 to UN5), not both',
      400,
      'upn',
    );
  }
  if (c.sex === 'M' && c.mother !== null) {
    throw new DomainError(
      'RETURN.MOTHER_IS_FEMALE',
      'only a girl is recorded as a mother',
      400,
      'mother',
    );
  }
  if (c.sex === 'F' && c.mother === null) {
    throw new DomainError(
      'RETURN.MOTHER_REQUIRED',
      'say whether she is a mother (the return asks it of every girl)',
      400,
      'mother',
    );
  }
  if ((c.mother === '1') !== (c.babyDateOfBirth !== null)) {
    throw new DomainError(
      'RETURN.BABY_DATE_OF_BIRTH',
      c.mother === '1'
        ? 'give her baby’s date of birth'
        : 'a baby’s date of birth is recorded only for a mother',
      400,
      'babyDateOfBirth',
    );
  }
  const born = open.referral.youngPerson.dateOfBirth;
  if (c.babyDateOfBirth !== null && c.babyDateOfBirth <= born) {
    throw new DomainError(
      'RETURN.BABY_DATE_OF_BIRTH',
      'her baby’s date of birth must be after her own',
      400,
      'babyDateOfBirth',
    );
  }
  if (c.uasc && c.uascCeasedOn !== null && c.uascCeasedOn <= born) {
    throw new DomainError(
      'RETURN.UASC_CEASED',
      'the day asylum-seeking status ceased must be after the date of birth',
      400,
      'uascCeasedOn',
    );
  }
  const data: ReturnDetailsRecorded['data'] = {
    youngPersonId: c.youngPersonId,
    childId: c.childId.trim(),
    sex: c.sex,
    ethnicity: c.ethnicity,
    upn: c.upn,
    upnReason: c.upnReason,
    mother: c.mother,
    babyDateOfBirth: c.babyDateOfBirth,
    cin: c.cin,
    homePostcode: c.homePostcode,
    uasc: c.uasc ? { ceasedOn: c.uascCeasedOn } : null,
    recordedAt: c.now,
  };
  return [{ type: 'ReturnDetailsRecorded', data }];
}

export const recordReturnDetails: Decider<RecordReturnDetails, YoungPersonEvent, YoungPersonCase> =
  {
    decide: decideRecordReturnDetails,
    evolve: evolveCase,
    initialState: initialCase,
  };
