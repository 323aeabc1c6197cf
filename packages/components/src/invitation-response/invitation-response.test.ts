import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { InviteResponse, Me } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import './invitation-response.ts';
import type { InvitationAcceptedEvent, InvitationDeclinedEvent } from '../events.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { InvitationResponse } from './invitation-response.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/*
 * Every test invites a fresh person into Globex through the API (signed in as its only
 * administrator), so the tests do not depend on each other.
 * The element is then opened signed out, like a person following the emailed link.
 */

const PASSWORD = 'Tr1cky!pass';

interface Invited {
  token: string;
  email: string;
  accountId: string;
}

/** Invites `email` (a fresh one when not given) into Globex; the link's last segment is the token. Leaves nobody signed in. */
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
  return { token: new URL(result.link).pathname.split('/').at(-1)!, email, accountId };
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

const $ = <T extends Element = HTMLElement>(element: InvitationResponse, selector: string) => shadowOf(element).querySelector<T>(selector)!;
const headingOf = (element: InvitationResponse) => shadowOf(element).querySelector('h2')?.textContent?.trim();
const textOf = (element: InvitationResponse) => $(element, '.card').textContent!.replace(/\s+/g, ' ').trim();
const input = (element: InvitationResponse, id: string) => $<HTMLInputElement>(element, `#${id}`);
const errorOf = (element: InvitationResponse, id: string) => shadowOf(element).querySelector(`#${id}-error`)?.textContent?.trim();
const checks = (element: InvitationResponse) =>
  Object.fromEntries([...shadowOf(element).querySelectorAll<HTMLElement>('[part="password-checklist"] li')].map((li) => [li.dataset.check, li.className]));

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function fill(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function startRegistration(element: InvitationResponse) {
  $<HTMLButtonElement>(element, '.accept').click();
  await element.updateComplete;
  expect(headingOf(element)).to.equal('Join Globex');
}

const realFetch = window.fetch;

/** The requests the page sends from now until the test ends (method and path). */
function recordRequests(): string[] {
  const sent: string[] = [];
  window.fetch = (resource, init) => {
    const url = new URL(resource instanceof Request ? resource.url : String(resource), location.href);
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return realFetch(resource, init);
  };
  return sent;
}

describe('<invitation-response>', () => {
  // The first API request starts this file's BFF and database, which can take a while on a busy machine.
  before(async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    await api.fetch('/health');
  });

  afterEach(() => {
    window.fetch = realFetch;
  });

  it('welcomes the invitee: account, inviter, email, Accept and Decline', async () => {
    const { token, email } = await inviteToGlobex();
    const element = await open(token);
    expect(headingOf(element)).to.equal('Hank Scorpio invited you to join Globex');
    expect(textOf(element)).to.contain(`The invitation is for ${email}.`);
    expect(textOf(element)).to.contain('It is valid until');
    expect($(element, '.accept').textContent!.trim()).to.equal('Accept');
    expect($(element, '.decline').textContent!.trim()).to.equal('Decline');
    // Nobody is signed in: no warning about another person.
    expect(shadowOf(element).querySelector('[part="note"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('warns on the welcome and the Decline confirmation when another person is signed in on the browser', async () => {
    const { token, email } = await inviteToGlobex();
    await api.signIn('owner@globex.test');
    try {
      const element = await open(token);
      expect(headingOf(element)).to.equal('Hank Scorpio invited you to join Globex');
      const note = $(element, '[part="note"]');
      expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`You are signed in as another person. This invitation is for ${email}.`);
      expect(note.classList.contains('error')).to.equal(false);
      await expect(element).to.be.accessible();

      $<HTMLButtonElement>(element, '.decline').click();
      await element.updateComplete;
      expect(headingOf(element)).to.equal('Decline the invitation to Globex?');
      expect(textOf(element)).to.contain(`This declines the invitation for ${email}.`);
      expect($(element, '[part="note"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        `You are signed in as another person. Decline only if you are ${email}, or that person asked you to.`,
      );
      expect(textOf(element)).to.contain(`The administrators will see that ${email} declined`);
      await expect(element).to.be.accessible();
      // Nothing was declined by looking.
      expect(await invitationStatus(token)).to.equal(200);
    } finally {
      await api.signOut();
    }
  });

  it('shows a tampered link as a link that does not work', async () => {
    const { token } = await inviteToGlobex();
    // The first character of the MAC: all six of its bits count (the last one's lowest two do not).
    const at = token.indexOf('.') + 1;
    const element = await open(`${token.slice(0, at)}${token[at] === 'A' ? 'Q' : 'A'}${token.slice(at + 1)}`);
    expect(headingOf(element)).to.equal('This invitation link does not work');
    expect(textOf(element)).to.contain(
      'If you already accepted this invitation, sign in to reach the account. Otherwise, ask your administrator for a new invitation.',
    );
    expect(shadowOf(element).querySelector('button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('blocks a weak password, with the checklist showing which checks fail, and sends nothing', async () => {
    const { token } = await inviteToGlobex();
    const element = await open(token);
    await startRegistration(element);
    // Prefilled from the invitation; the email is shown read-only.
    expect(input(element, 'first-name').value).to.equal('Grace');
    expect(input(element, 'last-name').value).to.equal('Hopper');
    expect(input(element, 'email').readOnly).to.equal(true);
    await expect(element).to.be.accessible();

    fill(input(element, 'password'), 'abc1');
    await element.updateComplete;
    // Live, before any submit: met or not yet, in words as well as marks.
    expect(checks(element)).to.deep.equal({ length: 'unmet', lower: 'met', upper: 'unmet', digit: 'met', special: 'unmet' });
    const digit = $(element, '[data-check="digit"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(digit).to.equal('✓ A digit (met)');
    expect($(element, '[part="password-checklist"]').getAttribute('aria-live')).to.equal('polite');
    expect(errorOf(element, 'password')).to.equal(undefined);

    fill(input(element, 'confirm'), 'abc1');
    $<HTMLInputElement>(element, '#terms').click();
    const sent = recordRequests();
    $<HTMLButtonElement>(element, '.join').click();
    await element.updateComplete;

    expect(errorOf(element, 'password')).to.equal('The password does not meet every requirement in the list.');
    expect(input(element, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'password').getAttribute('aria-describedby')).to.equal('password-error password-rules');
    expect(checks(element)).to.deep.equal({ length: 'failed', lower: 'met', upper: 'failed', digit: 'met', special: 'failed' });
    expect(deepActiveElement()).to.equal(input(element, 'password'));
    expect(errorOf(element, 'confirm')).to.equal(undefined);
    expect(sent).to.deep.equal([]);
    expect(await invitationStatus(token)).to.equal(200);
    await expect(element).to.be.accessible();

    // The message follows the typing once shown.
    fill(input(element, 'password'), 'abc1XYZ!');
    await element.updateComplete;
    expect(errorOf(element, 'password')).to.equal(undefined);
    expect(errorOf(element, 'confirm')).to.equal('The passwords do not match.');
  });

  it('blocks a confirmation that does not match and unaccepted terms, and sends nothing', async () => {
    const { token } = await inviteToGlobex();
    const element = await open(token, '/terms.html');
    await startRegistration(element);
    const terms = $<HTMLAnchorElement>(element, 'label[for="terms"] a');
    expect(terms.textContent).to.equal('terms of use');
    expect(terms.getAttribute('href')).to.equal('/terms.html');
    fill(input(element, 'first-name'), '  ');
    fill(input(element, 'password'), PASSWORD);
    fill(input(element, 'confirm'), `${PASSWORD}x`);
    const sent = recordRequests();
    $<HTMLButtonElement>(element, '.join').click();
    await element.updateComplete;

    expect(errorOf(element, 'first-name')).to.equal('Enter your first name.');
    expect(errorOf(element, 'password')).to.equal(undefined);
    expect(errorOf(element, 'confirm')).to.equal('The passwords do not match.');
    expect(input(element, 'confirm').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'confirm').getAttribute('aria-describedby')).to.equal('confirm-error');
    expect(errorOf(element, 'terms')).to.equal('Accept the terms of use to join.');
    expect($(element, '#terms').getAttribute('aria-describedby')).to.equal('terms-error');
    expect(deepActiveElement()).to.equal(input(element, 'first-name'));
    expect(sent).to.deep.equal([]);
    expect(await invitationStatus(token)).to.equal(200);
  });

  it('shows the server\'s refusal of a field under that field', async () => {
    const { token } = await inviteToGlobex();
    const element = await open(token);
    await startRegistration(element);
    // Typing stops at the server's limit; a value set by script does not, so the server judges it.
    fill(input(element, 'last-name'), 'H'.repeat(101));
    fill(input(element, 'password'), PASSWORD);
    fill(input(element, 'confirm'), PASSWORD);
    $<HTMLInputElement>(element, '#terms').click();
    $<HTMLButtonElement>(element, '.join').click();

    await waitUntil(() => errorOf(element, 'last-name'), 'the server\'s refusal was not shown', { timeout: 5000 });
    expect(input(element, 'last-name').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(input(element, 'last-name'));
    expect(headingOf(element)).to.equal('Join Globex');
    fill(input(element, 'last-name'), 'Hopper');
    await element.updateComplete;
    expect(errorOf(element, 'last-name')).to.equal(undefined);
    expect(await invitationStatus(token)).to.equal(200);
  });

  it('registers and accepts: the event, the joined screen, and the person is signed in in the account', async () => {
    const { token, email, accountId } = await inviteToGlobex();
    const element = await open(token);
    await startRegistration(element);
    fill(input(element, 'first-name'), 'Grace B.');
    fill(input(element, 'password'), PASSWORD);
    fill(input(element, 'confirm'), PASSWORD);
    $<HTMLInputElement>(element, '#terms').click();

    const accepted = oneEvent(element, 'invitation-accepted') as Promise<InvitationAcceptedEvent>;
    $<HTMLButtonElement>(element, '.join').click();
    const event = await accepted;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.accountId).to.equal(accountId);
    await element.updateComplete;
    expect(headingOf(element)).to.equal('You joined Globex');
    expect(deepActiveElement()).to.equal($(element, 'h2'));
    await expect(element).to.be.accessible();

    const me = (await (await api.fetch('/me')).json()) as Me;
    expect(me.user).to.include({ id: event.detail.userId, email, firstName: 'Grace B.', lastName: 'Hopper' });
    expect(me.activeAccountId).to.equal(accountId);
    expect(me.accounts.map((a) => a.name)).to.deep.equal(['Globex']);
    // A link works once; opened again (people click it twice), it says how to reach the account.
    expect(await invitationStatus(token)).to.equal(404);
    const again = await open(token);
    expect(headingOf(again)).to.equal('This invitation link does not work');
    expect(textOf(again)).to.contain('The link no longer works');
    expect(textOf(again)).to.contain('If you already accepted this invitation, sign in to reach the account.');
    await expect(again).to.be.accessible();
  });

  it('registers a new person even when someone else is signed in on the browser, and says so first', async () => {
    const { token, email } = await inviteToGlobex();
    await api.signIn('owner@globex.test');
    const element = await open(token);
    await startRegistration(element);
    expect(textOf(element)).to.contain(`Someone else is signed in on this browser. Joining signs you in as ${email} instead.`);
    fill(input(element, 'password'), PASSWORD);
    fill(input(element, 'confirm'), PASSWORD);
    $<HTMLInputElement>(element, '#terms').click();
    const accepted = oneEvent(element, 'invitation-accepted');
    $<HTMLButtonElement>(element, '.join').click();
    await accepted;
    const me = (await (await api.fetch('/me')).json()) as Me;
    expect(me.user.email).to.equal(email);
  });

  it('can be done with the keyboard alone, through registration', async () => {
    const { token } = await inviteToGlobex();
    const element = await open(token);
    const accepted = oneEvent(element, 'invitation-accepted') as Promise<InvitationAcceptedEvent>;

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.accept'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === input(element, 'first-name'), 'the first field did not take focus');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(input(element, 'last-name'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '#terms'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.join'));
    await sendKeys({ press: 'Enter' });

    await accepted;
    await waitUntil(() => headingOf(element) === 'You joined Globex', 'the joined screen did not show');
  });

  it('declines after a confirmation that names whose invitation it is; the link then no longer works', async () => {
    const { token, email, accountId } = await inviteToGlobex();
    const element = await open(token);
    $<HTMLButtonElement>(element, '.decline').click();
    await element.updateComplete;
    expect(headingOf(element)).to.equal('Decline the invitation to Globex?');
    expect(textOf(element)).to.contain(`This declines the invitation for ${email}.`);
    expect(shadowOf(element).querySelector('[part="note"]')).to.equal(null);
    expect(deepActiveElement()).to.equal($(element, 'h2'));
    await expect(element).to.be.accessible();

    // Back returns to the welcome without declining.
    $<HTMLButtonElement>(element, '.back').click();
    await element.updateComplete;
    expect(headingOf(element)).to.equal('Hank Scorpio invited you to join Globex');
    $<HTMLButtonElement>(element, '.decline').click();
    await element.updateComplete;

    const declined = oneEvent(element, 'invitation-declined') as Promise<InvitationDeclinedEvent>;
    $<HTMLButtonElement>(element, '.confirm-decline').click();
    const event = await declined;
    expect(event.detail.accountId).to.equal(accountId);
    expect(event.bubbles && event.composed).to.equal(true);
    await element.updateComplete;
    expect(headingOf(element)).to.equal('You declined the invitation');
    expect(textOf(element)).to.contain('You did not join Globex.');
    await expect(element).to.be.accessible();

    const again = await open(token);
    expect(headingOf(again)).to.equal('This invitation link does not work');
  });

  describe('a person who already has a sign-in', () => {
    it('signs in with the email given and joins', async () => {
      const { token, email, accountId } = await invitePersonWithSignIn();
      const element = await open(token);
      $<HTMLButtonElement>(element, '.accept').click();
      await element.updateComplete;
      expect(headingOf(element)).to.equal('Sign in to join Globex');
      expect(input(element, 'email').value).to.equal(email);
      expect(input(element, 'email').readOnly).to.equal(true);
      expect(deepActiveElement()).to.equal(input(element, 'password'));
      await expect(element).to.be.accessible();

      fill(input(element, 'password'), 'not-the-password');
      $<HTMLButtonElement>(element, '.join').click();
      await waitUntil(() => errorOf(element, 'password'), 'no sign-in error was shown', { timeout: 5000 });
      expect(errorOf(element, 'password')).to.equal('That password is not right.');
      expect(input(element, 'password').getAttribute('aria-invalid')).to.equal('true');

      fill(input(element, 'password'), PASSWORD);
      const accepted = oneEvent(element, 'invitation-accepted') as Promise<InvitationAcceptedEvent>;
      $<HTMLButtonElement>(element, '.join').click();
      expect((await accepted).detail.accountId).to.equal(accountId);
      await waitUntil(() => headingOf(element) === 'You joined Globex', 'the joined screen did not show');
      const me = (await (await api.fetch('/me')).json()) as Me;
      expect(me.user.email).to.equal(email);
      expect(me.activeAccountId).to.equal(accountId);
    });

    it('says which limit of the sign-in brake refused, and how long to wait', async () => {
      const { token } = await invitePersonWithSignIn();
      const element = await open(token);
      $<HTMLButtonElement>(element, '.accept').click();
      await element.updateComplete;
      // The brake allows 5 wrong passwords per email from one device in 15 minutes.
      for (let attempt = 1; attempt <= 6; attempt++) {
        fill(input(element, 'password'), `wrong-${attempt}`); // typing clears the last error
        await element.updateComplete;
        $<HTMLButtonElement>(element, '.join').click();
        await waitUntil(() => errorOf(element, 'password'), 'no sign-in error was shown', { timeout: 5000 });
        if (attempt < 6) expect(errorOf(element, 'password')).to.equal('That password is not right.');
      }
      expect(errorOf(element, 'password')).to.equal('Too many attempts from this device; try again in 15 minutes.');
    });

    it('when already signed in as the invitee, accepts with one button', async () => {
      const { token, email } = await invitePersonWithSignIn();
      const signedIn = await api.postJson('/session', { email, password: PASSWORD });
      expect(signedIn.status).to.equal(200);
      const element = await open(token);
      const accept = $<HTMLButtonElement>(element, '.accept');
      expect(accept.textContent!.trim()).to.equal('Accept and join');
      const accepted = oneEvent(element, 'invitation-accepted');
      accept.click();
      await accepted;
      await waitUntil(() => headingOf(element) === 'You joined Globex', 'the joined screen did not show');
    });

    it('when signed in as someone else, explains, signs out, then signs in', async () => {
      const { token, email } = await invitePersonWithSignIn();
      await api.signIn('owner@globex.test');
      const element = await open(token);
      $<HTMLButtonElement>(element, '.accept').click();
      await element.updateComplete;
      expect(headingOf(element)).to.equal('You are signed in as another person');
      expect(textOf(element)).to.contain(`sign in as ${email}`);
      await expect(element).to.be.accessible();

      $<HTMLButtonElement>(element, '.sign-out').click();
      await waitUntil(() => headingOf(element) === 'Sign in to join Globex', 'the sign-in form did not show', { timeout: 5000 });
      expect((await api.fetch('/me')).status).to.equal(401);
      fill(input(element, 'password'), PASSWORD);
      const accepted = oneEvent(element, 'invitation-accepted');
      $<HTMLButtonElement>(element, '.join').click();
      await accepted;
      const me = (await (await api.fetch('/me')).json()) as Me;
      expect(me.user.email).to.equal(email);
    });
  });

  it('shows an expired link as expired', async () => {
    // Test-only route of web-test-runner.config.ts: the token of a seeded expired invitation (Acme Corp; only read).
    const { token } = { token: await api.expiredInvitationToken() };
    const element = await open(token);
    expect(headingOf(element)).to.equal('This invitation has expired');
    expect(textOf(element)).to.contain('Ask your administrator for a new invitation.');
    expect(shadowOf(element).querySelector('button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  describe('when the server cannot be reached', () => {
    /** The first request for an invitation fails like a dropped connection; every other one reaches the server. */
    function failInvitationRequestOnce() {
      let failed = false;
      window.fetch = (resource, init) => {
        const url = resource instanceof Request ? resource.url : String(resource);
        if (failed || !url.includes('/api/invitations/')) return realFetch(resource, init);
        failed = true;
        return Promise.reject(new TypeError('Failed to fetch'));
      };
    }

    it('offers to try again', async () => {
      const { token } = await inviteToGlobex();
      failInvitationRequestOnce();
      const element = await open(token);
      expect(headingOf(element)).to.equal('The invitation could not be loaded');
      expect($(element, '[role="alert"]').textContent).to.contain('could not be reached');
      await expect(element).to.be.accessible();

      $<HTMLButtonElement>(element, '.retry').click();
      await waitUntil(() => headingOf(element) === 'Hank Scorpio invited you to join Globex', 'trying again did not load the invitation', {
        timeout: 5000,
      });
      await waitUntil(() => deepActiveElement() === $(element, 'h2'), 'the new screen did not take focus');
    });
  });
});
