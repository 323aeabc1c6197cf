import { z } from 'zod';
import {
  AcceptInvitationSchema,
  AdministratorsSchema,
  MyAccessSchema,
  AuditPageSchema,
  AuditQuerySchema,
  ChangePasswordSchema,
  EditUserSchema,
  GroupSchema,
  InvitationLinkSchema,
  InvitationEmailedSchema,
  InvitationViewSchema,
  InviteCheckRequestSchema,
  InviteCheckResponseSchema,
  InviteRequestSchema,
  InviteResponseSchema,
  MeSchema,
  SignInSchema,
  SwitchAccountSchema,
  UpdateProfileSchema,
  UserDetailsSchema,
  UserListPageSchema,
  UserListQuerySchema,
  AccountInputSchema,
  GroupChangeSchema,
  GroupInputSchema,
  MembersQuerySchema,
  PermissionSetSchema,
  PermissionsQuerySchema,
  ServiceAccountSchema,
  ServiceMembersPageSchema,
  ServicePersonSchema,
  UserLookupQuerySchema,
  type ProblemCode,
} from '@roster/shared';
import type { ProblemStatus } from '../errors.ts';

/**
 * Every route of the app, as `document.ts` describes it. The refusals every route of a kind shares
 * (sign-in, CSRF, account access, the database) are added there; each operation lists only its own.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono style, e.g. `/accounts/:accountId/users`. */
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A raw (non-JSON) body: its media types, e.g. the picture of `PUT /me/avatar`. */
  binaryBody?: string[];
  /** The success answer's body; none means 204 No Content. */
  response?: z.ZodType;
  /** The success status when it is not 200 (e.g. 201 for a creation). */
  status?: 201;
  /** A raw success answer instead: its media type. */
  binaryResponse?: string;
  /** Public: no sign-in needed. */
  public?: boolean;
  /** The host's service API: the service token only. */
  service?: boolean;
  /** An `/accounts/:accountId/*` route open to any active member, not only administrators. */
  anyMember?: boolean;
  /** The answer sets (or clears) the session cookie: always, or only in some cases. */
  sessionCookie?: 'always' | 'sometimes';
  /** This operation's own refusals, by status. */
  refusals?: Partial<Record<ProblemStatus, ProblemCode[]>>;
  /** Answers that are not problems, besides the success, e.g. `/health`'s 503. */
  otherResponses?: Record<number, { description: string; body: z.ZodType; retryAfter?: boolean }>;
}

const MembershipRefSchema = z.object({ accountId: z.string(), userId: z.string() });
const SIGN_IN_BRAKE: ProblemCode[] = ['too_many_attempts', 'too_many_attempts_from_address', 'sign_in_slowed_down'];
const HealthSchema = z.object({
  ok: z.boolean(),
  database: z.enum(['pglite', 'postgres', 'down']),
  outbox: z.object({ pending: z.number().int(), dead: z.number().int() }).nullable(),
});

const USERS = '/accounts/:accountId/users';
const MEMBER = `${USERS}/:userId`;
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness, the database kind and the outbox',
    response: HealthSchema,
    otherResponses: { 503: { description: 'The database does not answer: `database: "down"`, `outbox: null`', body: HealthSchema, retryAfter: true } },
    public: true,
  },
  {
    method: 'post',
    path: '/session',
    summary: 'Sign in (sets the session cookie)',
    body: SignInSchema,
    response: MeSchema,
    public: true,
    sessionCookie: 'always',
    refusals: { 401: ['invalid_credentials'], 429: SIGN_IN_BRAKE },
  },
  { method: 'delete', path: '/session', summary: 'Sign out (clears the session cookie)', public: true, sessionCookie: 'always' },
  {
    method: 'get',
    path: '/me',
    summary: 'The signed-in user, their accounts (with their groups) and the active one; `lostAccount` once after losing it',
    response: MeSchema,
  },
  { method: 'patch', path: '/me', summary: 'Change names and display language', body: UpdateProfileSchema, response: MeSchema },
  {
    method: 'put',
    path: '/me/active-account',
    summary: 'Switch to an account where the user is active (404 otherwise); remembered for the user',
    body: SwitchAccountSchema,
    response: MeSchema,
    refusals: { 404: ['not_found'] },
  },
  {
    method: 'post',
    path: '/me/password',
    summary: 'Change the password (400 wrong_password); ends every other session of the user',
    body: ChangePasswordSchema,
    // Wrong current passwords count against the sign-in brake.
    refusals: { 400: ['wrong_password'], 429: SIGN_IN_BRAKE },
  },
  {
    method: 'put',
    path: '/me/avatar',
    summary: 'Upload a profile picture: PNG, JPEG or WebP up to 1 MB, re-encoded to a 256 px WebP',
    binaryBody: ['image/png', 'image/jpeg', 'image/webp'],
    response: MeSchema,
    refusals: { 400: ['invalid_image'], 413: ['image_too_large'], 415: ['unsupported_image'] },
  },
  { method: 'delete', path: '/me/avatar', summary: 'Remove the profile picture (back to initials)', response: MeSchema },
  {
    method: 'get',
    path: '/avatars/:userId/:hash',
    summary: 'A profile picture (content-hashed URL, cached for a year)',
    binaryResponse: 'image/webp',
    public: true,
    refusals: { 404: ['not_found'] },
  },
  { method: 'get', path: USERS, summary: 'One page of the members', query: UserListQuerySchema, response: UserListPageSchema },
  { method: 'get', path: MEMBER, summary: 'A member with groups, permissions and dates', response: UserDetailsSchema },
  {
    method: 'patch',
    path: MEMBER,
    summary: "Set a member's groups (409 version_conflict when changed meanwhile)",
    body: EditUserSchema,
    response: UserDetailsSchema,
    refusals: { 400: ['unknown_group'], 409: ['already_removed', 'version_conflict', 'last_administrator'] },
  },
  {
    method: 'post',
    path: `${MEMBER}/block`,
    summary: 'Block a member: no access to this account until unblocked',
    response: UserDetailsSchema,
    refusals: { 409: ['already_removed', 'cannot_block_invited', 'already_blocked', 'cannot_block_self', 'last_administrator'] },
  },
  { method: 'post', path: `${MEMBER}/unblock`, summary: 'Unblock a member', response: UserDetailsSchema, refusals: { 409: ['already_removed', 'not_blocked'] } },
  {
    method: 'delete',
    path: MEMBER,
    summary: 'Remove a member from this account',
    response: MembershipRefSchema.extend({ accountName: z.string() }),
    refusals: { 409: ['already_removed', 'cannot_remove_self', 'last_administrator'] },
  },
  {
    method: 'get',
    path: `${MEMBER}/invitation/link`,
    summary: 'The live invitation link',
    response: InvitationLinkSchema,
    refusals: { 409: ['not_invited', 'invitation_expired'] },
  },
  {
    method: 'post',
    path: `${MEMBER}/invitation/resend`,
    summary: 'Resend: same link, new expiry',
    response: InvitationLinkSchema,
    refusals: { 409: ['not_invited', 'invitation_expired'], 429: ['rate_limited'] },
  },
  {
    method: 'post',
    path: `${MEMBER}/invitation/renew`,
    summary: 'Send a new invitation: new link',
    response: InvitationLinkSchema,
    refusals: { 409: ['not_invited', 'invitation_still_valid'], 429: ['rate_limited'] },
  },
  {
    method: 'post',
    path: '/accounts/:accountId/invitations',
    summary: 'Invite people',
    body: InviteRequestSchema,
    response: InviteResponseSchema,
    refusals: { 400: ['unknown_group'], 429: ['rate_limited'] },
  },
  {
    method: 'post',
    path: '/accounts/:accountId/invitations/check',
    summary: 'Who of these emails is new, known or already a member',
    body: InviteCheckRequestSchema,
    response: InviteCheckResponseSchema,
  },
  { method: 'get', path: '/accounts/:accountId/groups', summary: "The account's groups", response: z.array(GroupSchema) },
  {
    method: 'get',
    path: '/accounts/:accountId/my-access',
    summary: "Any member: the caller's groups there with what each grants",
    response: MyAccessSchema,
    anyMember: true,
  },
  {
    method: 'get',
    path: '/accounts/:accountId/administrators',
    summary: "Any member: the account's active administrators, names only (at most 50)",
    response: AdministratorsSchema,
    anyMember: true,
  },
  {
    method: 'get',
    path: '/accounts/:accountId/audit',
    summary: "The account's history, newest first",
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
  {
    method: 'get',
    path: '/invitations/:token',
    summary: 'What the invitee sees',
    response: InvitationViewSchema,
    public: true,
    refusals: { 404: ['not_found'], 410: ['invitation_expired'] },
  },
  {
    method: 'post',
    path: '/invitations/:token/accept',
    summary: 'Accept (a new person registers and is signed in: then the session cookie is set)',
    body: AcceptInvitationSchema,
    response: MembershipRefSchema,
    public: true,
    sessionCookie: 'sometimes',
    refusals: {
      401: ['sign_in_required'],
      403: ['signed_in_as_someone_else', 'emailed_link_required'],
      404: ['not_found'],
      409: ['registration_required'],
      410: ['invitation_expired'],
    },
  },
  {
    method: 'post',
    path: '/invitations/:token/email',
    summary: "Email the invitation again to the invited address (a copied link's way to the emailed one, which registers)",
    response: InvitationEmailedSchema,
    public: true,
    refusals: { 404: ['not_found'], 410: ['invitation_expired'], 429: ['rate_limited'] },
  },
  {
    method: 'post',
    path: '/invitations/:token/decline',
    summary: 'Decline',
    response: MembershipRefSchema,
    public: true,
    refusals: { 404: ['not_found'], 410: ['invitation_expired'] },
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', response: z.object({}).loose(), public: true },
  {
    method: 'get',
    path: '/me/permissions',
    summary: "The signed-in person's permissions in an account (empty unless an active member)",
    query: PermissionsQuerySchema,
    response: PermissionSetSchema,
  },
  ...serviceOperations(),
];

/** `/service/*`, behind ROSTER_SERVICE_TOKEN (README "Provisioning"). */
function serviceOperations(): Operation[] {
  const ACCOUNT = '/service/accounts/:accountId';
  const GROUP = `${ACCOUNT}/groups/:groupId`;
  const operations: Omit<Operation, 'service'>[] = [
    {
      method: 'post',
      path: '/service/accounts',
      summary: 'Create an account with its default Administrators group',
      body: AccountInputSchema,
      response: ServiceAccountSchema,
      status: 201,
    },
    { method: 'patch', path: ACCOUNT, summary: 'Rename an account', body: AccountInputSchema, response: ServiceAccountSchema },
    { method: 'get', path: `${ACCOUNT}/groups`, summary: "The account's groups", response: z.array(GroupSchema) },
    {
      method: 'post',
      path: `${ACCOUNT}/groups`,
      summary: 'Create a group',
      body: GroupInputSchema,
      response: GroupSchema,
      status: 201,
      refusals: { 409: ['group_name_taken'] },
    },
    {
      method: 'patch',
      path: GROUP,
      summary: 'Change a group (409 default_group)',
      body: GroupChangeSchema,
      response: GroupSchema,
      refusals: { 409: ['default_group', 'group_name_taken', 'last_administrator'] },
    },
    {
      method: 'delete',
      path: GROUP,
      summary: 'Delete an empty group (409 default_group, group_not_empty)',
      refusals: { 409: ['default_group', 'group_not_empty'] },
    },
    {
      method: 'post',
      path: `${ACCOUNT}/invitations`,
      summary: 'Invite (e.g. the first administrator): results with links',
      body: InviteRequestSchema,
      response: InviteResponseSchema,
      refusals: { 400: ['unknown_group'], 429: ['rate_limited'] },
    },
    { method: 'get', path: '/service/users', summary: 'A person by email (404 when none)', query: UserLookupQuerySchema, response: ServicePersonSchema },
    {
      method: 'get',
      path: `${ACCOUNT}/members`,
      summary: 'One page of the members with their permissions',
      query: MembersQuerySchema,
      response: ServiceMembersPageSchema,
    },
    {
      method: 'get',
      path: `${ACCOUNT}/users/:userId/permissions`,
      summary: "A person's permissions in the account (empty unless an active member)",
      response: PermissionSetSchema,
    },
  ];
  return operations.map((operation) => ({ ...operation, service: true }));
}
