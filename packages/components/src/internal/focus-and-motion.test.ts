import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import { contrastRatio, paintHostPage, restoreHostPageAfterEach, type Theme } from '../test-support/host-pages.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersSettings } from '../users-settings/users-settings.ts';
import type { UsersTable } from '../users-table/users-table.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/** The focus colour of each theme's palette (the defaults in `internal/tokens.ts`), as computed. */
const THEME_FOCUS: Record<Theme, string> = { light: 'rgb(9, 105, 218)', dark: 'rgb(68, 147, 248)' };

describe('focus rings and motion', () => {
  let acme: string;

  before(async function () {
    this.timeout(30_000);
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
  });
  restoreHostPageAfterEach();

  for (const theme of ['light', 'dark'] as const) {
    it(`a control reached with the keyboard shows a 2px ring of 3:1 or more on the ${theme} theme's surface`, async () => {
      paintHostPage(theme === 'light' ? 'dark' : 'light');
      const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme} theme=${theme}></users-settings>`);
      await settled(await settingsTable(settings));
      await waitUntil(() => shadowOf(settings).querySelector('[part="add-button"]'), 'no Add users button');
      const add = shadowOf(settings).querySelector<HTMLButtonElement>('[part="add-button"]')!;
      // Focus just before the button, then Tab: a keyboard focus, so :focus-visible applies.
      shadowOf(settings).querySelector<HTMLElement>('[part="heading"]')!.tabIndex = -1;
      shadowOf(settings).querySelector<HTMLElement>('[part="heading"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(shadowOf(settings).activeElement).to.equal(add);
      const ring = getComputedStyle(add);
      expect([ring.outlineStyle, ring.outlineWidth, ring.outlineColor]).to.deep.equal(['solid', '2px', THEME_FOCUS[theme]]);
      expect(contrastRatio(ring.outlineColor, getComputedStyle(settings).backgroundColor)).to.be.at.least(3);
    });
  }

  it('runs no animation when the viewer prefers reduced motion (the loading pulse stops)', async () => {
    // The list's request never answers, so its loading rows stay.
    const realFetch = window.fetch;
    window.fetch = () => new Promise<Response>(() => {});
    try {
      const table = await fixture<UsersTable>(html`<users-table api-base=${api.base} account-id=${acme}></users-table>`);
      const pulsing = () => [...shadowOf(table).querySelectorAll('.skeleton .bar, .skeleton .avatar')];
      await waitUntil(() => pulsing().length > 0, 'no loading rows');
      expect(pulsing().map((element) => getComputedStyle(element).animationName)).to.include('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(new Set(pulsing().map((element) => getComputedStyle(element).animationName))).to.deep.equal(new Set(['none']));
      expect(shadowOf(table).getAnimations()).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });
});
