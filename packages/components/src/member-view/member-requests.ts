import type { Administrators, MyAccess } from '@roster/shared';
import { send } from '../api/api-error.ts';
import type { RosterClient } from '../api/client.ts';

/*
 * What any member may read (the member view's requests). Apart from `api/requests.ts` so they ride
 * in the member view's bundle, not in `roster.js`.
 */

/** The caller's groups in the account with what each grants, and the union of their permissions. */
export function getMyAccess(client: RosterClient, accountId: string, signal?: AbortSignal): Promise<MyAccess> {
  return send(client.accounts[':accountId']['my-access'].$get({ param: { accountId } }, { init: { signal } }));
}

/** The account's active administrators, names only: whom a member asks for a change. */
export function getAdministrators(client: RosterClient, accountId: string, signal?: AbortSignal): Promise<Administrators> {
  return send(client.accounts[':accountId'].administrators.$get({ param: { accountId } }, { init: { signal } }));
}
