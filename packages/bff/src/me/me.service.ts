import type { Kysely } from 'kysely';
import type { Me } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { ProblemError } from '../errors.ts';
import { listActiveAccounts } from '../memberships/memberships.queries.ts';
import * as queries from './me.queries.ts';

/**
 * The signed-in user, their accounts and the active one. A session whose active account is gone
 * (the user was removed or blocked there) falls back to their first account, or to none.
 */
export async function getMe(
  db: Kysely<DB>,
  userId: string,
  sessionId: string | null,
  credentials: Me['credentials'] = 'roster',
): Promise<Me> {
  const [user, accounts, session] = await Promise.all([
    queries.findUser(db, userId),
    listActiveAccounts(db, userId),
    sessionId ? queries.findSessionAccount(db, sessionId) : undefined,
  ]);
  if (!user) throw new ProblemError(401, 'unauthenticated', 'Please sign in');

  const stored = session?.active_account_id ?? null;
  const activeAccountId = accounts.some((a) => a.id === stored) ? stored : (accounts[0]?.id ?? null);
  if (sessionId && activeAccountId !== stored) await queries.setSessionAccount(db, sessionId, activeAccountId);

  return {
    user: {
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      avatarUrl: user.avatar_url,
      locale: user.locale,
    },
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, isAdmin: a.is_admin })),
    activeAccountId,
    credentials,
  };
}
