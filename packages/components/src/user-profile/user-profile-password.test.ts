import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_PASSWORD, testApi } from '../test-support/test-api.ts';
import type { UserProfile } from './user-profile.ts';
import { $, deepActiveElement, errorOf, input, openProfile, textOf } from './user-profile.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
const EMAIL = 'owner@globex.test';
const NEW_PASSWORD = 'Fresh!start42';

/** Each check of the checklist as shown: met, unmet (not tried yet) or failed (after a refused submit). */
function checks(element: UserProfile): Record<string, string> {
  const items = [...$(element, '[part="password-checklist"]').querySelectorAll('li')];
  return Object.fromEntries(items.map((item) => [item.dataset.check!, item.className]));
}

async function typeInto(element: UserProfile, id: string, text: string) {
  input(element, id).focus();
  await sendKeys({ type: text });
}

describe('<user-profile> password', () => {
  before(async function () {
    this.timeout(30_000);
    await api.signIn(EMAIL);
  });

  it('shows the rule live, blocks a weak password and a missing current one, and sends nothing', async () => {
    const element = await openProfile(api);
    expect(input(element, 'password').getAttribute('aria-describedby')).to.equal('password-rules');
    expect(input(element, 'current-password').autocomplete).to.equal('current-password');
    expect(input(element, 'password').autocomplete).to.equal('new-password');

    await typeInto(element, 'password', 'abc1');
    expect(checks(element)).to.deep.equal({ length: 'unmet', lower: 'met', upper: 'unmet', digit: 'met', special: 'unmet' });
    expect(textOf(element, '[data-check="digit"]')).to.equal('✓ A digit (met)');
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(errorOf(element, 'current-password')).to.equal('Enter your current password.');
    expect(errorOf(element, 'password')).to.equal('The new password does not meet every requirement in the list.');
    expect(input(element, 'password').getAttribute('aria-describedby')).to.equal('password-error password-rules');
    expect(checks(element)).to.deep.equal({ length: 'failed', lower: 'met', upper: 'failed', digit: 'met', special: 'failed' });
    await waitUntil(() => deepActiveElement() === input(element, 'current-password'), 'the first field to fix was not focused');
    await expect(element).to.be.accessible();
    // Nothing was sent: the old password still signs in.
    await api.signIn(EMAIL, DEMO_PASSWORD);
  });

  it('says under the field when the current password is wrong, then changes it with the keyboard alone', async () => {
    const element = await openProfile(api);
    await typeInto(element, 'current-password', 'not-my-password');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(input(element, 'password'));
    await sendKeys({ type: NEW_PASSWORD });
    expect(Object.values(checks(element))).to.deep.equal(['met', 'met', 'met', 'met', 'met']);
    await sendKeys({ press: 'Enter' });
    // The server checks the password with scrypt, slow on purpose: the waits allow for a busy machine.
    await waitUntil(() => errorOf(element, 'current-password'), 'no refusal of the wrong password', { timeout: 5000 });
    expect(errorOf(element, 'current-password')).to.equal('This is not your current password.');
    expect(input(element, 'current-password').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActiveElement() === input(element, 'current-password'), 'the wrong field was not focused');
    expect(errorOf(element, 'password')).to.equal(undefined);
    await expect(element).to.be.accessible();

    // Select what it holds, as tabbing back into it would, and type the right one.
    input(element, 'current-password').select();
    await sendKeys({ type: DEMO_PASSWORD });
    expect(errorOf(element, 'current-password')).to.equal(undefined);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(element, '#password-status') !== '', 'no status after changing', { timeout: 5000 });
    expect(textOf(element, '#password-status')).to.equal('Your password is changed. You were signed out on every other device and browser.');
    expect(input(element, 'current-password').value).to.equal('');
    expect(input(element, 'password').value).to.equal('');

    // This session stays; the new password signs in and the old one no longer does.
    expect((await api.fetch('/me')).status).to.equal(200);
    await api.signIn(EMAIL, NEW_PASSWORD);
    const old = await api.postJson('/session', { email: EMAIL, password: DEMO_PASSWORD });
    expect(old.status).to.equal(401);
  });
});
