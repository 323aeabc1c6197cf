import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../index.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { dataRows, emails, settled } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';
import { $, loadedTable } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const columnWidths = (table: UsersTable) => [...shadowOf(table).querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width));

/* How the table is laid out on a wide screen: one-line sign-in times, columns that stay put. */
describe('<users-table>', () => {
  let acme: string;
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));
  before(() => setViewport({ width: 1440, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows each last sign-in on one line at 1440 px', async () => {
    // In a host page's column as wide as the demo page's (72rem less its padding), in its font.
    const host = await fixture<HTMLElement>(
      html`<div style="max-width: 70rem; font-family: system-ui, sans-serif; line-height: 1.5"><users-table api-base=${api.base} account-id=${acme} page-size="100" sort="lastSignIn" order="desc"></users-table></div>`,
    );
    const table = host.querySelector('users-table')!;
    await settled(table);
    expect(table.getBoundingClientRect().width).to.equal(1120);
    const cells = dataRows(table).filter((row) => row.cells[3]!.querySelector('time')).map((row) => row.cells[3]!);
    expect(cells.length).to.be.greaterThan(10);
    for (const cell of cells) {
      const time = cell.querySelector('time')!;
      // One line, not cut short.
      expect(time.getClientRects().length, time.textContent!).to.equal(1);
      expect(cell.scrollWidth, time.textContent!).to.be.at.most(cell.clientWidth);
    }
    // Nor are the state badges and dates.
    for (const row of dataRows(table)) expect(row.cells[2]!.scrollWidth, row.cells[2]!.textContent!).to.be.at.most(row.cells[2]!.clientWidth);
    await expect(table).to.be.accessible();
  });

  it('keeps the column widths when other results come (another page, a search)', async () => {
    const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} page-size="10"></users-table>`);
    const first = columnWidths(table);
    const firstEmails = emails(table);
    $(table, '[data-page="next"]').click();
    await settled(table);
    expect(emails(table)).to.not.deep.equal(firstEmails);
    expect(columnWidths(table)).to.deep.equal(first);
    table.q = 'an';
    await settled(table);
    expect(columnWidths(table)).to.deep.equal(first);
    // Every column has room: none is narrower than its header's words.
    for (const th of shadowOf(table).querySelectorAll<HTMLElement>('thead th')) expect(th.scrollWidth).to.be.at.most(th.clientWidth);
  });

  it('scrolls sideways inside its own box at 768 px (the table, narrower than its columns): nothing in it (the hidden texts of "N groups") widens the page', async () => {
    await setViewport({ width: 768, height: 800 });
    try {
      const table = await loadedTable(html`<users-table api-base=${api.base} account-id=${acme} page-size="25"></users-table>`);
      expect(dataRows(table).some((row) => row.cells[4]!.querySelector('.visually-hidden'))).to.equal(true);
      const wrap = $(table, '.table-wrap');
      expect(wrap.scrollWidth).to.be.greaterThan(wrap.clientWidth);
      expect(document.documentElement.scrollWidth).to.equal(768);
    } finally {
      await setViewport({ width: 1440, height: 900 });
    }
  });
});
