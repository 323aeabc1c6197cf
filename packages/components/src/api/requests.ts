import type { Group, UserListPage } from '@roster/shared';
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
