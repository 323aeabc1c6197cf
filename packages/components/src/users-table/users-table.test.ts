import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me, UserListItem } from '@roster/shared';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails, isBusy, messageText, rangeText, settled } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const $ = <T extends Element = HTMLElement>(table: UsersTable, selector: string) => {
  const element = shadowOf(table).querySelector<T>(selector);
  if (!element) throw new Error(`${selector} not found in <users-table>`);
  return element;
};
const sortButton = (table: UsersTable, key: string) => $<HTMLButtonElement>(table, `button[data-sort="${key}"]`);
const headerOf = (table: UsersTable, key: string) => sortButton(table, key).closest('th')!;

async function loadedTable(template: ReturnType<typeof html>): Promise<UsersTable> {
  const table = await fixture<UsersTable>(template);
  await settled(table);
  return table;
}

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<users-table>', () => {
  let acme: string;

  before(async () => {
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
  });

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
    expect(first.querySelector('.user-id')!.textContent).to.contain(user.id);
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
    expect(summary.tabIndex).to.equal(0);
    expect(summary.textContent).to.contain(`${several.groups.length} groups`);
    for (const group of several.groups) expect(summary.textContent).to.contain(group.name);
  });

  it('shows the group names in a tooltip on keyboard focus', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} page-size="100"></users-table>`);
    const summary = $(table, '.group-count');
    const tooltip = $(table, '.tooltip');
    expect(tooltip.matches(':popover-open')).to.equal(false);

    summary.focus();
    expect(tooltip.matches(':popover-open')).to.equal(true);
    expect(tooltip.textContent).to.equal(summary.dataset.names);

    await sendKeys({ press: 'Escape' });
    expect(tooltip.matches(':popover-open')).to.equal(false);
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

  it('is operable with the keyboard: Tab to a sort header, Enter and Space sort', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    const search = $<HTMLInputElement>(table, 'input[type="search"]');
    search.focus();
    const nameButton = sortButton(table, 'name');
    for (let i = 0; i < 10 && shadowOf(table).activeElement !== nameButton; i++) await sendKeys({ press: 'Tab' });
    expect(shadowOf(table).activeElement).to.equal(nameButton);

    await sendKeys({ press: 'Enter' });
    await settled(table);
    expect(headerOf(table, 'name').getAttribute('aria-sort')).to.equal('descending');

    await sendKeys({ press: 'Tab' });
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

  it('is accessible (axe), with the state filter open too', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
    await expect(table).to.be.accessible();
    $(table, 'summary').click();
    await table.updateComplete;
    await expect(table).to.be.accessible();
  });

  it('follows a dark host page and stays accessible (axe, contrast included)', async () => {
    const root = document.documentElement;
    root.style.colorScheme = 'light dark';
    document.body.style.background = 'Canvas';
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired,active,blocked,removed,declined"></users-table>`);
      expect(getComputedStyle($(table, 'table')).color).to.equal('rgb(230, 237, 243)');
      await expect(table).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      root.style.colorScheme = '';
      document.body.style.background = '';
    }
  });

  it('tells Invited and expired invitations apart: another colour and a dashed outline, AA in light and dark (axe)', async () => {
    const root = document.documentElement;
    const badges = async () => {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired" page-size="100"></users-table>`);
      const all = [...shadowOf(table).querySelectorAll<HTMLElement>('[part="badge"]')];
      const invited = all.find((badge) => badge.textContent!.startsWith('Invited — expires'))!;
      const expired = all.find((badge) => badge.textContent === 'Invitation expired')!;
      expect(invited, 'no Invited badge').to.exist;
      expect(expired, 'no expired badge').to.exist;
      const [a, b] = [getComputedStyle(invited), getComputedStyle(expired)];
      expect(a.color).to.not.equal(b.color);
      expect([a.borderTopStyle, b.borderTopStyle]).to.deep.equal(['solid', 'dashed']);
      await expect(table).to.be.accessible();
      return [a.color, b.color];
    };
    const light = await badges();
    root.style.colorScheme = 'light dark';
    document.body.style.background = 'Canvas';
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const dark = await badges();
      expect(dark).to.not.deep.equal(light);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      root.style.colorScheme = '';
      document.body.style.background = '';
    }
  });

  it('stays light on a light-only page even when the viewer prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
      expect(getComputedStyle($(table, 'table')).color).to.equal('rgb(31, 35, 40)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  describe('row actions', () => {
    let me: Me;

    before(async () => {
      me = await api.signIn('admin@acme.test');
    });

    const menuOf = (row: HTMLTableRowElement) => row.querySelector('roster-menu-button');
    const triggerOf = (row: HTMLTableRowElement) => shadowOf(menuOf(row)!).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    const popupOf = (row: HTMLTableRowElement) => shadowOf(menuOf(row)!).querySelector<HTMLElement>('[role="menu"]')!;
    const itemsOf = (row: HTMLTableRowElement) => [...popupOf(row).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const isOpen = (row: HTMLTableRowElement) => popupOf(row).matches(':popover-open') && triggerOf(row).getAttribute('aria-expanded') === 'true';

    function deepActiveElement(): Element | null {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    }

    async function tableWithMenus(template = html`<users-table api-base=${api.base} account-id=${acme}></users-table>`) {
      const table = await loadedTable(template);
      await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no actions menu');
      return table;
    }

    /** A row of someone else than the viewer (the first row with a menu). */
    const someoneElse = (table: UsersTable) => dataRows(table).find((row) => menuOf(row))!;

    it('opens by keyboard, moves with the arrows and closes with Escape back on the button', async () => {
      const table = await tableWithMenus();
      const row = someoneElse(table);
      const trigger = triggerOf(row);
      const name = row.querySelector('.name')!.textContent;
      expect(trigger.getAttribute('aria-label')).to.equal(`Actions for ${name}`);
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(popupOf(row).getAttribute('aria-label')).to.equal(`Actions for ${name}`);

      trigger.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => isOpen(row), 'Enter did not open the menu');
      expect(itemsOf(row).map((item) => item.textContent!.trim())).to.deep.equal(['Remove']);
      expect(deepActiveElement()).to.equal(itemsOf(row)[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(deepActiveElement()).to.equal(itemsOf(row)[0]);
      await sendKeys({ press: 'Escape' });
      expect(isOpen(row)).to.equal(false);
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement()).to.equal(trigger);

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => isOpen(row), 'ArrowDown did not open the menu');
      await sendKeys({ press: 'Tab' });
      expect(isOpen(row)).to.equal(false);
      expect(deepActiveElement()).to.not.equal(itemsOf(row)[0]);

      trigger.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => isOpen(row), 'Space did not open the menu');
      await sendKeys({ press: 'Escape' });
    });

    it('opens on click, closes on a click outside, and Remove asks to remove', async () => {
      const table = await tableWithMenus();
      const row = someoneElse(table);
      const userId = row.querySelector('.user-id')!.textContent!.replace('User id', '').trim();
      triggerOf(row).click();
      await waitUntil(() => isOpen(row), 'a click did not open the menu');
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      expect(isOpen(row)).to.equal(false);

      triggerOf(row).click();
      await waitUntil(() => isOpen(row), 'a click did not open the menu');
      const request = oneEvent(table, 'remove-user-request');
      itemsOf(row)[0]!.click();
      const event = await request;
      expect(event.detail).to.deep.equal({ accountId: acme, userId });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(isOpen(row)).to.equal(false);
      expect(deepActiveElement()).to.equal(triggerOf(row));
    });

    it('offers nothing on the viewer\'s own row nor on removed and declined people', async () => {
      const own = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired,active,blocked,removed,declined" page-size="100"></users-table>`);
      const rows = dataRows(own);
      const ownRow = rows.find((row) => row.querySelector('.email')!.textContent === me.user.email)!;
      expect(ownRow).to.exist;
      expect(menuOf(ownRow)).to.equal(null);
      const gone = rows.filter((row) => /Removed|Declined/.test(row.cells[2]!.textContent!));
      expect(gone.length).to.be.greaterThan(0);
      for (const row of gone) expect(menuOf(row)).to.equal(null);
      const others = rows.filter((row) => row !== ownRow && !gone.includes(row));
      for (const row of others) expect(menuOf(row)).to.not.equal(null);
    });

    describe('on invitations', () => {
      // Resend keeps Acme's states; each renewal turns one of Acme's four expired people into Invited,
      // so these tests renew two different ones and leave expired people for the other tests of this file.
      const rowOf = (table: UsersTable, email: string) => {
        const row = dataRows(table).find((r) => r.querySelector('.email')!.textContent === email);
        if (!row) throw new Error(`no row for ${email}`);
        return row;
      };
      const itemLabelled = (row: HTMLTableRowElement, label: string) => {
        const item = itemsOf(row).find((i) => i.textContent!.trim() === label);
        if (!item) throw new Error(`no "${label}" in ${itemsOf(row).map((i) => i.textContent!.trim()).join(', ')}`);
        return item;
      };
      const badgeOf = (row: HTMLTableRowElement) => row.querySelector('[part="badge"]')!.textContent!.trim();
      async function choose(row: HTMLTableRowElement, label: string) {
        triggerOf(row).click();
        await waitUntil(() => isOpen(row), 'the menu did not open');
        itemLabelled(row, label).click();
      }
      async function invitationLink(userId: string): Promise<string> {
        const response = await api.fetch(`/accounts/${acme}/users/${userId}/invitation/link`);
        expect(response.status).to.equal(200);
        return ((await response.json()) as { link: string }).link;
      }

      it('offers Copy link and Resend to Invited people and Send new invitation to expired ones, axe clean', async () => {
        const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired" page-size="100"></users-table>`);
        const rows = dataRows(table);
        expect(rows.length).to.be.greaterThan(1);
        for (const row of rows) {
          const labels = itemsOf(row).map((item) => item.textContent!.trim());
          if (badgeOf(row) === 'Invitation expired') expect(labels).to.deep.equal(['Send new invitation', 'Remove']);
          else expect(labels).to.deep.equal(['Copy invitation link', 'Resend invitation', 'Remove']);
        }
        const invited = rows.find((row) => badgeOf(row).startsWith('Invited'))!;
        triggerOf(invited).click();
        await waitUntil(() => isOpen(invited), 'the menu did not open');
        await expect(table).to.be.accessible();
        await sendKeys({ press: 'Escape' });
      });

      it('copies the link the server gives to the clipboard', async () => {
        const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited"></users-table>`);
        const row = dataRows(table)[0]!;
        const userId = row.querySelector('.user-id')!.textContent!.replace('User id', '').trim();
        const expected = await invitationLink(userId);

        const copied: string[] = [];
        const clipboard = navigator.clipboard;
        const realWriteText = clipboard.writeText;
        clipboard.writeText = async (value: string) => void copied.push(value);
        try {
          const event = oneEvent(table, 'invitation-link-copied');
          await choose(row, 'Copy invitation link');
          const { detail, bubbles, composed } = await event;
          expect(detail).to.deep.equal({ accountId: acme, userId });
          expect(bubbles && composed).to.equal(true);
        } finally {
          clipboard.writeText = realWriteText;
        }
        expect(copied).to.deep.equal([expected]);
        expect(shadowOf(table).querySelector('[part="action-error"]')).to.equal(null);
      });

      it('resends: the same link, the expiry reset, the row loaded again with focus kept', async () => {
        const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited"></users-table>`);
        // The invitation closest to its expiry shows the reset best.
        const before = (await api.fetchUsers(acme, { state: 'invited', limit: '100' })).items;
        const soonest = [...before].sort((a, b) => a.expiresAt!.localeCompare(b.expiresAt!))[0]!;
        const linkBefore = await invitationLink(soonest.id);
        const row = rowOf(table, soonest.email);
        expect(badgeOf(row)).to.not.equal('Invited — expires in 7 days');

        const event = oneEvent(table, 'invitation-resent');
        await choose(row, 'Resend invitation');
        expect((await event).detail).to.deep.equal({ accountId: acme, userId: soonest.id });
        await waitUntil(() => badgeOf(rowOf(table, soonest.email)) === 'Invited — expires in 7 days', 'the row was not loaded again', {
          timeout: 5000,
        });
        expect(deepActiveElement()).to.equal(triggerOf(rowOf(table, soonest.email)));
        expect(await invitationLink(soonest.id)).to.equal(linkBefore);
      });

      it('sends a new invitation on an expired row: a new link, and the row becomes Invited', async () => {
        const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired" page-size="100"></users-table>`);
        const row = dataRows(table).find((r) => badgeOf(r) === 'Invitation expired')!;
        const email = row.querySelector('.email')!.textContent!;
        const userId = row.querySelector('.user-id')!.textContent!.replace('User id', '').trim();
        expect((await api.fetch(`/accounts/${acme}/users/${userId}/invitation/link`)).status).to.equal(409);

        const event = oneEvent(table, 'invitation-renewed');
        await choose(row, 'Send new invitation');
        const { detail, bubbles, composed } = await event;
        expect(detail).to.deep.equal({ accountId: acme, userId });
        expect(bubbles && composed).to.equal(true);
        await waitUntil(() => badgeOf(rowOf(table, email)) === 'Invited — expires in 7 days', 'the row was not loaded again', { timeout: 5000 });
        expect(itemsOf(rowOf(table, email)).map((item) => item.textContent!.trim())).to.deep.equal([
          'Copy invitation link',
          'Resend invitation',
          'Remove',
        ]);
        await invitationLink(userId);
      });

      it('says so near the table when the row was out of date, and shows its real state', async () => {
        const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired" page-size="100"></users-table>`);
        const row = dataRows(table).find((r) => badgeOf(r) === 'Invitation expired')!;
        const email = row.querySelector('.email')!.textContent!;
        const name = row.querySelector('.name')!.textContent!;
        const userId = row.querySelector('.user-id')!.textContent!.replace('User id', '').trim();
        // Another administrator sends a new invitation meanwhile.
        expect((await api.fetch(`/accounts/${acme}/users/${userId}/invitation/renew`, { method: 'POST' })).status).to.equal(200);

        let renewed = false;
        table.addEventListener('invitation-renewed', () => (renewed = true));
        await choose(row, 'Send new invitation');
        await waitUntil(() => shadowOf(table).querySelector('[part="action-error"]'), 'no error was shown', { timeout: 5000 });
        const alert = $(table, '[part="action-error"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(alert.textContent).to.equal(`The invitation of ${name} is still valid. Choose Resend invitation instead.`);
        await waitUntil(() => badgeOf(rowOf(table, email)) === 'Invited — expires in 7 days', 'the row was not loaded again', { timeout: 5000 });
        expect(renewed).to.equal(false);
        await expect(table).to.be.accessible();
      });
    });

    it('is accessible with a menu open (axe)', async () => {
      const table = await tableWithMenus();
      const row = someoneElse(table);
      triggerOf(row).click();
      await waitUntil(() => isOpen(row), 'the menu did not open');
      await expect(table).to.be.accessible();
      triggerOf(row).click();
      expect(isOpen(row)).to.equal(false);
    });
  });

  describe('keeps keyboard focus when the rows change under it', () => {
    /*
     * These tests remove people, so they work in Globex (signed in as its only administrator), on
     * people they invite themselves, found by a tag in their addresses that no other test uses.
     */
    let globex: string;
    const tag = `focus${Math.random().toString(36).slice(2, 8)}`;
    const people = ['Aaron', 'Bella', 'Cyrus'].map((name) => ({ name, email: `${name.toLowerCase()}.${tag}@example.test` }));
    const ids = new Map<string, string>();

    before(async () => {
      globex = accountOf(await api.signIn('owner@globex.test'), 'Globex');
      const groups = (await (await api.fetch(`/accounts/${globex}/groups`)).json()) as { id: string; name: string }[];
      const response = await api.fetch(`/accounts/${globex}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          invitees: people.map(({ name, email }) => ({ email, firstName: name, lastName: 'Focus' })),
          groupIds: [groups.find((g) => g.name === 'Viewers')!.id],
        }),
      });
      const { results } = (await response.json()) as { results: { status: string; userId: string; email: string }[] };
      for (const result of results) {
        expect(result.status).to.equal('invited');
        ids.set(result.email, result.userId);
      }
    });

    const deepActive = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
    const rowOf = (table: UsersTable, email: string) => dataRows(table).find((row) => row.querySelector('.email')!.textContent === email)!;
    const triggerIn = (row: HTMLTableRowElement) =>
      shadowOf(row.querySelector('roster-menu-button')!).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    async function remove(email: string) {
      const response = await api.fetch(`/accounts/${globex}/users/${ids.get(email)}`, { method: 'DELETE' });
      expect(response.status).to.equal(200);
    }
    async function tableWithRows(states?: string) {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${globex} q=${tag} states=${states ?? 'invited,expired,active,blocked'}></users-table>`);
      await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no actions menu');
      return table;
    }

    it('with Removed shown, a removed person\'s row keeps focus (its name cell) when its actions go', async () => {
      const table = await tableWithRows('invited,expired,active,blocked,removed,declined');
      const [aaron] = people;
      triggerIn(rowOf(table, aaron!.email)).focus();
      await remove(aaron!.email);
      await table.refresh();
      await table.updateComplete;

      const row = rowOf(table, aaron!.email);
      expect(row.querySelector('[part="badge"]')!.textContent).to.equal('Removed');
      expect(row.querySelector('roster-menu-button')).to.equal(null);
      await waitUntil(() => deepActive() !== document.body, 'focus fell to the page');
      expect(deepActive()).to.equal(row.querySelector('[part="user-cell"]'));
      expect(row.cells[0]!.getAttribute('tabindex')).to.equal('-1');
      await expect(table).to.be.accessible();
    });

    it('when the row leaves the list, the row now in its place (or the table, when none is left) takes focus', async () => {
      const table = await tableWithRows();
      const [, bella, cyrus] = people;
      expect(emails(table)).to.deep.equal([bella!.email, cyrus!.email]);
      // The last row goes: the row before it, now last, takes focus.
      triggerIn(rowOf(table, cyrus!.email)).focus();
      await remove(cyrus!.email);
      await table.refresh();
      await table.updateComplete;
      expect(emails(table)).to.deep.equal([bella!.email]);
      await waitUntil(() => deepActive() !== document.body, 'focus fell to the page');
      expect(deepActive()).to.equal(triggerIn(rowOf(table, bella!.email)));

      // No row is left: the table itself.
      await remove(bella!.email);
      await table.refresh();
      await table.updateComplete;
      expect(dataRows(table)).to.have.length(0);
      await waitUntil(() => deepActive() !== document.body, 'focus fell to the page');
      expect(deepActive()).to.equal($(table, 'table'));
    });
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
