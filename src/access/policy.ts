/**
 * THE access policy: the one table that says who may do what, and the only place that decides.
 * Rows are roles; each entry is `resource:action` -> the scope within which it is allowed.
 * Anything not in the table is denied. Controllers only declare what they need (`@Requires`).
 *
 * Scopes:
 * - `all`: every record;
 * - `hub`: records of the hubs named in the user's token;
 * - `own_caseload`: cases whose current key worker is the user (within their hubs);
 * - `consented`: cases of the user's hubs whose young person has recorded consent for this user
 *   (independent Reg 44 visitors), only while that consent is in force.
 */
export const ROLES = [
  'hub_manager',
  'key_worker',
  'outreach_worker',
  'auditor',
  'independent_visitor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['all', 'hub', 'own_caseload', 'consented'] as const;
export type Scope = (typeof SCOPES)[number];

export const PERMISSIONS = [
  'case:read',
  'case:refer',
  'case:decide',
  'case:allocate',
  'case:consent',
  'case:update',
  'case:subject_access',
  'contact:read',
  'contact:write',
  'incident:notify',
  'placement:read',
  'placement:write',
  'housing:read',
  'housing:write',
  'housing:options',
  'hub:read',
  'hub:write',
  'staff:read',
  'staff:write',
  'audit:read',
  'return:read',
  'outcome:read',
  'outcome:write',
  'report:read',
  'evaluation:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Resource = Permission extends `${infer R}:${string}` ? R : never;

export const POLICY: Record<Role, Partial<Record<Permission, Scope>>> = {
  hub_manager: {
    'case:read': 'hub',
    'case:refer': 'hub',
    'case:decide': 'hub',
    'case:allocate': 'hub',
    'case:consent': 'hub',
    'case:update': 'hub',
    'case:subject_access': 'hub',
    'contact:read': 'hub',
    'contact:write': 'hub',
    'incident:notify': 'hub',
    'placement:read': 'hub',
    'placement:write': 'hub',
    'housing:read': 'hub',
    'housing:write': 'hub',
    'housing:options': 'hub',
    'hub:read': 'all',
    'staff:read': 'hub',
    'staff:write': 'hub',
    'return:read': 'hub',
    'outcome:read': 'hub',
    'outcome:write': 'hub',
    'report:read': 'hub',
  },
  key_worker: {
    'case:read': 'hub',
    'case:refer': 'hub',
    'case:consent': 'own_caseload',
    'case:update': 'own_caseload',
    'contact:read': 'hub',
    'contact:write': 'hub',
    'placement:read': 'hub',
    'housing:read': 'hub',
    'housing:write': 'own_caseload',
    'hub:read': 'all',
    'outcome:read': 'hub',
    'outcome:write': 'hub',
  },
  outreach_worker: {
    'case:read': 'hub',
    'case:refer': 'hub',
    'contact:read': 'hub',
    'contact:write': 'hub',
    'placement:read': 'hub',
    'housing:read': 'hub',
    'hub:read': 'all',
    'outcome:read': 'hub',
    'outcome:write': 'hub',
  },
  // Reads everything, writes nothing.
  auditor: {
    'case:read': 'all',
    'case:subject_access': 'all',
    'contact:read': 'all',
    'placement:read': 'all',
    'housing:read': 'all',
    'hub:read': 'all',
    'staff:read': 'all',
    'audit:read': 'all',
    'return:read': 'all',
    'outcome:read': 'all',
    'report:read': 'all',
    'evaluation:read': 'all',
  },
  independent_visitor: {
    'case:read': 'consented',
    'contact:read': 'consented',
    'placement:read': 'consented',
    'housing:read': 'consented',
    'hub:read': 'all',
  },
  // Runs the system (hubs); sees no case record.
  admin: {
    'hub:read': 'all',
    'hub:write': 'all',
    'staff:read': 'all',
    'staff:write': 'all',
  },
};

/** Roles that must say why they are looking (`X-Access-Reason`). */
export const REASON_REQUIRED: readonly Role[] = ['auditor', 'independent_visitor'];

const BREADTH: Record<Scope, number> = { all: 3, hub: 2, own_caseload: 1, consented: 0 };

/** The widest scope any of the user's roles grants for a permission, or null: denied. */
export function scopeFor(roles: readonly Role[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = POLICY[role][permission];
    if (scope && (best === null || BREADTH[scope] > BREADTH[best])) best = scope;
  }
  return best;
}

/** What the policy needs to know about one case to judge a scope. */
export interface CaseFacts {
  /** referred, accepted, declined, stepped_away or closed. */
  status: string;
  hubId: string;
  /** edge_of_care, in_care, care_leaver, ... (the referral's category). */
  category: string;
  dateOfBirth: string;
  keyWorkerId: string | null;
  consentedVisitorIds: readonly string[];
}

export interface Subject {
  id: string;
  hubs: readonly string[];
}

/** Whether `scope` covers this case for this user. */
export function inScope(scope: Scope, user: Subject, target: CaseFacts): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'hub':
      return user.hubs.includes(target.hubId);
    case 'own_caseload':
      return user.hubs.includes(target.hubId) && target.keyWorkerId === user.id;
    case 'consented':
      return user.hubs.includes(target.hubId) && target.consentedVisitorIds.includes(user.id);
    default: {
      const _exhaustive: never = scope;
      return false;
    }
  }
}

/** Whether a hub-level permission (a referral into a hub, a hub's lists) covers `hubId`. */
export function hubInScope(scope: Scope, user: Subject, hubId: string): boolean {
  return scope === 'all' || user.hubs.includes(hubId);
}
