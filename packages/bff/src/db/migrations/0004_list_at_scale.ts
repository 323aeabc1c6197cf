import { sql, type Kysely } from 'kysely';

/**
 * The users list at 100,000+ members, in an account that shares its database with other accounts.
 *
 * 1. `membership_counts`: how many memberships each account has in each stored state, kept by
 * statement-level triggers on `memberships` so the count changes in the same transaction as the
 * membership, whichever code path makes the change. The users list reads its default total from
 * here instead of counting 100,000 rows per page.
 *
 * Inserts and updates write all the count rows their statement touches in ONE upsert, in (account,
 * state) order, so two transactions changing states in opposite directions lock the count rows in
 * the same order and cannot deadlock on them (deletes, which only account deletion and tests make,
 * are a plain update). Statement-level (with transition tables) so a bulk insert of
 * many memberships is one upsert per state, not one per row.
 *
 * 2. Each membership carries a copy of its person's sort keys and search text (`user_*` columns),
 * so every sort has an index that starts with the account: a page walks only this account's
 * members, however many other accounts' people the users table holds (the users-wide indexes
 * walked everyone's names to find this account's). A trigger fills the copies on insert, and one on
 * users keeps them in step with names, email and last sign-in. The search's trigram index moves
 * along.
 */
const counts_up = [
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

const sort_keys_up = [
  `alter table memberships
    add column user_name_key text,
    add column user_email text,
    add column user_last_sign_in_key timestamptz,
    add column user_search_text text`,
  `update memberships m set user_name_key = u.name_key, user_email = u.email,
     user_last_sign_in_key = coalesce(u.last_sign_in_at, '-infinity'::timestamptz), user_search_text = u.search_text
   from users u where u.id = m.user_id`,
  `alter table memberships
    alter column user_name_key set not null,
    alter column user_email set not null,
    alter column user_last_sign_in_key set not null,
    alter column user_search_text set not null`,

  `create function copy_user_sort_keys() returns trigger language plpgsql as $$
  begin
    select u.name_key, u.email, coalesce(u.last_sign_in_at, '-infinity'::timestamptz), u.search_text
      into new.user_name_key, new.user_email, new.user_last_sign_in_key, new.user_search_text
      from users u where u.id = new.user_id;
    return new;
  end
  $$`,
  `create trigger memberships_copy_user_sort_keys before insert or update of user_id on memberships
    for each row execute function copy_user_sort_keys()`,
  `create function propagate_user_sort_keys() returns trigger language plpgsql as $$
  begin
    update memberships set user_name_key = new.name_key, user_email = new.email,
      user_last_sign_in_key = coalesce(new.last_sign_in_at, '-infinity'::timestamptz), user_search_text = new.search_text
    where user_id = new.id;
    return null;
  end
  $$`,
  `create trigger users_propagate_sort_keys after update of first_name, last_name, email, last_sign_in_at on users
    for each row when (old.first_name is distinct from new.first_name or old.last_name is distinct from new.last_name
      or old.email is distinct from new.email or old.last_sign_in_at is distinct from new.last_sign_in_at)
    execute function propagate_user_sort_keys()`,

  `create index memberships_name_order on memberships (account_id, user_name_key, user_id)`,
  `create index memberships_email_order on memberships (account_id, user_email, user_id)`,
  `create index memberships_last_sign_in_order on memberships (account_id, user_last_sign_in_key, user_id)`,
  `create index memberships_search_trgm on memberships using gin (user_search_text gin_trgm_ops)`,
  `drop index users_name_order`,
  `drop index users_email_order`,
  `drop index users_last_sign_in_order`,
  `drop index users_search_trgm`,
];

const sort_keys_down = [
  `create index users_email_order on users (email, id)`,
  `create index users_name_order on users (name_key, id)`,
  `create index users_last_sign_in_order on users ((coalesce(last_sign_in_at, '-infinity'::timestamptz)), id)`,
  `create index users_search_trgm on users using gin (search_text gin_trgm_ops)`,
  `drop trigger users_propagate_sort_keys on users`,
  `drop function propagate_user_sort_keys()`,
  `drop trigger memberships_copy_user_sort_keys on memberships`,
  `drop function copy_user_sort_keys()`,
  `alter table memberships drop column user_name_key, drop column user_email, drop column user_last_sign_in_key,
    drop column user_search_text`,
];

const counts_down = [
  `drop trigger membership_counts_delete on memberships`,
  `drop trigger membership_counts_update on memberships`,
  `drop trigger membership_counts_insert on memberships`,
  `drop function apply_membership_count_changes()`,
  `drop table membership_counts`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [...counts_up, ...sort_keys_up]) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [...sort_keys_down, ...counts_down]) await sql.raw(statement).execute(db);
}
