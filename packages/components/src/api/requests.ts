import type { Group, Me, UserDetails, UserListPage } from '@roster/shared';
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
