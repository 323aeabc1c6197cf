import { sql, type Kysely } from 'kysely';

/**
 * What an account may see of a person it has invited (PRODUCT.md "Add users", privacy; issue 9).
 *
 * Inviting an email must not tell an administrator the name, picture or sign-in habits of whoever
 * owns it on the platform. Until the person first joins the account, the account knows them only
 * by the names it invited them with, kept on the membership (`invited_first_name`,
 * `invited_last_name`): what the administrator typed for a new person, the person's own names when
 * the inviter could already see them, and empty names otherwise (the screens then show the email).
 * Both are null once the person has joined: from then on, and after a removal or a re-invitation,
 * the account sees the person's own profile, as it sees any present or past member.
 *
 * The copies of sort keys and search text on memberships (migration 0004) follow the same rule, so
 * neither the name sort nor a search by the person's own name can tell an administrator more than
 * the list shows; an invitee's last sign-in sorts as "never".
 */
const up_statements = [
  `alter table memberships add column invited_first_name text, add column invited_last_name text,
    add constraint memberships_invited_names_together check ((invited_first_name is null) = (invited_last_name is null))`,

  `create or replace function copy_user_sort_keys() returns trigger language plpgsql as $$
  begin
    if new.invited_first_name is null then
      select u.name_key, u.email, coalesce(u.last_sign_in_at, '-infinity'::timestamptz), u.search_text
        into new.user_name_key, new.user_email, new.user_last_sign_in_key, new.user_search_text
        from users u where u.id = new.user_id;
    else
      -- The same expressions as the generated users.name_key and users.search_text, on the invited names.
      select u.email into new.user_email from users u where u.id = new.user_id;
      new.user_name_key := lower(new.invited_first_name || ' ' || new.invited_last_name);
      new.user_search_text := lower(new.invited_first_name || ' ' || new.invited_last_name || ' ' || new.user_email);
      new.user_last_sign_in_key := '-infinity'::timestamptz;
    end if;
    return new;
  end
  $$`,
  `drop trigger memberships_copy_user_sort_keys on memberships`,
  `create trigger memberships_copy_user_sort_keys
    before insert or update of user_id, invited_first_name, invited_last_name on memberships
    for each row execute function copy_user_sort_keys()`,

  // A person's own changes reach only the memberships that see them; the others follow their email alone.
  `create or replace function propagate_user_sort_keys() returns trigger language plpgsql as $$
  begin
    update memberships set user_name_key = new.name_key, user_email = new.email,
      user_last_sign_in_key = coalesce(new.last_sign_in_at, '-infinity'::timestamptz), user_search_text = new.search_text
    where user_id = new.id and invited_first_name is null;
    if old.email is distinct from new.email then
      update memberships set user_email = new.email,
        user_search_text = lower(invited_first_name || ' ' || invited_last_name || ' ' || new.email)
      where user_id = new.id and invited_first_name is not null;
    end if;
    return null;
  end
  $$`,

  // Memberships never joined so far are known by the names they show today (the trigger recomputes their keys).
  `update memberships m set invited_first_name = u.first_name, invited_last_name = u.last_name
    from users u where u.id = m.user_id and m.joined_at is null`,
];

const down_statements = [
  `drop trigger memberships_copy_user_sort_keys on memberships`,
  `create trigger memberships_copy_user_sort_keys before insert or update of user_id on memberships
    for each row execute function copy_user_sort_keys()`,
  `create or replace function copy_user_sort_keys() returns trigger language plpgsql as $$
  begin
    select u.name_key, u.email, coalesce(u.last_sign_in_at, '-infinity'::timestamptz), u.search_text
      into new.user_name_key, new.user_email, new.user_last_sign_in_key, new.user_search_text
      from users u where u.id = new.user_id;
    return new;
  end
  $$`,
  `create or replace function propagate_user_sort_keys() returns trigger language plpgsql as $$
  begin
    update memberships set user_name_key = new.name_key, user_email = new.email,
      user_last_sign_in_key = coalesce(new.last_sign_in_at, '-infinity'::timestamptz), user_search_text = new.search_text
    where user_id = new.id;
    return null;
  end
  $$`,
  `update memberships m set user_name_key = u.name_key, user_last_sign_in_key = coalesce(u.last_sign_in_at, '-infinity'::timestamptz),
    user_search_text = u.search_text
    from users u where u.id = m.user_id and m.invited_first_name is not null`,
  `alter table memberships drop column invited_first_name, drop column invited_last_name`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
