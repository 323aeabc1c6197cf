/**
 * What the demo's hosts share and no framework has an opinion on: signing in to Roster's own
 * session and finding it again (the portal page, the React app in `demo/react/` and the Vue app in
 * `demo/vue/`), and the words of the framework apps' activity log for the events Roster's elements
 * fire (each app renders the log itself, with its own framework). Types only from Roster: the
 * elements themselves come from `/assets/roster.js`, as on any host.
 */
import type { AccountSwitchedEvent, RosterProvider, UserChangedEvent, UsersInvitedEvent } from '@roster/components';
import type { Me } from '@roster/shared';

export type { Me, RosterProvider };

/** One line of a host's activity log. */
export interface Activity {
  id: number;
  at: Date;
  text: string;
}

let lastActivityId = 0;

/** The log line for one of Roster's events; `me` is the provider's (after a switch it names the new account). */
export function activityOf(event: Event, me: Me | null | undefined): Activity {
  return { id: ++lastActivityId, at: new Date(), text: describe(event, me) };
}

function describe(event: Event, me: Me | null | undefined): string {
  switch (event.type) {
    case 'users-invited': {
      const count = (event as UsersInvitedEvent).detail.userIds.length;
      return `Invited ${count} ${count === 1 ? 'person' : 'people'}`;
    }
    case 'account-switched': {
      const { accountId } = (event as AccountSwitchedEvent).detail;
      return `Switched to ${me?.accounts.find((account) => account.id === accountId)?.name ?? 'another account'}`;
    }
  }
  const { userName, accountName } = event as UserChangedEvent;
  const who = userName || 'Someone';
  const where = accountName ? ` in ${accountName}` : '';
  switch (event.type) {
    case 'user-removed':
      return `${who} was removed from ${accountName || 'the account'}`;
    case 'user-blocked':
      return `${who} was blocked${where}`;
    case 'user-unblocked':
      return `${who} was unblocked${where}`;
    case 'user-updated':
      return `${who}'s groups were saved${where}`;
    case 'invitation-resent':
      return `Invitation resent to ${who}`;
    case 'invitation-renewed':
      return `Invitation renewed for ${who}`;
    default:
      return event.type;
  }
}

/** The message of a problem+json answer, or `fallback`. */
async function problemMessage(response: Response, fallback: string): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'title' in body) {
    const { title, detail } = body as { title: string; detail?: string };
    return detail ?? title;
  }
  return fallback;
}

/** Signs in with Roster's own password; the answer is the person (`/me`), for the provider's `me`. Throws with a message to show. */
export async function signIn(email: string, password: string): Promise<Me> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: email.trim(), password }),
  }).catch(() => {
    throw new Error('The server could not be reached. Try again.');
  });
  if (!response.ok) throw new Error(await problemMessage(response, 'Signing in failed. Try again.'));
  return (await response.json()) as Me;
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
}

/**
 * The session of the cookie, if any: asks the provider (it reads `/me` once for everyone, so the one
 * answer that says an account was lost reaches it) and gives what it now holds.
 */
export async function restoredSession(provider: RosterProvider): Promise<Me | null> {
  await customElements.whenDefined('roster-provider');
  await provider.refreshMe();
  return provider.me ?? null;
}

/** The demo's sign-ins, to fill the form with (they all share this password). */
export const DEMO_PASSWORD = 'Roster!demo1';
