import { msg } from '@lit/localize';
import type { Me, UserDetails } from '@roster/shared';
import { html } from 'lit';
import type { RosterClient } from '../api/client.ts';
import { getMe, getUserDetails } from '../api/requests.ts';

/** One person of an account as a dialog about them shows it: their details and the account's name. */
export interface MemberInAccount {
  details: UserDetails;
  accountName: string;
}

/**
 * The person's details and the account's name: `accountName` when the host gave it, else looked up
 * in the viewer's accounts: the provider's session (`me`) when there is one (reading `GET /me` again
 * could take its one-time `lostAccount`), else `GET /me`, both requests at once.
 */
export async function loadMemberInAccount(
  client: RosterClient,
  accountId: string,
  userId: string,
  accountName: string | undefined,
  signal?: AbortSignal,
  me?: Me | null,
): Promise<MemberInAccount> {
  const [details, viewer] = await Promise.all([
    getUserDetails(client, accountId, userId, signal),
    accountName ? undefined : (me ?? getMe(client, signal)),
  ]);
  return { details, accountName: accountName || viewer?.accounts.find((a) => a.id === accountId)?.name || msg('this account') };
}

/** What a dialog shows while its person loads: a status for screen readers and two skeleton bars. */
export function loadingPlaceholder() {
  return html`<div class="loading">
    <p class="muted" role="status">${msg('Loading…')}</p>
    <span class="bar" aria-hidden="true"></span>
    <span class="bar" aria-hidden="true"></span>
  </div>`;
}
