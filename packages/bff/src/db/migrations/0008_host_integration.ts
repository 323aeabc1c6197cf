import { sql, type Kysely } from 'kysely';

/**
 * Webhooks in the outbox. `seq` is the write order (ids are random, timestamps tie inside one
 * transaction); `ordering_key` names what must be delivered in order (a webhook's membership): a
 * row is due only once every earlier row with its key is settled, so a receiver that was down gets
 * a membership's events in the order they happened. The partial index finds those earlier rows.
 */
const up_statements = [
  `alter table outbox add column seq bigint generated always as identity`,
  `alter table outbox add column ordering_key text`,
  `create index outbox_ordering on outbox (ordering_key, seq)
     where ordering_key is not null and sent_at is null and dead_at is null and withdrawn_at is null`,
];

const down_statements = [
  `drop index outbox_ordering`,
  `alter table outbox drop column ordering_key`,
  `alter table outbox drop column seq`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
