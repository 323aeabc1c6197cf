import { sql, type Kysely } from 'kysely';

/**
 * Broad searches at 100,000+ members (issue 9, "Scale"): the four sort indexes also carry the
 * state and the search text (the joined order also its two columns), so a search walks the sort
 * order testing each entry in the index alone and reads membership rows only for the page it found
 * (see `listMembersPage`). "silva" in name order skips ~8,000 non-matching people before its first
 * page: ~6,000 table buffers before, ~115 index pages now.
 *
 * Only index builds, no table rewrite. Each new index is built beside the one it replaces, and the
 * old ones are dropped last: a plain CREATE INDEX lets reads go on (writes to memberships wait until
 * the migration commits), and the ACCESS EXCLUSIVE lock the drops take is held only for the
 * moments left before the commit. Not CONCURRENTLY: that cannot run inside a transaction, and
 * Kysely's migrator runs every pending migration in one (its `disableTransactions` would drop that
 * for all migrations, not just this one). On a very large table run these statements by hand,
 * CONCURRENTLY, before deploying; the migration then only has to find them (`if not exists`).
 */
const COVERING = [
  { name: 'memberships_name_order', columns: 'account_id, user_name_key, user_id', include: 'state, user_search_text' },
  { name: 'memberships_email_order', columns: 'account_id, user_email, user_id', include: 'state, user_search_text' },
  {
    name: 'memberships_last_sign_in_order',
    columns: 'account_id, user_last_sign_in_key, user_id',
    include: 'state, user_search_text',
  },
  {
    name: 'memberships_joined_order',
    columns: 'account_id, (coalesce(joined_at, invited_at)), user_id',
    include: 'joined_at, invited_at, state, user_search_text',
  },
];

const up_statements = [
  ...COVERING.map((i) => `create index if not exists ${i.name}_covering on memberships (${i.columns}) include (${i.include})`),
  ...COVERING.map((i) => `drop index ${i.name}`),
  ...COVERING.map((i) => `alter index ${i.name}_covering rename to ${i.name}`),
];

const down_statements = [
  ...COVERING.map((i) => `create index ${i.name}_plain on memberships (${i.columns})`),
  ...COVERING.map((i) => `drop index ${i.name}`),
  ...COVERING.map((i) => `alter index ${i.name}_plain rename to ${i.name}`),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
