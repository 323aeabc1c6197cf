/**
 * Plain values shared by the BFF and the elements. This module (entry `@roster/shared/values`)
 * must not import zod: the browser bundle takes its constants from here and only *types* from the
 * schema modules, which keeps zod out of the drop-in bundle.
 */

export const STORED_MEMBERSHIP_STATES = ['invited', 'active', 'blocked', 'removed', 'declined'] as const;
/** As people see and filter them: "expired" is invited with the invitation past its expiry. */
export const MEMBERSHIP_STATES = ['invited', 'expired', 'active', 'blocked', 'removed', 'declined'] as const;
export type MembershipStateValue = (typeof MEMBERSHIP_STATES)[number];
/** What the users list shows when no state filter is given: everyone still attached to the account. */
export const DEFAULT_LIST_STATES: readonly MembershipStateValue[] = ['invited', 'expired', 'active', 'blocked'];

export const USER_SORT_KEYS = ['name', 'email', 'joined', 'lastSignIn'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE_SIZE = 100;

/** Every kind of event in an account's history (PRODUCT.md "Administrators' trail"). */
export const AUDIT_ACTIONS = [
  'user.invited',
  'invitation.resent',
  'invitation.renewed',
  'invitation.accepted',
  'invitation.declined',
  'user.groups_changed',
  'user.blocked',
  'user.unblocked',
  'user.removed',
  // The host's service API (actor: the service): the account and its groups.
  'account.created',
  'account.renamed',
  'group.created',
  'group.updated',
  'group.deleted',
] as const;
export type AuditActionValue = (typeof AUDIT_ACTIONS)[number];

/**
 * Events about a person themselves, not about any account (kept with no account): no account's
 * administrators see them in their history.
 */
export const USER_AUDIT_ACTIONS = ['user.password_changed'] as const;
export type UserAuditActionValue = (typeof USER_AUDIT_ACTIONS)[number];

/**
 * The display languages the product ships (`PATCH /me` accepts these). Emails exist in English and
 * French; the others get English until their translations arrive.
 */
export const LOCALES = ['en', 'fr', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** How a person signs in: with Roster's own password, or through the host's sign-in. */
export const CREDENTIALS = ['roster', 'host'] as const;
export type Credentials = (typeof CREDENTIALS)[number];

/** Why the remembered active account was lost, as `GET /me` says once. */
export const LOST_ACCOUNT_REASONS = ['removed', 'blocked'] as const;

/** The profile picture: what may be uploaded, and the square it is re-encoded to. */
export const AVATAR_MAX_BYTES = 1024 * 1024;
export const AVATAR_SIZE = 256;

/** The permission that makes a member an account administrator. */
export const ACCOUNT_ADMIN_PERMISSION = 'account-admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in paths that are not UUIDs name nothing: the BFF answers 404, not 400. */
export const isUuid = (value: string) => UUID.test(value);

export * from './password.ts';

/** How many people one "Add users" request may invite. */
export const MAX_INVITEES = 50;
/** How long an invitation link stays valid unless the server is told otherwise. */
export const INVITATION_VALID_DAYS = 7;

/**
 * What counts as an email address, for the server's schema and the screen's line-by-line check
 * alike (zod's own pattern, kept here so the browser needs no zod). Checked after trimming.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const MAX_EMAIL_LENGTH = 254;
/** The longest first or last name the server takes (the screens stop typing there too). */
export const MAX_NAME_LENGTH = 100;
/** The longest password the server takes, to sign in or to register. */
export const MAX_PASSWORD_LENGTH = 200;

export function isEmailAddress(value: string): boolean {
  const email = value.trim();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(email);
}

/** A pasted list of emails: split on commas, semicolons, spaces and new lines; blanks dropped. */
export function splitEmailList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}
