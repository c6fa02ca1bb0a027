import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { memoOf, ProblemException, PUBLIC } from '#platform';
import { DomainError } from '#kernel';
import type { AccessRequest } from './access-scope.js';
import { CASE_FACTS, type CaseFactsSource } from './case-facts.js';
import { hubInScope, inScope, scopeFor } from './policy.js';
import { REQUIRES, type Requirement } from './requires.decorator.js';
import { TokenRejected, type TokenVerifier } from './tokens/token-verifier.js';
import { SESSION_COOKIE, type WebSession, type WebSessions } from './sessions/web-sessions.js';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const WEB_SESSIONS = Symbol('WEB_SESSIONS');

export type WebRequest = AccessRequest & {
  session?: WebSession;
  cookies?: Record<string, string>;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every route passes here. Authenticates the bearer token, then asks the policy table whether
 * the user's roles grant the route's declared permission, and within which scope; a route with
 * no declared permission is refused (and fails the route-by-role test).
 *
 * Out of scope: a single case answers 404 (ids do not reveal that a case exists), a list is
 * filtered by the query (`@Access()`), a write into another hub is 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CASE_FACTS) private readonly caseFacts: CaseFactsSource,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(WEB_SESSIONS) private readonly sessions: WebSessions | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const user = await this.authenticate(req);
    req.user = user;

    const requirement = this.reflector.getAllAndOverride<Requirement | undefined>(
      REQUIRES,
      targets,
    );
    if (!requirement) {
      throw new DomainError(
        'ACCESS.NO_POLICY',
        'this route declares no permission, so nobody may use it',
        403,
      );
    }
    const scope = scopeFor(user.roles, requirement.permission);
    if (scope === null) {
      throw new DomainError(
        'ACCESS.DENIED',
        `your role${user.roles.length === 1 ? '' : 's'} (${user.roles.join(', ') || 'none'}) may not ${requirement.permission.replace(':', ' ')}`,
        403,
      );
    }
    req.access = { user, scope };

    const target = requirement.target;
    if (target.kind === 'case') {
      const id = String(req.params[target.param] ?? '');
      if (!UUID.test(id)) return true; // the route's pipe answers 400 naming the parameter
      const facts = await this.caseFacts.find(id, memoOf(req));
      if (!facts) throw new DomainError('YOUNG_PERSON.NOT_FOUND', `no young person ${id}`, 404);
      if (!inScope(scope, user, facts)) {
        if (scope === 'consented' && user.hubs.includes(facts.hubId)) {
          throw new DomainError(
            'ACCESS.NO_CONSENT',
            'the young person has not given (or has withdrawn) consent for you to see their record',
            403,
          );
        }
        throw new DomainError('YOUNG_PERSON.NOT_FOUND', `no young person ${id}`, 404);
      }
    } else if (target.kind === 'hub') {
      const body = req.body as Record<string, unknown> | undefined;
      const hubId = target.param ? req.params[target.param] : body?.[target.bodyField ?? 'hubId'];
      if (typeof hubId === 'string' && target.bodyField && !hubInScope(scope, user, hubId)) {
        throw new DomainError(
          'ACCESS.OUT_OF_SCOPE',
          'you may act only in your own hubs',
          403,
          target.bodyField,
        );
      }
      // A hub in the path that is not the caller's answers as if it did not exist.
      if (typeof hubId === 'string' && target.param && !hubInScope(scope, user, hubId)) {
        throw new DomainError('HUB.NOT_FOUND', `no hub ${hubId}`, 404, target.param);
      }
    }
    return true;
  }

  private async authenticate(req: WebRequest) {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    // The web pages sign in with a session cookie; forms then carry its CSRF token.
    if (!match && /^\/app(\/|$)/.test(req.path) && this.sessions) {
      const session = await this.sessions.read(req.cookies?.[SESSION_COOKIE]);
      if (!session) throw new ProblemException(401, 'AUTH.SESSION_MISSING', 'Sign in to continue.');
      const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!['GET', 'HEAD'].includes(req.method) && sent !== session.csrf) {
        throw new ProblemException(
          403,
          'WEB.CSRF',
          'This form has expired; reload the page and send it again.',
        );
      }
      req.session = session;
      return session.user;
    }
    if (!match) {
      throw new ProblemException(401, 'AUTH.TOKEN_MISSING', 'Send Authorization: Bearer <token>.');
    }
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenRejected)
        throw new ProblemException(401, error.code, error.message);
      throw error;
    }
  }
}
