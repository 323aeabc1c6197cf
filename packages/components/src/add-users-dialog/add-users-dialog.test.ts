import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import type { UsersInvitedEvent } from '../events.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { AddUsersDialog } from './add-users-dialog.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/*
 * These tests invite into Globex (signed in as its only administrator), each time fresh addresses no
 * other test uses, so they do not depend on each other's order.
 */

const $ = <T extends Element = HTMLElement>(element: AddUsersDialog, selector: string) => {
  const found = shadowOf(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <add-users-dialog>`);
  return found;
};
const $$ = <T extends Element = HTMLElement>(element: AddUsersDialog, selector: string) => [...shadowOf(element).querySelectorAll<T>(selector)];
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const stepHeading = (element: AddUsersDialog) => text($(element, '.step-heading'));
const entryLines = (element: AddUsersDialog) =>
  $$(element, '.entry').map((li) => [text(li.querySelector('.entry-email')!), text(li.querySelector('.entry-status')!)]);
const resultLines = (element: AddUsersDialog) => $$(element, '.result').map((li) => text(li));
/** A fresh address for each run, so reruns against one database never collide. */
const fresh = (name: string) => `new.${name}+${Math.random().toString(36).slice(2, 10)}@example.test`;

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `target` has focus (a keyboard user's way to a button). */
async function tabTo(target: Element, max = 12) {
  for (let i = 0; i < max && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), `Tab never reached ${target.outerHTML.slice(0, 80)}`).to.equal(target);
}

async function opened(template = html`<add-users-dialog api-base=${api.base}></add-users-dialog>`, accountId?: string): Promise<AddUsersDialog> {
  const element = await fixture<AddUsersDialog>(template);
  if (accountId) element.accountId = accountId;
  element.show();
  await element.updateComplete;
  return element;
}

/** Like a paste: the whole text arrives in the focused field as one input. */
function paste(value: string) {
  document.execCommand('insertText', false, value);
}

describe('<add-users-dialog>', () => {
  let globex: string;

  before(async function () {
    // The first API request of this file makes its database, which can take a while on a small machine.
    this.timeout(30_000);
    globex = accountOf(await api.signIn('owner@globex.test'), 'Globex');
  });

  it('checks each pasted address on its own line, in words and not only colour', async () => {
    const element = await opened(undefined, globex);
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(true);
    expect(element.hasAttribute('open')).to.equal(true);
    const textarea = $<HTMLTextAreaElement>(element, 'textarea');
    expect(deepActiveElement()).to.equal(textarea);
    expect(stepHeading(element)).to.equal('Step 1 of 5: Email addresses');
    expect($(element, '[aria-current="step"]').textContent).to.contain('Email addresses');

    paste('ada@example.test; not-an-email\nADA@example.test,  bob@example.test');
    await element.updateComplete;
    expect(entryLines(element)).to.deep.equal([
      ['ada@example.test', 'Valid'],
      ['not-an-email', 'Not a valid email address'],
      ['ADA@example.test', 'Listed twice: invited once'],
      ['bob@example.test', 'Valid'],
    ]);
    const invalid = $$(element, '.entry')[1]!;
    expect(invalid.classList.contains('entry-invalid')).to.equal(true);
    expect(invalid.querySelector('.icon')!.textContent).to.equal('✕');
    expect(text($(element, '#emails-count'))).to.equal('Valid: 2 · Invalid: 1 · Listed twice: 1');
    expect(textarea.getAttribute('aria-describedby')).to.contain('emails-count');
    // The note agrees with the tags: invalid addresses are left out, a repeated one is invited once.
    expect(text($(element, '.skipped-note'))).to.equal(
      'Invalid addresses are left out: correct them, or go on without them. An address listed twice is invited once.',
    );

    // Only a repeat: nothing is left out, so the note says only that.
    $<HTMLTextAreaElement>(element, 'textarea').select();
    paste('ada@example.test ADA@example.test');
    await element.updateComplete;
    expect(text($(element, '.skipped-note'))).to.equal('An address listed twice is invited once.');
    await expect(element).to.be.accessible();
  });

  it('explains why Next cannot go on: no valid address, or more than 50; focus goes to the explanation, in view', async () => {
    const element = await opened(undefined, globex);
    const textarea = $<HTMLTextAreaElement>(element, 'textarea');
    const next = $<HTMLButtonElement>(element, 'button.next');
    next.click();
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Email addresses');
    expect(text($(element, '#emails-error'))).to.equal('Enter at least one email address.');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('emails-error');
    await waitUntil(() => deepActiveElement() === $(element, '#emails-error'), 'focus did not move to the message');

    textarea.focus();
    paste(Array.from({ length: 51 }, (_, i) => `person${i}@example.test`).join('\n'));
    await element.updateComplete;
    expect(text($(element, '#emails-error'))).to.equal('You can invite up to 50 people at a time. Remove 1 of them.');
    // Next is at the end of the long list, the message above it: pressing Next brings the message to focus and into view.
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    expect(dialog.scrollHeight).to.be.greaterThan(dialog.clientHeight);
    next.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Email addresses');
    const error = $(element, '#emails-error');
    await waitUntil(() => deepActiveElement() === error, 'focus stayed on Next');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(next.getAttribute('aria-describedby')).to.equal('emails-error');
    const [box, shown] = [dialog.getBoundingClientRect(), error.getBoundingClientRect()];
    expect(shown.top).to.be.at.least(box.top);
    expect(shown.bottom).to.be.at.most(box.bottom);
    await expect(element).to.be.accessible();
  });

  it('moves focus to the message when the server cannot check the addresses', async () => {
    const element = await opened(undefined, globex);
    paste(fresh('jon'));
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/invitations/check') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    try {
      const next = $<HTMLButtonElement>(element, 'button.next');
      next.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadowOf(element).querySelector('#request-error'), 'no message', { timeout: 5000 });
      const error = $(element, '#request-error');
      await waitUntil(() => deepActiveElement() === error, 'focus stayed on Next');
      expect(text(error)).to.equal('The server could not be reached. Check your connection and try again.');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(next.getAttribute('aria-describedby')).to.equal('request-error');
      expect(stepHeading(element)).to.contain('Email addresses');
    } finally {
      window.fetch = realFetch;
    }
  });

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

  it('invites with the keyboard only: emails, names, a group found by search, overview and the server\'s summary', async function () {
    this.timeout(30_000);
    const ada = fresh('ada');
    const bob = fresh('bob');
    const element = await opened(undefined, globex);
    const invited = oneEvent(element, 'users-invited') as Promise<UsersInvitedEvent>;

    // Email addresses: three, one of them invalid.
    await sendKeys({ type: `${ada}, not-an-email\n${bob}` });
    await element.updateComplete;
    expect(entryLines(element)).to.deep.equal([
      [ada, 'Valid'],
      ['not-an-email', 'Not a valid email address'],
      [bob, 'Valid'],
    ]);
    await tabTo($(element, 'button.next'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });

    // Names: Enter with a name missing says which and focuses it.
    expect(stepHeading(element)).to.equal('Step 2 of 5: Names');
    expect(text($(element, '.hint'))).to.contain('People who already have an account keep their own name');
    expect(deepActiveElement()).to.equal($(element, '#firstName-0'));
    expect($$(element, 'legend').map(text)).to.deep.equal([ada, bob]);
    await expect(element).to.be.accessible();
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(text($(element, '[role="alert"]'))).to.equal('Names are missing for 2 of 2 new people.');
    expect(deepActiveElement()).to.equal($(element, '#lastName-0'));
    expect($(element, '#lastName-0').getAttribute('aria-describedby')).to.equal('lastName-0-error');
    expect(text($(element, '#lastName-0-error'))).to.equal('Enter a last name.');
    await sendKeys({ type: 'Lovelace' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Bob' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Builder' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // Groups: the search narrows the list; Space ticks the one left.
    expect(stepHeading(element)).to.equal('Step 3 of 5: Groups');
    await waitUntil(() => shadowOf(element).querySelector('#group-search'), 'the groups did not load', { timeout: 5000 });
    await element.updateComplete;
    expect(deepActiveElement()).to.equal($(element, '#group-search'));
    expect($$(element, '.groups .group-name').map(text)).to.deep.equal(['Administrators', 'Engineering', 'Viewers']);
    await expect(element).to.be.accessible();
    await sendKeys({ type: 'engin' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(stepHeading(element), 'Enter in the search box left the step').to.contain('Groups');
    expect($$(element, '.groups .group-name').map(text)).to.deep.equal(['Engineering']);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.groups input[type="checkbox"]'));
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(text($(element, '#groups-chosen'))).to.equal('Chosen: Engineering');
    await tabTo($(element, 'button.next'));
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // Overview: who, which groups, and what is left out.
    expect(stepHeading(element)).to.equal('Step 4 of 5: Overview');
    expect(deepActiveElement()).to.equal($(element, '.step-heading'));
    const rows = $$<HTMLTableRowElement>(element, '.overview tbody tr').map((row) => [...row.cells].map(text));
    expect(rows).to.deep.equal([
      ['Ada Lovelace', ada],
      ['Bob Builder', bob],
    ]);
    expect(text($(element, '.step'))).to.contain('Groups: Engineering');
    expect(text($(element, '.step'))).to.contain('Not invited (invalid or already in the account): not-an-email');
    await expect(element).to.be.accessible();
    await tabTo($(element, 'button.send'));
    await sendKeys({ press: 'Enter' });

    // Summary: the server's results, one line per address entered.
    const event = await invited;
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => stepHeading(element).includes('Summary'), 'the summary did not show');
    expect(deepActiveElement()).to.equal($(element, '.step-heading'));
    const people = await api.fetchUsers(globex, { q: 'new.', limit: '100' });
    const adaUser = people.items.find((user) => user.email === ada)!;
    const bobUser = people.items.find((user) => user.email === bob)!;
    expect(event.detail).to.deep.equal({ accountId: globex, userIds: [adaUser.id, bobUser.id] });
    expect([adaUser.state, adaUser.firstName, adaUser.lastName, adaUser.groups.map((g) => g.name)]).to.deep.equal([
      'invited',
      'Ada',
      'Lovelace',
      ['Engineering'],
    ]);
    expect(bobUser.state).to.equal('invited');

    const lines = resultLines(element);
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(new RegExp(`^✓ Invited ${ada.replace(/[.+]/g, '\\$&')} The link works until `));
    expect(lines[1]).to.equal('✕ Not invited not-an-email Not a valid email address.');
    expect(lines[2]).to.contain(`Invited ${bob}`);
    expect(text($(element, '.step > p'))).to.equal('Invited: 2 · Already in the account: 0 · Not invited: 1');
    const link = $<HTMLInputElement>(element, '.result-invited input.link').value;
    expect(link).to.match(/^http:\/\/localhost:8000\/invite\/[\w-]+\.[\w-]+$/);
    await expect(element).to.be.accessible();

    // Copy link: the clipboard gets the server's link, and the screen says so.
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    const realWriteText = clipboard.writeText;
    clipboard.writeText = async (value: string) => void copied.push(value);
    try {
      await tabTo($(element, 'button.copy'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied.length === 1, 'nothing was copied');
    } finally {
      clipboard.writeText = realWriteText;
    }
    expect(copied).to.deep.equal([link]);
    await element.updateComplete;
    expect(text($(element, '.copy-note'))).to.equal(`The link for ${ada} is copied.`);
    expect($(element, '.copy-note').getAttribute('role')).to.equal('status');

    await tabTo($(element, 'button.close'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !element.open, 'Close did not close');
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
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
      'owner@globex.test Already in the account Already active.',
      'lenny.leonard@globex.test Already in the account Already invited: use Resend invitation in the users list.',
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
      '• Already in the account owner@globex.test Already active.',
      '• Already in the account lenny.leonard@globex.test Already invited: use Resend invitation in the users list.',
    ]);
    expect(lines[2]).to.contain(`✓ Invited ${emma}`);
    expect(lines[3]).to.contain(`✓ Invited ${newcomer}`);
    const emmaInGlobex = (await api.fetchUsers(globex, { q: emma })).items[0]!;
    expect([emmaInGlobex.firstName, emmaInGlobex.lastName, emmaInGlobex.state]).to.deep.equal(['Emma', "O'Brien", 'invited']);
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

  it('closes on Escape, gives focus back, and starts afresh when opened again', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button type="button">Add</button><add-users-dialog api-base=${api.base} account-id=${globex}></add-users-dialog></div>`,
    );
    const opener = wrapper.querySelector('button')!;
    const element = wrapper.querySelector('add-users-dialog')!;
    opener.focus();
    element.show();
    await element.updateComplete;
    paste('someone@example.test');
    await element.updateComplete;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !element.open, 'Escape did not close the dialog');
    expect(document.activeElement).to.equal(opener);

    element.show();
    await element.updateComplete;
    expect($<HTMLTextAreaElement>(element, 'textarea').value).to.equal('');
    expect(shadowOf(element).querySelector('.entry')).to.equal(null);
  });

  it('takes its account from a <roster-provider>', async () => {
    const provider = await fixture(html`<roster-provider api-base=${api.base} account-id=${globex}><add-users-dialog></add-users-dialog></roster-provider>`);
    const element = provider.querySelector('add-users-dialog')!;
    element.show();
    await element.updateComplete;
    paste(fresh('dora'));
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
    for (const input of $$<HTMLInputElement>(element, '.people input')) {
      input.value = 'Dora';
      input.dispatchEvent(new Event('input'));
    }
    $<HTMLButtonElement>(element, 'button.next').click();
    await waitUntil(() => shadowOf(element).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
    expect($$(element, '.groups .group-name').map(text)).to.include('Engineering');
  });
});
