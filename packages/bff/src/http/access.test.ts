import { Hono } from 'hono';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTeam, requestAs, signInAs } from '../testing/fixtures.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';
import { accountIdInPath } from './access.ts';

const { database, app } = useTestApp();

let n = 0;
const team = () => createTeam(database.db, app, ++n);

/** An app over the same database that counts the statements it sends (results that came back). */
function countingApp() {
  const sent: string[] = [];
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => (sent.push('statement'), result),
  };
  return { app: appOn({ db: database.db.withPlugin(counter), kind: database.kind }), sent };
}

describe('requireAccountAccess with the session cookie', () => {
  it('costs no round trip of its own: who asks and their membership come in one statement, the Users page in one more', async () => {
    const t = await team();
    const counting = countingApp();
    const response = await requestAs(counting.app, t.admin, 'GET', `/accounts/${t.account.id}/users?limit=25`);
    expect(response.status).toBe(200);
    expect((await response.json()).items).toHaveLength(4);
    expect(counting.sent).toHaveLength(2);
  });

  it('still answers 403 to a member who is no administrator, 404 to a blocked one and to an outsider', async () => {
    const t = await team();
    const other = await team();
    const finn = await signInAs(app, `finn${t.n}@acme.test`);
    expect((await requestAs(app, finn, 'GET', `/accounts/${t.account.id}/users`)).status).toBe(403);
    expect((await requestAs(app, other.admin, 'GET', `/accounts/${t.account.id}/users`)).status).toBe(404);
    await database.db.updateTable('memberships').set({ state: 'blocked' }).where('account_id', '=', t.account.id).where('user_id', '=', t.ids.admin2).execute();
    const blocked = await signInAs(app, `admin2-${t.n}@acme.test`);
    expect((await requestAs(app, blocked, 'GET', `/accounts/${t.account.id}/users`)).status).toBe(404);
  });

  it('trusts the membership read with the session only for the account the route matched', async () => {
    // A host whose own path names another account: the early reading is about that one, and the
    // access check must ask about the route's account itself.
    const t = await team();
    const other = await team();
    const host = new Hono().route(`/accounts/${other.account.id}/roster`, app);
    const path = (account: string) => `/accounts/${other.account.id}/roster/accounts/${account}/users`;
    expect((await requestAs(host, other.admin, 'GET', path(t.account.id))).status).toBe(404);
    expect((await requestAs(host, t.admin, 'GET', path(t.account.id))).status).toBe(200);
    expect((await requestAs(host, t.admin, 'GET', path(other.account.id))).status).toBe(404);
  });
});

describe('accountIdInPath', () => {
  it('finds the account an account path names, and nothing in other paths or ids that are not UUIDs', () => {
    const id = '8e3c6f2a-6b1e-4c57-9d0c-2f7f0b6a1a01';
    expect(accountIdInPath(`/accounts/${id}/users`)).toBe(id);
    expect(accountIdInPath(`/api/accounts/${id}`)).toBe(id);
    expect(accountIdInPath('/accounts/not-an-id/users')).toBeUndefined();
    expect(accountIdInPath('/me')).toBeUndefined();
  });
});
