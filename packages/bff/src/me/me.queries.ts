import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function findUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'first_name', 'last_name', 'avatar_url', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findSessionAccount(db: Kysely<DB>, sessionId: string) {
  return db.selectFrom('sessions').select('active_account_id').where('id', '=', sessionId).executeTakeFirst();
}

export async function setSessionAccount(db: Kysely<DB>, sessionId: string, accountId: string | null) {
  await db.updateTable('sessions').set({ active_account_id: accountId }).where('id', '=', sessionId).execute();
}
