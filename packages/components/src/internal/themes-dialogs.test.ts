import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.ts';
import '../add-users-dialog/add-users-dialog.ts';
import '../block-user-dialog/block-user-dialog.ts';
import '../edit-user-dialog/edit-user-dialog.ts';
import '../remove-user-dialog/remove-user-dialog.ts';
import '../user-details/user-details-dialog.ts';
import { COMBINATIONS, paintHostPage, restoreHostPageAfterEach, THEME_TEXT, WHOLE_SCREEN_TIMEOUT } from '../test-support/host-pages.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

interface Opening {
  show(userId?: string): void;
}

/**
 * Each dialog, opened for an ordinary member, and what shows that it has loaded (a selector in its
 * shadow root; the person's page is one level deeper).
 */
const DIALOGS = [
  { tag: 'add-users-dialog', loaded: (root: ShadowRoot) => root.querySelector('textarea') },
  { tag: 'remove-user-dialog', loaded: (root: ShadowRoot) => root.querySelector('h3') },
  { tag: 'edit-user-dialog', loaded: (root: ShadowRoot) => root.querySelector('input[type="checkbox"]') },
  { tag: 'block-user-dialog', loaded: (root: ShadowRoot) => root.querySelector('[part="consequence"]') },
  {
    tag: 'user-details-dialog',
    loaded: (root: ShadowRoot) => root.querySelector('user-details')?.shadowRoot?.querySelector('[part="history"][aria-busy="false"]'),
  },
];

/*
 * The dialogs in the light and the dark theme (their provider's `theme`) on a light and on a dark
 * host page: the box paints its own surface, so axe finds every text's contrast sufficient.
 */
describe('themes: the dialogs', () => {
  let acme: string;
  let memberId: string;

  before(async function () {
    this.timeout(30_000);
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
    const members = await api.fetchUsers(acme, { q: 'member@acme.test' });
    memberId = members.items.find((user) => user.email === 'member@acme.test')!.id;
  });
  restoreHostPageAfterEach();

  for (const { tag, loaded } of DIALOGS) {
    for (const { page, theme, title } of COMBINATIONS) {
      it(`<${tag}> is accessible in ${title}`, async function () {
        this.timeout(WHOLE_SCREEN_TIMEOUT);
        paintHostPage(page);
        const provider = await fixture(html`<roster-provider api-base=${api.base} account-id=${acme} theme=${theme}></roster-provider>`);
        const dialog = document.createElement(tag) as HTMLElement & Opening;
        provider.append(dialog);
        dialog.show(memberId);
        await waitUntil(() => loaded(shadowOf(dialog)), `<${tag}> did not load`, { timeout: 5000 });
        const box = shadowOf(dialog).querySelector('dialog')!;
        expect(box.open).to.equal(true);
        expect(getComputedStyle(box).color).to.equal(THEME_TEXT[theme]);
        await expect(dialog).to.be.accessible();
      });
    }
  }
});
