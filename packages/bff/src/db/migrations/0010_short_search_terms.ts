import { sql, type Kysely } from 'kysely';

/**
 * Searches of one or two characters at 100,000+ members (issue 9, "Scale"). The trigram index
 * cannot serve them, so a rare one ("zq", nobody matches) read every member of the account, twice
 * (page and count).
 *
 * 1. `search_grams(text)`: the characters and the pairs of neighbouring characters of a search text.
 * A one- or two-character term is a substring of the text exactly when it is one of its grams, so a
 * GIN index on the grams of each membership's search text finds a short term's matches directly.
 * An expression index, not a stored column: the table does not grow (GIN keeps each distinct gram
 * once, with a compressed list of rows). Its COST is set high so the planner never evaluates it
 * row by row (a walk of the sort order that tested the grams of each member would pay an array
 * per row); it is only ever answered from the index.
 *
 * 2. `membership_search_gram_counts`: per account, per stored state, how many memberships have each
 * gram, kept by statement-level triggers in the same transaction as every insert, delete, state
 * change and change of search text (a rename propagates to `memberships`, so it is seen here
 * too), like `membership_counts` (0004): one upsert per statement, ordered, so opposite changes
 * cannot deadlock. It tells, before any member is read, how many match a short term: the exact
 * total of a plain search, and for every short search whether its matches are few (fetch them
 * through the grams index and sort them) or many (walk the sort order, where 25 matches are soon found).
 */
const up_statements = [
  `create function search_grams(search_text text) returns text[] language sql immutable strict parallel safe cost 10000
    as $$ select string_to_array(search_text, null)
                 || array(select substr(search_text, i, 2) from generate_series(1, length(search_text) - 1) i) $$`,
  `create index memberships_search_grams on memberships using gin (search_grams(user_search_text))`,

  `create table membership_search_gram_counts (
    account_id uuid not null references accounts (id) on delete cascade,
    state text not null,
    gram text not null,
    count bigint not null,
    primary key (account_id, state, gram)
  )`,
  // Each membership counts once per gram however often the gram occurs in its text (distinct per row).
  `create function apply_search_gram_count_changes() returns trigger language plpgsql as $$
  begin
    if tg_op = 'DELETE' then
      -- Plain updates: a delete cascading from its account finds no count row left, which is fine.
      update membership_search_gram_counts c set count = c.count - d.n
      from (select r.account_id, r.state, g.gram, count(*) as n
            from old_rows r, lateral (select distinct unnest(search_grams(r.user_search_text)) as gram) g
            group by r.account_id, r.state, g.gram order by r.account_id, r.state, g.gram) d
      where c.account_id = d.account_id and c.state = d.state and c.gram = d.gram;
      return null;
    end if;
    if tg_op = 'INSERT' then
      insert into membership_search_gram_counts as c (account_id, state, gram, count)
      select r.account_id, r.state, g.gram, count(*)
      from new_rows r, lateral (select distinct unnest(search_grams(r.user_search_text)) as gram) g
      group by r.account_id, r.state, g.gram order by r.account_id, r.state, g.gram
      on conflict (account_id, state, gram) do update set count = c.count + excluded.count;
      return null;
    end if;
    -- An update counts only the rows whose state or search text changed (every other update, such as
    -- a sign-in, leaves the grams alone), and their old and new grams net out per (account, state, gram).
    insert into membership_search_gram_counts as c (account_id, state, gram, count)
    select r.account_id, r.state, g.gram, sum(r.delta) from (
      select account_id, state, user_search_text, 1 as delta from new_rows n
      where not exists (select from old_rows o where (o.account_id, o.user_id, o.state, o.user_search_text)
                                                     = (n.account_id, n.user_id, n.state, n.user_search_text))
      union all
      select account_id, state, user_search_text, -1 from old_rows o
      where not exists (select from new_rows n where (o.account_id, o.user_id, o.state, o.user_search_text)
                                                     = (n.account_id, n.user_id, n.state, n.user_search_text))
    ) r, lateral (select distinct unnest(search_grams(r.user_search_text)) as gram) g
    group by r.account_id, r.state, g.gram having sum(r.delta) <> 0 order by r.account_id, r.state, g.gram
    on conflict (account_id, state, gram) do update set count = c.count + excluded.count;
    return null;
  end
  $$`,
  `create trigger membership_search_gram_counts_insert after insert on memberships
    referencing new table as new_rows for each statement execute function apply_search_gram_count_changes()`,
  `create trigger membership_search_gram_counts_update after update on memberships
    referencing old table as old_rows new table as new_rows for each statement execute function apply_search_gram_count_changes()`,
  `create trigger membership_search_gram_counts_delete after delete on memberships
    referencing old table as old_rows for each statement execute function apply_search_gram_count_changes()`,

  `insert into membership_search_gram_counts (account_id, state, gram, count)
    select m.account_id, m.state, g.gram, count(*)
    from memberships m, lateral (select distinct unnest(search_grams(m.user_search_text)) as gram) g
    group by m.account_id, m.state, g.gram`,
];

const down_statements = [
  `drop trigger membership_search_gram_counts_delete on memberships`,
  `drop trigger membership_search_gram_counts_update on memberships`,
  `drop trigger membership_search_gram_counts_insert on memberships`,
  `drop function apply_search_gram_count_changes()`,
  `drop table membership_search_gram_counts`,
  `drop index memberships_search_grams`,
  `drop function search_grams(text)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
