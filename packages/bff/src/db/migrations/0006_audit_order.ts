import { sql, type Kysely } from 'kysely';

/**
 * `seq`: the order in which events were written. Timestamps tie (one transaction, or an injected
 * clock) and ids are random, so without it two changes to one person have no order; the history
 * pages by it, newest first.
 */
const up_statements = [
  `alter table audit_events add column seq bigint generated always as identity`,
  `drop index audit_events_account`,
  `drop index audit_events_subject`,
  `create index audit_events_account on audit_events (account_id, seq desc)`,
  `create index audit_events_subject on audit_events (account_id, subject_user_id, seq desc)`,
];

const down_statements = [
  `drop index audit_events_account`,
  `drop index audit_events_subject`,
  `create index audit_events_account on audit_events (account_id, at desc)`,
  `create index audit_events_subject on audit_events (account_id, subject_user_id, at desc)`,
  `alter table audit_events drop column seq`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
