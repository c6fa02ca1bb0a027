import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventStore } from '../../../libs/event-store/src/index.js';
import type { Logger } from '../../../libs/platform/src/index.js';
import { accessLogStreamId } from '../access-log/access-log.events.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import type { RequestRefused } from './refused-requests.events.js';

/** What the problem filter knows of a refusal. */
export interface Refusal {
  status: number;
  code: string;
}

/** Codes that say "not found" about something that exists only for those who may see it. */
const SCOPED_NOT_FOUND = new Set(['YOUNG_PERSON.NOT_FOUND', 'HUB.NOT_FOUND']);

/**
 * Every refused request (401, 403, and 404 on a case or hub) as a structured security event:
 * logged (who, route, target, why) and counted by status; a signed-in user's refusals are also
 * appended to their access-log stream, where auditors list them. Unauthenticated ones (no user
 * to file them under, and anyone can send them) are logged and counted only.
 */
export class RefusedRequests {
  readonly counts: Record<'401' | '403' | '404', number> = { 401: 0, 403: 0, 404: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly logger: Logger,
  ) {}

  record(refusal: Refusal, req: Request): void {
    const status = refusal.status;
    if (status !== 401 && status !== 403 && !(status === 404 && SCOPED_NOT_FOUND.has(refusal.code)))
      return;
    this.counts[String(status) as '401' | '403' | '404'] += 1;
    const user = (req as Request & { user?: AuthenticatedUser }).user;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    const targetId = params.id ?? params.youngPersonId ?? params.hubId ?? null;
    this.logger.warn(
      {
        security: 'request_refused',
        userId: user?.id ?? null,
        roles: user?.roles ?? [],
        method: req.method,
        route: req.path,
        targetId,
        status,
        reason: refusal.code,
      },
      'request refused',
    );
    if (!user) return;
    const now = new Date().toISOString();
    const event: RequestRefused = {
      type: 'RequestRefused',
      data: {
        entryId: randomUUID(),
        userId: user.id,
        userName: user.name,
        roles: user.roles,
        method: req.method,
        path: req.path,
        targetId,
        status,
        code: refusal.code,
        refusedAt: now,
      },
    };
    // The refusal has been decided and is answered at once; filing it must not hold it up.
    this.store
      .append(
        accessLogStreamId(user.id),
        [
          {
            eventId: event.data.entryId,
            type: event.type,
            data: event.data,
            metadata: {
              actor: { id: user.id, name: user.name, roles: user.roles },
              correlationId: randomUUID(),
              causationId: null,
              occurredAt: now,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'any' },
      )
      .catch((error: { code?: unknown }) =>
        this.logger.error(
          { security: 'request_refused', code: error?.code ?? null },
          'a refused request could not be filed',
        ),
      );
  }
}
