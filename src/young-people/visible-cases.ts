import type { Page } from '../../libs/platform/src/index.js';
import type { AccessScope } from '../access/index.js';
import type { CaseFactsFromStreams } from './case-facts.provider.js';

/**
 * The SQL scope filter already keeps a list to the caller's hubs; for independent visitors each
 * case is also checked against the consents in its stream, so a revoked consent hides it at once.
 */
export async function visibleCases<T extends { youngPersonId: string }>(
  page: Page<T>,
  access: AccessScope,
  facts: CaseFactsFromStreams,
): Promise<Page<T>> {
  if (access.scope !== 'consented') return page;
  const allowed = await Promise.all(
    page.items.map(async (item) => {
      const f = await facts.find(item.youngPersonId);
      return f !== null && f.consentedVisitorIds.includes(access.user.id);
    }),
  );
  return { items: page.items.filter((_, i) => allowed[i]), nextCursor: page.nextCursor };
}
