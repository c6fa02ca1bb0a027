import type { StaffEvent, StaffRole } from './staff.events.js';

export interface StaffMember {
  staffId: string;
  name: string;
  role: StaffRole;
  signIn: string;
  from: string;
  /** When they left the hub, or null while they work there. */
  left: { on: string; reason: string } | null;
}

/** A hub's staff list, everyone who has worked there in the order they joined. */
export interface HubStaff {
  members: StaffMember[];
}

export const initialStaff = (): HubStaff => ({ members: [] });

export function evolveStaff(state: HubStaff, event: StaffEvent): HubStaff {
  switch (event.type) {
    case 'StaffMemberAdded': {
      const { staffId, name, role, signIn, from } = event.data;
      return { members: [...state.members, { staffId, name, role, signIn, from, left: null }] };
    }
    case 'StaffMemberLeft':
      return {
        members: state.members.map((m) =>
          m.staffId === event.data.staffId
            ? { ...m, left: { on: event.data.on, reason: event.data.reason } }
            : m,
        ),
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** Who works in the hub now. */
export const currentStaff = (state: HubStaff) => state.members.filter((m) => m.left === null);
