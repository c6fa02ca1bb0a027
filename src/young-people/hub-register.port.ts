/**
 * What a case needs to know of a hub: whether it is open for referrals, and who works there. Hubs are kept by
 * hub-placements, which builds on the case; it provides this port (bound in its module), so the
 * case does not import it.
 */
export interface HubRegister {
  /** `none`: no such hub. */
  statusOf(hubId: string): Promise<'none' | 'open'>;
  /** Who works in the hub now, from its staff list: the people a key worker is chosen from. */
  staffOf(hubId: string): Promise<HubStaffMember[]>;
  /** The hub's name (null: no such hub), for lists that span hubs. */
  nameOf(hubId: string): Promise<string | null>;
}

export interface HubStaffMember {
  staffId: string;
  name: string;
  /** Their role in the hub, in words ("Key worker"). */
  role: string;
  /** How they sign in: the id their caseload and allocations use. */
  signIn: string;
}

export const HUB_REGISTER = Symbol('HUB_REGISTER');
