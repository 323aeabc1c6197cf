import type { Kysely } from 'kysely';
import { cachedStatement } from '../db/statement-cache.ts';
import type { DB } from '../db/types.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

/** Every request that carries a cookie asks this: compiled once. */
const liveSession = cachedStatement((db, v: { sessionId: string; now: Date }) =>
  db.selectFrom('sessions').select(['id', 'user_id']).where('id', '=', v.sessionId).where('expires_at', '>', v.now),
);

export async function findLiveSession(db: Kysely<DB>, sessionId: string, now: Date) {
  const [session] = await liveSession(db, { sessionId, now });
  return session;
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
