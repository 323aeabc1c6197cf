import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.ts';
import { accountOf, testApi } from '../test-support/test-api.ts';
import { emails, messageText, settled } from '../test-support/users-table.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import type { RosterProvider } from './roster-provider.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

describe('<roster-provider>', () => {
  let acme: string;
  let globex: string;

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    globex = accountOf(me, 'Globex');
  });

  it('gives its account to the elements inside and re-provides when it changes', async () => {
    const expected = await api.fetchUsers(acme);
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${acme}><users-table></users-table></roster-provider>`,
    );
    const table = provider.querySelector('users-table')!;
    await settled(table);
    expect(emails(table)).to.deep.equal(expected.items.map((u) => u.email));

    // The demo administrator is a plain member of Globex, so its list is refused.
    provider.setAttribute('account-id', globex);
    await provider.updateComplete;
    await settled(table);
    expect(messageText(table)).to.equal('You need administrator rights to manage users.');
  });

  it('re-provides the client when api-base changes', async () => {
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${acme}><users-table></users-table></roster-provider>`,
    );
    const table = provider.querySelector('users-table')!;
    await settled(table);

    provider.apiBase = '/not-the-api';
    await provider.updateComplete;
    await settled(table);
    expect(messageText(table)).to.contain('The users could not be loaded');
  });

  it('lets an element\'s own attributes win over the provider', async () => {
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${globex}><users-table account-id=${acme}></users-table></roster-provider>`,
    );
    const table: UsersTable = provider.querySelector('users-table')!;
    await settled(table);
    expect(emails(table)).to.include('admin@acme.test');
  });

  it("sends the host's token from getToken() before each request, and no cookie", async () => {
    // The browser holds the administrator's cookie; the token names an ordinary member.
    let calls = 0;
    const asMember = () => {
      calls++;
      return Promise.resolve('test:member@acme.test');
    };
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} account-id=${acme} .getToken=${asMember}><users-table></users-table></roster-provider>`,
    );
    const table = provider.querySelector('users-table')!;
    await settled(table);
    expect(messageText(table)).to.equal('You need administrator rights to manage users.');
    const asked = calls;
    expect(asked).to.be.greaterThan(0);

    // A new token source re-provides: the next requests carry the administrator's token.
    provider.getToken = () => 'test:admin@acme.test';
    await provider.updateComplete;
    await settled(table);
    expect(emails(table)).to.include('admin@acme.test');
    expect(calls).to.equal(asked);
  });

  it('without account-id reads the session once and provides the active account and me; with account-id, the host wins', async () => {
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      requests.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return original(input, init);
    };
    try {
      const provider = await fixture<RosterProvider>(html`<roster-provider api-base=${api.base}><users-table></users-table></roster-provider>`);
      const table = provider.querySelector('users-table')!;
      // A host asking while the provider's own read is under way shares it (a page restoring its session).
      await provider.refreshMe();
      expect(provider.me?.user.email).to.equal('admin@acme.test');
      // Until /me answers, the table has no account; then it lists Acme Corp, the active one.
      await waitUntil(() => emails(table).includes('admin@acme.test'), 'the active account was not provided', { timeout: 5000 });
      expect(requests.filter((path) => path.endsWith('/me'))).to.have.length(1);

      // The host names another account: it wins, and `me` stays provided.
      provider.setAttribute('account-id', globex);
      await provider.updateComplete;
      await settled(table);
      expect(messageText(table)).to.equal('You need administrator rights to manage users.');
      expect(requests.filter((path) => path.endsWith('/me'))).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });

  it('switchAccount() makes the account the active one for the elements below; refreshMe() reads the session again', async () => {
    const provider = await fixture<RosterProvider>(html`<roster-provider api-base=${api.base}><users-table></users-table></roster-provider>`);
    const table = provider.querySelector('users-table')!;
    await waitUntil(() => emails(table).includes('admin@acme.test'), 'the active account was not provided', { timeout: 5000 });
    try {
      await provider.switchAccount(globex);
      await provider.updateComplete;
      await settled(table);
      expect(messageText(table)).to.equal('You need administrator rights to manage users.');
      const me = await (await api.fetch('/me')).json();
      expect(me.activeAccountId).to.equal(globex);
    } finally {
      await provider.switchAccount(acme);
    }
    await provider.refreshMe();
    await provider.updateComplete;
    await settled(table);
    expect(emails(table)).to.include('admin@acme.test');
  });

  it('does not add a box to the layout', async () => {
    const provider = await fixture<RosterProvider>(html`<roster-provider></roster-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});
