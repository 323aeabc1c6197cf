import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../roster-provider/roster-provider.ts';
import type { ProfileUpdatedEvent } from '../events.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import type { UserProfile } from './user-profile.ts';
import { $, deepActiveElement, errorOf, input, meOf, openProfile, textOf } from './user-profile.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/** Types into the focused control, as a person would. */
async function retype(element: UserProfile, id: string, text: string) {
  input(element, id).focus();
  input(element, id).select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

describe('<user-profile>', () => {
  before(async function () {
    this.timeout(30_000);
    await api.signIn('admin@acme.test');
  });

  it('shows the person, their accounts with their groups and whether they administer them; axe clean', async () => {
    const user = await meOf(api);
    const element = await openProfile(api);
    expect(textOf(element, 'h2')).to.equal('My profile');
    expect(input(element, 'first-name').value).to.equal(user.firstName);
    expect(input(element, 'last-name').value).to.equal(user.lastName);
    expect(textOf(element, '.email')).to.equal(`Email ${user.email}`);
    expect($<HTMLSelectElement>(element, '#locale').value).to.equal(user.locale);
    // Each language in its own words.
    expect([...$<HTMLSelectElement>(element, '#locale').options].map((o) => o.textContent!.trim())).to.deep.equal(['English', 'Français', 'Deutsch', 'Español']);
    // The choice changes the screens too, so no hint says it is only for the emails.
    expect($<HTMLSelectElement>(element, '#locale').hasAttribute('aria-describedby')).to.equal(false);

    const accounts = [...shadowOf(element).querySelectorAll('[part="account"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(accounts).to.have.length(2);
    expect(accounts[0]).to.match(/^Acme Corp Administrator Current account Groups: .*Administrators/);
    expect(accounts[1]).to.match(/^Globex (Groups: |No groups)/);
    expect(accounts[1]).not.to.contain('Administrator');
    // Roster's own sign-in: the password can be changed here.
    expect($(element, '[part="password-form"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('refuses empty names under their fields, focusing the first, and sends nothing', async () => {
    const before = await meOf(api);
    const element = await openProfile(api);
    await retype(element, 'first-name', '');
    await retype(element, 'last-name', '   ');
    $<HTMLButtonElement>(element, '.save').click();
    await element.updateComplete;
    expect(errorOf(element, 'first-name')).to.equal('Enter your first name.');
    expect(errorOf(element, 'last-name')).to.equal('Enter your last name.');
    expect(input(element, 'first-name').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'first-name').getAttribute('aria-describedby')).to.equal('first-name-error');
    await waitUntil(() => deepActiveElement() === input(element, 'first-name'), 'the first field to fix was not focused');
    await expect(element).to.be.accessible();
    expect(await meOf(api)).to.deep.equal(before);

    // The message follows the typing once shown.
    await retype(element, 'first-name', 'Ada');
    await element.updateComplete;
    expect(errorOf(element, 'first-name')).to.equal(undefined);
    expect(errorOf(element, 'last-name')).to.equal('Enter your last name.');
  });

  it('saves names and language with the keyboard alone, says so politely and fires profile-updated', async () => {
    const element = await openProfile(api);
    await retype(element, 'first-name', '  Augusta ');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(input(element, 'last-name'));
    // Tabbing into a field selects what it holds: typing replaces it.
    await sendKeys({ type: 'King' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '#locale'));
    // Français follows English in the list.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $<HTMLSelectElement>(element, '#locale').value === 'fr', 'the language did not change');

    const updated = oneEvent(element, 'profile-updated') as Promise<ProfileUpdatedEvent>;
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.save'));
    await sendKeys({ press: 'Enter' });
    const event = await updated;
    expect(event.bubbles && event.composed).to.equal(true);
    expect([event.detail.user.firstName, event.detail.user.lastName, event.detail.user.locale]).to.deep.equal(['Augusta', 'King', 'fr']);
    // The screen speaks the language just chosen at once, without a reload (the page sets no `lang`).
    // The French messages are a module loaded on first use: give a slow machine time to fetch it.
    await waitUntil(() => textOf(element, '#details-status') === 'Votre nom et votre langue sont enregistrés.', 'no status in French after saving', {
      timeout: 5000,
    });
    expect(textOf(element, 'h2')).to.equal('Mon profil');
    expect($(element, '#details-status').getAttribute('role')).to.equal('status');
    const saved = await meOf(api);
    expect([saved.firstName, saved.lastName, saved.locale]).to.deep.equal(['Augusta', 'King', 'fr']);
    // The form shows what was saved (trimmed), and a new visit does too.
    expect(input(element, 'first-name').value).to.equal('Augusta');
    const again = await openProfile(api);
    expect($<HTMLSelectElement>(again, '#locale').value).to.equal('fr');
    await expect(element).to.be.accessible();
  });

  it('has no password change for people who sign in through the host, and uses the provider’s token', async () => {
    const element = (
      await fixture<HTMLElement>(
        html`<roster-provider api-base=${api.base} .getToken=${() => 'test:member@acme.test'}><user-profile></user-profile></roster-provider>`,
      )
    ).querySelector('user-profile')!;
    await waitUntil(() => shadowOf(element).querySelector('form'), 'the profile did not load', { timeout: 5000 });
    // The token's person, not the session cookie's administrator.
    // In the member's own language, English (the test before left the page in French).
    await waitUntil(() => textOf(element, '.email') === 'Email member@acme.test', 'not in the member’s language');
    expect(shadowOf(element).querySelector('[part="password-form"]')).to.equal(null);
    expect(shadowOf(element).querySelector('#current-password')).to.equal(null);
    expect(textOf(element, '.host-sign-in')).to.equal('You sign in through your organisation, so your password is changed there.');
    const accounts = [...shadowOf(element).querySelectorAll('[part="account"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(accounts).to.have.length(1);
    expect(accounts[0]).to.match(/^Acme Corp Current account/);
    expect(accounts[0]).not.to.contain('Administrator');
    await expect(element).to.be.accessible();
  });
});
