import { sql, type Kysely } from 'kysely';

/**
 * The sign-in brake counts per (email, address), per address and per email (rows of
 * `sign_in_attempts` keyed `device:…`, `address:…`, `email:…`). Addresses a person has signed in
 * from are remembered, so guessers elsewhere never slow the owner down there. Counters whose
 * window is long over are purged by age.
 */
const up_statements = [
  `create table known_sign_in_addresses (
    user_id uuid not null references users (id) on delete cascade,
    address text not null,
    last_signed_in_at timestamptz not null,
    primary key (user_id, address)
  )`,
  `create index sign_in_attempts_age on sign_in_attempts (window_started_at)`,
  // Counters of the old brake (email only, locked for 15 minutes) mean nothing to the new one.
  `delete from sign_in_attempts`,
];

const down_statements = [
  `drop index sign_in_attempts_age`,
  `drop table known_sign_in_addresses`,
  `delete from sign_in_attempts`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
