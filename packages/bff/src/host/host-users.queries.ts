import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/** The Roster user a host's token names, by email (stored lower-case). */
export function findUserIdByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
}

/**
 * A person the host vouches for, created on first sight with no password and no account. Two first
 * requests at once both end with the one row.
 */
export async function createHostUser(db: Kysely<DB>, person: { email: string; firstName: string; lastName: string }) {
  await db
    .insertInto('users')
    .values({ email: person.email, first_name: person.firstName, last_name: person.lastName })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirstOrThrow();
}
