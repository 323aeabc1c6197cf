import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';
import { $, loadedTable } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/* The actions menu of each row (remove, copy link, resend, send new invitation), and where keyboard focus goes when an action changes the rows. */
describe('<users-table>', () => {
  let acme: string;
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));

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

    /** The row of an active person other than the viewer (the first such row). */
    const someoneElse = (table: UsersTable) =>
      dataRows(table).find(
        (row) => menuOf(row) && row.querySelector('.email')!.textContent !== me.user.email && /Active/.test(row.cells[2]!.textContent!),
      )!;

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
      expect(itemsOf(row).map((item) => item.textContent!.trim())).to.deep.equal(['Edit groups', 'Block', 'Remove']);
      expect(deepActiveElement()).to.equal(itemsOf(row)[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(deepActiveElement()).to.equal(itemsOf(row)[1]);
      await sendKeys({ press: 'Escape' });
      expect(isOpen(row)).to.equal(false);
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement()).to.equal(trigger);

      // In the grid ArrowDown moves to the next row's menu button instead of opening the menu.
      await sendKeys({ press: 'ArrowDown' });
      const next = dataRows(table)[dataRows(table).indexOf(row) + 1]!;
      expect(isOpen(row)).to.equal(false);
      expect(deepActiveElement()).to.equal(triggerOf(next));
      await sendKeys({ press: 'ArrowUp' });
      expect(deepActiveElement()).to.equal(trigger);

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => isOpen(row), 'Enter did not open the menu');
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
      const userId = row.dataset.userId!;
      triggerOf(row).click();
      await waitUntil(() => isOpen(row), 'a click did not open the menu');
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      expect(isOpen(row)).to.equal(false);

      triggerOf(row).click();
      await waitUntil(() => isOpen(row), 'a click did not open the menu');
      const request = oneEvent(table, 'remove-user-request');
      itemsOf(row).at(-1)!.click();
      const event = await request;
      expect(event.detail).to.deep.equal({ accountId: acme, userId });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(isOpen(row)).to.equal(false);
      expect(deepActiveElement()).to.equal(triggerOf(row));
    });

    it('offers only Edit groups on the viewer\'s own row, and nothing on removed and declined people', async () => {
      const own = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} states="invited,expired,active,blocked,removed,declined" page-size="100"></users-table>`);
      const rows = dataRows(own);
      const ownRow = rows.find((row) => row.querySelector('.email')!.textContent === me.user.email)!;
      expect(ownRow).to.exist;
      // Nobody blocks or removes themselves; changing one's own groups is guarded by the server.
      expect(itemsOf(ownRow).map((item) => item.textContent!.trim())).to.deep.equal(['Edit groups']);
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
          if (badgeOf(row) === 'Invitation expired') expect(labels).to.deep.equal(['Edit groups', 'Send new invitation', 'Remove']);
          else expect(labels).to.deep.equal(['Edit groups', 'Copy invitation link', 'Resend invitation', 'Remove']);
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
        const userId = row.dataset.userId!;
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
        const userId = row.dataset.userId!;
        expect((await api.fetch(`/accounts/${acme}/users/${userId}/invitation/link`)).status).to.equal(409);

        const event = oneEvent(table, 'invitation-renewed');
        await choose(row, 'Send new invitation');
        const { detail, bubbles, composed } = await event;
        expect(detail).to.deep.equal({ accountId: acme, userId });
        expect(bubbles && composed).to.equal(true);
        await waitUntil(() => badgeOf(rowOf(table, email)) === 'Invited — expires in 7 days', 'the row was not loaded again', { timeout: 5000 });
        expect(itemsOf(rowOf(table, email)).map((item) => item.textContent!.trim())).to.deep.equal([
          'Edit groups',
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
        const userId = row.dataset.userId!;
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
    let viewers: string;

    before(async () => {
      globex = accountOf(await api.signIn('owner@globex.test'), 'Globex');
      const groups = (await (await api.fetch(`/accounts/${globex}/groups`)).json()) as { id: string; name: string }[];
      const response = await api.fetch(`/accounts/${globex}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          invitees: people.map(({ name, email }) => ({ email, firstName: name, lastName: 'Focus' })),
          groupIds: [(viewers = groups.find((g) => g.name === 'Viewers')!.id)],
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

    it('with Removed shown, a removed person\'s row keeps focus (their name) when its actions go', async () => {
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
      expect(deepActive()).to.equal(row.querySelector('[part="name"]'));
      expect(row.querySelector<HTMLElement>('[part="name"]')!.tabIndex).to.equal(0);
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

    it('when a row above goes, focus moves with the person to the row they are now shown in', async () => {
      // Two people of their own (another tag), so the rows above are known.
      const tag2 = `shift${Math.random().toString(36).slice(2, 8)}`;
      const [fay, gus] = ['Fay', 'Gus'].map((name) => ({ name, email: `${name.toLowerCase()}.${tag2}@example.test` }));
      const response = await api.fetch(`/accounts/${globex}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitees: [fay, gus].map(({ name, email }) => ({ email, firstName: name, lastName: 'Shift' })), groupIds: [viewers] }),
      });
      expect(response.status).to.equal(200);
      const { results } = (await response.json()) as { results: { userId: string; email: string }[] };
      for (const result of results) ids.set(result.email, result.userId);
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${globex} q=${tag2}></users-table>`);
      await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no actions menu');
      expect(emails(table)).to.deep.equal([fay!.email, gus!.email]);
      const gusTrigger = triggerIn(rowOf(table, gus!.email));
      gusTrigger.focus();
      await remove(fay!.email);
      await table.refresh();
      await table.updateComplete;
      expect(emails(table)).to.deep.equal([gus!.email]);
      await waitUntil(() => deepActive() === triggerIn(rowOf(table, gus!.email)), 'focus did not follow the person');
      expect(dataRows(table)[0]!.dataset.userId).to.equal(ids.get(gus!.email));
    });
  });
});
