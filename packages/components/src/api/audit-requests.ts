import type { AuditPage } from '@roster/shared';
import { send } from './api-error.ts';
import type { RosterClient } from './client.ts';

/*
 * The account's history, read only by the lazily loaded person's page. Apart from `requests.ts` for
 * the same reason as `membership-requests.ts`: in there it would ride along in `roster.js`.
 */

/** One page of the history of `userId` in the account, newest first; pass the last page's `nextCursor` for the next. */
export function listUserHistory(
  client: RosterClient,
  accountId: string,
  userId: string,
  page: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = { userId, ...(page.cursor ? { cursor: page.cursor } : {}), ...(page.limit ? { limit: String(page.limit) } : {}) };
  return send(client.accounts[':accountId'].audit.$get({ param: { accountId }, query }, { init: { signal } }));
}
