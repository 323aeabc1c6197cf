import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me } from '@roster/shared';
import './invitation-response.ts';
import type { InvitationAcceptedEvent } from '../events.ts';
import { testApi } from '../test-support/test-api.ts';
import { $, deepActiveElement, errorOf, fill, headingOf, input, invitationsOn, PASSWORD, textOf } from './invitation-response.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
const { invitePersonWithSignIn, open, hooks } = invitationsOn(api);

/* A person who already has a sign-in joins by signing in, or with one button when already signed in as themselves. */
describe('<invitation-response>', () => {
  hooks();

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

    it('signs in and joins from a link an administrator copied, which does not say that they have a sign-in', async () => {
      const { copied, accountId } = await invitePersonWithSignIn();
      const element = await open(copied);
      $<HTMLButtonElement>(element, '.accept').click();
      await element.updateComplete;
      expect(headingOf(element)).to.equal('Join from your invitation email');
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '.sign-in-instead').click();
      await element.updateComplete;
      expect(headingOf(element)).to.equal('Sign in to join Globex');
      expect(deepActiveElement()).to.equal(input(element, 'password'));
      fill(input(element, 'password'), PASSWORD);
      const accepted = oneEvent(element, 'invitation-accepted') as Promise<InvitationAcceptedEvent>;
      $<HTMLButtonElement>(element, '.join').click();
      expect((await accepted).detail.accountId).to.equal(accountId);
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
});
