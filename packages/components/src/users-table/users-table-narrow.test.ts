import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.ts';
import type { UserActionRequestEvent } from '../events.ts';
import { deepActiveElement } from '../test-support/row-menu.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, settled } from '../test-support/users-table.ts';
import { pageOverflow, WIDTHS } from '../test-support/widths.ts';
import type { UsersTable } from './users-table.ts';
import { $, loadedTable, sortButton } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/** The list of people: each row laid out as a card (a grid) instead of a table row. */
const isList = (table: UsersTable) => getComputedStyle(dataRows(table)[0]!).display === 'grid';
const nameOf = (row: HTMLTableRowElement) => row.querySelector<HTMLButtonElement>('button[part="name"]')!;
const menuTriggerOf = (row: HTMLTableRowElement) => shadowOf(row.querySelector('roster-menu-button')!).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;

async function tableWithMenus(template = html`<users-table api-base=${api.base} account-id=${acme} page-size="25"></users-table>`) {
  const table = await loadedTable(template);
  await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no actions menu');
  return table;
}

/** Whether `inner` lies within `outer` from side to side (to the pixel). */
function within(inner: Element, outer: Element): boolean {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  return a.left >= b.left - 1 && a.right <= b.right + 1;
}

let acme: string;

/* Below 40rem of its own width the table is a list of people: one card each, nothing off to the side. */
describe('<users-table> narrow', () => {
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of WIDTHS) {
    it(`at ${width} px is ${width < 640 ? 'a list of people' : 'a table'}, and the page does not scroll sideways`, async function () {
      this.timeout(20_000);
      await setViewport({ width, height: 800 });
      const table = await tableWithMenus();
      expect(isList(table)).to.equal(width < 640);
      expect(pageOverflow()).to.equal(0);
      if (width >= 640) return;
      // Everything of each person is in view inside the list's box, which does not scroll sideways either.
      const wrap = $(table, '.table-wrap');
      expect(wrap.scrollWidth).to.be.at.most(wrap.clientWidth);
      for (const row of dataRows(table)) {
        const parts = [nameOf(row), row.querySelector('.email')!, row.querySelector('[part="badge"]')!, row.querySelector('.date')!, row.querySelector('roster-menu-button')!];
        for (const part of parts) expect(within(part, wrap), `${part.textContent} of ${row.querySelector('.email')!.textContent}`).to.equal(true);
        // The actions button beside the name, not below the card.
        expect(row.querySelector('roster-menu-button')!.getBoundingClientRect().top).to.be.below(row.querySelector('.email')!.getBoundingClientRect().bottom);
      }
      // The sort buttons are all there, each in view.
      for (const key of ['name', 'email', 'joined', 'lastSignIn']) expect(within(sortButton(table, key), wrap), key).to.equal(true);
    });
  }

  it('follows its own width, not the viewport: a list in a 400 px column of a 1440 px page', async () => {
    await setViewport({ width: 1440, height: 900 });
    const host = await fixture<HTMLElement>(html`<div style="width: 400px"><users-table api-base=${api.base} account-id=${acme}></users-table></div>`);
    const table = host.querySelector('users-table')!;
    await settled(table);
    expect(isList(table)).to.equal(true);
    host.style.width = '1000px';
    await waitUntil(() => !isList(table), 'the list did not become a table in a 1000 px column');
  });

  describe('at 375 px', () => {
    beforeEach(() => setViewport({ width: 375, height: 800 }));

    it('is keyboard-complete: one Tab stop, arrows between people and their controls, the name opens their page, the menu opens', async function () {
      this.timeout(20_000);
      const table = await tableWithMenus();
      expect(isList(table)).to.equal(true);
      const [me, next] = dataRows(table) as [HTMLTableRowElement, HTMLTableRowElement];
      $(table, 'input[type="search"]').focus();
      // The state filter, the group filter, then the list on its first person's name.
      for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(nameOf(me));
      await sendKeys({ press: 'ArrowDown' });
      expect(deepActiveElement()).to.equal(nameOf(next));
      await sendKeys({ press: 'End' });
      expect(deepActiveElement()).to.equal(menuTriggerOf(next));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitem', 'the menu did not open');
      expect(deepActiveElement()!.textContent!.trim()).to.equal('Edit groups');
      await sendKeys({ press: 'Escape' });
      expect(deepActiveElement()).to.equal(menuTriggerOf(next));
      await sendKeys({ press: 'ArrowUp' });
      expect(deepActiveElement()).to.equal(menuTriggerOf(me));
      await sendKeys({ press: 'Home' });
      expect(deepActiveElement()).to.equal(nameOf(me));
      // Up from the first person: the sort buttons, which sort.
      await sendKeys({ press: 'ArrowUp' });
      expect(deepActiveElement()).to.equal(sortButton(table, 'name'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => table.order === 'desc', 'Enter did not sort');
      await settled(table);
      await sendKeys({ press: 'ArrowDown' });
      const first = dataRows(table)[0]!;
      expect(deepActiveElement()).to.equal(nameOf(first));
      const request = oneEvent(table, 'show-user-request') as Promise<UserActionRequestEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await request).detail.userId).to.equal(first.dataset.userId);
    });

    it('is accessible as a list, and stays one grid of rows and cells', async function () {
      // axe over 25 people takes its time on a busy machine.
      this.timeout(30_000);
      const table = await tableWithMenus();
      expect(isList(table)).to.equal(true);
      expect($(table, 'table').getAttribute('role')).to.equal('grid');
      await expect(table).to.be.accessible();
    });
  });
});
