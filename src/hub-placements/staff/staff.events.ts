/**
 * Events of a hub's staff list: who works in the hub, in what role, and how they sign in. Kept on
 * a stream of its own (`hub-staff-<hubId>`), so staff changes never contend with bed decisions.
 * Stored types and shapes are a contract: add versions, never edit.
 */
export const STAFF_ROLES = [
  'hub_manager',
  'deputy_manager',
  'key_worker',
  'residential_worker',
  'outreach_worker',
  'portfolio_lead',
  'life_coach',
  'communication_support_worker',
  'police_liaison',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The roles in a hub as a manager says them. */
export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  hub_manager: 'Hub manager',
  deputy_manager: 'Deputy manager',
  key_worker: 'Key worker',
  residential_worker: 'Residential worker',
  outreach_worker: 'Outreach worker',
  portfolio_lead: 'Portfolio lead',
  life_coach: 'Life coach (clinical psychologist)',
  communication_support_worker: 'Communication support worker (speech and language therapist)',
  police_liaison: 'Police liaison officer',
};

export type StaffMemberAdded = {
  type: 'StaffMemberAdded';
  data: {
    hubId: string;
    staffId: string;
    name: string;
    role: StaffRole;
    /** The sign-in identity: the OIDC subject (or e-mail claim), or a demo user's id. */
    signIn: string;
    from: string;
    addedAt: string;
  };
};

export type StaffMemberLeft = {
  type: 'StaffMemberLeft';
  data: { hubId: string; staffId: string; on: string; reason: string; recordedAt: string };
};

export type StaffEvent = StaffMemberAdded | StaffMemberLeft;

export const staffStreamId = (hubId: string) => `hub-staff-${hubId}`;
