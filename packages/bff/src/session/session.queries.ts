import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

export function findLiveSession(db: Kysely<DB>, sessionId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'active_account_id'])
    .where('id', '=', sessionId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function insertSession(
  db: Kysely<DB>,
  session: { id: string; userId: string; activeAccountId: string | null; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      active_account_id: session.activeAccountId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Kysely<DB>, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function markSignedIn(db: Kysely<DB>, userId: string, now: Date) {
  await db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
}

/** Locks the brake row of `key` (creating it) so concurrent failures count one by one. */
export async function lockAttempts(db: Kysely<DB>, key: string, now: Date) {
  await db
    .insertInto('sign_in_attempts')
    .values({ key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return db
    .selectFrom('sign_in_attempts')
    .selectAll()
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function findAttempts(db: Kysely<DB>, key: string) {
  return db.selectFrom('sign_in_attempts').select(['locked_until']).where('key', '=', key).executeTakeFirst();
}

export async function updateAttempts(
  db: Kysely<DB>,
  key: string,
  values: { failures: number; window_started_at: Date; locked_until: Date | null },
) {
  await db.updateTable('sign_in_attempts').set(values).where('key', '=', key).execute();
}

export async function clearAttempts(db: Kysely<DB>, key: string) {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}
