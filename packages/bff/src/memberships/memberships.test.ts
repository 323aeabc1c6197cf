import { describe, expect, it } from 'vitest';
import { addMember, createAccount, createGroup, createTeam, ORIGIN, signInAs } from '../testing/fixtures.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
let counter = 0;

const { database, app } = useTestApp({ now: () => NOW });

/** A team (see createTeam) whose Finn also belongs to a second account, which has a group of its own. */
async function scenario() {
  const team = await createTeam(database.db, app, ++counter);
  const other = await createAccount(database.db, `Other ${team.n}`);
  const foreign = await createGroup(database.db, other.id, 'Elsewhere', ['orders']);
  await addMember(database.db, { accountId: other.id, userId: team.ids.finn, groupIds: [foreign] });
  return { ...team, other, foreign };
}

type Auth = { cookie: string };
const send = (method: string, path: string, auth: Auth, body?: unknown, via = app) =>
  via.request(path, {
    method,
    headers: { cookie: auth.cookie, origin: ORIGIN, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const details = async (accountId: string, userId: string, auth: Auth) =>
  (await app.request(`/accounts/${accountId}/users/${userId}`, { headers: { cookie: auth.cookie } })).json();
const groupIdsOf = async (accountId: string, userId: string) =>
  (await database.db.selectFrom('membership_groups').select('group_id').where('account_id', '=', accountId).where('user_id', '=', userId).execute())
    .map((r) => r.group_id)
    .sort();
const audit = (accountId: string, query = '') =>
  async (auth: Auth) => (await app.request(`/accounts/${accountId}/audit${query}`, { headers: { cookie: auth.cookie } })).json();

describe('PATCH /accounts/:accountId/users/:userId (edit groups)', () => {
  it('replaces the groups, moves the version on, and records before and after', async () => {
    const s = await scenario();
    const before = await details(s.account.id, s.ids.finn, s.admin);
    const response = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.sales], version: before.version });
    expect(response.status).toBe(200);
    const after = await response.json();
    expect(after.version).toBe(before.version + 1);
    expect(after.groups.map((g: { name: string }) => g.name)).toEqual(['Sales']);
    expect(await groupIdsOf(s.account.id, s.ids.finn)).toEqual([s.sales]);
    const history = await audit(s.account.id, `?userId=${s.ids.finn}`)(s.admin);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      action: 'user.groups_changed',
      actor: { id: s.ids.admin, name: 'Ada Admin' },
      subject: { id: s.ids.finn, name: 'Finn Ledger' },
      data: { groupsBefore: [{ id: s.finance, name: 'Finance' }, { id: s.sales, name: 'Sales' }], groupsAfter: [{ id: s.sales, name: 'Sales' }] },
    });
    // No email unless the host asks for one.
    expect(await database.db.selectFrom('outbox').select('id').where('recipient', '=', `finn${s.n}@acme.test`).execute()).toEqual([]);
  });

  it('saving the groups the person already holds changes nothing and records nothing', async () => {
    const s = await scenario();
    const before = await details(s.account.id, s.ids.finn, s.admin);
    const response = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.sales, s.finance], version: before.version });
    expect(response.status).toBe(200);
    expect((await response.json()).version).toBe(before.version);
    expect((await audit(s.account.id, `?userId=${s.ids.finn}`)(s.admin)).items).toEqual([]);
  });

  it('refuses a stale version with version_conflict and changes nothing', async () => {
    const s = await scenario();
    const { version } = await details(s.account.id, s.ids.finn, s.admin);
    expect((await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.sales], version })).status).toBe(200);
    const stale = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.finance, s.sales], version });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('version_conflict');
    expect(await groupIdsOf(s.account.id, s.ids.finn)).toEqual([s.sales]);
  });

  it('needs at least one group, all of this account', async () => {
    const s = await scenario();
    const { version } = await details(s.account.id, s.ids.finn, s.admin);
    const cases: [unknown, number, string][] = [
      [{ groupIds: [], version }, 400, 'invalid_parameters'],
      [{ groupIds: ['nope'], version }, 400, 'invalid_parameters'],
      [{ groupIds: [s.sales] }, 400, 'invalid_parameters'],
      [{ groupIds: [s.foreign], version }, 400, 'unknown_group'],
      [{ groupIds: [s.sales, s.foreign], version }, 400, 'unknown_group'],
    ];
    for (const [body, status, code] of cases) {
      const response = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, body);
      expect([response.status, (await response.json()).code]).toEqual([status, code]);
    }
    expect(await groupIdsOf(s.account.id, s.ids.finn)).toEqual([s.finance, s.sales].sort());
  });

  it('never leaves the account without an active administrator', async () => {
    const s = await scenario();
    // Bo steps down: allowed, Ada is still an administrator.
    const bo = await details(s.account.id, s.ids.admin2, s.admin);
    expect((await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.admin2}`, s.admin, { groupIds: [s.sales], version: bo.version })).status).toBe(200);
    // Ada is now the last one.
    const ada = await details(s.account.id, s.ids.admin, s.admin);
    const refused = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.admin}`, s.admin, { groupIds: [s.sales], version: ada.version });
    expect(refused.status).toBe(409);
    expect((await refused.json()).code).toBe('last_administrator');
    expect(await groupIdsOf(s.account.id, s.ids.admin)).toEqual([s.account.adminGroupId]);
  });

  it('refuses people who left, answers 403 to members and 404 to strangers', async () => {
    const s = await scenario();
    const outsider = await scenario();
    const finnAuth = await signInAs(app, `finn${s.n}@acme.test`);
    const { version } = await details(s.account.id, s.ids.finn, s.admin);
    expect((await send('DELETE', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin)).status).toBe(200);
    const gone = await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.sales], version: version + 1 });
    expect((await gone.json()).code).toBe('already_removed');
    const invitee = await details(s.account.id, s.ids.invitee, s.admin);
    expect((await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.invitee}`, finnAuth, { groupIds: [s.sales], version: invitee.version })).status).toBe(404);
    expect((await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.invitee}`, outsider.admin, { groupIds: [s.sales], version: invitee.version })).status).toBe(404);
    const member = await signInAs(app, `finn${outsider.n}@acme.test`);
    const forbidden = await send('PATCH', `/accounts/${outsider.account.id}/users/${outsider.ids.invitee}`, member, { groupIds: [outsider.sales], version: 1 });
    expect(forbidden.status).toBe(403);
  });
});

describe('block and unblock', () => {
  it("takes the account away from the person (other accounts stay), and gives it back with the groups", async () => {
    const s = await scenario();
    const finn = await signInAs(app, `finn${s.n}@acme.test`);
    // Finn is working in Acme.
    await database.db.updateTable('users').set({ active_account_id: s.account.id }).where('id', '=', s.ids.finn).execute();
    const blocked = await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin);
    expect(blocked.status).toBe(200);
    expect(await blocked.json()).toMatchObject({ state: 'blocked', blocking: { allowed: false, reason: 'already_blocked' } });

    expect((await app.request(`/accounts/${s.account.id}/groups`, { headers: { cookie: finn.cookie } })).status).toBe(404);
    const me = await (await app.request('/me', { headers: { cookie: finn.cookie } })).json();
    expect(me.accounts.map((a: { id: string }) => a.id)).toEqual([s.other.id]);
    expect(me.activeAccountId).toBe(s.other.id);
    expect(me.lostAccount).toEqual({ id: s.account.id, name: expect.any(String), reason: 'blocked' });
    expect(await groupIdsOf(s.account.id, s.ids.finn)).toEqual([s.finance, s.sales].sort());

    const unblocked = await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/unblock`, s.admin);
    expect(unblocked.status).toBe(200);
    expect((await unblocked.json()).state).toBe('active');
    const again = await (await app.request('/me', { headers: { cookie: finn.cookie } })).json();
    expect(again.accounts.map((a: { id: string }) => a.id).sort()).toEqual([s.account.id, s.other.id].sort());
    const actions = (await audit(s.account.id, `?userId=${s.ids.finn}`)(s.admin)).items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['user.unblocked', 'user.blocked']);
  });

  it('refuses yourself, invited people (remove them instead), and states that do not apply', async () => {
    const s = await scenario();
    const refusals: [string, string, string][] = [
      [s.ids.admin, 'block', 'cannot_block_self'],
      [s.ids.invitee, 'block', 'cannot_block_invited'],
      [s.ids.finn, 'unblock', 'not_blocked'],
    ];
    for (const [userId, action, code] of refusals) {
      const response = await send('POST', `/accounts/${s.account.id}/users/${userId}/${action}`, s.admin);
      expect([response.status, (await response.json()).code]).toEqual([409, code]);
    }
    expect((await details(s.account.id, s.ids.invitee, s.admin)).blocking).toEqual({ allowed: false, reason: 'invited' });
    expect((await details(s.account.id, s.ids.admin, s.admin)).blocking).toEqual({ allowed: false, reason: 'self' });
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin);
    const twice = await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin);
    expect((await twice.json()).code).toBe('already_blocked');
    expect((await send('POST', `/accounts/${s.account.id}/users/00000000-0000-4000-8000-000000000000/block`, s.admin)).status).toBe(404);
  });

  it('emails the person only when the host turns notifyOnBlock on, in their language', async () => {
    const s = await scenario();
    await database.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', s.ids.finn).execute();
    const notifying = appOn(database, { now: () => NOW, notifyOnBlock: true });
    const outbox = () => database.db.selectFrom('outbox').select(['kind', 'locale', 'payload']).where('recipient', '=', `finn${s.n}@acme.test`).orderBy('kind').execute();
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin);
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/unblock`, s.admin);
    expect(await outbox()).toEqual([]);
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin, undefined, notifying);
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/unblock`, s.admin, undefined, notifying);
    expect(await outbox()).toEqual([
      { kind: 'user-blocked', locale: 'fr', payload: { firstName: 'Finn', accountName: `Acme ${s.n}` } },
      { kind: 'user-unblocked', locale: 'fr', payload: { firstName: 'Finn', accountName: `Acme ${s.n}` } },
    ]);
  });
});

describe('GET /accounts/:accountId/audit', () => {
  it('lists every kind of change, newest first, filtered by person and action, keyset paged', async () => {
    const s = await scenario();
    const { version } = await details(s.account.id, s.ids.finn, s.admin);
    await send('PATCH', `/accounts/${s.account.id}/users/${s.ids.finn}`, s.admin, { groupIds: [s.sales], version });
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/block`, s.admin);
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.finn}/unblock`, s.admin);
    await send('POST', `/accounts/${s.account.id}/users/${s.ids.invitee}/invitation/resend`, s.admin);
    await send('POST', `/accounts/${s.account.id}/invitations`, s.admin, { invitees: [{ email: `grace${s.n}@example.test`, firstName: 'Grace', lastName: 'Hopper' }], groupIds: [s.sales] });
    await send('DELETE', `/accounts/${s.account.id}/users/${s.ids.invitee}`, s.admin);

    const all = await audit(s.account.id)(s.admin);
    expect(all.items.map((e: { action: string }) => e.action)).toEqual([
      'user.removed',
      'user.invited',
      'invitation.resent',
      'user.unblocked',
      'user.blocked',
      'user.groups_changed',
    ]);
    expect(all.nextCursor).toBeNull();
    expect(all.items[1]).toMatchObject({ subject: { name: 'Grace Hopper', email: `grace${s.n}@example.test` }, data: { groups: [{ id: s.sales, name: 'Sales' }] } });

    const pages: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await audit(s.account.id, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`)(s.admin);
      pages.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(pages).toEqual(all.items.map((e: { id: string }) => e.id));

    const blocks = await audit(s.account.id, `?action=user.blocked`)(s.admin);
    expect(blocks.items.map((e: { subject: { id: string } }) => e.subject.id)).toEqual([s.ids.finn]);
    const invitee = await audit(s.account.id, `?userId=${s.ids.invitee}`)(s.admin);
    expect(invitee.items.map((e: { action: string }) => e.action)).toEqual(['user.removed', 'invitation.resent']);
  });

  it('answers bad parameters with invalid_parameters, members with 403 and strangers with 404', async () => {
    const s = await scenario();
    const outsider = await scenario();
    for (const query of ['?cursor=abc', '?cursor=0', '?limit=0', '?limit=101', '?action=user.deleted', '?userId=nope']) {
      const response = await app.request(`/accounts/${s.account.id}/audit${query}`, { headers: { cookie: s.admin.cookie } });
      expect([response.status, (await response.json()).code]).toEqual([400, 'invalid_parameters']);
    }
    const finn = await signInAs(app, `finn${s.n}@acme.test`);
    expect((await app.request(`/accounts/${s.account.id}/audit`, { headers: { cookie: finn.cookie } })).status).toBe(403);
    expect((await app.request(`/accounts/${s.account.id}/audit`, { headers: { cookie: outsider.admin.cookie } })).status).toBe(404);
  });
});

describe('permissions people can read', () => {
  it("labels permissions from the host's catalogue, and shows undeclared ids as themselves", async () => {
    const s = await scenario();
    const hosted = appOn(database, {
      now: () => NOW,
      permissions: [{ id: 'billing', label: 'Invoicing', description: 'Send and chase invoices' }],
    });
    const response = await hosted.request(`/accounts/${s.account.id}/users/${s.ids.finn}`, { headers: { cookie: s.admin.cookie } });
    const body = await response.json();
    expect(body.permissions).toEqual([
      { id: 'billing', label: 'Invoicing', description: 'Send and chase invoices' },
      { id: 'orders', label: 'orders', description: '' },
      { id: 'reports', label: 'reports', description: '' },
    ]);
    const groups = await (await hosted.request(`/accounts/${s.account.id}/groups`, { headers: { cookie: s.admin.cookie } })).json();
    // Roster's own permission is always known, whatever the host declares.
    expect(groups[0].permissions).toEqual([{ id: 'account-admin', label: 'Account administration', description: expect.any(String) }]);
  });
});
