import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { EventStore } from '#event-store';
import { EVENT_STORE, memoOf, ProblemException } from '#platform';
import { HtmlDocument } from './html-document.js';
import { ConsentFilter } from '../consent-filter.js';
import type { AccessRequest } from '../access-scope.js';
import { REASON_REQUIRED } from '../policy.js';
import { REASON_COOKIE, reasonIsValid } from './access-reason.js';
import { recordAccess } from './record-access.js';
import { LOGS_ACCESS, type AccessLogDeclaration } from './logs-access.decorator.js';

/**
 * Records every response that shows young people's records before it is sent. The guarantee:
 * the access entry is committed to the event log before the first byte of the response leaves;
 * if it cannot be committed, the caller gets an error and sees nothing.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consent: ConsentFilter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const declaration = this.reflector.get<AccessLogDeclaration | undefined>(
      LOGS_ACCESS,
      context.getHandler(),
    );
    if (!declaration) return next.handle();
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const user = req.user;
    if (!user) return next.handle();
    // Pages ask for the reason once in a form and keep it for the visit; the API takes the header.
    const cookies = (req as { cookies?: Record<string, string> }).cookies;
    const fromPage = /^\/app(\/|$)/.test(req.path) ? cookies?.[REASON_COOKIE] : undefined;
    const header = req.headers['x-access-reason'] ?? fromPage;
    const reason = typeof header === 'string' && header.trim() ? header.trim() : null;
    if (reason !== null && !reasonIsValid(reason)) {
      throw new ProblemException(
        400,
        'ACCESS.REASON_INVALID',
        'X-Access-Reason must be 3 to 500 characters',
        [{ field: 'X-Access-Reason', message: 'must be 3 to 500 characters' }],
      );
    }
    if (reason === null && user.roles.some((r) => REASON_REQUIRED.includes(r))) {
      throw new ProblemException(
        400,
        'ACCESS.REASON_REQUIRED',
        'Say why you are looking at this record: send an X-Access-Reason header.',
        [{ field: 'X-Access-Reason', message: 'is required for your role' }],
      );
    }
    return next.handle().pipe(
      mergeMap((response: unknown) =>
        from(
          (async () => {
            // A visitor's scope withholds the rows of anyone who has not consented to them.
            const { response: shown, shown: youngPersonIds } = req.access
              ? await this.consent.keep(req.access, response, declaration.rows, memoOf(req))
              : { response, shown: [...new Set(declaration.rows.ids(response))] };
            const body = shown instanceof HtmlDocument ? shown.html : shown;
            if (youngPersonIds.length === 0) return body;
            await recordAccess(this.store, {
              userId: user.id,
              userName: user.name,
              roles: user.roles,
              youngPersonIds,
              view: declaration.view,
              path: req.originalUrl,
              reason,
            });
            return body;
          })(),
        ),
      ),
    );
  }
}
