import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MembershipState, UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
// Only the screen, as roster.js ships it: the edit and block dialogs load on first use.
import '../users-settings/users-settings.ts';
import type { BlockUserDialog } from '../block-user-dialog/block-user-dialog.ts';
import type { EditUserDialog } from '../edit-user-dialog/edit-user-dialog.ts';
import { badgeOf, chooseWithKeyboard, deepActiveElement, groupsOf, menuLabels, rowByEmail } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const toastOf = (settings: UsersSettings) => shadowOf(settings).querySelector('[part="toast"]')?.textContent?.trim() ?? '';

describe('<users-settings> Edit groups, Block and Unblock from the row menu', () => {
  let acme: string;
  let viewerEmail: string;
  let everyone: UserListItem[];

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    viewerEmail = me.user.email;
    everyone = (await api.fetchUsers(acme, { state: 'invited,expired,active,blocked,removed,declined', limit: '100' })).items;
  });

  const someone = (state: MembershipState, index = 0) =>
    everyone.filter((u) => u.state === state && u.email !== viewerEmail && !u.groups.some((g) => g.name === 'Administrators'))[index]!;

  async function screenFor(user: UserListItem, states: MembershipState[] = [user.state]) {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const table = await settingsTable(settings);
    table.states = states;
    table.q = user.email;
    await settled(table);
    await waitUntil(() => rowByEmail(table, user.email), `${user.email} is not shown`, { timeout: 5000 });
    // The viewer is known once the menus appear (or the row is one that gets none).
    await waitUntil(() => !['removed', 'declined'].includes(user.state) ? rowByEmail(table, user.email)!.querySelector('roster-menu-button') : true, 'no menu');
    return { settings, table, row: () => rowByEmail(table, user.email)! };
  }

  it('offers only what applies: yourself, Active, Blocked, Invited, expired, Removed and Declined people', async () => {
    const viewer = everyone.find((u) => u.email === viewerEmail)!;
    const expected: [UserListItem, string[]][] = [
      [viewer, ['Edit groups']],
      [someone('active'), ['Edit groups', 'Block', 'Remove']],
      [someone('blocked'), ['Edit groups', 'Unblock', 'Remove']],
      [someone('invited'), ['Edit groups', 'Copy invitation link', 'Resend invitation', 'Remove']],
      [someone('expired'), ['Edit groups', 'Send new invitation', 'Remove']],
      [someone('removed'), []],
      [someone('declined'), []],
    ];
    for (const [user, labels] of expected) {
      const { row } = await screenFor(user);
      expect(menuLabels(row()), `${user.state} ${user.email}`).to.deep.equal(labels);
    }
  });

  it('edits groups with the keyboard only: the dialog loads on first use, saves, the row shows the new groups and a message says so', async () => {
    const user = everyone.find((u) => u.state === 'active' && u.groups.length === 1 && u.groups[0]!.name === 'Sales')!;
    const { settings, table, row } = await screenFor(user);
    expect(groupsOf(row())).to.equal('Sales');
    await chooseWithKeyboard(row(), 'Edit groups');
    const dialog = shadowOf(settings).querySelector('edit-user-dialog') as EditUserDialog;
    await waitUntil(() => dialog.open && shadowOf(dialog).querySelectorAll('input[type="checkbox"]').length > 0, 'the edit dialog did not open', { timeout: 5000 });
    await expect(dialog).to.be.accessible();
    await waitUntil(() => deepActiveElement()?.matches('input[type="search"]'), 'focus is not in the search field');
    // "support" would also find Administrators (it grants Support desk): the description narrows it to one.
    await sendKeys({ type: 'tickets' });
    await waitUntil(() => shadowOf(dialog).querySelectorAll('input[type="checkbox"]').length === 1, 'the search did not narrow the groups');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'the dialog did not close', { timeout: 5000 });
    await waitUntil(() => groupsOf(row()) === '2 groups: Sales, Support', `the row still shows ${groupsOf(row())}`, { timeout: 5000 });
    expect(toastOf(settings)).to.equal(`Groups of ${user.firstName} ${user.lastName} saved`);
    // Focus went back to the row's menu button, where it was.
    expect(deepActiveElement()?.getAttribute('aria-haspopup')).to.equal('menu');
    expect(table.isConnected).to.equal(true);
  });

  it('blocks and then unblocks from the menu with the keyboard: the badge changes and each time a message says so', async () => {
    const user = someone('active', 1);
    const name = `${user.firstName} ${user.lastName}`;
    const { settings, row } = await screenFor(user, ['active', 'blocked']);
    expect(badgeOf(row())).to.equal('Active');

    await chooseWithKeyboard(row(), 'Block');
    const dialog = shadowOf(settings).querySelector('block-user-dialog') as BlockUserDialog;
    await waitUntil(() => dialog.open && shadowOf(dialog).querySelector('[part="consequence"]'), 'the block dialog did not open', { timeout: 5000 });
    expect(shadowOf(dialog).querySelector('[part="consequence"]')!.textContent).to.contain('will have no access to Acme Corp until unblocked');
    await expect(dialog).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => badgeOf(row()) === 'Blocked', 'the badge did not change to Blocked', { timeout: 5000 });
    expect(toastOf(settings)).to.equal(`${name} was blocked in Acme Corp`);
    expect(menuLabels(row())).to.deep.equal(['Edit groups', 'Unblock', 'Remove']);

    await chooseWithKeyboard(row(), 'Unblock');
    await waitUntil(() => dialog.open && shadowOf(dialog).querySelector('h2')!.textContent!.trim() === `Unblock ${name}?`, 'the unblock dialog did not open', {
      timeout: 5000,
    });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => badgeOf(row()) === 'Active', 'the badge did not change back to Active', { timeout: 5000 });
    expect(toastOf(settings)).to.equal(`${name} was unblocked in Acme Corp`);
  });
});
