import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { Scope } from './policy.js';

/** The caller and the scope the policy granted for this route: lists filter by it. */
export interface AccessScope {
  user: AuthenticatedUser;
  scope: Scope;
}

export type AccessRequest = Request & { user?: AuthenticatedUser; access?: AccessScope };

/** `@Access()` in a controller: the granted scope (set by the guard). */
export const Access = createParamDecorator((_: unknown, host: ExecutionContext): AccessScope => {
  const access = host.switchToHttp().getRequest<AccessRequest>().access;
  if (!access)
    throw new Error('no access scope on this request: is the route declared with @Requires?');
  return access;
});

/**
 * SQL for "rows this caller may see", given the table's hub and key worker columns. Consent is
 * checked per row afterwards (`CaseFactsSource`), from the streams.
 */
export function scopeSql(
  access: AccessScope,
  columns: { hub: string; keyWorker?: string },
  firstParam: number,
): { sql: string; params: unknown[] } {
  switch (access.scope) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'hub':
    case 'consented':
      return {
        sql: `${columns.hub}::text = ANY($${firstParam}::text[])`,
        params: [access.user.hubs],
      };
    case 'own_caseload':
      return columns.keyWorker
        ? {
            sql: `${columns.hub}::text = ANY($${firstParam}::text[]) AND ${columns.keyWorker} = $${firstParam + 1}`,
            params: [access.user.hubs, access.user.id],
          }
        : { sql: 'FALSE', params: [] };
    default: {
      const _exhaustive: never = access.scope;
      return { sql: 'FALSE', params: [] };
    }
  }
}
