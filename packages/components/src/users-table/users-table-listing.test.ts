import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails, isBusy, messageText, rangeText, settled } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';
import { $, choose, headerOf, loadedTable, sortButton } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/* What the table lists and how: loading, columns, formats, search, filters, sorting, paging, and the notes it shows when it cannot list. */
describe('<users-table>', () => {
  let acme: string;
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));

  it('shows skeleton rows and aria-busy while the page loads', async () => {
    const table = await fixture<UsersTable>(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    expect(isBusy(table)).to.equal(true);
    expect(shadowOf(table).querySelectorAll('tbody tr.skeleton').length).to.be.greaterThan(0);
    expect(rangeText(table)).to.equal('Loading users…');

    await settled(table);
    expect(isBusy(table)).to.equal(false);
    expect(shadowOf(table).querySelectorAll('tbody tr.skeleton').length).to.equal(0);
  });

  it('renders the first page from the API with the right columns', async () => {
    const expected = await api.fetchUsers(acme, { limit: '25' });
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);

    const headers = [...shadowOf(table).querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[↑↓↕]/g, '').trim());
    expect(headers).to.deep.equal(['User', 'Email', 'State / Joined', 'Last sign-in', 'Groups', 'Actions']);
    expect(headerOf(table, 'name').getAttribute('aria-sort')).to.equal('ascending');

    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));
    const first = dataRows(table)[0]!;
    const user = expected.items[0]!;
    expect(first.querySelector('.name')!.textContent).to.equal(`${user.firstName} ${user.lastName}`);
    expect(first.dataset.userId).to.equal(user.id);
    // The raw id is on the person's page, not under their name.
    expect(first.textContent).to.not.contain(user.id);
    expect(rangeText(table)).to.equal(`1–${expected.items.length} of ${expected.total}`);
    expect(table.getAttribute('states')).to.equal('invited,expired,active,blocked');
  });

  it('formats each state, the last sign-in and the groups', async () => {
    const everyone = await api.fetchUsers(acme, { limit: '100', state: 'invited,expired,active,blocked,removed,declined' });
    const table = await loadedTable(
      html`<users-table api-base=${api.base} account-id=${acme} page-size="100" states="invited,expired,active,blocked,removed,declined"></users-table>`,
    );
    const rowOf = (user: UserListItem) => dataRows(table).find((row) => row.querySelector('.email')!.textContent === user.email)!;
    const some = (predicate: (u: UserListItem) => boolean) => {
      const user = everyone.items.find(predicate);
      if (!user) throw new Error('the demo data lacks a user for this check');
      return rowOf(user);
    };

    expect(some((u) => u.state === 'invited').textContent).to.match(/Invited — expires in \d+ days?/);
    expect(some((u) => u.state === 'expired').textContent).to.contain('Invitation expired');
    expect(some((u) => u.state === 'blocked').textContent).to.contain('Blocked');
    expect(some((u) => u.state === 'removed').textContent).to.contain('Removed');
    expect(some((u) => u.state === 'declined').textContent).to.contain('Declined');

    const active = everyone.items.find((u) => u.state === 'active' && u.joinedAt && u.lastSignInAt)!;
    const expectedJoined = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(active.joinedAt!));
    const expectedSignIn = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(active.lastSignInAt!),
    );
    expect(rowOf(active).textContent).to.contain(`Joined ${expectedJoined}`);
    expect(rowOf(active).textContent).to.contain(expectedSignIn);
    expect(some((u) => u.lastSignInAt === null).textContent).to.contain('Never');

    const single = everyone.items.find((u) => u.groups.length === 1)!;
    expect(rowOf(single).cells[4]!.textContent!.trim()).to.equal(single.groups[0]!.name);

    const several = everyone.items.find((u) => u.groups.length > 1)!;
    const summary = rowOf(several).querySelector<HTMLElement>('.group-count')!;
    // A control of the grid: focusable, but only the grid's one Tab stop is in the Tab order.
    expect(summary.tabIndex).to.equal(-1);
    expect(summary.textContent).to.contain(`${several.groups.length} groups`);
    for (const group of several.groups) expect(summary.textContent).to.contain(group.name);
  });

  it('shows the group names in a tooltip on keyboard focus', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} page-size="100"></users-table>`);
    const summary = $(table, '.group-count');
    const tooltip = $(table, '.tooltip');
    expect(tooltip.hidden).to.equal(true);

    summary.focus();
    expect(tooltip.hidden).to.equal(false);
    expect(tooltip.textContent).to.equal(summary.dataset.names);

    await sendKeys({ press: 'Escape' });
    expect(tooltip.hidden).to.equal(true);
  });

  it('searches after a pause in typing, with one request', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    const before = rangeText(table);
    const term = (await api.fetchUsers(acme, { sort: 'email' })).items[2]!.lastName.toLowerCase();
    const expected = await api.fetchUsers(acme, { q: term });
    expect(expected.total).to.be.greaterThan(0);

    const requests: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      requests.push(String(input));
      return realFetch(input, init);
    };
    try {
      $(table, 'input[type="search"]').focus();
      await sendKeys({ type: term });
      await table.updateComplete;
      // Still typing as far as the table knows: nothing requested yet.
      expect(requests.filter((url) => url.includes('/users'))).to.deep.equal([]);
      expect(isBusy(table)).to.equal(false);

      await waitUntil(() => rangeText(table) !== before && !isBusy(table), 'the search did not run', { timeout: 3000 });
    } finally {
      window.fetch = realFetch;
    }
    const searches = requests.filter((url) => url.includes('/users'));
    expect(searches).to.have.length(1);
    expect(new URL(searches[0]!, location.href).searchParams.get('q')).to.equal(term);
    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));
    expect(rangeText(table)).to.equal(`1–${expected.items.length} of ${expected.total}`);
    expect(table.getAttribute('q')).to.equal(term);
  });

  it('shows a capped total with a plus: the BFF stops counting large searches (totalCapped)', async () => {
    const expected = await api.fetchUsers(acme, { limit: '25' });
    const realFetch = window.fetch;
    // The demo account is far below the cap: the real answer, with the flag a large account would carry.
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!String(input).includes('/users?')) return response;
      const page = (await response.json()) as object;
      return new Response(JSON.stringify({ ...page, totalCapped: true }), { status: response.status, headers: response.headers });
    };
    try {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
      expect(rangeText(table)).to.equal(`1–${expected.items.length} of ${expected.total}+`);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows "No users match" when nothing matches', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} q="zz-nobody-is-called-this"></users-table>`);
    expect(dataRows(table)).to.have.length(0);
    expect($(table, '[part="empty"]').textContent).to.contain('No users match');
    await expect(table).to.be.accessible();
  });

  it('filters by state with the checkbox list', async () => {
    const expected = await api.fetchUsers(acme, { state: 'removed' });
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    const details = $<HTMLDetailsElement>(table, 'details.state-filter');
    $(table, 'summary').click();
    await table.updateComplete;
    expect(details.open).to.equal(true);

    const box = (state: string) => $<HTMLInputElement>(table, `input[type="checkbox"][value="${state}"]`);
    box('removed').click();
    const changed = oneEvent(table, 'users-table-state-change');
    for (const state of ['invited', 'expired', 'active']) box(state).click();
    expect(box('blocked').disabled).to.equal(false);
    box('blocked').click();
    const { detail } = await changed;
    expect(detail.states).to.include('removed');
    // The last state left cannot be unticked.
    expect(box('removed').disabled).to.equal(true);

    await settled(table);
    await waitUntil(() => rangeText(table) === `1–${expected.items.length} of ${expected.total}`, 'the filter did not apply');
    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));
    for (const row of dataRows(table)) expect(row.querySelector('[part="badge"]')!.textContent).to.equal('Removed');
    expect(table.getAttribute('states')).to.equal('removed');

    box('active').focus();
    await sendKeys({ press: 'Escape' });
    expect(details.open).to.equal(false);
    expect(shadowOf(table).activeElement).to.equal($(table, 'summary'));
  });

  it('filters by group', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    const select = $<HTMLSelectElement>(table, 'select[part="group-filter"]');
    await waitUntil(() => select.options.length > 1, 'the groups did not load');
    const finance = [...select.options].find((o) => o.textContent === 'Finance')!;
    const expected = await api.fetchUsers(acme, { group: finance.value });

    await choose(select, finance.value);
    await settled(table);
    expect(table.getAttribute('group')).to.equal(finance.value);
    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));
    expect(expected.total).to.be.lessThan((await api.fetchUsers(acme)).total);
    for (const row of dataRows(table)) expect(row.cells[4]!.textContent).to.contain('Finance');
  });

  it('sorts by a column header and toggles the direction', async () => {
    const ascending = await api.fetchUsers(acme, { sort: 'email', order: 'asc' });
    const descending = await api.fetchUsers(acme, { sort: 'email', order: 'desc' });
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);

    const changed = oneEvent(table, 'users-table-state-change');
    sortButton(table, 'email').click();
    expect((await changed).detail).to.include({ sort: 'email', order: 'asc' });
    await settled(table);
    expect(headerOf(table, 'email').getAttribute('aria-sort')).to.equal('ascending');
    expect(headerOf(table, 'name').hasAttribute('aria-sort')).to.equal(false);
    expect(emails(table)).to.deep.equal(ascending.items.map((u) => u.email));

    sortButton(table, 'email').click();
    await settled(table);
    expect(headerOf(table, 'email').getAttribute('aria-sort')).to.equal('descending');
    expect(emails(table)).to.deep.equal(descending.items.map((u) => u.email));
    expect(emails(table)).not.to.deep.equal(ascending.items.map((u) => u.email));
    expect([table.getAttribute('sort'), table.getAttribute('order')]).to.deep.equal(['email', 'desc']);
  });

  it('pages forwards and back with keyset cursors', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    await choose($<HTMLSelectElement>(table, 'select[part="page-size"]'), '10');
    await settled(table);
    const total = (await api.fetchUsers(acme)).total;
    const firstPage = emails(table);
    expect(firstPage).to.have.length(10);
    expect(table.getAttribute('page-size')).to.equal('10');
    expect(rangeText(table)).to.equal(`1–10 of ${total}`);
    const previous = $(table, '[data-page="previous"]');
    const next = $(table, '[data-page="next"]');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');

    next.click();
    await settled(table);
    const secondPage = emails(table);
    expect(secondPage).to.have.length(10);
    expect(secondPage.filter((email) => firstPage.includes(email))).to.deep.equal([]);
    expect(rangeText(table)).to.equal(`11–20 of ${total}`);

    next.click();
    await settled(table);
    expect(rangeText(table)).to.equal(`21–30 of ${total}`);

    previous.click();
    await settled(table);
    expect(emails(table)).to.deep.equal(secondPage);
    previous.click();
    await settled(table);
    expect(emails(table)).to.deep.equal(firstPage);
    expect(rangeText(table)).to.equal(`1–10 of ${total}`);
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
  });

  it('starts from the state in its attributes', async () => {
    const expected = await api.fetchUsers(acme, { sort: 'lastSignIn', order: 'desc', limit: '10' });
    const table = await loadedTable(
      html`<users-table api-base=${api.base} account-id=${acme} sort="lastSignIn" order="desc" page-size="10"></users-table>`,
    );
    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));
    expect(headerOf(table, 'lastSignIn').getAttribute('aria-sort')).to.equal('descending');
    expect($<HTMLSelectElement>(table, 'select[part="page-size"]').value).to.equal('10');
  });

  it('is operable with the keyboard: into the grid, up to a sort header, Enter and Space sort', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    const search = $<HTMLInputElement>(table, 'input[type="search"]');
    search.focus();
    const nameButton = sortButton(table, 'name');
    // The state filter, the group filter, the grid (its first person's name), then up to the header.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(shadowOf(table).activeElement).to.equal(dataRows(table)[0]!.querySelector('.name'));
    await sendKeys({ press: 'ArrowUp' });
    expect(shadowOf(table).activeElement).to.equal(nameButton);

    await sendKeys({ press: 'Enter' });
    await settled(table);
    expect(headerOf(table, 'name').getAttribute('aria-sort')).to.equal('descending');

    await sendKeys({ press: 'ArrowRight' });
    expect(shadowOf(table).activeElement).to.equal(sortButton(table, 'email'));
    await sendKeys({ press: 'Space' });
    await settled(table);
    expect(headerOf(table, 'email').getAttribute('aria-sort')).to.equal('ascending');

    // Enter in the search box searches at once.
    search.focus();
    await sendKeys({ type: 'morgan' });
    await sendKeys({ press: 'Enter' });
    expect(table.q).to.equal('morgan');
    await settled(table);
    expect(emails(table)).to.include('admin@acme.test');
  });

  describe('when the list cannot be shown', () => {
    it('says that administrator rights are needed (403), as a neutral note rather than an error', async () => {
      const memberAcme = accountOf(await api.signIn('member@acme.test'), 'Acme Corp');
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${memberAcme}></users-table>`);
      expect(messageText(table)).to.equal('You need administrator rights to manage users.');
      const message = $(table, '[part="message"]');
      expect(message.getAttribute('role')).to.equal('status');
      expect(message.classList.contains('error')).to.equal(false);
      // Not the danger colour (#cf222e) of errors: the plain border.
      expect(getComputedStyle(message).borderTopColor).to.equal('rgb(209, 217, 224)');
      expect(shadowOf(table).querySelector('button')).to.equal(null);
      expect(shadowOf(table).querySelector('table')).to.equal(null);
      await expect(table).to.be.accessible();
    });

    it('shows a failed load as an error: red, an alert, with Try again', async () => {
      await api.signIn('admin@acme.test');
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        String(input instanceof Request ? input.url : input).includes('/users?') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
      try {
        const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
        expect(messageText(table)).to.contain('The server could not be reached.');
        const message = $(table, '[part="message"]');
        expect(message.getAttribute('role')).to.equal('alert');
        expect(message.classList.contains('error')).to.equal(true);
        expect(getComputedStyle(message).borderTopColor).to.equal('rgb(207, 34, 46)');
        expect(message.querySelector('button')!.textContent!.trim()).to.equal('Try again');
      } finally {
        window.fetch = realFetch;
      }
    });

    it('says the account was not found (404)', async () => {
      await api.signIn('admin@acme.test');
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id="00000000-0000-4000-8000-000000000000"></users-table>`);
      expect(messageText(table)).to.equal('This account was not found, or you are not a member of it.');
    });

    it('asks to sign in (401)', async () => {
      await api.signOut();
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
      expect(messageText(table)).to.equal('Please sign in to manage users.');
    });

    it('says when no account is selected', async () => {
      const table = await fixture<UsersTable>(html`<users-table api-base=${api.base}></users-table>`);
      expect(messageText(table)).to.equal('No account is selected.');
    });
  });
});
