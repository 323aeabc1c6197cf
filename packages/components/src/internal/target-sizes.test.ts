import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.ts';
import '../account-switcher/account-switcher.ts';
import '../add-users-dialog/add-users-dialog.ts';
import '../edit-user-dialog/edit-user-dialog.ts';
import '../user-details/user-details-dialog.ts';
import '../user-profile/user-profile.ts';
import type { AddUsersDialog } from '../add-users-dialog/add-users-dialog.ts';
import type { EditUserDialog } from '../edit-user-dialog/edit-user-dialog.ts';
import type { UserDetailsDialog } from '../user-details/user-details-dialog.ts';
import { WHOLE_SCREEN_TIMEOUT } from '../test-support/host-pages.ts';
import { shownControlCount, undersizedTargets } from '../test-support/target-sizes.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersSettings } from '../users-settings/users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/*
 * WCAG 2.2 2.5.8: every button, link and field of the main screens, with their menus and popups open,
 * is at least 24 × 24 CSS px, measured in the browser.
 */
describe('target sizes', () => {
  let acme: string;
  let memberId: string;

  before(async function () {
    this.timeout(30_000);
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
    memberId = (await api.fetchUsers(acme, { q: 'member@acme.test' })).items[0]!.id;
  });

  it('the administrators\' screen, with a row\'s menu and the state filter open, and the account switcher', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    const provider = await fixture(
      html`<roster-provider api-base=${api.base}><account-switcher></account-switcher><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector<UsersSettings>('users-settings')!;
    const table = await settingsTable(settings);
    await settled(table);
    await waitUntil(() => dataRows(table)[0]!.querySelector('roster-menu-button'), 'no row actions menu');
    shadowOf(table).querySelector<HTMLDetailsElement>('details.state-filter')!.open = true;
    const menu = dataRows(table)[0]!.querySelector('roster-menu-button')!;
    shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    await waitUntil(() => shadowOf(menu).querySelector('[role="menuitem"]')?.checkVisibility(), 'the menu did not open');
    const switcher = provider.querySelector('account-switcher')!;
    await waitUntil(() => shadowOf(switcher).querySelector('button'), 'no switcher');

    expect(shownControlCount(provider)).to.be.greaterThan(40);
    expect(undersizedTargets(provider)).to.deep.equal([]);
  });

  it('the member view, with its welcome message', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    try {
      await api.signIn('member@acme.test');
      const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme} welcome=${acme}></users-settings>`);
      await waitUntil(() => shadowOf(settings).querySelector('roster-member-view')?.shadowRoot?.querySelector('[part="administrators"]'), 'no member view', {
        timeout: 5000,
      });
      await waitUntil(() => shadowOf(settings).querySelector('roster-account-notice')?.shadowRoot?.querySelector('[part="dismiss-button"]'), 'no welcome');
      expect(shownControlCount(settings)).to.be.greaterThan(0);
      expect(undersizedTargets(settings)).to.deep.equal([]);
    } finally {
      await api.signIn('admin@acme.test');
    }
  });

  it('the profile', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    const profile = await fixture(html`<user-profile api-base=${api.base}></user-profile>`);
    await waitUntil(() => shadowOf(profile).querySelector('form'), 'the profile did not load', { timeout: 5000 });
    expect(shownControlCount(profile)).to.be.greaterThan(5);
    expect(undersizedTargets(profile)).to.deep.equal([]);
  });

  it('the Add users wizard, the edit dialog and the person\'s page', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    const add = await fixture<AddUsersDialog>(html`<add-users-dialog api-base=${api.base} account-id=${acme}></add-users-dialog>`);
    add.show();
    await waitUntil(() => shadowOf(add).querySelector('textarea'), 'the wizard did not open');
    expect(shownControlCount(add)).to.be.greaterThan(2);
    expect(undersizedTargets(add)).to.deep.equal([]);

    const edit = await fixture<EditUserDialog>(html`<edit-user-dialog api-base=${api.base} account-id=${acme}></edit-user-dialog>`);
    edit.show(memberId);
    await waitUntil(() => shadowOf(edit).querySelector('input[type="checkbox"]'), 'the groups did not load', { timeout: 5000 });
    expect(shownControlCount(edit)).to.be.greaterThan(2);
    expect(undersizedTargets(edit)).to.deep.equal([]);

    const details = await fixture<UserDetailsDialog>(html`<user-details-dialog api-base=${api.base} account-id=${acme}></user-details-dialog>`);
    details.show(memberId);
    await waitUntil(() => shadowOf(details).querySelector('user-details')?.shadowRoot?.querySelector('[part="history"][aria-busy="false"]'), 'the page did not load', {
      timeout: 5000,
    });
    expect(shownControlCount(details)).to.be.greaterThan(2);
    expect(undersizedTargets(details)).to.deep.equal([]);
  });
});
