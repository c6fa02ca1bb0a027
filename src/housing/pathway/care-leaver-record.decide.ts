import { collectionYearOf } from '#ssda903';
import { addMonths, birthdayAt, DomainError } from '#kernel';
import type { HousingPathwayEvent } from '../housing.events.js';
import {
  decider,
  openCase,
  type CaseOfPathway,
  type HousingPathway,
} from './housing-pathway.decide.js';

/**
 * The care leaver's OC3 record (SSDA903) at each birthday from 17 to 21, on the housing stream:
 * one per birthday, for care leavers (by referral or by the care the case holds), inside the collection window around the birthday.
 */
/** OC3 records are taken from 3 months before to 1 month after each birthday, 17 to 21. */
export const OC3_WINDOW = { monthsBefore: 3, monthsAfter: 1 };

export function oc3Window(dateOfBirth: string, age: number) {
  const birthday = birthdayAt(dateOfBirth, age);
  return {
    birthday,
    from: addMonths(birthday, -OC3_WINDOW.monthsBefore),
    to: addMonths(birthday, OC3_WINDOW.monthsAfter),
  };
}

export type RecordCareLeaver = CaseOfPathway & {
  age: number;
  /**
   * Whether the care the case holds makes them a care leaver on that birthday (13 weeks looked
   * after since 14, some after 16, not looked after that day), looked up before deciding.
   */
  careLeaverByHistory: boolean;
  inTouch: string;
  activ: string | null;
  accom: string | null;
};

export function decideRecordCareLeaver(
  c: RecordCareLeaver,
  state: HousingPathway,
): HousingPathwayEvent[] {
  openCase(c);
  // Referred as a care leaver, or made one by the care the case holds (a hub stay, say).
  if (c.category !== 'care_leaver' && !c.careLeaverByHistory) {
    throw new DomainError(
      'OC3.NOT_A_CARE_LEAVER',
      'OC3 records are kept for care leavers: referred as one, or looked after 13 weeks since their 14th birthday (some after 16) and not looked after on the birthday',
    );
  }
  if (state.careLeaverRecords.includes(c.age)) {
    throw new DomainError(
      'OC3.ALREADY_RECORDED',
      `the record for the ${c.age}th birthday is made`,
      409,
      'age',
    );
  }
  const window = oc3Window(c.dateOfBirth, c.age);
  if (c.today < window.from || c.today > window.to) {
    throw new DomainError(
      'OC3.OUTSIDE_WINDOW',
      `the record for the ${c.age}th birthday (${window.birthday}) is made between ${window.from} and ${window.to}`,
      422,
      'age',
    );
  }
  const inTouch = c.inTouch === 'YES';
  if (inTouch && (!c.activ || c.activ === '0' || !c.accom || c.accom === '0')) {
    throw new DomainError(
      'OC3.ACTIVITY_REQUIRED',
      'in touch: give the main activity and accommodation',
      422,
      c.activ && c.activ !== '0' ? 'accom' : 'activ',
    );
  }
  // Not in touch: nothing is known of activity or accommodation, which the return codes 0.
  if (!inTouch && ((c.activ && c.activ !== '0') || (c.accom && c.accom !== '0'))) {
    throw new DomainError(
      'OC3.NOT_IN_TOUCH',
      'not in touch: activity and accommodation are not known (leave them out)',
      422,
      c.activ && c.activ !== '0' ? 'activ' : 'accom',
    );
  }
  return [
    {
      type: 'CareLeaverRecordMade',
      data: {
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        age: c.age,
        birthday: window.birthday,
        inTouch: c.inTouch,
        activ: inTouch ? c.activ! : '0',
        accom: inTouch ? c.accom! : '0',
        recordedOn: c.today,
        // The year the birthday falls in (1 April to 31 March), never today's year.
        collectionYear: collectionYearOf(window.birthday),
      },
    },
  ];
}

export const recordCareLeaver = decider(decideRecordCareLeaver);
