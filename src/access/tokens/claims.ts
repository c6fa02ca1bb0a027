import { ROLES, type Role } from '../policy.js';
import type { AuthenticatedUser } from '../authenticated-user.js';

/** Where each field of a user is found in a token's claims (dotted paths allowed). */
export interface ClaimMapping {
  userId: string;
  name: string;
  roles: string;
  hubs: string;
}

export const DEFAULT_CLAIMS: ClaimMapping = {
  userId: 'sub',
  name: 'name',
  roles: 'roles',
  hubs: 'hubs',
};

function at(claims: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The user a set of verified claims describes; roles we do not know are ignored. */
export function userFromClaims(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
): AuthenticatedUser | null {
  const id = at(claims, mapping.userId);
  if (typeof id !== 'string' || id === '') return null;
  const name = at(claims, mapping.name);
  return {
    id,
    name: typeof name === 'string' && name ? name : id,
    roles: list(at(claims, mapping.roles)).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    ),
    hubs: list(at(claims, mapping.hubs)),
  };
}
