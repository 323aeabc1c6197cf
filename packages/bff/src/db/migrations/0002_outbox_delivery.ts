import { sql, type Kysely } from 'kysely';

/**
 * What the outbox worker needs on top of 0001's queue: a lease (`claimed_until`) so several
 * workers never send one row twice and a crashed worker's rows come back; `dead_at` for emails
 * given up on; the `message_id` every attempt of one email carries, so a retry after a crash is
 * recognisable as the same message. The due index now leaves dead rows out, and dead rows get their
 * own small index for the health count.
 */
const up_statements = [
  `alter table outbox add column claimed_until timestamptz`,
  `alter table outbox add column dead_at timestamptz`,
  `alter table outbox add column message_id text`,
  `drop index outbox_due`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null and dead_at is null`,
  `create index outbox_dead on outbox (dead_at) where dead_at is not null`,
];

const down_statements = [
  `drop index outbox_dead`,
  `drop index outbox_due`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null`,
  `alter table outbox drop column message_id`,
  `alter table outbox drop column dead_at`,
  `alter table outbox drop column claimed_until`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
