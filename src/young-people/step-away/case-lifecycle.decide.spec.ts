import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import type { YoungPersonEvent } from '../young-people.events.js';
import { referred } from '../young-people.test-fixtures.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.js';
import { recordScreeningNote } from '../screening/record-screening-note.decide.js';
import { addTeamMember, changeTeamMember, endTeamMember } from '../team/team.decide.js';
import { reopenCase, stepAway } from './step-away.decide.js';

const at = '2026-04-01T09:00:00.000Z';
const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: at },
};
const kw: YoungPersonEvent = {
  type: 'KeyWorkerAllocated',
  data: {
    youngPersonId: 'yp1',
    workerId: 'w1',
    workerName: 'W',
    previousWorkerId: null,
    allocatedAt: at,
  },
};
const lead: YoungPersonEvent = {
  type: 'TeamMemberAdded',
  data: {
    youngPersonId: 'yp1',
    memberId: 'm1',
    role: 'portfolio_lead_safety',
    name: 'Sam Safety',
    organisation: null,
    from: '2026-04-02',
  },
};
const away: YoungPersonEvent = {
  type: 'CaseSteppedAway',
  data: { youngPersonId: 'yp1', reason: 'Stable at home', on: '2026-09-01', recordedAt: at },
};
const foldCase = (events: YoungPersonEvent[]) =>
  fold<YoungPersonEvent, YoungPersonCase>(
    { evolve: evolveCase, initialState: initialCase },
    events,
  );

describe('screening', () => {
  it('records notes while the referral awaits a decision, and not after', () => {
    deciderSpec(recordScreeningNote)
      .given([referred])
      .when({ youngPersonId: 'yp1', note: ' Spoke to the social worker ', now: at })
      .then([
        {
          type: 'ScreeningNoteRecorded',
          data: { youngPersonId: 'yp1', note: 'Spoke to the social worker', recordedAt: at },
        },
      ]);
    deciderSpec(recordScreeningNote)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', note: 'x', now: at })
      .thenFails('REFERRAL.ALREADY_DECIDED');
  });
});

describe('the team around the young person', () => {
  const add = {
    youngPersonId: 'yp1',
    memberId: 'm2',
    role: 'life_coach' as const,
    name: 'Lee Coach',
    organisation: ' Hub ',
    from: '2026-04-03',
    now: at,
  };

  it('adds members once the case is accepted, not twice in the same role', () => {
    deciderSpec(addTeamMember)
      .given([referred, accepted])
      .when(add)
      .then([
        {
          type: 'TeamMemberAdded',
          data: {
            youngPersonId: 'yp1',
            memberId: 'm2',
            role: 'life_coach',
            name: 'Lee Coach',
            organisation: 'Hub',
            from: '2026-04-03',
          },
        },
      ]);
    deciderSpec(addTeamMember).given([referred]).when(add).thenFails('YOUNG_PERSON.NOT_ACCEPTED');
    deciderSpec(addTeamMember)
      .given([referred, accepted, lead])
      .when({ ...add, role: 'portfolio_lead_safety', name: 'sam safety' })
      .thenFails('TEAM.ALREADY_MEMBER', 'name');
  });

  it('changes who holds a role on a date, keeping both', () => {
    const [end, add] = changeTeamMember.decide(
      {
        youngPersonId: 'yp1',
        memberId: 'm1',
        newMemberId: 'm3',
        name: 'Sky Safety',
        organisation: null,
        from: '2026-07-01',
        reason: 'Handover',
        now: at,
      },
      foldCase([referred, accepted, lead]),
    );
    expect([end.type, add.type]).toEqual(['TeamMemberEnded', 'TeamMemberAdded']);
    expect(add.data).toMatchObject({
      memberId: 'm3',
      role: 'portfolio_lead_safety',
      name: 'Sky Safety',
      from: '2026-07-01',
    });
    const state = foldCase([referred, accepted, lead, end, add]);
    expect(state.status === 'accepted' && state.team.map((m) => [m.name, m.to])).toEqual([
      ['Sam Safety', '2026-07-01'],
      ['Sky Safety', null],
    ]);
  });

  it('ends a membership with a date and a reason, keeping it in the history', () => {
    const end = {
      youngPersonId: 'yp1',
      memberId: 'm1',
      to: '2026-06-30',
      reason: 'Moved to another hub',
      now: at,
    };
    deciderSpec(endTeamMember)
      .given([referred, accepted, lead])
      .when(end)
      .then([
        {
          type: 'TeamMemberEnded',
          data: {
            youngPersonId: 'yp1',
            memberId: 'm1',
            to: '2026-06-30',
            reason: 'Moved to another hub',
          },
        },
      ]);
    deciderSpec(endTeamMember)
      .given([referred, accepted, lead])
      .when({ ...end, to: '2026-04-01' })
      .thenFails('TEAM.END_BEFORE_START', 'to');
    deciderSpec(endTeamMember)
      .given([referred, accepted])
      .when(end)
      .thenFails('TEAM.MEMBER_NOT_FOUND');
    const ended = endTeamMember.decide(end, foldCase([referred, accepted, lead]));
    deciderSpec(endTeamMember)
      .given([referred, accepted, lead, ...ended])
      .when(end)
      .thenFails('TEAM.ALREADY_ENDED');
    const state = foldCase([referred, accepted, lead, ...ended]);
    expect(state.status === 'accepted' && state.team).toEqual([
      {
        memberId: 'm1',
        role: 'portfolio_lead_safety',
        name: 'Sam Safety',
        organisation: null,
        from: '2026-04-02',
        to: '2026-06-30',
        endReason: 'Moved to another hub',
      },
    ]);
  });
});

describe('stepping away and coming back', () => {
  it('steps away from an open case and reopens it with the same key worker and team', () => {
    deciderSpec(stepAway)
      .given([referred, accepted, kw])
      .when({ youngPersonId: 'yp1', reason: ' Stable at home ', on: '2026-09-01', now: at })
      .then([away]);
    deciderSpec(stepAway)
      .given([referred])
      .when({ youngPersonId: 'yp1', reason: 'x', on: '2026-09-01', now: at })
      .thenFails('CASE.NOT_OPEN');
    deciderSpec(reopenCase)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', reason: 'x', now: at })
      .thenFails('CASE.NOT_STEPPED_AWAY');

    const reopened = reopenCase.decide(
      { youngPersonId: 'yp1', reason: 'Placement at risk', now: '2026-11-01T10:00:00.000Z' },
      foldCase([referred, accepted, kw, lead, away]),
    );
    const state = foldCase([referred, accepted, kw, lead, away, ...reopened]);
    expect(state.status).toBe('accepted');
    expect(
      state.status === 'accepted' && [
        state.keyWorkers.at(-1)?.workerId,
        state.team.map((m) => m.memberId),
      ],
    ).toEqual(['w1', ['m1']]);
    expect(
      state.status === 'accepted' && state.statusHistory.map((s) => [s.status, s.reason]),
    ).toEqual([
      ['referred', null],
      ['accepted', null],
      ['stepped_away', 'Stable at home'],
      ['accepted', 'Placement at risk'],
    ]);
  });
});
