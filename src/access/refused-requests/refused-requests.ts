import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { SqlDatabase } from '#event-store';
import type { Logger } from '#platform';
import type { AuthenticatedUser } from '../authenticated-user.js';

/** What the problem filter knows of a refusal. */
export interface Refusal {
  status: number;
  code: string;
}

/** Codes that say "not found" about something that exists only for those who may see it. */
const SCOPED_NOT_FOUND = new Set(['YOUNG_PERSON.NOT_FOUND', 'HUB.NOT_FOUND']);

const ready = new WeakMap<SqlDatabase, Promise<void>>();

/**
 * The table refused requests are kept in: security records of the service, not the case log (a
 * refusal shows nobody anything, and is no part of a young person's record). In a schema of the
 * application's own, made on first use.
 */
export function refusedRequestsTable(db: SqlDatabase): Promise<void> {
  let made = ready.get(db);
  if (!made) {
    made = db.exec(`
      CREATE SCHEMA IF NOT EXISTS nwd_security;
      CREATE TABLE IF NOT EXISTS nwd_security.refused_requests (
        entry_id uuid PRIMARY KEY,
        user_id text,
        user_name text,
        roles text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        target_id text,
        status int NOT NULL,
        code text NOT NULL,
        refused_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS refused_requests_at
        ON nwd_security.refused_requests (refused_at, entry_id);`);
    ready.set(db, made);
    made.catch(() => ready.delete(db));
  }
  return made;
}

/**
 * Every refused request (401, 403, and 404 on a case or hub) is a structured security event:
 * logged (who, route, target, why) and kept for auditors, who list and count them (the table is
 * the count; see CountRefusedRequests).
 * Filing one never holds the answer up, and a failure to file it is itself logged.
 */
export class RefusedRequests {
  constructor(
    private readonly db: SqlDatabase,
    private readonly logger: Logger,
  ) {}

  record(refusal: Refusal, req: Request): void {
    const status = refusal.status;
    if (status !== 401 && status !== 403 && !(status === 404 && SCOPED_NOT_FOUND.has(refusal.code)))
      return;
    const user = (req as Request & { user?: AuthenticatedUser }).user;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    const targetId = params.id ?? params.youngPersonId ?? params.hubId ?? null;
    const entry = {
      userId: user?.id ?? null,
      roles: user?.roles ?? [],
      method: req.method,
      route: req.path,
      targetId,
      status,
      reason: refusal.code,
    };
    this.logger.warn({ security: 'request_refused', ...entry }, 'request refused');
    refusedRequestsTable(this.db)
      .then(() =>
        this.db.query(
          `INSERT INTO nwd_security.refused_requests
             (entry_id, user_id, user_name, roles, method, path, target_id, status, code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            randomUUID(),
            entry.userId,
            user?.name ?? null,
            entry.roles.join(','),
            entry.method,
            entry.route,
            targetId,
            status,
            refusal.code,
          ],
        ),
      )
      .catch((error: { code?: unknown }) =>
        this.logger.error(
          { security: 'request_refused', sqlState: error?.code ?? null },
          'a refused request could not be filed',
        ),
      );
  }
}
