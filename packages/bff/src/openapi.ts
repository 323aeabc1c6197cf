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
  InvitationViewSchema,
  InviteCheckRequestSchema,
  InviteCheckResponseSchema,
  InviteRequestSchema,
  InviteResponseSchema,
  MeSchema,
  ProblemSchema,
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
} from '@roster/shared';

/**
 * `GET /openapi.json`: the HTTP contract as OpenAPI 3.1, generated from the same zod schemas the
 * routes validate with and the elements are typed by, so it cannot drift from them. A test checks
 * that every route of the app is described here.
 */

const MembershipRefSchema = z.object({ accountId: z.string(), userId: z.string() });

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono style, e.g. `/accounts/:accountId/users`. */
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A raw (non-JSON) body: its media types, e.g. the picture of `PUT /me/avatar`. */
  binaryBody?: string[];
  /** The 200 answer; none means 204 No Content. */
  response?: z.ZodType;
  /** A raw 200 answer instead: its media type. */
  binaryResponse?: string;
  /** Public: no sign-in needed. */
  public?: boolean;
  /** The host's service API: the service token only. */
  service?: boolean;
}

const USERS = '/accounts/:accountId/users';
const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness, the database kind and the outbox',
    // 503 with `database: "down"` and `outbox: null` while the database does not answer.
    response: z.object({
      ok: z.boolean(),
      database: z.enum(['pglite', 'postgres', 'down']),
      outbox: z.object({ pending: z.number().int(), dead: z.number().int() }).nullable(),
    }),
    public: true,
  },
  { method: 'post', path: '/session', summary: 'Sign in (sets the session cookie)', body: SignInSchema, response: MeSchema, public: true },
  { method: 'delete', path: '/session', summary: 'Sign out', public: true },
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
  },
  {
    method: 'post',
    path: '/me/password',
    summary: 'Change the password (400 wrong_password); ends every other session of the user',
    body: ChangePasswordSchema,
  },
  {
    method: 'put',
    path: '/me/avatar',
    summary: 'Upload a profile picture: PNG, JPEG or WebP up to 1 MB, re-encoded to a 256 px WebP',
    binaryBody: ['image/png', 'image/jpeg', 'image/webp'],
    response: MeSchema,
  },
  { method: 'delete', path: '/me/avatar', summary: 'Remove the profile picture (back to initials)', response: MeSchema },
  {
    method: 'get',
    path: '/avatars/:userId/:hash',
    summary: 'A profile picture (content-hashed URL, cached for a year)',
    binaryResponse: 'image/webp',
    public: true,
  },
  { method: 'get', path: USERS, summary: 'One page of the members', query: UserListQuerySchema, response: UserListPageSchema },
  { method: 'get', path: `${USERS}/:userId`, summary: 'A member with groups, permissions and dates', response: UserDetailsSchema },
  {
    method: 'patch',
    path: `${USERS}/:userId`,
    summary: "Set a member's groups (409 version_conflict when changed meanwhile)",
    body: EditUserSchema,
    response: UserDetailsSchema,
  },
  { method: 'post', path: `${USERS}/:userId/block`, summary: 'Block a member: no access to this account until unblocked', response: UserDetailsSchema },
  { method: 'post', path: `${USERS}/:userId/unblock`, summary: 'Unblock a member', response: UserDetailsSchema },
  {
    method: 'delete',
    path: `${USERS}/:userId`,
    summary: 'Remove a member from this account',
    response: MembershipRefSchema.extend({ accountName: z.string() }),
  },
  { method: 'get', path: `${USERS}/:userId/invitation/link`, summary: 'The live invitation link', response: InvitationLinkSchema },
  { method: 'post', path: `${USERS}/:userId/invitation/resend`, summary: 'Resend: same link, new expiry', response: InvitationLinkSchema },
  { method: 'post', path: `${USERS}/:userId/invitation/renew`, summary: 'Send a new invitation: new link', response: InvitationLinkSchema },
  { method: 'post', path: '/accounts/:accountId/invitations', summary: 'Invite people', body: InviteRequestSchema, response: InviteResponseSchema },
  {
    method: 'post',
    path: '/accounts/:accountId/invitations/check',
    summary: 'Who of these emails is new, known or already a member',
    body: InviteCheckRequestSchema,
    response: InviteCheckResponseSchema,
  },
  { method: 'get', path: '/accounts/:accountId/groups', summary: "The account's groups", response: z.array(GroupSchema) },
  { method: 'get', path: '/accounts/:accountId/my-access', summary: "Any member: the caller's groups there with what each grants", response: MyAccessSchema },
  { method: 'get', path: '/accounts/:accountId/administrators', summary: "Any member: the account's active administrators, names only (at most 50)", response: AdministratorsSchema },
  {
    method: 'get',
    path: '/accounts/:accountId/audit',
    summary: "The account's history, newest first",
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
  { method: 'get', path: '/invitations/:token', summary: 'What the invitee sees', response: InvitationViewSchema, public: true },
  {
    method: 'post',
    path: '/invitations/:token/accept',
    summary: 'Accept (a new person registers and is signed in)',
    body: AcceptInvitationSchema,
    response: MembershipRefSchema,
    public: true,
  },
  { method: 'post', path: '/invitations/:token/decline', summary: 'Decline', response: MembershipRefSchema, public: true },
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
  const operations: Omit<Operation, 'service'>[] = [
    { method: 'post', path: '/service/accounts', summary: 'Create an account (201) with its default Administrators group', body: AccountInputSchema, response: ServiceAccountSchema },
    { method: 'patch', path: ACCOUNT, summary: 'Rename an account', body: AccountInputSchema, response: ServiceAccountSchema },
    { method: 'get', path: `${ACCOUNT}/groups`, summary: "The account's groups", response: z.array(GroupSchema) },
    { method: 'post', path: `${ACCOUNT}/groups`, summary: 'Create a group (201)', body: GroupInputSchema, response: GroupSchema },
    { method: 'patch', path: `${ACCOUNT}/groups/:groupId`, summary: 'Change a group (409 default_group)', body: GroupChangeSchema, response: GroupSchema },
    { method: 'delete', path: `${ACCOUNT}/groups/:groupId`, summary: 'Delete an empty group (409 default_group, group_not_empty)' },
    { method: 'post', path: `${ACCOUNT}/invitations`, summary: 'Invite (e.g. the first administrator): results with links', body: InviteRequestSchema, response: InviteResponseSchema },
    { method: 'get', path: '/service/users', summary: 'A person by email (404 when none)', query: UserLookupQuerySchema, response: ServicePersonSchema },
    { method: 'get', path: `${ACCOUNT}/members`, summary: 'One page of the members with their permissions', query: MembersQuerySchema, response: ServiceMembersPageSchema },
    {
      method: 'get',
      path: `${ACCOUNT}/users/:userId/permissions`,
      summary: "A person's permissions in the account (empty unless an active member)",
      response: PermissionSetSchema,
    },
  ];
  return operations.map((operation) => ({ ...operation, service: true }));
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};
const json = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: jsonSchema(schema, io) } });

const binary = (types: string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));

function describeOperation(operation: Operation) {
  const pathParameters = [...operation.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParameters = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
  return {
    summary: operation.summary,
    ...(operation.public ? { security: [] } : operation.service ? { security: [{ serviceToken: [] }] } : {}),
    parameters: [...pathParameters, ...queryParameters],
    ...(operation.body ? { requestBody: { required: true, content: json(operation.body, 'input') } } : {}),
    ...(operation.binaryBody ? { requestBody: { required: true, content: binary(operation.binaryBody) } } : {}),
    responses: {
      ...(operation.response
        ? { 200: { description: 'OK', content: json(operation.response, 'output') } }
        : operation.binaryResponse
          ? { 200: { description: 'OK', content: binary([operation.binaryResponse]) } }
          : { 204: { description: 'No content' } }),
      default: {
        description: 'A refusal: RFC 9457 problem details with a stable `code`',
        content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema, 'output') } },
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[operation.method] = describeOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Roster BFF', version: '0.1.0', description: 'The Users settings screen’s backend-for-frontend.' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'roster_session' },
        hostToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "The host's own sign-in (bearerAuthenticator)" },
        serviceToken: { type: 'http', scheme: 'bearer', description: 'ROSTER_SERVICE_TOKEN: /service/* only' },
      },
    },
    security: [{ session: [] }, { hostToken: [] }],
    paths,
  };
}
