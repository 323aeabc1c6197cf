import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { findOrCreatePerson } from '../invitations/invitations.queries.ts';

/** The Roster user a host's token names, by email (stored lower-case). */
export function findUserIdByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
}

/**
 * A person the host vouches for, created on first sight with no password and no account: the same
 * find-or-create as an invitation's (two first requests at once both end with the one row).
 */
export async function createHostUser(db: Kysely<DB>, person: { email: string; firstName: string; lastName: string }) {
  const { id } = await findOrCreatePerson(db, person);
  return { id };
}
