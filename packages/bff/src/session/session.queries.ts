import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

export function findLiveSession(db: Kysely<DB>, sessionId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id'])
    .where('id', '=', sessionId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
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
