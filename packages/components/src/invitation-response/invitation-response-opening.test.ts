import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import './invitation-response.ts';
import type { InvitationDeclinedEvent } from '../events.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { $, deepActiveElement, headingOf, invitationsOn, realFetch, textOf } from './invitation-response.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
const { inviteToGlobex, invitationStatus, open, hooks } = invitationsOn(api);

/* Opening the link: the welcome (and its warning when someone else is signed in), declining, and links that do not work: tampered, expired, or a server out of reach. */
describe('<invitation-response>', () => {
  hooks();

  it('welcomes the invitee: account, inviter, email, Accept and Decline', async () => {
    const { token, email } = await inviteToGlobex();
    const element = await open(token);
    expect(headingOf(element)).to.equal('Hank Scorpio invited you to join Globex');
    expect(textOf(element)).to.contain(`The invitation is for ${email}.`);
    expect(textOf(element)).to.contain('It is valid until');
    // What they will join, before they decide.
    expect(textOf(element)).to.contain('You will join these groups: Viewers.');
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
