import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../index.ts';
// A host that loaded the dialogs itself: they open at once (users-settings.lazy.test.ts covers loading on demand).
import '../add-users-dialog/add-users-dialog.ts';
import '../remove-user-dialog/remove-user-dialog.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { AddUsersDialog } from '../add-users-dialog/add-users-dialog.ts';
import type { UserRemovedEvent, UsersInvitedEvent, ViewUserRequestEvent } from '../events.ts';
import type { RemoveUserDialog } from '../remove-user-dialog/remove-user-dialog.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails, settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const tableOf = (settings: UsersSettings) => shadowOf(settings).querySelector('users-table') as UsersTable;

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<users-settings>', () => {
  let acme: string;

  before(async () => {
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
  });

  it('shows the title, the description and the users of the provider\'s account', async () => {
    const expected = await api.fetchUsers(acme);
    const provider = await fixture(
      html`<roster-provider api-base=${api.base} account-id=${acme}><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await settled(await settingsTable(settings));

    const heading = shadowOf(settings).querySelector('h2')!;
    expect(heading.textContent).to.equal('Users');
    expect(shadowOf(settings).querySelector('section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(shadowOf(settings).querySelector('[part="description"]')!.textContent!.trim()).not.to.equal('');
    expect(emails(tableOf(settings))).to.deep.equal(expected.items.map((u) => u.email));
    // Its own button is Add users (once it knows the viewer administers the account); the table's
    // are the sort headers, the people's names (each opens their page) and the pager; rows have an actions menu.
    await waitUntil(() => shadowOf(settings).querySelector('[part="add-button"]'), 'no Add users button');
    expect([...shadowOf(settings).querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal(['Add users']);
    const tableButtons = [...shadowOf(tableOf(settings)).querySelectorAll('button')];
    expect(tableButtons.filter((button) => !button.matches('.sort, [part="name"], [data-page]'))).to.deep.equal([]);
    expect(tableButtons.filter((button) => button.matches('[part="name"]'))).to.have.length(expected.items.length);
    await waitUntil(() => shadowOf(tableOf(settings)).querySelector('roster-menu-button'), 'no row actions menu');
  });

  it('passes its own account-id to the table', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const table = await settingsTable(settings);
    expect(table.accountId).to.equal(acme);
    await settled(table);
    expect(emails(table).length).to.be.greaterThan(0);
  });

  it('offers Add users and the list to administrators only: a member sees the member view, no table and no button', async () => {
    try {
      await api.signIn('member@acme.test');
      const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
      await waitUntil(() => shadowOf(settings).querySelector('roster-member-view'), 'no member view');
      expect(shadowOf(settings).querySelector('users-table, [part="add-button"]')).to.equal(null);
    } finally {
      await api.signIn('admin@acme.test');
    }
  });

  it('is accessible (axe)', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    await settled(await settingsTable(settings));
    await expect(settings).to.be.accessible();
  });

  describe('adding users and answering invitations', () => {
    /*
     * Inviting and resending happen in Globex (signed in as its administrator). Only Acme has expired
     * invitations: Send new invitation renews its last one by name.
     */
    let globex: string;
    const toastText = (settings: UsersSettings) => shadowOf(settings).querySelector('[role="status"]')!.textContent!.trim();
    const rowOf = (table: UsersTable, email: string) => dataRows(table).find((row) => row.querySelector('.email')!.textContent === email);

    async function loadedSettings(accountId: string): Promise<UsersSettings> {
      const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${accountId}></users-settings>`);
      await settled(await settingsTable(settings));
      await waitUntil(() => shadowOf(tableOf(settings)).querySelector('roster-menu-button'), 'no row actions', { timeout: 5000 });
      return settings;
    }

    async function chooseAction(table: UsersTable, email: string, label: string) {
      const menu = rowOf(table, email)?.querySelector('roster-menu-button');
      if (!menu) throw new Error(`no actions menu for ${email}`);
      shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
      const item = [...shadowOf(menu).querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => i.textContent!.trim() === label);
      if (!item) throw new Error(`no "${label}" for ${email}`);
      item.click();
    }

    before(async () => {
      globex = accountOf(await api.signIn('owner@globex.test'), 'Globex');
    });

    /** Add users from the header, through every step, for one new person; ends on the summary. */
    async function inviteOnePerson() {
      const settings = await loadedSettings(globex);
      const table = tableOf(settings);
      const addButton = shadowOf(settings).querySelector<HTMLButtonElement>('[part="add-button"]')!;
      const dialog = shadowOf(settings).querySelector('add-users-dialog') as AddUsersDialog;
      addButton.focus();
      addButton.click();
      await dialog.updateComplete;
      expect(dialog.open).to.equal(true);

      const email = `new.person+${Math.random().toString(36).slice(2, 10)}@example.test`;
      document.execCommand('insertText', false, email);
      const inDialog = <T extends Element = HTMLElement>(selector: string) => shadowOf(dialog).querySelector<T>(selector)!;
      inDialog<HTMLButtonElement>('button.next').click();
      await waitUntil(() => shadowOf(dialog).querySelector('#firstName-0'), 'the names step did not show', { timeout: 5000 });
      for (const [id, value] of [['#firstName-0', 'Nell'], ['#lastName-0', 'Newcomer']]) {
        const input = inDialog<HTMLInputElement>(id!);
        input.value = value!;
        input.dispatchEvent(new Event('input'));
      }
      inDialog<HTMLButtonElement>('button.next').click();
      await waitUntil(() => shadowOf(dialog).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
      inDialog<HTMLInputElement>('.groups input').click();
      inDialog<HTMLButtonElement>('button.next').click();
      await dialog.updateComplete;
      const invited = oneEvent(settings, 'users-invited') as Promise<UsersInvitedEvent>;
      inDialog<HTMLButtonElement>('button.send').click();
      expect((await invited).detail.userIds).to.have.length(1);

      await waitUntil(() => emails(table).includes(email), 'the table was not loaded again', { timeout: 5000 });
      expect(toastText(settings)).to.equal('1 person invited');
      await dialog.updateComplete;
      return { settings, table, dialog, addButton, email, inDialog };
    }

    it('opens Add users from the header; after inviting, the table is loaded again and a message says how many', async () => {
      const { settings, dialog, addButton, inDialog } = await inviteOnePerson();
      inDialog<HTMLButtonElement>('button.close').click();
      await waitUntil(() => !dialog.open, 'the dialog did not close');
      expect(shadowOf(settings).activeElement).to.equal(addButton);
    });

    it('"View user" on the summary closes the dialog, finds the person in the table and focuses their row', async () => {
      const { table, dialog, email, inDialog } = await inviteOnePerson();
      // The viewer had narrowed the table: a state filter without Invited, and one group.
      const groups = (await (await api.fetch(`/accounts/${globex}/groups`)).json()) as { id: string; name: string }[];
      table.states = ['active', 'removed'];
      table.group = groups.find((g) => g.name === 'Engineering')!.id;
      await settled(table);

      const viewed = oneEvent(dialog, 'view-user-request') as Promise<ViewUserRequestEvent>;
      inDialog<HTMLButtonElement>('[part="view-button"]').click();
      const event = await viewed;
      expect(event.email).to.equal(email);
      // Asked for once the dialog has closed (and given focus back), so the table's focus move comes last.
      expect(shadowOf(dialog).querySelector('dialog')!.open).to.equal(false);
      await waitUntil(() => emails(table).length === 1, 'the table did not narrow to the person', { timeout: 5000 });
      expect(emails(table)).to.deep.equal([email]);
      expect(table.q).to.equal(email);
      // The viewer's states stay, with only what an invitation needs added; any group.
      expect(table.states).to.deep.equal(['invited', 'expired', 'active', 'removed']);
      expect(table.group).to.equal('');
      // Focus is on the person's row (its actions button), not back on "Add users".
      const menu = rowOf(table, email)!.querySelector('roster-menu-button')!;
      const trigger = shadowOf(menu).querySelector('button[aria-haspopup="menu"]')!;
      await waitUntil(() => deepActiveElement() === trigger, 'focus did not move to the person\'s row', { timeout: 5000 });
      expect(trigger.getAttribute('aria-label')).to.equal('Actions for Nell Newcomer');
    });

    it('after a removal, keeps focus in the table: the person\'s row when Removed are shown, else the row now in its place', async () => {
      // Three people of this test's own, found by a tag in their addresses.
      const tag = `gone${Math.random().toString(36).slice(2, 8)}`;
      const people = ['Anna', 'Boris', 'Cleo'].map((name) => `${name.toLowerCase()}.${tag}@example.test`);
      const groups = (await (await api.fetch(`/accounts/${globex}/groups`)).json()) as { id: string; name: string }[];
      const response = await api.fetch(`/accounts/${globex}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          invitees: people.map((email) => ({ email, firstName: email.split('.')[0], lastName: 'Gone' })),
          groupIds: [groups.find((g) => g.name === 'Viewers')!.id],
        }),
      });
      expect(response.status).to.equal(200);
      const settings = await loadedSettings(globex);
      const table = tableOf(settings);
      const removeDialog = shadowOf(settings).querySelector('remove-user-dialog') as RemoveUserDialog;

      /** Row ⋯ → Remove → Remove, with the keyboard, as the tester did. */
      async function removeWithKeyboard(email: string) {
        const menu = rowOf(table, email)!.querySelector('roster-menu-button')!;
        shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitem', 'the menu did not open');
        await sendKeys({ press: 'End' });
        expect(deepActiveElement()!.textContent!.trim()).to.equal('Remove');
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => removeDialog.open, 'the dialog did not open');
        const removeButton = shadowOf(removeDialog).querySelector<HTMLButtonElement>('.remove')!;
        await waitUntil(() => !removeButton.disabled, 'Remove stayed disabled', { timeout: 5000 });
        removeButton.focus();
        const removed = oneEvent(settings, 'user-removed') as Promise<UserRemovedEvent>;
        await sendKeys({ press: 'Enter' });
        await removed;
        await waitUntil(() => !removeDialog.open, 'the dialog did not close');
      }

      // Every state shown: the removed person's row stays, now Removed and without actions.
      table.states = ['invited', 'expired', 'active', 'blocked', 'removed', 'declined'];
      table.q = tag;
      await settled(table);
      await waitUntil(() => emails(table).length === 3 && rowOf(table, people[0]!)!.querySelector('roster-menu-button'), 'the rows did not load');
      await removeWithKeyboard(people[0]!);
      const annaRow = () => rowOf(table, people[0]!)!;
      await waitUntil(() => annaRow().querySelector('[part="badge"]')!.textContent === 'Removed', 'the row was not loaded again', { timeout: 5000 });
      await waitUntil(() => deepActiveElement() !== document.body, 'focus fell to the page', { timeout: 5000 });
      expect(deepActiveElement()).to.equal(annaRow().querySelector('[part="name"]'));

      // The default states: the removed person's row goes; the row now in its place (here the one before) takes focus.
      table.states = ['invited', 'expired', 'active', 'blocked'];
      await settled(table);
      await waitUntil(() => emails(table).length === 2, 'the filter did not apply');
      await removeWithKeyboard(people[2]!);
      await waitUntil(() => emails(table).length === 1, 'the row is still there', { timeout: 5000 });
      const boris = shadowOf(rowOf(table, people[1]!)!.querySelector('roster-menu-button')!).querySelector('button[aria-haspopup="menu"]');
      await waitUntil(() => deepActiveElement() === boris, 'focus did not go to the row now in its place', { timeout: 5000 });
      await expect(settings).to.be.accessible();
    });

    it('shows a message after copying a link and after resending', async () => {
      const settings = await loadedSettings(globex);
      const table = tableOf(settings);
      const clipboard = navigator.clipboard;
      const realWriteText = clipboard.writeText;
      clipboard.writeText = async () => undefined;
      try {
        await chooseAction(table, 'lenny.leonard@globex.test', 'Copy invitation link');
        await waitUntil(() => toastText(settings) === 'Invitation link of Lenny Leonard copied', 'no message after copying', { timeout: 5000 });
      } finally {
        clipboard.writeText = realWriteText;
      }
      await chooseAction(table, 'lenny.leonard@globex.test', 'Resend invitation');
      await waitUntil(() => toastText(settings) === 'Invitation sent again to Lenny Leonard', 'no message after resending', { timeout: 5000 });
    });

    it('shows a message after sending a new invitation', async () => {
      await api.signIn('admin@acme.test');
      const settings = await loadedSettings(acme);
      const table = tableOf(settings);
      table.states = ['expired'];
      await settled(table);
      const expired = dataRows(table).map((row) => [row.querySelector('.email')!.textContent!, row.querySelector('.name')!.textContent!]);
      const [email, name] = expired.at(-1)!;
      await chooseAction(table, email!, 'Send new invitation');
      await waitUntil(() => toastText(settings) === `New invitation sent to ${name}`, 'no message after a new invitation', { timeout: 5000 });
    });
  });
});
