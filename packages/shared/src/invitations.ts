import { z } from 'zod';
import { MAX_INVITEES } from './values.ts';
import { NameSchema as Name, NewPasswordSchema } from './profile.ts';

/**
 * "Add users". Each invitee's email is checked on its own by the server (a bad line is reported in
 * its result and never blocks the others), so here it is only bounded.
 */
export const InviteRequestSchema = z.object({
  invitees: z
    .array(z.object({ email: z.string().max(1000), firstName: Name.optional(), lastName: Name.optional() }))
    .min(1)
    .max(MAX_INVITEES),
  groupIds: z.array(z.uuid()).min(1).max(100),
});
export type InviteRequest = z.input<typeof InviteRequestSchema>;

/**
 * Why a line was not invited. `rate_limited` (invite results only): another request used the
 * account's last invitations of the hour while this one was being sent.
 */
export const INVALID_INVITEE_REASONS = ['invalid_email', 'names_required', 'duplicate', 'rate_limited'] as const;
export type InvalidInviteeReason = (typeof INVALID_INVITEE_REASONS)[number];

/** One result per invitee, in the order they were sent. */
export const InviteResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('invited'),
    email: z.string(),
    userId: z.string(),
    /** The invitation link, for "copy link" on the summary. */
    link: z.string(),
    expiresAt: z.string(),
    /** True when the person was in the account before (removed or declined) and is invited again. */
    reinvited: z.boolean(),
  }),
  z.object({
    status: z.literal('already_member'),
    email: z.string(),
    userId: z.string(),
    /** Their current state: invited, expired, active or blocked. */
    state: z.enum(['invited', 'expired', 'active', 'blocked']),
  }),
  z.object({ status: z.literal('invalid'), email: z.string(), reason: z.enum(INVALID_INVITEE_REASONS) }),
]);
export type InviteResult = z.infer<typeof InviteResultSchema>;

export const InviteResponseSchema = z.object({ results: z.array(InviteResultSchema) });
export type InviteResponse = z.infer<typeof InviteResponseSchema>;

/**
 * The wizard's look-ahead (`POST .../invitations/check`): who among these emails is already a
 * member, and who is known: has a sign-in on the platform (or is someone the administrator can
 * already see). Known people keep their names; those names are given (shown read-only) only when
 * the account already knows them (its past members and invitees, as it knew them) or the
 * administrator can already see the person (a member, past or present, of an account the
 * administrator is in), and are null for anyone else. An address nobody registered is new, also when
 * some account (this one included) invited it before.
 */
export const InviteCheckRequestSchema = z.object({ emails: z.array(z.string().max(1000)).min(1).max(MAX_INVITEES) });
export type InviteCheckRequest = z.input<typeof InviteCheckRequestSchema>;

export const InviteCheckResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('new'), email: z.string() }),
  z.object({ status: z.literal('known'), email: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable() }),
  z.object({
    status: z.literal('already_member'),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    state: z.enum(['invited', 'expired', 'active', 'blocked']),
  }),
  z.object({ status: z.literal('invalid'), email: z.string(), reason: z.enum(INVALID_INVITEE_REASONS) }),
]);
export type InviteCheckResult = z.infer<typeof InviteCheckResultSchema>;
export const InviteCheckResponseSchema = z.object({ results: z.array(InviteCheckResultSchema) });

/** GET .../invitation/link, and the answers of resend and renew. */
export const InvitationLinkSchema = z.object({ link: z.string(), expiresAt: z.string() });
export type InvitationLink = z.infer<typeof InvitationLinkSchema>;

/** GET /invitations/:token — what the invitee's welcome screen needs. */
export const InvitationViewSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  inviterName: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /**
   * The email already has a platform identity (a password): accept by signing in, not registering.
   * Null on a link an administrator copied (unless the invitee is the one signed in, or the platform
   * sends no emails): whether the address registered, through another account's invitation say, is
   * the invitee's to know. The screen then offers both: have the invitation emailed, or sign in.
   */
  hasIdentity: z.boolean().nullable(),
  /**
   * A new person may register through this link: it is the one the invitation email carried (proof
   * that the address is theirs). False on a link an administrator copied: ask for the email
   * (`POST /invitations/:token/email`) and follow its link. Always false when `hasIdentity`.
   */
  canRegister: z.boolean(),
  /** Who is signed in on this browser, relative to the invitation. */
  viewer: z.enum(['anonymous', 'invitee', 'someone_else']),
  expiresAt: z.string(),
  /** The groups the person will join, by name. */
  groupNames: z.array(z.string()),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** POST /invitations/:token/email: the invitation email went again to this address. */
export const InvitationEmailedSchema = z.object({ email: z.string() });
export type InvitationEmailed = z.infer<typeof InvitationEmailedSchema>;

export const RegistrationSchema = z.object({
  firstName: Name.min(1),
  lastName: Name.min(1),
  /** Checked against the same rule as the screen's live checklist. */
  password: NewPasswordSchema,
  acceptTerms: z.literal(true, 'The terms of use must be accepted'),
});
export type Registration = z.input<typeof RegistrationSchema>;

/**
 * POST /invitations/:token/accept. A new person sends `registration`; a person who already has an
 * identity sends `{}` while signed in as the invited email.
 */
export const AcceptInvitationSchema = z.object({ registration: RegistrationSchema.optional() });
export type AcceptInvitation = z.input<typeof AcceptInvitationSchema>;
