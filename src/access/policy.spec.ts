import { describe, expect, it } from '@jest/globals';
import { inScope, POLICY, ROLES, scopeFor } from './policy.js';

const user = { id: 'u1', hubs: ['hub-a'] };
const ownCase = {
  status: 'accepted',
  dateOfBirth: '2010-01-01',
  category: 'edge_of_care',
  hubId: 'hub-a',
  keyWorkerId: 'u1',
  consentedVisitorIds: ['u1'],
};
const otherHub = {
  status: 'accepted',
  dateOfBirth: '2010-01-01',
  category: 'edge_of_care',
  hubId: 'hub-b',
  keyWorkerId: 'u1',
  consentedVisitorIds: ['u1'],
};
const colleagueCase = {
  status: 'accepted',
  dateOfBirth: '2010-01-01',
  category: 'edge_of_care',
  hubId: 'hub-a',
  keyWorkerId: 'u2',
  consentedVisitorIds: [],
};

describe('the access policy', () => {
  it('lets an auditor read everything and write nothing', () => {
    for (const [permission, scope] of Object.entries(POLICY.auditor)) {
      expect(permission.endsWith(':read') || permission === 'case:subject_access').toBe(true);
      expect(scope).toBe('all');
    }
  });

  it('takes the widest scope of a user’s roles', () => {
    expect(scopeFor(['key_worker'], 'housing:write')).toBe('own_caseload');
    expect(scopeFor(['key_worker', 'hub_manager'], 'housing:write')).toBe('hub');
    expect(scopeFor(['admin'], 'case:read')).toBeNull();
  });

  it('scopes by hub, by caseload and by consent', () => {
    expect(inScope('hub', user, ownCase)).toBe(true);
    expect(inScope('hub', user, otherHub)).toBe(false);
    expect(inScope('own_caseload', user, ownCase)).toBe(true);
    expect(inScope('own_caseload', user, colleagueCase)).toBe(false);
    expect(inScope('consented', user, ownCase)).toBe(true);
    expect(inScope('consented', user, colleagueCase)).toBe(false);
    expect(inScope('all', user, otherHub)).toBe(true);
  });

  it('names every role', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ROLES].sort());
  });
});
