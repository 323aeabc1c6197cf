import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// Only the screen itself, as roster.js ships it: the dialogs' modules are not loaded yet.
import '../users-settings/users-settings.ts';
import type { AddUsersDialog } from '../add-users-dialog/add-users-dialog.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { RemoveUserDialog } from '../remove-user-dialog/remove-user-dialog.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

describe('<users-settings> loading its dialogs on first use', () => {
  let acme: string;

  before(async () => {
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
  });

  it('fetches and opens the add and remove dialogs when first asked for', async () => {
    expect(customElements.get('add-users-dialog')).to.equal(undefined);
    expect(customElements.get('remove-user-dialog')).to.equal(undefined);
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const table: UsersTable = await settingsTable(settings);
    await settled(table);

    await waitUntil(() => shadowOf(settings).querySelector('[part="add-button"]'), 'no Add users button');
    shadowOf(settings).querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    const addDialog = shadowOf(settings).querySelector('add-users-dialog') as AddUsersDialog;
    await waitUntil(() => addDialog.open, 'the add dialog did not open', { timeout: 5000 });
    // Set before its code arrived, the account still reached it.
    expect(addDialog.accountId).to.equal(acme);
    addDialog.close();

    await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no row actions', { timeout: 5000 });
    // The first menu of someone else than the viewer (whose own menu has no Remove).
    const itemsOf = (menu: Element) => [...shadowOf(menu).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const menu = [...shadowOf(table).querySelectorAll('roster-menu-button')].find((m) => itemsOf(m).some((item) => item.textContent!.trim() === 'Remove'))!;
    shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    const remove = itemsOf(menu).find((item) => item.textContent!.trim() === 'Remove')!;
    remove.click();
    const removeDialog = shadowOf(settings).querySelector('remove-user-dialog') as RemoveUserDialog;
    await waitUntil(() => removeDialog.open, 'the remove dialog did not open', { timeout: 5000 });
    expect(removeDialog.accountId).to.equal(acme);
    removeDialog.close();
  });
});
