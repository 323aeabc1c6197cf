import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.ts';
import { recordFetches, type FetchLog } from '../test-support/fetch-log.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { RosterProvider } from '../roster-provider/roster-provider.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const text = (root: Element | ShadowRoot | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
const memberView = (settings: UsersSettings) => shadowOf(settings).querySelector('roster-member-view');
const notice = (settings: UsersSettings) => shadowOf(settings).querySelector('roster-account-notice');

/** Waits for the member view to have loaded the person's access. */
async function memberViewLoaded(settings: UsersSettings) {
  await waitUntil(() => memberView(settings)?.shadowRoot?.querySelector('[part="administrators"]'), 'the member view did not load', { timeout: 5000 });
  return shadowOf(memberView(settings)!);
}

const withBearer = (email: string) => () => `test:${email}`;
const asBearer = (email: string, init: RequestInit = {}) => ({ ...init, headers: { ...init.headers, authorization: `Bearer test:${email}` } });

describe('<users-settings> for someone who does not administer the account', () => {
  let acme: string;
  let globex: string;
  let log: FetchLog;

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    globex = accountOf(me, 'Globex');
    await api.signIn('member@acme.test');
  });
  beforeEach(() => {
    log = recordFetches();
  });
  afterEach(() => log.stop());

  it('shows a member who they are in the account, their groups and permissions, and whom to ask, with no refused request', async () => {
    const provider = await fixture<RosterProvider>(html`<roster-provider api-base=${api.base}><users-settings></users-settings></roster-provider>`);
    const settings = provider.querySelector('users-settings')!;
    const view = await memberViewLoaded(settings);

    expect(text(view.querySelector('[part="heading"]'))).to.equal('You are a member of Acme Corp');
    expect([...view.querySelectorAll('[part="groups"] li')].map(text)).to.deep.equal(['Sales grants Orders and Product catalogue']);
    expect([...view.querySelectorAll('[part="permissions"] li')].map(text)).to.deep.equal([
      'Orders — Orders, quotes and customers',
      'Product catalogue — Products, prices and stock',
    ]);
    expect(text(view.querySelector('[part="administrators"]'))).to.equal('To change your access, ask an administrator: Alex Morgan and Priya Shah.');
    // Not the administrators' screen: no table, no description of it, no Add users.
    expect(shadowOf(settings).querySelector('users-table, [part="description"], [part="add-button"]')).to.equal(null);

    expect(log.refused()).to.deep.equal([]);
    expect(log.answers.filter((a) => /\/(users|groups)(\?|$)/.test(a.url))).to.deep.equal([]);
    // One read of the session, by the provider, and the member's two readable routes.
    expect(log.answers.map((a) => new URL(a.url, location.href).pathname.replace(`${api.base}`, '')).sort()).to.deep.equal([
      `/accounts/${acme}/administrators`,
      `/accounts/${acme}/my-access`,
      '/me',
    ]);
    await expect(settings).to.be.accessible();
  });

  it('does the same without a provider, reading the session itself', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const view = await memberViewLoaded(settings);
    expect(text(view.querySelector('[part="heading"]'))).to.equal('You are a member of Acme Corp');
    expect(log.refused()).to.deep.equal([]);
  });

  it('welcomes a person who just joined, by the account\'s name, until they dismiss it', async () => {
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme} welcome=${acme}></users-settings>`);
    await memberViewLoaded(settings);
    await waitUntil(() => notice(settings)?.shadowRoot?.querySelector('[part="notice"]'), 'no welcome');
    expect(text(shadowOf(notice(settings)!).querySelector('[part="notice"] p'))).to.equal('Welcome to Acme Corp!');
    await expect(settings).to.be.accessible();
    shadowOf(notice(settings)!).querySelector<HTMLButtonElement>('[part="dismiss-button"]')!.click();
    await settings.updateComplete;
    expect(notice(settings)).to.equal(null);
    // A welcome to another account than the one shown says nothing.
    settings.welcome = globex;
    await settings.updateComplete;
    expect(notice(settings)).to.equal(null);
  });

  it('explains a lost account ("removed from Globex; now in Acme Corp") once, until dismissed, and keeps the administrator in their list', async () => {
    // Alex (administrator of Acme Corp) works in Globex, where Hank then removes him.
    await api.fetch('/me/active-account', asBearer('admin@acme.test', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId: globex }) }));
    const alex = (await (await api.fetch('/me', asBearer('admin@acme.test'))).json()).user.id;
    const removed = await api.fetch(`/accounts/${globex}/users/${alex}`, asBearer('owner@globex.test', { method: 'DELETE' }));
    expect(removed.status).to.equal(200);

    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} .getToken=${withBearer('admin@acme.test')}><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await waitUntil(() => notice(settings)?.shadowRoot?.querySelector('[part="notice"]'), 'no lost-account message', { timeout: 5000 });
    expect(text(shadowOf(notice(settings)!).querySelector('[part="notice"] p'))).to.equal('You were removed from Globex; you are now in Acme Corp.');
    expect(shadowOf(settings).querySelector('users-table')).not.to.equal(null);
    await expect(settings).to.be.accessible();

    // The provider keeps it (the server said it once) until the person dismisses it.
    await provider.refreshMe();
    await settings.updateComplete;
    expect(notice(settings)).not.to.equal(null);
    shadowOf(notice(settings)!).querySelector<HTMLButtonElement>('[part="dismiss-button"]')!.click();
    await provider.updateComplete;
    await settings.updateComplete;
    expect(notice(settings)).to.equal(null);
    expect(log.refused()).to.deep.equal([]);
  });

  it('says when the person lost their only account, and "You don\'t belong to any account yet"', async () => {
    const sam = (await (await api.fetch('/me', asBearer('member@acme.test'))).json()).user.id;
    const removed = await api.fetch(`/accounts/${acme}/users/${sam}`, asBearer('admin@acme.test', { method: 'DELETE' }));
    expect(removed.status).to.equal(200);
    log.answers.length = 0;

    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} .getToken=${withBearer('member@acme.test')}><users-settings></users-settings></roster-provider>`,
    );
    const settings = provider.querySelector('users-settings')!;
    await waitUntil(() => notice(settings)?.shadowRoot?.querySelector('[part="notice"]') && memberView(settings)?.shadowRoot?.querySelector('h2'), 'no message', { timeout: 5000 });
    expect(text(shadowOf(notice(settings)!).querySelector('[part="notice"] p'))).to.equal('You were removed from Acme Corp; you no longer belong to any account.');
    const view = shadowOf(memberView(settings)!);
    expect(text(view.querySelector('h2'))).to.equal("You don't belong to any account yet");
    expect(text(view.querySelector('p'))).to.contain('When an administrator invites you');
    await expect(settings).to.be.accessible();
    // Nothing refused: without an account there is nothing to ask.
    expect(log.refused()).to.deep.equal([]);
    expect(log.answers.map((a) => new URL(a.url, location.href).pathname.replace(api.base, ''))).to.deep.equal(['/me']);
  });
});
