import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { TeamRole, YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface AddTeamMember {
  youngPersonId: string;
  memberId: string;
  role: TeamRole;
  name: string;
  organisation: string | null;
  from: string;
  now: string;
}

export interface EndTeamMember {
  youngPersonId: string;
  memberId: string;
  to: string;
  reason: string;
  now: string;
}

function openCase(state: YoungPersonCase, youngPersonId: string) {
  const open = existingCase(state, youngPersonId);
  if (open.status !== 'accepted' && open.status !== 'stepped_away') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_ACCEPTED',
      'the team forms once the referral is accepted',
    );
  }
  return open;
}

export function decideAddTeamMember(
  command: AddTeamMember,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = openCase(state, command.youngPersonId);
  const name = command.name.trim();
  const same = open.team.find(
    (m) => m.to === null && m.role === command.role && m.name.toLowerCase() === name.toLowerCase(),
  );
  if (same) {
    throw new DomainError(
      'TEAM.ALREADY_MEMBER',
      `${name} is already in the team as ${command.role}`,
      409,
      'name',
    );
  }
  return [
    {
      type: 'TeamMemberAdded',
      data: {
        youngPersonId: command.youngPersonId,
        memberId: command.memberId,
        role: command.role,
        name,
        organisation: command.organisation?.trim() || null,
        from: command.from,
      },
    },
  ];
}

export function decideEndTeamMember(
  command: EndTeamMember,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = openCase(state, command.youngPersonId);
  const member = open.team.find((m) => m.memberId === command.memberId);
  if (!member) {
    throw new DomainError(
      'TEAM.MEMBER_NOT_FOUND',
      `no team member ${command.memberId} on this case`,
      404,
      'memberId',
    );
  }
  if (member.to !== null) {
    throw new DomainError('TEAM.ALREADY_ENDED', `${member.name} left the team on ${member.to}`);
  }
  if (command.to < member.from) {
    throw new DomainError(
      'TEAM.END_BEFORE_START',
      `${member.name} joined on ${member.from}`,
      422,
      'to',
    );
  }
  return [
    {
      type: 'TeamMemberEnded',
      data: {
        youngPersonId: command.youngPersonId,
        memberId: command.memberId,
        to: command.to,
        reason: command.reason.trim(),
      },
    },
  ];
}

export interface ChangeTeamMember {
  youngPersonId: string;
  /** The member who hands over. */
  memberId: string;
  /** The new member's id (from the handler). */
  newMemberId: string;
  name: string;
  organisation: string | null;
  /** The handover date: the old membership ends and the new one starts. */
  from: string;
  reason: string;
  now: string;
}

/** Someone else takes over a role in the team: both memberships stay in the history. */
export function decideChangeTeamMember(
  command: ChangeTeamMember,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = openCase(state, command.youngPersonId);
  const member = open.team.find((m) => m.memberId === command.memberId);
  const ended = decideEndTeamMember(
    {
      youngPersonId: command.youngPersonId,
      memberId: command.memberId,
      to: command.from,
      reason: command.reason,
      now: command.now,
    },
    state,
  );
  const added = decideAddTeamMember(
    {
      youngPersonId: command.youngPersonId,
      memberId: command.newMemberId,
      role: member!.role,
      name: command.name,
      organisation: command.organisation,
      from: command.from,
      now: command.now,
    },
    state,
  );
  return [...ended, ...added];
}

export const changeTeamMember: Decider<ChangeTeamMember, YoungPersonEvent, YoungPersonCase> = {
  decide: decideChangeTeamMember,
  evolve: evolveCase,
  initialState: initialCase,
};

export const addTeamMember: Decider<AddTeamMember, YoungPersonEvent, YoungPersonCase> = {
  decide: decideAddTeamMember,
  evolve: evolveCase,
  initialState: initialCase,
};

export const endTeamMember: Decider<EndTeamMember, YoungPersonEvent, YoungPersonCase> = {
  decide: decideEndTeamMember,
  evolve: evolveCase,
  initialState: initialCase,
};
