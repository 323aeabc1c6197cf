import type { AcceptInvitation, Group, InvitationLink, InvitationView, InviteCheckResult, InviteRequest, InviteResponse, Me, SignIn, UserDetails, UserListPage } from '@roster/shared';
import type { InferRequestType } from 'hono/client';
import { send } from './api-error.ts';
import type { RosterClient } from './client.ts';

/** The list query as the typed client takes it (URL-ready values). */
export type ListUsersQuery = InferRequestType<RosterClient['accounts'][':accountId']['users']['$get']>['query'];

export function listUsers(
  client: RosterClient,
  accountId: string,
  query: ListUsersQuery,
  signal?: AbortSignal,
): Promise<UserListPage> {
  return send(client.accounts[':accountId'].users.$get({ param: { accountId }, query }, { init: { signal } }));
}

export function listGroups(client: RosterClient, accountId: string, signal?: AbortSignal): Promise<Group[]> {
  return send(client.accounts[':accountId'].groups.$get({ param: { accountId } }, { init: { signal } }));
}

/** The signed-in viewer, their accounts and the active one. */
export function getMe(client: RosterClient, signal?: AbortSignal): Promise<Me> {
  return send(client.me.$get({}, { init: { signal } }));
}

/** One member of an account with their groups, permissions and whether the viewer may remove them. */
export function getUserDetails(client: RosterClient, accountId: string, userId: string, signal?: AbortSignal): Promise<UserDetails> {
  return send(client.accounts[':accountId'].users[':userId'].$get({ param: { accountId, userId } }, { init: { signal } }));
}

/** Ends the membership of `userId` in this account (refusals arrive as an `ApiError` with the problem's code). */
export function removeUser(client: RosterClient, accountId: string, userId: string) {
  return send(client.accounts[':accountId'].users[':userId'].$delete({ param: { accountId, userId } }));
}

/** "Add users": one result per invitee, in the order sent; `unknown_group`, `rate_limited` refuse the whole request. */
export function inviteUsers(client: RosterClient, accountId: string, body: InviteRequest): Promise<InviteResponse> {
  return send(client.accounts[':accountId'].invitations.$post({ param: { accountId }, json: body }));
}

/**
 * The wizard's look-ahead, changing nothing: per email (in order) `new`, `known` (with the person's own
 * names), `already_member` (with their state) or `invalid`.
 */
export function checkInvitees(client: RosterClient, accountId: string, emails: string[], signal?: AbortSignal): Promise<{ results: InviteCheckResult[] }> {
  return send(client.accounts[':accountId'].invitations.check.$post({ param: { accountId }, json: { emails } }, { init: { signal } }));
}

/** The current link of an Invited person (`not_invited`, `invitation_expired` when there is none to copy). */
export function getInvitationLink(client: RosterClient, accountId: string, userId: string): Promise<InvitationLink> {
  return send(client.accounts[':accountId'].users[':userId'].invitation.link.$get({ param: { accountId, userId } }));
}

/** Emails the same link again and resets its expiry (`invitation_expired`: offer a new invitation instead). */
export function resendInvitation(client: RosterClient, accountId: string, userId: string): Promise<InvitationLink> {
  return send(client.accounts[':accountId'].users[':userId'].invitation.resend.$post({ param: { accountId, userId } }));
}

/** Replaces an expired invitation with a new link and emails it (`invitation_still_valid`: resend instead). */
export function renewInvitation(client: RosterClient, accountId: string, userId: string): Promise<InvitationLink> {
  return send(client.accounts[':accountId'].users[':userId'].invitation.renew.$post({ param: { accountId, userId } }));
}

/** Signs in (sets the session cookie) and answers like `GET /me`; `invalid_credentials` when refused. */
export function signIn(client: RosterClient, body: SignIn): Promise<Me> {
  return send(client.session.$post({ json: body }));
}

/** Signs out: the session ends and its cookie is cleared. */
export async function signOut(client: RosterClient): Promise<void> {
  await send(client.session.$delete());
}

/** The typed client puts params into the path as they are; a token comes from a URL, so it is escaped. */
const pathSegment = (value: string) => encodeURIComponent(value);

/**
 * What the invitee's screen shows; `not_found` for an unusable link, `invitation_expired` (410) when it ran out.
 * Never from a cache: the answer changes once the link is used and with who is signed in, and the
 * token's dot makes some servers take the path for a static file (web-test-runner marks it cacheable).
 */
export function getInvitation(client: RosterClient, token: string, signal?: AbortSignal): Promise<InvitationView> {
  return send(client.invitations[':token'].$get({ param: { token: pathSegment(token) } }, { init: { signal, cache: 'no-store' } }));
}

/** Accepts: a new person sends `registration` and is signed in; a person with a sign-in sends `{}` while signed in. */
export function acceptInvitation(client: RosterClient, token: string, body: AcceptInvitation) {
  return send(client.invitations[':token'].accept.$post({ param: { token: pathSegment(token) }, json: body }));
}

/** Has the invitation emailed again to the invited address (whose link lets a new person register); `rate_limited` when it just was. */
export function emailInvitation(client: RosterClient, token: string) {
  return send(client.invitations[':token'].email.$post({ param: { token: pathSegment(token) } }));
}

/** Declines: the invitation ends and the administrator sees "Declined". */
export function declineInvitation(client: RosterClient, token: string) {
  return send(client.invitations[':token'].decline.$post({ param: { token: pathSegment(token) } }));
}

/** Makes this account the person's active one (remembered per person; `not_found` unless active there); answers like `GET /me`. */
export function setActiveAccount(client: RosterClient, accountId: string): Promise<Me> {
  return send(client.me['active-account'].$put({ json: { accountId } }));
}
