import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import './invitation-response.ts';
import type { InvitationAcceptedEvent } from '../events.ts';
import { testApi } from '../test-support/test-api.ts';
import { $, checks, deepActiveElement, errorOf, fill, headingOf, input, invitationsOn, PASSWORD, recordRequests, startRegistration, textOf } from './invitation-response.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
const { inviteToGlobex, invitationStatus, open, hooks } = invitationsOn(api);

/* A new person registers through the invitation: the form's checks, the server's refusals, joining, and the keyboard alone. */
describe('<invitation-response>', () => {
  hooks();

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
    const terms = $<HTMLAnchorElement>(element, 'a.terms-link');
    expect(terms.textContent).to.equal('Read the terms of use');
    expect(terms.getAttribute('target')).to.equal('_blank');
    expect($(element, 'label[for="terms"]').textContent!.trim()).to.equal('I agree to the terms of use');
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

  it("on a link an administrator copied, offers to email the invitation instead of registering, by keyboard alone", async () => {
    const { copied, email } = await inviteToGlobex();
    const element = await open(copied);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.accept'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => headingOf(element) === 'Join from your invitation email', 'the email step did not show');
    expect(deepActiveElement()).to.equal($(element, '#heading'));
    expect(textOf(element)).to.contain(`To make sure ${email} is yours, you join through the link in the invitation email sent to that address.`);
    expect($(element, 'form')).to.equal(null);
    await expect(element).to.be.accessible();

    // Just invited: the email went a moment ago, so the server asks to look for it first.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.email-link'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '[role="alert"]'), 'the refusal did not show');
    expect($(element, '[role="alert"]').textContent!.trim()).to.equal(
      'The invitation cannot be emailed again yet. Look for it in your mailbox (and its spam folder), or try again later.',
    );
    await expect(element).to.be.accessible();
  });

  it('emails the invitation from a copied link, and says where it went', async () => {
    // Lenny's invitation (seeded) was emailed days ago: the owner copies its link and passes it on.
    const owner = await api.signIn('owner@globex.test');
    const globex = owner.accounts.find((account) => account.name === 'Globex')!.id;
    const [lenny] = (await api.fetchUsers(globex, { q: 'lenny' })).items;
    const { link } = (await (await api.fetch(`/accounts/${globex}/users/${lenny!.id}/invitation/link`)).json()) as { link: string };
    await api.signOut();
    const element = await open(new URL(link).pathname.split('/').at(-1)!);
    $<HTMLButtonElement>(element, '.accept').click();
    await waitUntil(() => $(element, '.email-link'), 'the email step did not show');
    const sent = recordRequests();
    $<HTMLButtonElement>(element, '.email-link').click();
    await waitUntil(() => $(element, '.emailed'), 'the confirmation did not show');
    expect(sent).to.deep.equal([`POST ${api.base}/invitations/${new URL(link).pathname.split('/').at(-1)}/email`]);
    expect($(element, '.emailed').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `We sent the invitation to ${lenny!.email}. Open the link in that email to join.`,
    );
    expect($(element, '.email-link')).to.equal(null);
    expect(deepActiveElement()).to.equal($(element, '#heading'));
    await expect(element).to.be.accessible();
  });
});
