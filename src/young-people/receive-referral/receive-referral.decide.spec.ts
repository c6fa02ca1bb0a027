import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { receiveReferral, type ReceiveReferral } from './receive-referral.decide.js';

const spec = deciderSpec(receiveReferral);
const command: ReceiveReferral = {
  youngPersonId: 'yp1',
  referralId: 'r1',
  match: 'new',
  hubId: 'h1',
  hubExists: true,
  category: 'edge_of_care',
  youngPerson: { givenName: ' Sam ', familyName: 'Tester', dateOfBirth: '2010-06-15' },
  socialWorker: { name: 'Alex Worker', team: 'Children in Need East' },
  reason: 'Family breakdown',
  now: '2026-03-02T10:00:00.000Z',
};

describe('receive a referral', () => {
  it('opens the case with the referral as its first event', () => {
    spec
      .given([])
      .when(command)
      .then([
        {
          type: 'ReferralReceived',
          data: {
            youngPersonId: 'yp1',
            hubId: 'h1',
            category: 'edge_of_care',
            youngPerson: { givenName: 'Sam', familyName: 'Tester', dateOfBirth: '2010-06-15' },
            socialWorker: { name: 'Alex Worker', team: 'Children in Need East' },
            reason: 'Family breakdown',
            referredAt: '2026-03-02T10:00:00.000Z',
            referralId: 'r1',
            splitFrom: null,
          },
        },
      ]);
  });

  it('refuses an unknown hub, naming the field', () => {
    spec
      .given([])
      .when({ ...command, hubExists: false })
      .thenFails('HUB.NOT_FOUND', 'hubId');
  });

  it('refuses a date of birth after the referral date', () => {
    spec
      .given([])
      .when({ ...command, youngPerson: { ...command.youngPerson, dateOfBirth: '2026-03-03' } })
      .thenFails('YOUNG_PERSON.DATE_OF_BIRTH_IN_FUTURE', 'youngPerson.dateOfBirth');
  });

  it('takes young people from their 12th birthday to the day before their 26th, on the referral date', () => {
    const on = (dateOfBirth: string) => ({
      ...command,
      youngPerson: { ...command.youngPerson, dateOfBirth },
    });
    spec
      .given([])
      .when(on('2014-03-02'))
      .then(receiveReferral.decide(on('2014-03-02'), { status: 'none' }));
    spec.given([]).when(on('2014-03-03')).thenFails('YOUNG_PERSON.AGE_OUT_OF_RANGE');
    spec
      .given([])
      .when(on('2000-03-03'))
      .then(receiveReferral.decide(on('2000-03-03'), { status: 'none' }));
    spec.given([]).when(on('2000-03-02')).thenFails('YOUNG_PERSON.AGE_OUT_OF_RANGE');
  });

  it('records a referral for a known young person on their case, flagging a name match as a possible duplicate', () => {
    const [opened] = receiveReferral.decide(command, { status: 'none' });
    const again = { ...command, referralId: 'r2', now: '2026-05-01T10:00:00.000Z' };
    const [explicit] = receiveReferral.decide(
      { ...again, match: 'explicit' },
      fold(receiveReferral, [opened]),
    );
    expect(explicit).toMatchObject({
      type: 'RepeatReferralReceived',
      data: { referralId: 'r2', possibleDuplicate: false, backToScreening: false },
    });
    const [byName] = receiveReferral.decide(
      { ...again, match: 'identity' },
      fold(receiveReferral, [opened]),
    );
    expect(byName.data).toMatchObject({ possibleDuplicate: true });
  });

  it('sends a declined young person referred again back to screening, in the same case', () => {
    const [opened] = receiveReferral.decide(command, { status: 'none' });
    const declined = {
      type: 'ReferralDeclined' as const,
      data: { youngPersonId: 'yp1', reason: 'x', declinedAt: '2026-03-03T10:00:00.000Z' },
    };
    const [repeat] = receiveReferral.decide(
      { ...command, referralId: 'r2', match: 'explicit' },
      fold(receiveReferral, [opened, declined]),
    );
    expect(repeat.data).toMatchObject({ backToScreening: true });
    expect(fold(receiveReferral, [opened, declined, repeat]).status).toBe('referred');
  });

  it('refuses an explicit young person id that has no case, naming the field', () => {
    spec
      .given([])
      .when({ ...command, match: 'explicit' })
      .thenFails('YOUNG_PERSON.NOT_FOUND', 'youngPersonId');
  });
});
