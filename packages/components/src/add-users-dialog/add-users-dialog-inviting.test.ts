import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import type { UsersInvitedEvent } from '../events.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { $, $$, deepActiveElement, entryLines, fresh, openerAsGlobexAdministrator, paste, resultLines, stepHeading, tabTo, text } from './add-users-dialog.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
let globex: string;
const opened = openerAsGlobexAdministrator(api, (id) => (globex = id));

/* Closing and opening again, the account from a provider, and inviting through every step to the summary. */
describe('<add-users-dialog>', () => {
  it('closes on Escape at once when nothing was typed, and gives focus back', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button type="button">Add</button><add-users-dialog api-base=${api.base} account-id=${globex}></add-users-dialog></div>`,
    );
    const opener = wrapper.querySelector('button')!;
    const element = wrapper.querySelector('add-users-dialog')!;
    opener.focus();
    element.show();
    await element.updateComplete;
    // Blanks are nothing to lose: no question.
    await sendKeys({ type: '  ' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !element.open, 'Escape did not close the dialog');
    expect(shadowOf(element).querySelector('.discard-question')).to.equal(null);
    expect(document.activeElement).to.equal(opener);
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
    expect(text($(element, 'button.send'))).to.equal('Send 2 invitations');
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
});
