import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { cachedStatement } from '../db/statement-cache.ts';
import type { DB } from '../db/types.ts';
import { holdsAdminGroup } from '../memberships/memberships.queries.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

/**
 * Every request that carries a cookie asks this: compiled once per shape. With an account, the same
 * statement also reads the person's active membership there (`member_account_id` null when there is
 * none): an account-scoped request then needs one round trip for who is asking and what they may do.
 */
const liveSession = cachedStatement(
  (db, v: { sessionId: string; now: Date; accountId: string }, shape: { withAccount: boolean }) => {
    const session = db.selectFrom('sessions as s').where('s.id', '=', v.sessionId).where('s.expires_at', '>', v.now);
    if (!shape.withAccount) return session.select(['s.id', 's.user_id', sql<null>`null`.as('member_account_id'), sql<null>`null`.as('is_admin')]);
    return session
      .leftJoin('memberships as m', (join) =>
        join.on('m.account_id', '=', v.accountId).onRef('m.user_id', '=', 's.user_id').on('m.state', '=', 'active'),
      )
      .select((eb) => [
        's.id',
        's.user_id',
        'm.account_id as member_account_id',
        // The left join leaves `m` empty for a non-member, and then no group of theirs is an administrators' group.
        holdsAdminGroup(eb as unknown as ExpressionBuilder<DB & { m: DB['memberships'] }, 'm'>).as('is_admin'),
      ]);
  },
  (shape) => (shape.withAccount ? 'account' : ''),
  () => true, // lookups by key: one plan serves every value
);

/** The live session `sessionId` names, and, when `accountId` is given, the person's membership there. */
export async function findLiveSession(db: Kysely<DB>, sessionId: string, now: Date, accountId?: string) {
  const [row] = await liveSession(db, { sessionId, now, accountId: accountId ?? '' }, { withAccount: accountId !== undefined });
  if (!row) return undefined;
  const membership =
    accountId === undefined ? undefined : { accountId, active: row.member_account_id !== null, isAdmin: row.is_admin === true };
  return { id: row.id, user_id: row.user_id, membership };
}

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Kysely<DB>, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Every session of the person but `keepSessionId` (all of them when it is null). */
export async function deleteOtherSessions(db: Kysely<DB>, userId: string, keepSessionId: string | null) {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepSessionId !== null, (qb) => qb.where('id', '<>', keepSessionId!))
    .execute();
}

export async function markSignedIn(db: Kysely<DB>, userId: string, now: Date) {
  await db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
}
