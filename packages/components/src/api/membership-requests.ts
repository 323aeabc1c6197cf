import type { EditUser, UserDetails } from '@roster/shared';
import { send } from './api-error.ts';
import type { RosterClient } from './client.ts';

/*
 * The changes only the lazily loaded dialogs make. They live apart from `requests.ts` because the
 * bundler keeps a shared module whole: in there they would ride along in `roster.js`'s first load.
 */

/** Sets the person's groups as a whole (`version_conflict` when they changed since `version` was read); answers their details. */
export function editUser(client: RosterClient, accountId: string, userId: string, body: EditUser): Promise<UserDetails> {
  return send(client.accounts[':accountId'].users[':userId'].$patch({ param: { accountId, userId }, json: body }));
}

/** Blocks (`blocked: true`) or unblocks the person in this account; answers their details. */
export function setUserBlocked(client: RosterClient, accountId: string, userId: string, blocked: boolean): Promise<UserDetails> {
  const person = client.accounts[':accountId'].users[':userId'];
  const param = { accountId, userId };
  return send(blocked ? person.block.$post({ param }) : person.unblock.$post({ param }));
}
