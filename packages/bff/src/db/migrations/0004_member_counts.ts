import { sql, type Kysely } from 'kysely';

/**
 * `membership_counts`: how many memberships each account has in each stored state, kept by
 * statement-level triggers on `memberships` so the count changes in the same transaction as the
 * membership, whichever code path makes the change. The users list reads its default total from
 * here instead of counting 100,000 rows per page.
 *
 * Each trigger writes all the count rows its statement touches in ONE upsert, in (account, state)
 * order, so two transactions changing states in opposite directions lock the count rows in the same
 * order and cannot deadlock on them. Statement-level (with transition tables) so a bulk insert of
 * many memberships is one upsert per state, not one per row.
 */
const up_statements = [
  `create table membership_counts (
    account_id uuid not null references accounts (id) on delete cascade,
    state text not null,
    count bigint not null,
    primary key (account_id, state)
  )`,

  // An update's old and new rows net out per (account, state): a change that keeps the state writes nothing.
  `create function apply_membership_count_changes() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      insert into membership_counts as c (account_id, state, count)
      select account_id, state, count(*) from new_rows
      group by account_id, state order by account_id, state
      on conflict (account_id, state) do update set count = c.count + excluded.count;
    elsif tg_op = 'DELETE' then
      -- Plain updates: a delete cascading from its account finds no count row left, which is fine.
      update membership_counts c set count = c.count - d.n
      from (select account_id, state, count(*) as n from old_rows group by account_id, state
            order by account_id, state) d
      where c.account_id = d.account_id and c.state = d.state;
    else
      insert into membership_counts as c (account_id, state, count)
      select account_id, state, sum(delta) from (
        select account_id, state, 1 as delta from new_rows
        union all
        select account_id, state, -1 from old_rows
      ) changes
      group by account_id, state having sum(delta) <> 0 order by account_id, state
      on conflict (account_id, state) do update set count = c.count + excluded.count;
    end if;
    return null;
  end
  $$`,
  `create trigger membership_counts_insert after insert on memberships
    referencing new table as new_rows for each statement execute function apply_membership_count_changes()`,
  `create trigger membership_counts_update after update on memberships
    referencing old table as old_rows new table as new_rows for each statement execute function apply_membership_count_changes()`,
  `create trigger membership_counts_delete after delete on memberships
    referencing old table as old_rows for each statement execute function apply_membership_count_changes()`,

  `insert into membership_counts (account_id, state, count)
    select account_id, state, count(*) from memberships group by account_id, state`,
];

const down_statements = [
  `drop trigger membership_counts_delete on memberships`,
  `drop trigger membership_counts_update on memberships`,
  `drop trigger membership_counts_insert on memberships`,
  `drop function apply_membership_count_changes()`,
  `drop table membership_counts`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
