import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { addStaffMember, endStaffMember } from './staff.decide.js';
import type { StaffMemberAdded } from './staff.events.js';

const now = '2026-03-02T09:00:00.000Z';
const add = {
  hubId: 'h1',
  staffId: 's1',
  hubOpen: true,
  name: ' Sam Okafor ',
  role: 'key_worker' as const,
  signIn: ' kw-sam ',
  from: '2026-03-02',
  now,
};
const added: StaffMemberAdded = {
  type: 'StaffMemberAdded',
  data: {
    hubId: 'h1',
    staffId: 's1',
    name: 'Sam Okafor',
    role: 'key_worker',
    signIn: 'kw-sam',
    from: '2026-03-02',
    addedAt: now,
  },
};
const end = { hubId: 'h1', staffId: 's1', on: '2026-09-30', reason: ' Moved away ', now };

describe('add a member of staff', () => {
  const spec = deciderSpec(addStaffMember);

  it('adds them with the name and sign-in trimmed', () => {
    spec.given([]).when(add).then([added]);
  });

  it('refuses a hub that is not open', () => {
    spec
      .given([])
      .when({ ...add, hubOpen: false })
      .thenFails('HUB.NOT_FOUND');
  });

  it('refuses a second current member with the same sign-in, whatever its case', () => {
    spec
      .given([added])
      .when({ ...add, staffId: 's2', signIn: 'KW-Sam' })
      .thenFails('STAFF.SIGN_IN_TAKEN', 'signIn');
  });

  it('lets a sign-in be reused once its holder has left', () => {
    spec
      .given([
        added,
        {
          type: 'StaffMemberLeft',
          data: { hubId: 'h1', staffId: 's1', on: '2026-09-30', reason: 'x', recordedAt: now },
        },
      ])
      .when({ ...add, staffId: 's2' })
      .then([{ ...added, data: { ...added.data, staffId: 's2' } }]);
  });
});

describe('a member of staff leaves', () => {
  const spec = deciderSpec(endStaffMember);

  it('records the day and the reason', () => {
    spec
      .given([added])
      .when(end)
      .then([
        {
          type: 'StaffMemberLeft',
          data: {
            hubId: 'h1',
            staffId: 's1',
            on: '2026-09-30',
            reason: 'Moved away',
            recordedAt: now,
          },
        },
      ]);
  });

  it('refuses someone not on the list', () => {
    spec.given([]).when(end).thenFails('STAFF.NOT_FOUND');
  });

  it('refuses someone who has already left', () => {
    spec
      .given([
        added,
        {
          type: 'StaffMemberLeft',
          data: { hubId: 'h1', staffId: 's1', on: '2026-09-30', reason: 'x', recordedAt: now },
        },
      ])
      .when(end)
      .thenFails('STAFF.ALREADY_LEFT');
  });

  it('refuses a leaving date before they joined', () => {
    spec
      .given([added])
      .when({ ...end, on: '2026-03-01' })
      .thenFails('STAFF.LEFT_BEFORE_JOINING', 'on');
  });
});
