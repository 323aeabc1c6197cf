import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../index.ts';
import '../user-profile/user-profile.ts';
import { COMBINATIONS, paintHostPage, restoreHostPageAfterEach, THEME_TEXT, WHOLE_SCREEN_TIMEOUT, type Theme } from '../test-support/host-pages.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersSettings } from '../users-settings/users-settings.ts';
import type { UserProfile } from '../user-profile/user-profile.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/*
 * The screens in the light and the dark theme (the provider's `theme`, or the element's own) on a
 * light and on a dark host page: each paints its own surface, so axe finds every text's contrast
 * sufficient on any page; and the theme's palette is the one in use.
 */

async function adminScreen(accountId: string, theme?: string) {
  const provider = await fixture(
    html`<roster-provider api-base=${api.base} account-id=${accountId} theme=${ifDefined(theme)}><users-settings></users-settings></roster-provider>`,
  );
  const settings = provider.querySelector<UsersSettings>('users-settings')!;
  await settled(await settingsTable(settings));
  await waitUntil(() => shadowOf(settings).querySelector('[part="add-button"]'), 'no Add users button');
  return settings;
}

const headingColour = (settings: UsersSettings) => getComputedStyle(shadowOf(settings).querySelector('h2')!).color;

describe('themes: <users-settings> and <user-profile>', () => {
  let acme: string;

  before(async function () {
    this.timeout(30_000);
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
  });
  restoreHostPageAfterEach();

  for (const { page, theme, title } of COMBINATIONS) {
    it(`the administrators' screen is accessible in ${title}`, async function () {
      this.timeout(WHOLE_SCREEN_TIMEOUT);
      paintHostPage(page);
      const settings = await adminScreen(acme, theme);
      expect(headingColour(settings)).to.equal(THEME_TEXT[theme]);
      expect(getComputedStyle(settings).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
      await expect(settings).to.be.accessible();
    });
  }

  it('follows a dark host page that opts into dark schemes, when no theme is chosen', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    paintHostPage('dark', 'dark');
    const settings = await adminScreen(acme);
    expect(headingColour(settings)).to.equal(THEME_TEXT.dark);
    await expect(settings).to.be.accessible();
  });

  it('stays light on a dark host page that did not opt in, painting its own light surface', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    paintHostPage('dark');
    const settings = await adminScreen(acme);
    expect(headingColour(settings)).to.equal(THEME_TEXT.light);
    expect(getComputedStyle(settings).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(settings).to.be.accessible();
  });

  it('theme="auto" follows the viewer\'s prefers-color-scheme whatever the page says', async function () {
    this.timeout(WHOLE_SCREEN_TIMEOUT);
    paintHostPage('light');
    const settings = await adminScreen(acme, 'auto');
    for (const scheme of ['dark', 'light'] as Theme[]) {
      await emulateMedia({ colorScheme: scheme });
      expect(headingColour(settings)).to.equal(THEME_TEXT[scheme]);
    }
  });

  it('an element\'s own theme wins over its provider\'s, and reaches the elements inside it', async () => {
    paintHostPage('light');
    const provider = await fixture(
      html`<roster-provider api-base=${api.base} account-id=${acme} theme="light"><users-settings theme="dark"></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector<UsersSettings>('users-settings')!;
    const table = await settingsTable(settings);
    await settled(table);
    expect(headingColour(settings)).to.equal(THEME_TEXT.dark);
    expect(getComputedStyle(shadowOf(table).querySelector('th')!).color).to.equal(THEME_TEXT.dark);
  });

  it('inherits the host\'s font, and --roster-font-family overrides it', async () => {
    document.documentElement.style.fontFamily = 'Georgia, serif';
    const settings = await adminScreen(acme);
    const fontOf = (selector: string) => getComputedStyle(shadowOf(settings).querySelector(selector)!).fontFamily;
    expect([fontOf('h2'), fontOf('[part="add-button"]')]).to.deep.equal(['Georgia, serif', 'Georgia, serif']);
    settings.style.setProperty('--roster-font-family', 'Arial, sans-serif');
    expect([fontOf('h2'), fontOf('[part="add-button"]')]).to.deep.equal(['Arial, sans-serif', 'Arial, sans-serif']);
  });

  for (const { page, theme, title } of COMBINATIONS) {
    it(`the profile is accessible in ${title} (its own theme attribute)`, async function () {
      this.timeout(WHOLE_SCREEN_TIMEOUT);
      paintHostPage(page);
      const profile = await fixture<UserProfile>(html`<user-profile api-base=${api.base} theme=${theme}></user-profile>`);
      await waitUntil(() => shadowOf(profile).querySelector('form'), 'the profile did not load', { timeout: 5000 });
      expect(getComputedStyle(shadowOf(profile).querySelector('h2')!).color).to.equal(THEME_TEXT[theme]);
      await expect(profile).to.be.accessible();
    });
  }

  describe('the member view', () => {
    before(() => api.signIn('member@acme.test'));
    after(() => api.signIn('admin@acme.test'));

    for (const { page, theme, title } of COMBINATIONS) {
      it(`is accessible in ${title}`, async function () {
        this.timeout(WHOLE_SCREEN_TIMEOUT);
        paintHostPage(page);
        const provider = await fixture(
          html`<roster-provider api-base=${api.base} account-id=${acme} theme=${theme}><users-settings></users-settings></roster-provider>`,
        );
        const settings = provider.querySelector<UsersSettings>('users-settings')!;
        await waitUntil(
          () => shadowOf(settings).querySelector('roster-member-view')?.shadowRoot?.querySelector('[part="administrators"]'),
          'the member view did not load',
          { timeout: 5000 },
        );
        const heading = shadowOf(settings).querySelector('roster-member-view')!.shadowRoot!.querySelector('h2')!;
        expect(getComputedStyle(heading).color).to.equal(THEME_TEXT[theme]);
        await expect(settings).to.be.accessible();
      });
    }
  });
});
