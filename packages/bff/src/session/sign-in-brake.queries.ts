import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/**
 * The brake's counters of `keys`, created when missing and locked for the transaction. One upsert
 * in key order: every sign-in locks its counters in the same order, so concurrent ones queue
 * instead of deadlocking, and a counter purged meanwhile is simply created again.
 */
export async function lockCounters(db: Kysely<DB>, keys: string[], now: Date) {
  const rows = await db
    .insertInto('sign_in_attempts')
    .values([...keys].sort().map((key) => ({ key, failures: 0, window_started_at: now, locked_until: null })))
    .onConflict((oc) => oc.column('key').doUpdateSet({ key: (eb) => eb.ref('excluded.key') }))
    .returningAll()
    .execute();
  return new Map(rows.map((row) => [row.key, row]));
}

export async function saveCounter(
  db: Kysely<DB>,
  key: string,
  values: { failures: number; window_started_at: Date; locked_until: Date | null },
) {
  await db.updateTable('sign_in_attempts').set(values).where('key', '=', key).execute();
}

/** Gives back the attempts a right password reserved (the counters are locked by the caller). */
export async function uncountAttempt(db: Kysely<DB>, keys: string[]) {
  await db
    .updateTable('sign_in_attempts')
    .set((eb) => ({ failures: eb.fn('greatest', [eb('failures', '-', 1), eb.lit(0)]) }))
    .where('key', 'in', keys)
    .execute();
}

/** Deletes a bounded batch of counters that stopped counting before `before`. */
export async function purgeCounters(db: Kysely<DB>, before: Date) {
  await db
    .deleteFrom('sign_in_attempts')
    .where('key', 'in', (eb) =>
      eb
        .selectFrom('sign_in_attempts')
        .select('key')
        .where('window_started_at', '<', before)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', before)]))
        .limit(50),
    )
    .execute();
}

/** Whether the person behind `email` signed in from `address` since `since` (as costly for unknown emails). */
export async function isKnownAddress(db: Kysely<DB>, email: string, address: string, since: Date) {
  const row = await db
    .selectFrom('known_sign_in_addresses as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select('k.address')
    .where('u.email', '=', email)
    .where('k.address', '=', address)
    .where('k.last_signed_in_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(db: Kysely<DB>, userId: string, address: string, now: Date) {
  await db
    .insertInto('known_sign_in_addresses')
    .values({ user_id: userId, address, last_signed_in_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_signed_in_at: now }))
    .execute();
}
