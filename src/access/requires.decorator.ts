import { SetMetadata } from '@nestjs/common';
import type { Permission } from './policy.js';

/**
 * What a route acts on, so the guard can judge the scope:
 * - `case`: one young person's case, id in a path parameter;
 * - `hub`: a hub, id in a path parameter or a body field (writes into a hub);
 * - `list`: a list filtered to the caller's scope by the query itself;
 * - `none`: nothing scoped (the permission alone decides).
 */
export type Target =
  | { kind: 'case'; param: string }
  | { kind: 'hub'; param?: string; bodyField?: string }
  | { kind: 'list' }
  | { kind: 'none' };

export interface Requirement {
  permission: Permission;
  target: Target;
}

export const REQUIRES = 'nwd:requires';

/** Declares the permission a route needs; the policy table decides who has it. */
export const Requires = (permission: Permission, target: Target = { kind: 'none' }) =>
  SetMetadata(REQUIRES, { permission, target } satisfies Requirement);

export const onCase = (param = 'id'): Target => ({ kind: 'case', param });
export const onHubParam = (param = 'hubId'): Target => ({ kind: 'hub', param });
export const onHubInBody = (bodyField = 'hubId'): Target => ({ kind: 'hub', bodyField });
export const scopedList = (): Target => ({ kind: 'list' });
