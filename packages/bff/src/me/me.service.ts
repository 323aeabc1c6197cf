import type { Kysely } from 'kysely';
import { isUuid, type Credentials, type Me, type UpdateProfile } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import { findActiveMembership, findStanding, listActiveAccounts, listActiveMemberGroups } from '../memberships/memberships.queries.ts';
import { avatarUrlOf } from './avatar-url.ts';
import * as queries from './me.queries.ts';

/** Who asks `/me`, and where the app is mounted (the base of the picture's URL). */
export interface MeRequest {
  userId: string;
  credentials: Credentials;
  mountPath: string;
}

/**
 * The signed-in person, their accounts (with their groups there) and the active one. The active
 * account is remembered per person; when it is gone (removed or blocked there), it falls back to
 * their first account by name, or to none, and this one answer says what was lost.
 */
export async function getMe(db: Kysely<DB>, who: MeRequest): Promise<Me> {
  const [user, accounts, groups] = await Promise.all([
    queries.findUser(db, who.userId),
    listActiveAccounts(db, who.userId),
    listActiveMemberGroups(db, who.userId),
  ]);
  if (!user) throw new ProblemError(401, 'unauthenticated', 'Please sign in');

  const remembered = user.active_account_id;
  let activeAccountId = remembered;
  let lostAccount: Me['lostAccount'] = null;
  if (!accounts.some((a) => a.id === remembered)) {
    activeAccountId = accounts[0]?.id ?? null;
    const moved = activeAccountId !== remembered && (await queries.moveActiveAccount(db, who.userId, { from: remembered, to: activeAccountId }));
    const standing = moved && remembered ? await findStanding(db, remembered, who.userId) : undefined;
    if (standing) lostAccount = { id: standing.id, name: standing.name, reason: standing.state === 'blocked' ? 'blocked' : 'removed' };
  }

  return {
    user: {
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      avatarUrl: avatarUrlOf(who.mountPath, user),
      locale: user.locale,
    },
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      isAdmin: a.is_admin,
      groups: groups.filter((g) => g.account_id === a.id).map((g) => ({ id: g.id, name: g.name })),
    })),
    activeAccountId,
    credentials: who.credentials,
    lostAccount,
  };
}

/** Switches to an account where the person is an active member; any other answers 404 (no existence leak). */
export async function switchAccount(db: Kysely<DB>, userId: string, accountId: string) {
  const membership = isUuid(accountId) ? await findActiveMembership(db, accountId, userId) : undefined;
  if (!membership) throw notFound('No such account');
  await queries.setActiveAccount(db, userId, accountId);
}

/** Names and display language; the emails sent from now on follow the language. */
export async function updateProfile(db: Kysely<DB>, userId: string, change: UpdateProfile) {
  await queries.updateProfile(db, userId, change);
}
