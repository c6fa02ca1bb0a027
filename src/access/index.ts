export { AccessModule, accessProjections } from './access.module.js';
export { loadAuthConfig, AUTH_CONFIG_HELP } from './auth-config.js';
export {
  createTokenVerifier,
  type AuthConfig,
  type TokenVerifier,
} from './tokens/token-verifier.js';
export {
  loadOrCreateLocalKeys,
  signLocalToken,
  lifetimeSeconds,
} from './tokens/local-signing-key.js';
export type { AuthenticatedUser } from './authenticated-user.js';
export {
  ROLES,
  POLICY,
  scopeFor,
  inScope,
  type Role,
  type Permission,
  type Scope,
  type CaseFacts,
} from './policy.js';
export { CASE_FACTS, type CaseFactsSource } from './case-facts.js';
export { Access, scopeSql, type AccessRequest, type AccessScope } from './access-scope.js';
export {
  Requires,
  onCase,
  onHubParam,
  onHubInBody,
  scopedList,
  REQUIRES,
  type Requirement,
} from './requires.decorator.js';
export {
  LogsAccess,
  LOGS_ACCESS,
  oneCase,
  pageOfCases,
  rowsOf,
  keepRows,
  type RowsAboutYoungPeople,
} from './access-log/logs-access.decorator.js';
export { ConsentFilter } from './consent-filter.js';
export { WEB_SESSIONS, type WebRequest } from './access.guard.js';
export { loadOrCreateLocalKeys as loadLocalKeys } from './tokens/local-signing-key.js';
export { RefusedRequests } from './refused-requests/refused-requests.js';
export {
  CountRefusedRequests,
  GetRefusedRequests,
  type RefusedEntry,
} from './refused-requests/refused-requests.query.js';
export { FindLooks, GetAccessLog, GetLooks, type Look } from './access-log/access-log.query.js';
export { SESSION_COOKIE, WebSessions } from './sessions/web-sessions.js';
export { userFromClaims, type ClaimMapping } from './tokens/claims.js';
export { type LocalKeys } from './tokens/local-signing-key.js';
export { DEFAULT_CLAIMS } from './tokens/claims.js';
export { HtmlDocument } from './access-log/html-document.js';
export { recordAccess } from './access-log/record-access.js';
export { REASON_COOKIE, reasonIsValid } from './access-log/access-reason.js';
export { REASON_REQUIRED } from './policy.js';
