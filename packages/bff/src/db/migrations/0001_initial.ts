import { sql, type Kysely } from 'kysely';

/**
 * The whole data model of DESIGN.md. Indexes serve the users list: one keyset order per sort key
 * (each ending in the user id so ties page stably) and a trigram index for substring search.
 * Statements run one by one: PGlite's extended protocol takes one statement per query.
 */
const up_statements = [
  `create extension if not exists pg_trgm`,

  `create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null check (email = lower(email)),
    first_name text not null default '',
    last_name text not null default '',
    avatar_url text,
    locale text not null default 'en',
    password_hash text,
    created_at timestamptz not null default now(),
    last_sign_in_at timestamptz,
    name_key text generated always as (lower(first_name || ' ' || last_name)) stored,
    search_text text generated always as (lower(first_name || ' ' || last_name || ' ' || email)) stored
  )`,
  `create unique index users_email_key on users (email)`,
  `create index users_email_order on users (email, id)`,
  `create index users_name_order on users (name_key, id)`,
  `create index users_last_sign_in_order on users ((coalesce(last_sign_in_at, '-infinity'::timestamptz)), id)`,
  `create index users_search_trgm on users using gin (search_text gin_trgm_ops)`,

  `create table accounts (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    created_at timestamptz not null default now()
  )`,

  `create table groups (
    id uuid primary key default gen_random_uuid(),
    account_id uuid not null references accounts (id) on delete cascade,
    name text not null,
    description text not null default '',
    permissions text[] not null default '{}',
    is_default boolean not null default false,
    created_at timestamptz not null default now(),
    unique (account_id, name),
    unique (account_id, id)
  )`,

  `create table memberships (
    account_id uuid not null references accounts (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    state text not null check (state in ('invited', 'active', 'blocked', 'removed', 'declined')),
    invited_by uuid references users (id) on delete set null,
    invited_at timestamptz not null default now(),
    joined_at timestamptz,
    removed_at timestamptz,
    version integer not null default 1,
    primary key (account_id, user_id)
  )`,
  `create index memberships_user on memberships (user_id)`,
  // Lets the list's total be an index-only count for the usual state filters.
  `create index memberships_state on memberships (account_id, state)`,
  `create index memberships_joined_order on memberships (account_id, (coalesce(joined_at, invited_at)), user_id)`,

  `create table membership_groups (
    account_id uuid not null,
    user_id uuid not null,
    group_id uuid not null,
    primary key (account_id, user_id, group_id),
    foreign key (account_id, user_id) references memberships (account_id, user_id) on delete cascade,
    foreign key (account_id, group_id) references groups (account_id, id) on delete cascade
  )`,
  `create index membership_groups_group on membership_groups (group_id, user_id)`,

  `create table invitations (
    id uuid primary key default gen_random_uuid(),
    account_id uuid not null,
    user_id uuid not null,
    email text not null,
    invited_by uuid references users (id) on delete set null,
    expires_at timestamptz not null,
    link_version integer not null default 1,
    state text not null default 'pending' check (state in ('pending', 'accepted', 'declined', 'revoked')),
    created_at timestamptz not null default now(),
    last_sent_at timestamptz,
    send_count integer not null default 1,
    foreign key (account_id, user_id) references memberships (account_id, user_id) on delete cascade
  )`,
  `create unique index invitations_one_pending_per_email on invitations (account_id, email) where state = 'pending'`,
  `create unique index invitations_one_pending_per_member on invitations (account_id, user_id) where state = 'pending'`,

  `create table sessions (
    id text primary key,
    user_id uuid not null references users (id) on delete cascade,
    active_account_id uuid references accounts (id) on delete set null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_user on sessions (user_id)`,

  `create table sign_in_attempts (
    key text primary key,
    failures integer not null,
    window_started_at timestamptz not null,
    locked_until timestamptz
  )`,

  `create table outbox (
    id uuid primary key default gen_random_uuid(),
    kind text not null,
    recipient text not null,
    locale text not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    last_error text
  )`,
  `create index outbox_due on outbox (next_attempt_at) where sent_at is null`,

  `create table audit_events (
    id uuid primary key default gen_random_uuid(),
    account_id uuid not null references accounts (id) on delete cascade,
    actor_id uuid references users (id) on delete set null,
    action text not null,
    subject_user_id uuid references users (id) on delete set null,
    data jsonb not null default '{}',
    at timestamptz not null default now()
  )`,
  `create index audit_events_account on audit_events (account_id, at desc)`,
  `create index audit_events_subject on audit_events (account_id, subject_user_id, at desc)`,
];

const tables = [
  'audit_events', 'outbox', 'sign_in_attempts', 'sessions', 'invitations',
  'membership_groups', 'memberships', 'groups', 'accounts', 'users',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db);
}
