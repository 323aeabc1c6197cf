import type { ColumnType, Generated } from 'kysely';
import type { StoredMembershipState } from '@roster/shared';

/** Timestamps come back as Date and go in as Date or ISO strings. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  first_name: string;
  last_name: string;
  avatar_url: string | null;
  locale: Generated<string>;
  password_hash: string | null;
  created_at: CreatedAt;
  last_sign_in_at: Timestamp | null;
  /** The account the person works in, remembered across sessions and devices (migration 0007). */
  active_account_id: string | null;
  /** Generated: lower-case "first last", the name sort key. */
  name_key: ColumnType<string, never, never>;
  /** Generated: lower-case names and email, the substring search target. */
  search_text: ColumnType<string, never, never>;
}

export interface AccountsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface GroupsTable {
  id: Generated<string>;
  account_id: string;
  name: string;
  description: Generated<string>;
  permissions: ColumnType<string[], string[] | undefined, string[]>;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  account_id: string;
  user_id: string;
  state: StoredMembershipState;
  invited_by: string | null;
  invited_at: Timestamp;
  joined_at: Timestamp | null;
  removed_at: Timestamp | null;
  version: Generated<number>;
  /**
   * The names the account knows the person by until they first join it (migration 0012): typed for
   * a new person, their own when the inviter could see them, empty otherwise. Null once they have
   * joined: the account then sees their own profile (`MEMBER_COLUMNS`).
   */
  invited_first_name: string | null;
  invited_last_name: string | null;
  /** Copies of the person's sort keys and search text, kept by triggers (migration 0004): never written here. */
  user_name_key: ColumnType<string, never, never>;
  user_email: ColumnType<string, never, never>;
  user_last_sign_in_key: ColumnType<Date, never, never>;
  user_search_text: ColumnType<string, never, never>;
}

export interface MembershipGroupsTable {
  account_id: string;
  user_id: string;
  group_id: string;
}

export interface InvitationsTable {
  id: Generated<string>;
  account_id: string;
  user_id: string;
  email: string;
  invited_by: string | null;
  expires_at: Timestamp;
  link_version: Generated<number>;
  state: 'pending' | 'accepted' | 'declined' | 'revoked';
  created_at: CreatedAt;
  last_sent_at: Timestamp | null;
  send_count: Generated<number>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database dump cannot be replayed as a cookie. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface SignInAttemptsTable {
  /** What is being braked: `device:<email> <address>`, `address:<address>` or `email:<email>`. */
  key: string;
  /** Failed (or still being checked) sign-ins since `window_started_at`. */
  failures: number;
  window_started_at: Timestamp;
  /** For emails: no check before then, except from a known address (the growing delay). */
  locked_until: Timestamp | null;
}

/** Where a person has signed in from: guessers elsewhere never slow them down there. */
export interface KnownSignInAddressesTable {
  user_id: string;
  address: string;
  last_signed_in_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  kind: string;
  recipient: string;
  locale: string;
  payload: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Timestamp | null;
  last_error: string | null;
  /** A worker is sending the row until then; past it, the row is due again (the worker died). */
  claimed_until: Timestamp | null;
  /** Given up on: permanently refused, or out of attempts. */
  dead_at: Timestamp | null;
  /** An invitation email not sent because its invitation was no longer offered by then. */
  withdrawn_at: Timestamp | null;
  /** The Message-ID header every attempt of this email carries. */
  message_id: string | null;
  /** Write order (an identity column). */
  seq: ColumnType<string, never, never>;
  /** Rows sharing a key are delivered one after the other, in `seq` order (a webhook's membership). */
  ordering_key: string | null;
}

/** A profile picture as served: WebP bytes re-encoded by the BFF, and their content hash (in the URL). */
export interface UserAvatarsTable {
  user_id: string;
  hash: string;
  /** pg gives a Buffer, PGlite a Uint8Array. */
  image: Uint8Array;
  /** When this picture was uploaded (a replaced one is overwritten). */
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  /** null: an event about the person themselves (a password change), in no account's history. */
  account_id: string | null;
  actor_id: string | null;
  action: string;
  subject_user_id: string | null;
  data: ColumnType<unknown, string, string>;
  at: CreatedAt;
  /** Write order (an identity column): ties of `at` and random ids say nothing of it. */
  seq: ColumnType<string, never, never>;
}

/** Kept by triggers on memberships (migration 0004): never written by application code. */
export interface MembershipCountsTable {
  account_id: string;
  state: StoredMembershipState;
  /** int8: arrives as a string. */
  count: string;
}

/** How many memberships of an account, in one stored state, have a character or character pair in their search text (migration 0010). */
export interface MembershipSearchGramCountsTable {
  account_id: string;
  state: StoredMembershipState;
  gram: string;
  /** int8: arrives as a string. */
  count: string;
}

/** How many people hold each group, kept by triggers on membership_groups (migration 0013): never written by application code. */
export interface GroupMemberCountsTable {
  group_id: string;
  /** int8: arrives as a string. */
  count: string;
}

export interface DB {
  users: UsersTable;
  accounts: AccountsTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  membership_groups: MembershipGroupsTable;
  membership_counts: MembershipCountsTable;
  group_member_counts: GroupMemberCountsTable;
  membership_search_gram_counts: MembershipSearchGramCountsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  known_sign_in_addresses: KnownSignInAddressesTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  user_avatars: UserAvatarsTable;
}

