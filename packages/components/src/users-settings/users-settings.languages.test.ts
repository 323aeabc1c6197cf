import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Me } from '@roster/shared';
import '../index.ts';
import { formatDaysFromNow, plural } from '../internal/format.ts';
import type { RosterProvider } from '../roster-provider/roster-provider.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const headingOf = (settings: UsersSettings) => shadowOf(settings).querySelector('h2')?.textContent?.trim();
const columnsOf = (table: UsersTable) => [...shadowOf(table).querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[↑↓↕]/g, '').replace(/\s+/g, ' ').trim());
/** The date under each person's state, as the table shows it. */
const datesOf = (table: UsersTable) => [...shadowOf(table).querySelectorAll('tbody .date time')].map((time) => time.textContent!.trim());

async function until(settings: UsersSettings, heading: string) {
  await waitUntil(() => headingOf(settings) === heading, `the heading is "${headingOf(settings)}", not "${heading}"`, { timeout: 5000 });
}

describe('<users-settings> in other languages', () => {
  let me: Me;
  let acme: string;
  let expected: Awaited<ReturnType<typeof api.fetchUsers>>['items'];

  before(async () => {
    me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    expected = (await api.fetchUsers(acme)).items;
  });

  // The test page sets no `lang`; each test leaves it so, and its elements are removed after it.
  afterEach(() => document.documentElement.removeAttribute('lang'));

  async function frenchScreen() {
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${acme} locale="fr-CA"><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await until(settings, 'Utilisateurs');
    const table = await settingsTable(settings);
    await settled(table);
    await waitUntil(() => columnsOf(table).includes('E-mail'), 'the table is not in French', { timeout: 5000 });
    return { provider, settings, table };
  }

  it('speaks the provider’s locale: French for fr-CA, with dates and "expires in" in French; axe clean', async function () {
    this.timeout(30_000);
    const { provider, table } = await frenchScreen();
    expect(columnsOf(table)).to.deep.equal(['Utilisateur', 'E-mail', 'État / Arrivée', 'Dernière connexion', 'Groupes', 'Actions']);
    const frenchDate = new Intl.DateTimeFormat('fr', { dateStyle: 'medium' });
    expect(datesOf(table)).to.deep.equal(expected.map((user) => frenchDate.format(new Date(user.joinedAt ?? user.invitedAt))));
    // "expires in 3 days", in French, for the open invitations.
    expect(expected.some((user) => user.state === 'invited' && user.expiresAt)).to.equal(true);
    expect(shadowOf(table).textContent).to.match(/Invité — expire dans \d+ jours?/);
    // The screen says which language it is in (the page says none).
    expect(provider.lang).to.equal('fr');
    await expect(provider).to.be.accessible();
  });

  it('re-renders when the locale changes: German, then without one the person’s own (English)', async function () {
    this.timeout(30_000);
    const { provider, settings, table } = await frenchScreen();
    provider.locale = 'de';
    await until(settings, 'Benutzer');
    await waitUntil(() => columnsOf(table).includes('E-Mail'), 'the table did not re-render in German', { timeout: 5000 });
    const germanDate = new Intl.DateTimeFormat('de', { dateStyle: 'medium' });
    expect(datesOf(table)).to.deep.equal(expected.map((user) => germanDate.format(new Date(user.joinedAt ?? user.invitedAt))));
    expect(shadowOf(settings).querySelector('[part="add-button"]')?.textContent?.trim()).to.equal('Benutzer hinzufügen');
    expect(provider.lang).to.equal('de');

    provider.locale = undefined;
    await until(settings, 'Users');
    await waitUntil(() => columnsOf(table).includes('Email'), 'the table did not re-render in English');
    expect(provider.lang).to.equal('en');
  });

  it('re-renders an element that was on the page before its definition loaded (upgraded when defined)', async function () {
    this.timeout(20_000);
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} locale="de"><user-profile></user-profile></roster-provider>`,
    );
    // This file has not loaded <user-profile> yet: defining it now upgrades the element above.
    await import('../user-profile/user-profile.ts');
    const profile = provider.querySelector('user-profile')!;
    const heading = () => shadowOf(profile).querySelector('h2')?.textContent?.trim();
    await waitUntil(() => heading() === 'Mein Profil', `the heading is "${heading()}"`, { timeout: 5000 });
    provider.locale = 'es';
    await waitUntil(() => heading() === 'Mi perfil', `the heading is "${heading()}"`, { timeout: 5000 });
  });

  it('follows the page’s lang when no element says, and the page’s lang wins over the person’s language', async () => {
    document.documentElement.lang = 'es';
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    await until(settings, 'Usuarios');
    // The page says it is German now: the screen follows.
    document.documentElement.lang = 'de-AT';
    await until(settings, 'Benutzer');
    // A language Roster does not speak passes the turn: to the person's, English.
    document.documentElement.lang = 'it';
    await until(settings, 'Users');
  });

  it('speaks the signed-in person’s display language when neither the host nor the page chose one', async () => {
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${acme}><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await until(settings, 'Users');
    // A host that signs people in sets `me` itself; here, a person who reads German.
    provider.me = { ...me, user: { ...me.user, locale: 'de' } };
    await until(settings, 'Benutzer');
    provider.me = me;
    await until(settings, 'Users');
  });

  it('chooses plural forms by the language’s rule', async () => {
    const provider = await fixture<RosterProvider>(html`<roster-provider api-base=${api.base} locale="fr"></roster-provider>`);
    await waitUntil(() => provider.lang === 'fr', 'French did not load', { timeout: 5000 });
    // French counts 0 as singular, English does not.
    expect(plural(0, 'one', 'other')).to.equal('one');
    expect(formatDaysFromNow(new Date(Date.now() + 2 * 86_400_000).toISOString())).to.equal('dans 2 jours');
    provider.locale = 'en';
    await waitUntil(() => provider.lang === 'en', 'English did not come back');
    expect(plural(0, 'one', 'other')).to.equal('other');
    expect(formatDaysFromNow(new Date(Date.now() + 2 * 86_400_000).toISOString())).to.equal('in 2 days');
  });
});
