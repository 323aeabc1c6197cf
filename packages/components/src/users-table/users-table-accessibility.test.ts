import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../index.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { $, loadedTable } from './users-table.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/* Accessibility (axe) and colours: with the state filter open, on dark and light-only host pages, and the invitation badges. */
describe('<users-table>', () => {
  let acme: string;
  signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));

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
});
