import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import type { UsersInvitedEvent } from '../events.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { $, $$, deepActiveElement, fresh, openerAsGlobexAdministrator, paste, resultLines, stepHeading, text } from './add-users-dialog.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
let globex: string;
const opened = openerAsGlobexAdministrator(api, (id) => (globex = id));

/* The names and groups steps: missing names, repeats, who already has an account or is already in, no group. */
describe('<add-users-dialog>', () => {
  it('says a repeated address is invited once, from the names step to the summary; one missing name in the singular', async function () {
    this.timeout(20_000);
    const newcomer = fresh('fay');
    const element = await opened(undefined, globex);
    paste(`${newcomer}\n${newcomer.toUpperCase()}`);
    await element.updateComplete;
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });

    // Next with the one new person's names empty.
    $<HTMLButtonElement>(element, 'button.next').click();
    await element.updateComplete;
    expect(text($(element, '#names-error'))).to.equal('A name is missing for the new person.');
    expect(deepActiveElement()).to.equal($(element, '#firstName-0'));
    for (const [id, value] of [['#firstName-0', 'Fay'], ['#lastName-0', 'Fairweather']] as const) {
      const input = $<HTMLInputElement>(element, id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => shadowOf(element).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
    $<HTMLInputElement>(element, '.groups input').click();
    $<HTMLButtonElement>(element, 'button.next').click();
    await element.updateComplete;

    // Overview: the person once, and the repeat is not called "not invited".
    expect($$<HTMLTableRowElement>(element, '.overview tbody tr').map((row) => [...row.cells].map(text))).to.deep.equal([['Fay Fairweather', newcomer]]);
    expect(text($(element, '.step'))).to.not.contain('Not invited');
    $<HTMLButtonElement>(element, 'button.send').click();
    await waitUntil(() => stepHeading(element).includes('Summary'), 'the summary did not show', { timeout: 5000 });
    expect(text($(element, '.step > p'))).to.equal('Invited: 1 · Already in the account: 0 · Not invited: 0 · Listed twice: 1');
    const lines = resultLines(element);
    expect(lines[0]).to.contain(`✓ Invited ${newcomer}`);
    expect(lines[1]).to.equal(`= Listed twice ${newcomer.toUpperCase()} Invited once, where the address first appears.`);
    await expect(element).to.be.accessible();
  });

  it('counts missing names in the singular and the plural', async function () {
    this.timeout(20_000);
    const element = await opened(undefined, globex);
    paste([fresh('gus'), fresh('hal'), fresh('ivy')].join(' '));
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
    const name = (id: string, value: string) => {
      const input = $<HTMLInputElement>(element, id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const refusal = async () => {
      $<HTMLButtonElement>(element, 'button.next').click();
      await element.updateComplete;
      return text($(element, '#names-error'));
    };
    expect(await refusal()).to.equal('Names are missing for 3 of 3 new people.');
    name('#firstName-0', 'Gus');
    name('#lastName-0', 'Grant');
    expect(await refusal()).to.equal('Names are missing for 2 of 3 new people.');
    name('#firstName-1', 'Hal');
    name('#lastName-1', 'Hart');
    name('#firstName-2', 'Ivy');
    expect(await refusal()).to.equal('A name is missing for 1 of 3 new people.');
    expect(deepActiveElement()).to.equal($(element, '#lastName-2'));
    expect($(element, 'button.next').getAttribute('aria-describedby')).to.equal('names-error');
  });

  it('knows before sending who has an account (names hidden across tenants) and who is already in the account', async function () {
    this.timeout(20_000);
    // Emma O'Brien has a sign-in (she is in Acme) but is not in Globex, and Globex's administrator
    // is in no account with her: her names are hers, not shown to them.
    const emma = 'emma.obrien2@acme.test';
    const newcomer = fresh('erin');
    const element = await opened(undefined, globex);
    paste(`owner@globex.test, lenny.leonard@globex.test, ${emma}, ${newcomer}`);
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });

    const leftOut = $$(element, '.person-left-out').map(text);
    expect(leftOut).to.deep.equal([
      'owner@globex.test Already a member',
      'lenny.leonard@globex.test Already invited Use Resend invitation in the users list.',
    ]);
    expect($$(element, '.person-unseen').map(text)).to.deep.equal([`${emma} Already has a sign-in and keeps their own name.`]);
    expect(text($(element, '.step'))).not.to.contain("O'Brien");
    const [newPerson, ...others] = $$(element, 'fieldset.person');
    expect(others).to.have.length(0);
    expect(text(newPerson!.querySelector('legend')!)).to.equal(newcomer);
    // The first field to fill is the new person's, and it has focus.
    const [first, last] = [...newPerson!.querySelectorAll('input')];
    expect(deepActiveElement()).to.equal(first);
    expect(first!.readOnly).to.equal(false);
    await expect(element).to.be.accessible();

    await sendKeys({ type: 'Erin' });
    last!.focus();
    await sendKeys({ type: 'Early' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowOf(element).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
    $<HTMLInputElement>(element, '.groups input').click();
    $<HTMLButtonElement>(element, 'button.next').click();
    await element.updateComplete;
    expect($$<HTMLTableRowElement>(element, '.overview tbody tr').map((row) => [...row.cells].map(text))).to.deep.equal([
      ['Their own name', emma],
      ['Erin Early', newcomer],
    ]);
    expect(text($(element, '.step'))).to.contain('Not invited (invalid or already in the account): owner@globex.test, lenny.leonard@globex.test');

    const invited = oneEvent(element, 'users-invited') as Promise<UsersInvitedEvent>;
    $<HTMLButtonElement>(element, 'button.send').click();
    expect((await invited).detail.userIds).to.have.length(2);
    await waitUntil(() => stepHeading(element).includes('Summary'), 'the summary did not show', { timeout: 5000 });
    const lines = resultLines(element);
    expect(lines.slice(0, 2)).to.deep.equal([
      '• Already a member owner@globex.test',
      '• Already invited lenny.leonard@globex.test Use Resend invitation in the users list.',
    ]);
    expect(lines[2]).to.contain(`✓ Invited ${emma}`);
    expect(lines[3]).to.contain(`✓ Invited ${newcomer}`);
    // Until she joins, Globex knows her by her email alone: inviting her showed its administrator nothing.
    const emmaInGlobex = (await api.fetchUsers(globex, { q: emma })).items[0]!;
    expect([emmaInGlobex.firstName, emmaInGlobex.lastName, emmaInGlobex.lastSignInAt, emmaInGlobex.state]).to.deep.equal(['', '', null, 'invited']);
  });

  it('shows, read-only, the names of someone the administrator already sees in another of their accounts', async function () {
    this.timeout(20_000);
    // Acme's administrator is also a member of Globex, where Frank Grimes is (or was) a member.
    const acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
    try {
      const element = await opened(undefined, acme);
      paste('frank.grimes@globex.test');
      $<HTMLButtonElement>(element, 'button.next').click();
      await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
      const [known] = $$(element, 'fieldset.person');
      expect(text(known!.querySelector('legend')!)).to.equal('frank.grimes@globex.test');
      expect([...known!.querySelectorAll('input')].map((input) => [input.value, input.readOnly])).to.deep.equal([
        ['Frank', true],
        ['Grimes', true],
      ]);
      expect(text(known!)).to.contain('Has an account and keeps their own name.');
      expect($$(element, '.person-unseen')).to.have.length(0);
    } finally {
      await api.signIn('owner@globex.test');
    }
  });

  it('says when nobody on the list can be invited', async () => {
    const element = await opened(undefined, globex);
    paste('owner@globex.test');
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
    expect(deepActiveElement()).to.equal($(element, '.step-heading'));
    $<HTMLButtonElement>(element, 'button.next').click();
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Names');
    expect(text($(element, '[role="alert"]'))).to.equal('Nobody on this list can be invited. Go back and change the addresses.');
    await waitUntil(() => deepActiveElement() === $(element, '#nobody-error'), 'focus did not move to the message');
    expect($(element, 'button.next').getAttribute('aria-describedby')).to.equal('nobody-error');
  });

  it('needs at least one group, and says so next to the list', async () => {
    const element = await opened(undefined, globex);
    paste(fresh('carol'));
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
    for (const input of $$<HTMLInputElement>(element, '.people input')) {
      input.value = 'Carol';
      input.dispatchEvent(new Event('input'));
    }
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => shadowOf(element).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
    $<HTMLButtonElement>(element, 'button.next').click();
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Groups');
    const error = $(element, '#groups-error');
    expect(text(error)).to.equal('Choose at least one group.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect($(element, 'fieldset.groups').getAttribute('aria-describedby')).to.contain('groups-error');
    await waitUntil(() => deepActiveElement() === error, 'focus did not move to the message');
    expect($(element, 'button.next').getAttribute('aria-describedby')).to.equal('groups-error');
    await expect(element).to.be.accessible();

    // Back keeps what was typed.
    $<HTMLButtonElement>(element, 'button.back').click();
    await element.updateComplete;
    expect($<HTMLInputElement>(element, '#firstName-0').value).to.equal('Carol');
  });
});
