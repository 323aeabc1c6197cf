import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
// Only the screen, as roster.js ships it: the person's page and the dialogs load on first use.
import '../users-settings/users-settings.ts';
import type { BlockUserDialog } from '../block-user-dialog/block-user-dialog.ts';
import type { EditUserDialog } from '../edit-user-dialog/edit-user-dialog.ts';
import type { UserDetailsDialog } from '../user-details/user-details-dialog.ts';
import type { UserDetails } from '../user-details/user-details.ts';
import { badgeOf, deepActiveElement, groupsOf, rowByEmail } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const toastOf = (settings: UsersSettings) => text(shadowOf(settings).querySelector('[part="toast"]'));
const sheetOf = (settings: UsersSettings) => shadowOf(settings).querySelector('user-details-dialog') as UserDetailsDialog;
const pageOf = (settings: UsersSettings) => shadowOf(sheetOf(settings)).querySelector('user-details') as UserDetails | null;
const inPage = (settings: UsersSettings, selector: string) => {
  const page = pageOf(settings);
  return page ? shadowOf(page).querySelector<HTMLElement>(selector) : null;
};
const actionButton = (settings: UsersSettings, label: string) => {
  const page = pageOf(settings);
  return page ? [...shadowOf(page).querySelectorAll<HTMLButtonElement>('[part~="action-button"]')].find((b) => text(b) === label) : undefined;
};

describe('<users-settings> opens a person’s page from their name in the table', () => {
  let acme: string;
  let viewerName: string;
  let everyone: UserListItem[];

  before(async function () {
    this.timeout(30_000);
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    viewerName = `${me.user.firstName} ${me.user.lastName}`;
    everyone = (await api.fetchUsers(acme, { state: 'active', limit: '100' })).items.filter(
      (u) => u.id !== me.user.id && !u.groups.some((g) => g.name === 'Administrators'),
    );
  });

  async function screenFor(user: UserListItem) {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const table = await settingsTable(settings);
    table.states = ['active', 'blocked'];
    table.q = user.email;
    await settled(table);
    await waitUntil(() => rowByEmail(table, user.email), `${user.email} is not shown`, { timeout: 5000 });
    return { settings, table, row: () => rowByEmail(table, user.email)! };
  }

  /** Their name in the table, by keyboard: it asks for the person's page (`show-user-request`). */
  async function openPage(settings: UsersSettings, table: UsersTable, user: UserListItem) {
    const trigger = rowByEmail(table, user.email)!.querySelector<HTMLButtonElement>('[part="name"]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sheetOf(settings).open && inPage(settings, '[part="name"]'), 'the person’s page did not open', { timeout: 5000 });
    await waitUntil(() => inPage(settings, '[part="history"]')?.getAttribute('aria-busy') === 'false', 'the history did not load', { timeout: 5000 });
    return trigger;
  }

  it('opens the page in a dialog (loaded on first use), axe clean; Escape closes it and gives focus back', async () => {
    const user = everyone[0]!;
    const { settings, table } = await screenFor(user);
    expect(customElements.get('user-details')).to.equal(undefined, 'user-details.js loaded before it was needed');
    const trigger = await openPage(settings, table, user);
    expect(text(inPage(settings, '[part="name"]'))).to.equal(`${user.firstName} ${user.lastName}`);
    expect(text(inPage(settings, '[part="user-id"]'))).to.equal(user.id);
    const dialog = shadowOf(sheetOf(settings)).querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(deepActiveElement()).to.equal(shadowOf(sheetOf(settings)).querySelector('[part="close-button"]'));
    await expect(sheetOf(settings)).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !sheetOf(settings).open, 'Escape did not close the page');
    expect(deepActiveElement()).to.equal(trigger);
  });

  it('edits groups from the page by keyboard: the dialog opens above it, and after saving the page and the row both show the change', async () => {
    const user = everyone.find((u) => u.groups.length === 1 && u.groups[0]!.name === 'Sales')!;
    const { settings, table, row } = await screenFor(user);
    await openPage(settings, table, user);
    expect(text(inPage(settings, '[part="history"] p.muted'))).to.equal('Nothing has been recorded for this person yet.');

    actionButton(settings, 'Edit groups')!.focus();
    await sendKeys({ press: 'Enter' });
    const edit = shadowOf(settings).querySelector('edit-user-dialog') as EditUserDialog;
    await waitUntil(() => edit.open && shadowOf(edit).querySelectorAll('input[type="checkbox"]').length > 0, 'the edit dialog did not open', { timeout: 5000 });
    expect(sheetOf(settings).open, 'the page stays open under the dialog').to.equal(true);
    await waitUntil(() => deepActiveElement()?.matches('input[type="search"]'), 'focus is not in the search field');
    await sendKeys({ type: 'tickets' });
    await waitUntil(() => shadowOf(edit).querySelectorAll('input[type="checkbox"]').length === 1, 'the search did not narrow the groups');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActiveElement())).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !edit.open, 'the edit dialog did not close', { timeout: 5000 });

    const groupNames = () => [...(pageOf(settings) ? shadowOf(pageOf(settings)!).querySelectorAll('[part="groups"] .group-name') : [])].map(text);
    await waitUntil(() => groupNames().join() === 'Sales,Support', `the page still shows ${groupNames().join()}`, { timeout: 5000 });
    await waitUntil(() => text(inPage(settings, '[part="history-event"] .event-line')) === `Groups changed by ${viewerName}`, 'the history did not show the change', {
      timeout: 5000,
    });
    await waitUntil(() => groupsOf(row()) === '2 groups: Sales, Support', `the row still shows ${groupsOf(row())}`, { timeout: 5000 });
    expect(toastOf(settings)).to.equal(`Groups of ${user.firstName} ${user.lastName} saved`);
    // Focus went back to Edit groups on the page, where it was.
    expect(deepActiveElement()).to.equal(actionButton(settings, 'Edit groups'));
  });

  it('blocks from the page: Block becomes Unblock in place, with focus on it, and the row shows Blocked', async () => {
    const user = everyone[1]!;
    const { settings, table, row } = await screenFor(user);
    await openPage(settings, table, user);
    actionButton(settings, 'Block')!.focus();
    await sendKeys({ press: 'Enter' });
    const block = shadowOf(settings).querySelector('block-user-dialog') as BlockUserDialog;
    await waitUntil(() => block.open && shadowOf(block).querySelector('[part="consequence"]'), 'the block dialog did not open', { timeout: 5000 });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(inPage(settings, '[part="badge"]')) === 'Blocked', 'the page did not show Blocked', { timeout: 5000 });
    await waitUntil(() => badgeOf(row()) === 'Blocked', 'the row did not show Blocked', { timeout: 5000 });
    expect(deepActiveElement()).to.equal(actionButton(settings, 'Unblock'));
    expect(toastOf(settings)).to.equal(`${user.firstName} ${user.lastName} was blocked in Acme Corp`);
    await expect(sheetOf(settings)).to.be.accessible();
  });
});
