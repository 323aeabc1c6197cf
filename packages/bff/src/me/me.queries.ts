import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function findUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('user_avatars as av', 'av.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.first_name', 'u.last_name', 'u.avatar_url', 'av.hash as avatar_hash', 'u.locale', 'u.active_account_id'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export async function setActiveAccount(db: Kysely<DB>, userId: string, accountId: string) {
  await db.updateTable('users').set({ active_account_id: accountId }).where('id', '=', userId).execute();
}

/**
 * Moves the remembered account from `from` to `to` only if it still is `from`: of two requests that
 * find it lost at once, exactly one moves it (and reports the loss), so it is reported once.
 */
export async function moveActiveAccount(db: Kysely<DB>, userId: string, move: { from: string | null; to: string | null }) {
  const row = await db
    .updateTable('users')
    .set({ active_account_id: move.to })
    .where('id', '=', userId)
    .where(sql<boolean>`active_account_id is not distinct from ${move.from}::uuid`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateProfile(
  db: Kysely<DB>,
  userId: string,
  change: { firstName?: string; lastName?: string; locale?: string },
) {
  const values = {
    ...(change.firstName !== undefined ? { first_name: change.firstName } : {}),
    ...(change.lastName !== undefined ? { last_name: change.lastName } : {}),
    ...(change.locale !== undefined ? { locale: change.locale } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await db.updateTable('users').set(values).where('id', '=', userId).execute();
}

export function findCredentials(db: Kysely<DB>, userId: string) {
  return db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst();
}

export async function setPasswordHash(db: Kysely<DB>, userId: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}
