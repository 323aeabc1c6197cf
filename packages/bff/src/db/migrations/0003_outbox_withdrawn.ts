import { sql, type Kysely } from 'kysely';

/**
 * `withdrawn_at`: an invitation email that was still queued when its invitation stopped being
 * offered (accepted, declined, revoked by a removal, expired, or replaced by a new link) is not
 * sent. It is neither sent nor dead (nothing failed), so it gets its own mark, and leaves the due index.
 */
const up_statements = [
  `alter table outbox add column withdrawn_at timestamptz`,
  `drop index outbox_due`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null and dead_at is null and withdrawn_at is null`,
];

const down_statements = [
  `drop index outbox_due`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null and dead_at is null`,
  `alter table outbox drop column withdrawn_at`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
