import { DomainError, type Decider } from '#kernel';
import type { StaffEvent, StaffRole } from './staff.events.js';
import { currentStaff, evolveStaff, initialStaff, type HubStaff } from './staff.state.js';

export interface AddStaffMember {
  hubId: string;
  staffId: string;
  /** Whether the hub is open (the handler asks the hub's stream). */
  hubOpen: boolean;
  name: string;
  role: StaffRole;
  signIn: string;
  from: string;
  now: string;
}

export interface EndStaffMember {
  hubId: string;
  staffId: string;
  on: string;
  reason: string;
  now: string;
}

export function decideAddStaffMember(c: AddStaffMember, state: HubStaff): StaffEvent[] {
  if (!c.hubOpen) throw new DomainError('HUB.NOT_FOUND', `no hub ${c.hubId}`, 404);
  const signIn = c.signIn.trim();
  if (currentStaff(state).some((m) => m.signIn.toLowerCase() === signIn.toLowerCase())) {
    throw new DomainError(
      'STAFF.SIGN_IN_TAKEN',
      'someone on the hub’s staff list already signs in as this',
      409,
      'signIn',
    );
  }
  return [
    {
      type: 'StaffMemberAdded',
      data: {
        hubId: c.hubId,
        staffId: c.staffId,
        name: c.name.trim(),
        role: c.role,
        signIn,
        from: c.from,
        addedAt: c.now,
      },
    },
  ];
}

export function decideEndStaffMember(c: EndStaffMember, state: HubStaff): StaffEvent[] {
  const member = state.members.find((m) => m.staffId === c.staffId);
  if (!member) {
    throw new DomainError('STAFF.NOT_FOUND', `no staff member ${c.staffId} in this hub`, 404);
  }
  if (member.left) {
    throw new DomainError('STAFF.ALREADY_LEFT', `${member.name} left on ${member.left.on}`, 409);
  }
  if (c.on < member.from) {
    throw new DomainError(
      'STAFF.LEFT_BEFORE_JOINING',
      'the leaving date is on or after the day they joined',
      422,
      'on',
    );
  }
  return [
    {
      type: 'StaffMemberLeft',
      data: {
        hubId: c.hubId,
        staffId: c.staffId,
        on: c.on,
        reason: c.reason.trim(),
        recordedAt: c.now,
      },
    },
  ];
}

export const addStaffMember: Decider<AddStaffMember, StaffEvent, HubStaff> = {
  decide: decideAddStaffMember,
  evolve: evolveStaff,
  initialState: initialStaff,
};

export const endStaffMember: Decider<EndStaffMember, StaffEvent, HubStaff> = {
  decide: decideEndStaffMember,
  evolve: evolveStaff,
  initialState: initialStaff,
};
