import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me, UserDetails } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './remove-user-dialog.ts';
import type { UserRemovedEvent } from '../events.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails, settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersSettings } from '../users-settings/users-settings.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { RemoveUserDialog } from './remove-user-dialog.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/*
 * These tests remove people: they work in Globex (signed in as its only administrator), and each
 * removal test removes a different Globex person, so the order of the tests does not matter.
 */

const dialogOf = (element: RemoveUserDialog) => shadowOf(element).querySelector('dialog')!;
const cancelButton = (element: RemoveUserDialog) => shadowOf(element).querySelector<HTMLButtonElement>('.cancel')!;
const removeButton = (element: RemoveUserDialog) => shadowOf(element).querySelector<HTMLButtonElement>('.remove')!;
const textOf = (element: RemoveUserDialog) => dialogOf(element).textContent!.replace(/\s+/g, ' ').trim();
const alertOf = (element: RemoveUserDialog) => shadowOf(element).querySelector('[role="alert"]');

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function details(accountId: string, userId: string): Promise<UserDetails> {
  const response = await api.fetch(`/accounts/${accountId}/users/${userId}`);
  if (!response.ok) throw new Error(`GET user failed: ${response.status}`);
  return (await response.json()) as UserDetails;
}

async function loaded(element: RemoveUserDialog) {
  await waitUntil(() => shadowOf(element).querySelector('h2')!.textContent !== 'Remove user?' || alertOf(element), 'the details did not load', {
    timeout: 5000,
  });
}

describe('<remove-user-dialog>', () => {
  let me: Me;
  let globex: string;
  /** Globex people by email → user id. */
  const ids = new Map<string, string>();

  before(async () => {
    me = await api.signIn('owner@globex.test');
    globex = accountOf(me, 'Globex');
    const everyone = await api.fetchUsers(globex, { limit: '100', state: 'invited,expired,active,blocked,removed,declined' });
    for (const user of everyone.items) ids.set(user.email, user.id);
  });

  const idOf = (email: string) => {
    const id = ids.get(email);
    if (!id) throw new Error(`${email} is not in Globex`);
    return id;
  };

  it('shows the groups and permissions from the details, with Cancel focused, and Cancel removes nothing', async () => {
    const userId = idOf('lenny.leonard@globex.test');
    const expected = await details(globex, userId);
    const element = await fixture<RemoveUserDialog>(html`<remove-user-dialog api-base=${api.base} account-id=${globex}></remove-user-dialog>`);
    expect(dialogOf(element).open).to.equal(false);

    element.show(userId);
    await element.updateComplete;
    expect(element.hasAttribute('open')).to.equal(true);
    expect(dialogOf(element).open).to.equal(true);
    expect(deepActiveElement()).to.equal(cancelButton(element));
    // While loading: a status and a disabled Remove.
    expect(textOf(element)).to.contain('Loading…');
    expect(removeButton(element).disabled).to.equal(true);

    await loaded(element);
    const heading = shadowOf(element).querySelector('h2')!;
    expect(heading.textContent).to.equal('Remove Lenny Leonard?');
    expect(dialogOf(element).getAttribute('aria-labelledby')).to.equal(heading.id);
    const text = textOf(element);
    expect(text).to.contain('Globex');
    expect(text).to.contain('lenny.leonard@globex.test');
    expect(text).to.contain('can be invited to Globex again');
    // Lenny never joined: what ends is the invitation, not their access.
    expect(text).to.contain('The invitation of Lenny Leonard (lenny.leonard@globex.test) to Globex is withdrawn: its link stops working.');
    expect(text).not.to.contain('will no longer have access');
    expect(shadowOf(element).querySelector('h3')!.textContent).to.equal('Groups they were invited to');
    const groups = [...shadowOf(element).querySelectorAll('[part="groups"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const labelled = (permissions: { label: string; id: string }[]) => permissions.map((p) => `${p.label} (${p.id})`).join(', ');
    expect(groups).to.deep.equal(expected.groups.map((g) => `${g.name}: ${labelled(g.permissions)}`));
    // The host's label first, the module id only beside it.
    expect(groups).to.deep.equal(['Engineering: Engineering (engineering)']);
    expect(shadowOf(element).querySelector('.all-permissions')).to.equal(null);
    expect(removeButton(element).disabled).to.equal(false);
    expect(deepActiveElement()).to.equal(cancelButton(element));
    await expect(element).to.be.accessible();

    let removed = false;
    element.addEventListener('user-removed', () => (removed = true));
    cancelButton(element).click();
    await element.updateComplete;
    expect(dialogOf(element).open).to.equal(false);
    expect(element.open).to.equal(false);
    expect(removed).to.equal(false);
    expect((await details(globex, userId)).state).to.equal('invited');
  });

  it('closes on Escape', async () => {
    const element = await fixture<RemoveUserDialog>(html`<remove-user-dialog api-base=${api.base} account-id=${globex}></remove-user-dialog>`);
    element.show(idOf('lenny.leonard@globex.test'));
    await element.updateComplete;
    await loaded(element);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !element.open, 'Escape did not close the dialog');
    expect(dialogOf(element).open).to.equal(false);
  });

  it('says why the viewer cannot remove themselves and disables Remove', async () => {
    const element = await fixture<RemoveUserDialog>(
      html`<remove-user-dialog api-base=${api.base} account-id=${globex} user-id=${me.user.id} open></remove-user-dialog>`,
    );
    await loaded(element);
    expect(shadowOf(element).querySelector('[part="reason"]')!.textContent).to.contain('You cannot remove yourself.');
    expect(removeButton(element).disabled).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows a refused removal inside the dialog and stays open', async () => {
    const userId = idOf('karl.carlson@globex.test');
    const element = await fixture<RemoveUserDialog>(html`<remove-user-dialog api-base=${api.base} account-id=${globex} user-id=${userId} open></remove-user-dialog>`);
    await loaded(element);
    expect(removeButton(element).disabled).to.equal(false);

    // Someone else removes Karl meanwhile; this dialog's Remove is then refused by the server.
    const response = await api.fetch(`/accounts/${globex}/users/${userId}`, { method: 'DELETE' });
    expect(response.status).to.equal(200);
    removeButton(element).click();
    await element.updateComplete;
    await waitUntil(() => alertOf(element), 'no error was shown', { timeout: 5000 });
    expect(alertOf(element)!.textContent).to.contain('no longer in the account');
    expect(element.open).to.equal(true);
    expect(dialogOf(element).open).to.equal(true);
    expect(removeButton(element).disabled).to.equal(true);
    expect(cancelButton(element).disabled).to.equal(false);

    // Opened again, the details say why.
    element.close();
    element.show(userId);
    await element.updateComplete;
    await loaded(element);
    expect(alertOf(element)).to.equal(null);
    expect(shadowOf(element).querySelector('[part="reason"]')!.textContent).to.contain('has already been removed from Globex');
  });

  describe('in <users-settings>', () => {
    const tableOf = (settings: UsersSettings) => shadowOf(settings).querySelector('users-table') as UsersTable;
    const dialogIn = (settings: UsersSettings) => shadowOf(settings).querySelector('remove-user-dialog') as RemoveUserDialog;
    const rowOf = (table: UsersTable, email: string) => dataRows(table).find((row) => row.querySelector('.email')!.textContent === email);
    const triggerOf = (table: UsersTable, email: string) => {
      const menu = rowOf(table, email)?.querySelector('roster-menu-button');
      if (!menu) throw new Error(`no actions menu for ${email}`);
      return shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    };
    const menuItems = (trigger: HTMLButtonElement) => [...(trigger.getRootNode() as ShadowRoot).querySelectorAll<HTMLElement>('[role="menuitem"]')];

    async function settings(): Promise<UsersSettings> {
      const element = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${globex}></users-settings>`);
      await settled(await settingsTable(element));
      await waitUntil(() => shadowOf(tableOf(element)).querySelector('roster-menu-button'), 'no row actions');
      return element;
    }

    it('removes a person: the dialog closes, user-removed is fired, the row goes and a message says so', async () => {
      const element = await settings();
      const table = tableOf(element);
      const email = 'frank.grimes@globex.test';
      expect(emails(table)).to.include(email);

      triggerOf(table, email).click();
      const remove = menuItems(triggerOf(table, email)).at(-1);
      expect(remove!.textContent!.trim()).to.equal('Remove');
      remove!.click();
      const dialog = dialogIn(element);
      await waitUntil(() => dialog.open, 'the dialog did not open');
      await loaded(dialog);
      expect(shadowOf(dialog).querySelector('h2')!.textContent).to.equal('Remove Frank Grimes?');
      expect(textOf(dialog)).to.contain('Viewers: Reports (reports)');
      // A member who joined loses access, and the dialog says what they lose.
      expect(textOf(dialog)).to.contain('Frank Grimes (frank.grimes@globex.test) will no longer have access to Globex.');
      expect(shadowOf(dialog).querySelector('h3')!.textContent).to.equal('Groups they will lose');
      expect(textOf(dialog)).to.contain('All permissions they lose: Reports (reports)');

      const removed = oneEvent(element, 'user-removed') as Promise<UserRemovedEvent>;
      removeButton(dialog).click();
      await dialog.updateComplete;
      const event = await removed;
      expect(event.detail).to.deep.equal({ accountId: globex, userId: idOf(email) });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(dialog.open).to.equal(false);
      expect(dialogOf(dialog).open).to.equal(false);

      await waitUntil(() => !emails(table).includes(email), 'the row is still there', { timeout: 5000 });
      await settled(table);
      const toast = shadowOf(element).querySelector('[role="status"]')!;
      expect(toast.textContent!.trim()).to.equal('Frank Grimes was removed from Globex');
      expect((await details(globex, idOf(email))).state).to.equal('removed');
    });

    it('works with the keyboard only, and the viewer\'s own row offers no Remove', async () => {
      const element = await settings();
      const table = tableOf(element);
      const email = 'mindy.simmons@globex.test';
      expect(menuItems(triggerOf(table, 'owner@globex.test')).map((item) => item.textContent!.trim())).to.deep.equal(['Edit groups']);

      const trigger = triggerOf(table, email);
      expect(trigger.getAttribute('aria-label')).to.equal('Actions for Mindy Simmons');
      trigger.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => trigger.getAttribute('aria-expanded') === 'true', 'the menu did not open');
      expect(deepActiveElement()).to.equal(menuItems(trigger)[0]);
      // Remove is the last item (after Edit groups and Block).
      await sendKeys({ press: 'End' });
      expect(deepActiveElement()).to.equal(menuItems(trigger).at(-1));
      await sendKeys({ press: 'Enter' });

      const dialog = dialogIn(element);
      await waitUntil(() => dialog.open, 'the dialog did not open');
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement()).to.equal(cancelButton(dialog));
      await loaded(dialog);
      await waitUntil(() => !removeButton(dialog).disabled, 'Remove stayed disabled');
      await expect(dialog).to.be.accessible();

      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(removeButton(dialog));
      const removed = oneEvent(element, 'user-removed') as Promise<UserRemovedEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await removed).detail.userId).to.equal(idOf(email));
      await waitUntil(() => !emails(table).includes(email), 'the row is still there', { timeout: 5000 });
      expect(shadowOf(element).querySelector('[role="status"]')!.textContent!.trim()).to.equal('Mindy Simmons was removed from Globex');
    });
  });
});
