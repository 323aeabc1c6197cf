import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.ts';
import { accountOf, emails, fetchUsers, settled, shadowOf, signIn } from '../internal/testing.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

const tableOf = (settings: UsersSettings) => shadowOf(settings).querySelector('users-table') as UsersTable;

describe('<users-settings>', () => {
  let acme: string;

  before(async () => {
    acme = accountOf(await signIn('admin@acme.test'), 'Acme Corp');
  });

  it('shows the title, the description and the users of the provider\'s account', async () => {
    const expected = await fetchUsers(acme);
    const provider = await fixture(
      html`<roster-provider api-base="/api" account-id=${acme}><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await settings.updateComplete;
    await settled(tableOf(settings));

    const heading = shadowOf(settings).querySelector('h2')!;
    expect(heading.textContent).to.equal('Users');
    expect(shadowOf(settings).querySelector('section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(shadowOf(settings).querySelector('[part="description"]')!.textContent!.trim()).not.to.equal('');
    expect(emails(tableOf(settings))).to.deep.equal(expected.items.map((u) => u.email));
    // No Add button yet: the table's buttons are the sort headers and the pager; rows have an actions menu.
    expect(shadowOf(settings).querySelectorAll('button')).to.have.length(0);
    const tableButtons = [...shadowOf(tableOf(settings)).querySelectorAll('button')];
    expect(tableButtons.filter((button) => !button.matches('.sort, [data-page]'))).to.deep.equal([]);
    await waitUntil(() => shadowOf(tableOf(settings)).querySelector('roster-menu-button'), 'no row actions menu');
  });

  it('passes its own account-id to the table', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings account-id=${acme}></users-settings>`);
    const table = tableOf(settings);
    expect(table.accountId).to.equal(acme);
    await settled(table);
    expect(emails(table).length).to.be.greaterThan(0);
  });

  it('is accessible (axe)', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings account-id=${acme}></users-settings>`);
    await settled(tableOf(settings));
    await expect(settings).to.be.accessible();
  });
});
