import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Me, UserListItem } from '@roster/shared';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../index.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, settled } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';
import { $, loadedTable, sortButton } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const menuOf = (row: HTMLTableRowElement) => row.querySelector('roster-menu-button');
const triggerOf = (row: HTMLTableRowElement) => shadowOf(menuOf(row)!).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const nameOf = (row: HTMLTableRowElement) => row.querySelector<HTMLButtonElement>('button[part="name"]')!;
const formatDate = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));

async function press(key: string) {
  await sendKeys({ press: key });
}

/** A key pressed with a modifier held (Shift, Control). */
async function chord(modifier: string, key: string) {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/* The table as one ARIA grid, the names that open a person's page, "(you)", the date under the state, and the groups tooltip. */
describe('<users-table>', () => {
  let acme: string;
  let me: Me;
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));
  before(async () => {
    me = await api.signIn('admin@acme.test');
  });

  async function tableWithMenus(template = html`<users-table api-base=${api.base} account-id=${acme}></users-table>`) {
    const table = await loadedTable(template);
    await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'no actions menu');
    return table;
  }

  describe('as one Tab stop with arrow keys (ARIA grid)', () => {
    it('is entered and left with one Tab each: the search to the pager in six', async () => {
      const table = await tableWithMenus();
      expect($(table, 'table').getAttribute('role')).to.equal('grid');
      const first = dataRows(table)[0]!;
      $(table, 'input[type="search"]').focus();
      // The state filter, the group filter, then the grid on its first person's name.
      await press('Tab');
      await press('Tab');
      await press('Tab');
      expect(deepActiveElement()).to.equal(nameOf(first));
      await press('Tab');
      expect(deepActiveElement()).to.equal($(table, 'select[part="page-size"]'));
      await press('Tab');
      await press('Tab');
      expect(deepActiveElement()).to.equal($(table, '[data-page="next"]'));
      // Back in: the grid's one stop, where it was left.
      await chord('Shift', 'Tab');
      await chord('Shift', 'Tab');
      await chord('Shift', 'Tab');
      expect(deepActiveElement()).to.equal(nameOf(first));
      const stops = [...shadowOf(table).querySelectorAll<HTMLElement>('table .sort, table .name, table .group-count, table roster-menu-button')].filter(
        (control) => control.tabIndex === 0,
      );
      expect(stops).to.deep.equal([nameOf(first)]);
    });

    it('moves between rows and controls with the arrows, Home and End; reaches the row menu and the pager in a few keys', async () => {
      const table = await tableWithMenus();
      const rows = dataRows(table);
      nameOf(rows[0]!).focus();
      await press('End');
      expect(deepActiveElement()).to.equal(triggerOf(rows[0]!));
      await press('ArrowDown');
      expect(deepActiveElement()).to.equal(triggerOf(rows[1]!));
      await press('Home');
      expect(deepActiveElement()).to.equal(nameOf(rows[1]!));
      await press('ArrowRight');
      const second = rows[1]!.querySelector('.group-count') ?? menuOf(rows[1]!);
      expect(shadowOf(table).activeElement).to.equal(second);
      await press('ArrowLeft');
      expect(deepActiveElement()).to.equal(nameOf(rows[1]!));
      await press('ArrowUp');
      await press('ArrowUp');
      expect(deepActiveElement()).to.equal(sortButton(table, 'name'));
      await press('ArrowRight');
      expect(deepActiveElement()).to.equal(sortButton(table, 'email'));
      await chord('Control', 'End');
      expect(deepActiveElement()).to.equal(triggerOf(rows.at(-1)!));
      await chord('Control', 'Home');
      expect(deepActiveElement()).to.equal(sortButton(table, 'name'));

      // The row menu keeps its keys: Enter opens it, the arrows move in it, Escape gives focus back.
      nameOf(rows[2]!).focus();
      await press('End');
      await press('Enter');
      const items = () => [...shadowOf(menuOf(rows[2]!)!).querySelectorAll<HTMLElement>('[role="menuitem"]')];
      await waitUntil(() => deepActiveElement() === items()[0], 'Enter did not open the menu');
      await press('ArrowDown');
      expect(deepActiveElement()).to.equal(items()[1]);
      // Typeahead: the item starting with the letter.
      await press('r');
      expect(deepActiveElement()!.textContent!.trim()).to.equal('Remove');
      await press('Escape');
      expect(deepActiveElement()).to.equal(triggerOf(rows[2]!));
      // From the row menu to the pager: out of the grid and past the page size.
      await press('Tab');
      await press('Tab');
      expect(deepActiveElement()).to.equal($(table, '[data-page="previous"]'));
      await expect(table).to.be.accessible();
    });

    it('keeps focus and the Tab stop on the same person when the rows are loaded again', async () => {
      const table = await tableWithMenus();
      const row = dataRows(table)[3]!;
      const userId = row.dataset.userId;
      triggerOf(row).focus();
      await table.refresh();
      await table.updateComplete;
      const again = dataRows(table).find((r) => r.dataset.userId === userId)!;
      expect(deepActiveElement()).to.equal(triggerOf(again));
      expect(menuOf(again)!.tabIndex).to.equal(0);
      expect(await table.focusUser(dataRows(table)[5]!.dataset.userId!)).to.equal(true);
      expect(deepActiveElement()).to.equal(triggerOf(dataRows(table)[5]!));
    });
  });

  describe("a person's name", () => {
    it('asks for their page (show-user-request) by click, Enter and Space', async () => {
      const table = await tableWithMenus();
      const row = dataRows(table)[1]!;
      const name = nameOf(row);
      const expected = { accountId: acme, userId: row.dataset.userId };
      expect(name.textContent!.trim()).to.equal(row.querySelector('.name')!.textContent!.trim());
      // The raw id is no longer under the name (it is on the person's page).
      expect(row.cells[0]!.textContent).to.not.contain(row.dataset.userId!);

      let event = oneEvent(table, 'show-user-request');
      name.click();
      const clicked = await event;
      expect(clicked.detail).to.deep.equal(expected);
      expect(clicked.bubbles && clicked.composed).to.equal(true);

      name.focus();
      event = oneEvent(table, 'show-user-request');
      await press('Enter');
      expect((await event).detail).to.deep.equal(expected);
      event = oneEvent(table, 'show-user-request');
      await press('Space');
      expect((await event).detail).to.deep.equal(expected);
    });
  });

  it('marks your own row "(you)" and says why it offers no Block or Remove', async () => {
    const table = await tableWithMenus(html`<users-table api-base=${api.base} account-id=${acme} q="admin@acme.test"></users-table>`);
    const own = dataRows(table).find((row) => row.dataset.userId === me.user.id)!;
    expect(own.cells[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/ \(you\)$/);
    expect(own.cells[5]!.textContent!.trim()).to.equal('You cannot block or remove yourself');
    const others = await tableWithMenus();
    for (const row of dataRows(others).filter((r) => r.dataset.userId !== me.user.id)) {
      expect(row.textContent).to.not.contain('(you)');
      expect(row.querySelector('.self-note')).to.equal(null);
    }
  });

  describe('the date under the state', () => {
    it('is the date the column sorts by: joined, else invited; Blocked people show when they joined', async () => {
      const all = 'invited,expired,active,blocked,removed,declined';
      const everyone = (await api.fetchUsers(acme, { limit: '100', state: all, sort: 'joined' })).items;
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} sort="joined" page-size="100" states=${all}></users-table>`);
      const rows = dataRows(table);
      expect(rows.map((row) => row.dataset.userId)).to.deep.equal(everyone.map((u) => u.id));
      const expectedDate = (user: UserListItem) => (user.joinedAt ? `Joined ${formatDate(user.joinedAt)}` : `Invited ${formatDate(user.invitedAt)}`);
      everyone.forEach((user, i) => expect(rows[i]!.querySelector('.date')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(expectedDate(user)));
      // In the order shown.
      const shown = rows.map((row) => Date.parse(row.querySelector('.date time')!.getAttribute('datetime')!));
      for (let i = 1; i < shown.length; i++) expect(shown[i]!).to.be.at.least(shown[i - 1]!);

      const blocked = everyone.filter((u) => u.state === 'blocked');
      expect(blocked.length).to.be.greaterThan(0);
      for (const user of blocked) expect(rows[everyone.indexOf(user)]!.cells[2]!.textContent).to.contain(`Joined ${formatDate(user.joinedAt!)}`);
      const invited = everyone.find((u) => u.state === 'invited')!;
      expect(rows[everyone.indexOf(invited)]!.cells[2]!.textContent).to.contain(`Invited ${formatDate(invited.invitedAt)}`);
    });
  });

  describe('the groups tooltip', () => {
    const tooltipOf = (table: UsersTable) => $(table, '[part="tooltip"]');
    const isShown = (table: UsersTable) => !tooltipOf(table).hidden && tooltipOf(table).getBoundingClientRect().height > 0;
    /** Puts the pointer on the element's middle, and says where that is. */
    async function hover(element: Element): Promise<[number, number]> {
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = element.getBoundingClientRect();
      const point: [number, number] = [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
      await sendMouse({ type: 'move', position: point });
      return point;
    }
    afterEach(() => resetMouse());
    /**
     * The table once the group filter has its options and the viewer is known (the row menus and your
     * own row's note then appear): either may move the rows, which rightly closes the tooltip.
     */
    async function steadyTable() {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} page-size="100"></users-table>`);
      await waitUntil(() => $<HTMLSelectElement>(table, 'select[part="group-filter"]').options.length > 1, 'the groups did not load');
      await waitUntil(() => shadowOf(table).querySelector('roster-menu-button'), 'the viewer was not known');
      await table.updateComplete;
      return table;
    }

    it('shows on hover and closes when the pointer leaves, when the rows change and on Escape; clicks go through it', async () => {
      const table = await steadyTable();
      const summary = $(table, '.group-count');
      await hover(summary);
      expect(isShown(table)).to.equal(true);
      expect(tooltipOf(table).textContent).to.equal(summary.dataset.names);
      expect(getComputedStyle(tooltipOf(table)).pointerEvents).to.equal('none');
      await sendMouse({ type: 'move', position: [1, 1] });
      expect(isShown(table)).to.equal(false);

      // Loaded again unchanged, it stays; when the rows change under the pointer, it closes (and the
      // browser may then open it for whatever "N groups" cell is now under the pointer: never stale).
      const pointer = await hover(summary);
      expect(isShown(table)).to.equal(true);
      await table.refresh();
      await table.updateComplete;
      expect(isShown(table)).to.equal(true);
      let closed = false;
      const watch = new MutationObserver(() => (closed ||= tooltipOf(table).hidden));
      watch.observe(tooltipOf(table), { attributeFilter: ['hidden'] });
      table.sort = 'email';
      await settled(table);
      watch.disconnect();
      expect(closed).to.equal(true);
      if (isShown(table)) {
        const under = shadowOf(table).elementsFromPoint(...pointer).find((element) => element.matches('.group-count')) as HTMLElement | undefined;
        expect(tooltipOf(table).textContent).to.equal(under?.dataset.names);
      }

      const another = $(table, '.group-count');
      another.focus();
      expect(isShown(table)).to.equal(true);
      await press('Escape');
      expect(isShown(table)).to.equal(false);
      expect(shadowOf(table).activeElement).to.equal(another);
    });

    it('closes when a dialog opens, and is never above one', async () => {
      const table = await steadyTable();
      const summary = $(table, '.group-count');
      await hover(summary);
      summary.focus();
      expect(isShown(table)).to.equal(true);
      // Not in the top layer: a modal dialog covers it.
      expect(tooltipOf(table).matches(':popover-open, :modal')).to.equal(false);
      const dialog = document.createElement('dialog');
      dialog.innerHTML = '<button>OK</button>';
      document.body.append(dialog);
      try {
        dialog.showModal();
        await waitUntil(() => !isShown(table), 'the tooltip stayed open over the dialog');
      } finally {
        dialog.remove();
      }
    });
  });
});
