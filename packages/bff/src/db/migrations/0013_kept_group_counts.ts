import { sql, type Kysely } from 'kysely';

/**
 * How many people hold each group, kept (issue 9, "Scale": cost stays flat as the account grows).
 * `GET /groups`, which every Users screen asks for its group filter, counted each group's
 * `membership_groups` rows: 5 ms at 100,000 members, ten times that at a million. Kept by
 * statement-level triggers in the same transaction as every change of anyone's groups, like
 * `membership_counts` (migration 0004). Two transactions never change one group's count at once in
 * opposite orders: every change of a membership's groups holds its account's lock first (DESIGN.md
 * "Locks, in one order"), and a group belongs to one account. Deletes are plain updates: a delete
 * cascading from its account (or group) finds no count row left, which is fine.
 */
const up_statements = [
  `create table group_member_counts (
    group_id uuid primary key references groups (id) on delete cascade,
    count bigint not null
  )`,
  `create function apply_group_member_count_changes() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then
      update group_member_counts c set count = c.count - d.n
      from (select group_id, count(*) as n from old_rows group by group_id) d
      where c.group_id = d.group_id;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
      insert into group_member_counts as c (group_id, count)
      select group_id, count(*) from new_rows group by group_id order by group_id
      on conflict (group_id) do update set count = c.count + excluded.count;
    end if;
    return null;
  end
  $$`,
  `create trigger group_member_counts_insert after insert on membership_groups
    referencing new table as new_rows for each statement execute function apply_group_member_count_changes()`,
  `create trigger group_member_counts_update after update on membership_groups
    referencing old table as old_rows new table as new_rows for each statement execute function apply_group_member_count_changes()`,
  `create trigger group_member_counts_delete after delete on membership_groups
    referencing old table as old_rows for each statement execute function apply_group_member_count_changes()`,
  `insert into group_member_counts (group_id, count) select group_id, count(*) from membership_groups group by group_id`,
];

const down_statements = [
  `drop trigger group_member_counts_delete on membership_groups`,
  `drop trigger group_member_counts_update on membership_groups`,
  `drop trigger group_member_counts_insert on membership_groups`,
  `drop function apply_group_member_count_changes()`,
  `drop table group_member_counts`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
