/**
 * What the `<invitation-response>` test files share. Every test invites a fresh person into Globex
 * through the API (signed in as its only administrator), so the tests do not depend on each other.
 * The element is then opened signed out, like a person following the emailed link (or the link an
 * administrator copied).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { InviteResponse } from '@roster/shared';
import { ifDefined } from 'lit/directives/if-defined.js';
import { accountOf, shadowOf, type TestApi } from '../test-support/test-api.ts';
import type { InvitationResponse } from './invitation-response.ts';

export const PASSWORD = 'Tr1cky!pass';

export interface Invited {
  /** The emailed link's token, which the invitee follows (and which lets a new person register). */
  token: string;
  /** The administrator's copy of the link: it opens the invitation but registers nobody. */
  copied: string;
  email: string;
  accountId: string;
}

/** Inviting and opening, on the BFF of `api` (the test file's own). */
export function invitationsOn(api: TestApi) {
  /** Invites `email` (a fresh one when not given) into Globex: the tokens of its emailed and copied links. Leaves nobody signed in. */
  async function inviteToGlobex(email = `invitee+${crypto.randomUUID().slice(0, 8)}@example.test`): Promise<Invited> {
    const accountId = accountOf(await api.signIn('owner@globex.test'), 'Globex');
    const groups = (await (await api.fetch(`/accounts/${accountId}/groups`)).json()) as { id: string; name: string }[];
    const viewers = groups.find((g) => g.name === 'Viewers')!;
    const response = await api.postJson(`/accounts/${accountId}/invitations`, {
      invitees: [{ email, firstName: 'Grace', lastName: 'Hopper' }],
      groupIds: [viewers.id],
    });
    const [result] = ((await response.json()) as InviteResponse).results;
    if (result?.status !== 'invited') throw new Error(`Inviting ${email} failed: ${JSON.stringify(result)}`);
    await api.signOut();
    const copied = new URL(result.link).pathname.split('/').at(-1)!;
    return { token: await api.emailedInvitationToken(copied), copied, email, accountId };
  }

  /**
   * A person who already has a sign-in (password PASSWORD) and a pending Globex invitation: they
   * registered through a first invitation, were removed, and are invited again.
   */
  async function invitePersonWithSignIn(): Promise<Invited> {
    const first = await inviteToGlobex();
    const registration = { firstName: 'Ada', lastName: 'Byron', password: PASSWORD, acceptTerms: true };
    const accepted = await api.postJson(`/invitations/${first.token}/accept`, { registration });
    const { userId } = (await accepted.json()) as { userId: string };
    await api.signIn('owner@globex.test');
    const removed = await api.fetch(`/accounts/${first.accountId}/users/${userId}`, { method: 'DELETE' });
    if (!removed.ok) throw new Error(`Removing ${first.email} failed: ${removed.status}`);
    return inviteToGlobex(first.email);
  }

  /** Straight from the server: the test runner marks paths with a dot (the token has one) cacheable. */
  async function invitationStatus(token: string): Promise<number> {
    return (await api.fetch(`/invitations/${token}`, { cache: 'no-store' })).status;
  }

  async function open(token: string, termsUrl?: string): Promise<InvitationResponse> {
    const element = await fixture<InvitationResponse>(
      html`<invitation-response token=${token} api-base=${api.base} terms-url=${ifDefined(termsUrl)}></invitation-response>`,
    );
    await waitUntil(() => headingOf(element), 'the invitation did not load', { timeout: 5000 });
    return element;
  }

  /** Before the file's tests, starts its BFF; after each test, puts back the real fetch. */
  function hooks() {
    // The first API request starts this file's BFF and database, which can take a while on a busy machine.
    before(async function (this: { timeout(ms: number): void }) {
      this.timeout(60_000);
      await api.fetch('/health');
    });

    afterEach(() => {
      window.fetch = realFetch;
    });
  }

  return { inviteToGlobex, invitePersonWithSignIn, invitationStatus, open, hooks };
}

export const $ = <T extends Element = HTMLElement>(element: InvitationResponse, selector: string) => shadowOf(element).querySelector<T>(selector)!;
export const headingOf = (element: InvitationResponse) => shadowOf(element).querySelector('h2')?.textContent?.trim();
export const textOf = (element: InvitationResponse) => $(element, '.card').textContent!.replace(/\s+/g, ' ').trim();
export const input = (element: InvitationResponse, id: string) => $<HTMLInputElement>(element, `#${id}`);
export const errorOf = (element: InvitationResponse, id: string) => shadowOf(element).querySelector(`#${id}-error`)?.textContent?.trim();
export const checks = (element: InvitationResponse) =>
  Object.fromEntries([...shadowOf(element).querySelectorAll<HTMLElement>('[part="password-checklist"] li')].map((li) => [li.dataset.check, li.className]));

export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function fill(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function startRegistration(element: InvitationResponse) {
  $<HTMLButtonElement>(element, '.accept').click();
  await element.updateComplete;
  expect(headingOf(element)).to.equal('Join Globex');
}

export const realFetch = window.fetch;

/** The requests the page sends from now until the test ends (method and path). */
export function recordRequests(): string[] {
  const sent: string[] = [];
  window.fetch = (resource, init) => {
    const url = new URL(resource instanceof Request ? resource.url : String(resource), location.href);
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return realFetch(resource, init);
  };
  return sent;
}
