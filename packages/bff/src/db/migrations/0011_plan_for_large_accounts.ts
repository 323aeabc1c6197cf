import { sql, type Kysely } from 'kysely';

/**
 * Plan every account as if it were the largest (issue 9, "Scale"; `many-accounts.postgres.test.ts`).
 *
 * Where a statement cannot see which account it is about (the generic plan of a prepared statement,
 * such as the session lookup on every request, or an account id that comes from a join), PostgreSQL
 * estimates an account as memberships / accounts. On a platform of thousands of small accounts
 * that is a row or two, and to find one person's membership in a large account it read that
 * account's whole sort index instead of looking the person up: 22 ms a request at 100,000 members,
 * where the lookup takes 0.2 ms. The mistake only ever costs in large accounts, and the plans made
 * for a large account (walk a sort index to the page, look members up by person) are also right for
 * a small one. So the planner is told there is one account: without a value its estimate is then the
 * share of the largest account (PostgreSQL caps it at the most common value's), and with one it
 * still uses that account's own statistics. An override of ANALYZE's count, which the ANALYZE here
 * and every later one (autovacuum's too) apply.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table memberships alter column account_id set (n_distinct = 1)`.execute(db);
  await sql`analyze memberships`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table memberships alter column account_id reset (n_distinct)`.execute(db);
  await sql`analyze memberships`.execute(db);
}
