import { sql, type Kysely } from 'kysely';

/**
 * Accounts and profile (issue 12).
 * - The active account is remembered per person (`users.active_account_id`), not per session: it
 *   survives signing out and in, and follows the person to other devices and to a host's sign-in
 *   (which has no Roster session). The sessions' own column goes, so there is one truth; the
 *   choice each person made last is carried over.
 * - Profile pictures live in the database (`user_avatars`), as re-encoded WebP bytes with their
 *   content hash: every BFF instance on one database serves them, and the URL changes with them.
 * - Events about a person themselves (a password change) belong to no account: `account_id`
 *   becomes nullable, so no account's administrators see them in their history.
 */
const up_statements = [
  `alter table users add column active_account_id uuid references accounts (id) on delete set null`,
  `update users u set active_account_id = (
    select s.active_account_id from sessions s
    where s.user_id = u.id and s.active_account_id is not null
    order by s.created_at desc limit 1
  )`,
  `alter table sessions drop column active_account_id`,

  `create table user_avatars (
    user_id uuid primary key references users (id) on delete cascade,
    hash text not null,
    image bytea not null,
    created_at timestamptz not null default now()
  )`,

  `alter table audit_events alter column account_id drop not null`,
  `create index audit_events_user_level on audit_events (subject_user_id, seq desc) where account_id is null`,
];

const down_statements = [
  `drop index audit_events_user_level`,
  `delete from audit_events where account_id is null`,
  `alter table audit_events alter column account_id set not null`,
  `drop table user_avatars`,
  `alter table sessions add column active_account_id uuid references accounts (id) on delete set null`,
  `update sessions s set active_account_id = u.active_account_id from users u where u.id = s.user_id`,
  `alter table users drop column active_account_id`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
