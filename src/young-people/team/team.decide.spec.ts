import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { accepted, at, foldCase, lead } from '../case-lifecycle.test-fixtures.js';
import { addTeamMember, changeTeamMember, endTeamMember } from '../team/team.decide.js';

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
