import type { RequestMemo } from '#platform';
import type { CaseFacts } from './policy.js';

/**
 * The port through which access control learns a case's hub, key worker and consents. The young
 * people module implements it from the case's own stream, so a revoked consent ends access at
 * once (no read-model lag).
 */
export interface CaseFactsSource {
  /** With the request's memo, asking twice in one request reads once. */
  find(youngPersonId: string, memo?: RequestMemo): Promise<CaseFacts | null>;
}

export const CASE_FACTS = Symbol('CASE_FACTS');
