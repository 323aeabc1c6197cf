import { describe, expect, it } from 'vitest';
import { addMember, createAccount, createTeam, ORIGIN, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
// The demo catalogue's words for the permissions the scenario's groups grant.
const BILLING = { id: 'billing', label: 'Billing', description: 'Invoices, payments and plans' };
const ORDERS = { id: 'orders', label: 'Orders', description: 'Orders, quotes and customers' };
const REPORTS = { id: 'reports', label: 'Reports', description: 'Dashboards and exports' };
let counter = 0;

const { database, app } = useTestApp({ now: () => NOW });

const scenario = () => createTeam(database.db, app, ++counter);

const remove = (accountId: string, userId: string, auth?: { cookie: string }) =>
  app.request(`/accounts/${accountId}/users/${userId}`, { method: 'DELETE', headers: auth ? { cookie: auth.cookie, origin: ORIGIN } : { origin: ORIGIN } });
const details = (accountId: string, userId: string, auth: { cookie: string }) =>
  app.request(`/accounts/${accountId}/users/${userId}`, { headers: { cookie: auth.cookie } });

describe('GET /accounts/:accountId/users/:userId', () => {
  it('shows the groups, the permissions each grants and their union, dates and version', async () => {
    const s = await scenario();
    const response = await details(s.account.id, s.ids.finn, s.admin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: s.ids.finn,
      email: `finn${s.n}@acme.test`,
      firstName: 'Finn',
      lastName: 'Ledger',
      avatarUrl: null,
      state: 'active',
      invitedAt: '2026-01-01T00:00:00.000Z',
      joinedAt: '2026-01-01T00:00:00.000Z',
      removedAt: null,
      lastSignInAt: null,
      expiresAt: null,
      groups: [
        { id: s.finance, name: 'Finance', permissions: [BILLING, REPORTS] },
        { id: s.sales, name: 'Sales', permissions: [ORDERS, REPORTS] },
      ],
      permissions: [BILLING, ORDERS, REPORTS],
      version: 1,
      removal: { allowed: true, reason: null },
      blocking: { allowed: true, reason: null },
    });
  });

  it('tells the caller they cannot remove themselves', async () => {
    const s = await scenario();
    const own = await (await details(s.account.id, s.ids.admin, s.admin)).json();
    expect(own.removal).toEqual({ allowed: false, reason: 'self' });
  });

  it('404 for people outside the account, unknown ids and malformed ids', async () => {
    const s = await scenario();
    const other = await scenario();
    for (const userId of [other.ids.finn, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const response = await details(s.account.id, userId, s.admin);
      expect(response.status).toBe(404);
      expect((await response.json()).code).toBe('not_found');
    }
  });
});

describe('DELETE /accounts/:accountId/users/:userId', () => {
  it('removes the person from this account only, in one change with its audit event and email', async () => {
    const s = await scenario();
    const { db } = database;
    const elsewhere = await createAccount(db, `Elsewhere ${s.n}`);
    await addMember(db, { accountId: elsewhere.id, userId: s.ids.finn, groupIds: [elsewhere.adminGroupId] });

    const response = await remove(s.account.id, s.ids.finn, s.admin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accountId: s.account.id, userId: s.ids.finn, accountName: `Acme ${s.n}` });

    const membership = await db.selectFrom('memberships').selectAll().where('account_id', '=', s.account.id).where('user_id', '=', s.ids.finn).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ state: 'removed', removed_at: NOW, version: 2 });
    const groups = await db.selectFrom('membership_groups').selectAll().where('account_id', '=', s.account.id).where('user_id', '=', s.ids.finn).execute();
    expect(groups).toEqual([]);

    const audit = await db.selectFrom('audit_events').selectAll().where('account_id', '=', s.account.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: s.ids.admin, subject_user_id: s.ids.finn, action: 'user.removed', at: NOW });
    expect(audit[0]!.data).toEqual({
      previousState: 'active',
      groups: [{ id: s.finance, name: 'Finance' }, { id: s.sales, name: 'Sales' }],
    });

    const outbox = await db.selectFrom('outbox').selectAll().where('recipient', '=', `finn${s.n}@acme.test`).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'user-removed', locale: 'en', sent_at: null });
    expect(outbox[0]!.payload).toEqual({ firstName: 'Finn', accountName: `Acme ${s.n}`, groupNames: ['Finance', 'Sales'] });

    // Identity and the other account are untouched.
    const user = await db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', s.ids.finn).executeTakeFirstOrThrow();
    expect(user.password_hash).not.toBeNull();
    const other = await db.selectFrom('memberships').select('state').where('account_id', '=', elsewhere.id).where('user_id', '=', s.ids.finn).executeTakeFirstOrThrow();
    expect(other.state).toBe('active');
    const otherGroups = await db.selectFrom('membership_groups').select('group_id').where('account_id', '=', elsewhere.id).where('user_id', '=', s.ids.finn).execute();
    expect(otherGroups).toHaveLength(1);

    // Gone from the default list, present under the Removed filter.
    const list = await (await app.request(`/accounts/${s.account.id}/users?limit=100`, { headers: { cookie: s.admin.cookie } })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(s.ids.finn);
    const removed = await (await app.request(`/accounts/${s.account.id}/users?state=removed`, { headers: { cookie: s.admin.cookie } })).json();
    expect(removed.items.map((i: { id: string }) => i.id)).toEqual([s.ids.finn]);
  });

  it('ends the removed person\'s access at their next request and moves them to another account', async () => {
    const s = await scenario();
    const { db } = database;
    const elsewhere = await createAccount(db, `Elsewhere ${s.n}`);
    await addMember(db, { accountId: elsewhere.id, userId: s.ids.admin2, groupIds: [elsewhere.adminGroupId] });
    const victim = await signInAs(app, `admin2-${s.n}@acme.test`);
    const before = await (await app.request('/me', { headers: { cookie: victim.cookie } })).json();
    expect(before.activeAccountId).toBe(s.account.id);

    expect((await remove(s.account.id, s.ids.admin2, s.admin)).status).toBe(200);

    const list = await app.request(`/accounts/${s.account.id}/users`, { headers: { cookie: victim.cookie } });
    expect(list.status).toBe(404);
    const after = await (await app.request('/me', { headers: { cookie: victim.cookie } })).json();
    expect(after.activeAccountId).toBe(elsewhere.id);
    expect(after.accounts.map((a: { id: string }) => a.id)).toEqual([elsewhere.id]);
  });

  it('revokes the pending invitation of an invited person', async () => {
    const s = await scenario();
    expect((await remove(s.account.id, s.ids.invitee, s.admin)).status).toBe(200);
    const invitations = await database.db.selectFrom('invitations').select('state').where('user_id', '=', s.ids.invitee).execute();
    expect(invitations).toEqual([{ state: 'revoked' }]);
  });

  it('refuses a second removal clearly and sends no second email', async () => {
    const s = await scenario();
    expect((await remove(s.account.id, s.ids.finn, s.admin)).status).toBe(200);
    const again = await remove(s.account.id, s.ids.finn, s.admin);
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('already_removed');
    const emails = await database.db.selectFrom('outbox').select('id').where('recipient', '=', `finn${s.n}@acme.test`).execute();
    expect(emails).toHaveLength(1);
    const details_ = await (await details(s.account.id, s.ids.finn, s.admin)).json();
    expect(details_).toMatchObject({ state: 'removed', removedAt: NOW.toISOString(), removal: { allowed: false, reason: 'already_removed' } });
  });

  it('refuses to remove yourself', async () => {
    const s = await scenario();
    const response = await remove(s.account.id, s.ids.admin, s.admin);
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe('cannot_remove_self');
  });

  it('answers 401, 403 and 404 to those who may not remove', async () => {
    const s = await scenario();
    const outsider = await scenario();
    const finn = await signInAs(app, `finn${s.n}@acme.test`);
    expect((await remove(s.account.id, s.ids.admin2)).status).toBe(401);
    const forbidden = await remove(s.account.id, s.ids.admin2, finn);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).code).toBe('forbidden');
    expect((await remove(s.account.id, s.ids.admin2, outsider.admin)).status).toBe(404);
    expect((await remove(s.account.id, '00000000-0000-4000-8000-000000000000', s.admin)).status).toBe(404);
    const rows = await database.db.selectFrom('memberships').select('state').where('account_id', '=', s.account.id).execute();
    expect(rows.filter((r) => r.state === 'removed')).toEqual([]);
  });
});
