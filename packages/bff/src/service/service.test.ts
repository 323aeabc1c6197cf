import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { addMember, createGroup, createUser, ORIGIN, PUBLIC_URL, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { appOn, type TestApp } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { rosterService } from './in-process.ts';

const TOKEN = 'service-token-that-is-long-enough-0123456789';
const NOW = new Date('2026-06-01T12:00:00Z');
let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = appOn(database, { serviceToken: TOKEN, now: () => NOW });
});
afterAll(() => database.close());

const call = (method: string, path: string, body?: unknown, token = TOKEN) =>
  app.request(`/service${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect((await response.json()).code).toBe(code);
}
async function newAccount(name = 'Initech') {
  const response = await call('POST', '/accounts', { name });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; name: string };
}
const groupsOf = async (accountId: string) => (await call('GET', `/accounts/${accountId}/groups`)).json();
const serviceAudit = (accountId: string) =>
  database.db.selectFrom('audit_events').select(['action', 'actor_id', 'data']).where('account_id', '=', accountId).orderBy('seq').execute();

describe('the service token', () => {
  it('is the only way in: none, a wrong one, a cookie or a token of other length are refused with invalid_token', async () => {
    const account = await newAccount();
    for (const token of ['', 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const response = await call('GET', `/accounts/${account.id}/groups`, undefined, token);
      await expectProblem(response, 401, 'invalid_token');
    }
    const userId = await createUser(database.db, { email: 'cookie@initech.test' });
    await addMember(database.db, { accountId: account.id, userId, groupIds: [(await groupsOf(account.id))[0].id] });
    const { cookie } = await signInAs(app, 'cookie@initech.test');
    await expectProblem(await app.request(`/service/accounts/${account.id}/groups`, { headers: { cookie } }), 401, 'invalid_token');
    // Unknown service paths learn nothing without the token either.
    await expectProblem(await call('GET', '/nothing', undefined, 'wrong'), 401, 'invalid_token');
    await expectProblem(await call('GET', '/nothing'), 404, 'not_found');
  });

  it('reaches nothing outside /service', async () => {
    const account = await newAccount();
    for (const path of ['/me', `/accounts/${account.id}/users`, `/me/permissions?accountId=${account.id}`]) {
      const response = await app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } });
      await expectProblem(response, 401, 'unauthenticated');
    }
  });

  it('leaves /service off (404) when no token is configured', async () => {
    const off = appOn(database);
    await expectProblem(await off.request('/service/accounts', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }), 404, 'not_found');
    expect(() => createApp({ db: database.db, databaseKind: database.kind, secret: TEST_SECRET, publicUrl: PUBLIC_URL, serviceToken: 'short' })).toThrow(/32/);
  });
});

describe('provisioning accounts and groups', () => {
  it('creates an account with its default Administrators group, renames it, and audits both as the service', async () => {
    const account = await newAccount('  Umbrella ');
    expect(account.name).toBe('Umbrella');
    const groups = await groupsOf(account.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: 'Administrators', isDefault: true, memberCount: 0 });
    expect(groups[0].permissions.map((p: { id: string }) => p.id)).toEqual(['account-admin']);

    const renamed = await call('PATCH', `/accounts/${account.id}`, { name: 'Umbrella Corp' });
    expect(await renamed.json()).toEqual({ id: account.id, name: 'Umbrella Corp' });
    expect(await serviceAudit(account.id)).toEqual([
      { action: 'account.created', actor_id: null, data: { actor: 'service', name: 'Umbrella' } },
      { action: 'account.renamed', actor_id: null, data: { actor: 'service', nameBefore: 'Umbrella', nameAfter: 'Umbrella Corp' } },
    ]);
  });

  it('creates, changes and deletes groups; the default group and held groups are protected', async () => {
    const account = await newAccount();
    const created = await call('POST', `/accounts/${account.id}/groups`, { name: 'Finance', description: 'Money', permissions: ['billing', 'billing', 'reports'] });
    expect(created.status).toBe(201);
    const finance = await created.json();
    expect(finance).toMatchObject({ name: 'Finance', description: 'Money', isDefault: false, memberCount: 0 });
    expect(finance.permissions.map((p: { id: string }) => p.id)).toEqual(['billing', 'reports']);
    await expectProblem(await call('POST', `/accounts/${account.id}/groups`, { name: 'finance', permissions: [] }), 409, 'group_name_taken');

    const changed = await call('PATCH', `/accounts/${account.id}/groups/${finance.id}`, { name: 'Accounting', permissions: ['billing'] });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: 'Accounting', description: 'Money' });

    const admins = (await groupsOf(account.id)).find((g: { isDefault: boolean }) => g.isDefault);
    await expectProblem(await call('PATCH', `/accounts/${account.id}/groups/${admins.id}`, { name: 'Bosses' }), 409, 'default_group');
    await expectProblem(await call('DELETE', `/accounts/${account.id}/groups/${admins.id}`), 409, 'default_group');

    const userId = await createUser(database.db, { email: `holder-${account.id}@initech.test` });
    await addMember(database.db, { accountId: account.id, userId, groupIds: [finance.id] });
    await expectProblem(await call('DELETE', `/accounts/${account.id}/groups/${finance.id}`), 409, 'group_not_empty');
    await database.db.deleteFrom('membership_groups').where('group_id', '=', finance.id).execute();
    expect((await call('DELETE', `/accounts/${account.id}/groups/${finance.id}`)).status).toBe(204);
    expect((await groupsOf(account.id)).map((g: { name: string }) => g.name)).toEqual(['Administrators']);
    expect((await serviceAudit(account.id)).map((e) => e.action)).toEqual(['account.created', 'group.created', 'group.updated', 'group.deleted']);
  });

  it('refuses to take account-admin from the group that holds the last active administrator', async () => {
    const account = await newAccount();
    const bosses = await (await call('POST', `/accounts/${account.id}/groups`, { name: 'Bosses', permissions: ['account-admin'] })).json();
    const userId = await createUser(database.db, { email: `boss-${account.id}@initech.test` });
    await addMember(database.db, { accountId: account.id, userId, groupIds: [bosses.id] });
    await expectProblem(await call('PATCH', `/accounts/${account.id}/groups/${bosses.id}`, { permissions: [] }), 409, 'last_administrator');
  });

  it('answers bad input with a problem and a code, never a 500', async () => {
    const account = await newAccount();
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectProblem(await call('POST', '/accounts', {}), 400, 'invalid_parameters');
    await expectProblem(await call('POST', '/accounts', { name: '   ' }), 400, 'invalid_parameters');
    await expectProblem(await call('POST', '/accounts', { name: 'x', extra: 1 }), 400, 'invalid_parameters');
    // Account names are read in emails: no line breaks or direction overrides.
    await expectProblem(await call('POST', '/accounts', { name: 'Acme\nhttps://evil.test/reset' }), 400, 'invalid_parameters');
    await expectProblem(await call('POST', '/accounts', { name: 'Acme \u202Eproc' }), 400, 'invalid_parameters');
    await expectProblem(await app.request('/service/accounts', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{' }), 400, 'bad_request');
    await expectProblem(await call('PATCH', `/accounts/${missing}`, { name: 'x' }), 404, 'not_found');
    await expectProblem(await call('PATCH', '/accounts/not-a-uuid', { name: 'x' }), 404, 'not_found');
    await expectProblem(await call('GET', `/accounts/${missing}/groups`), 404, 'not_found');
    await expectProblem(await call('POST', `/accounts/${account.id}/groups`, { name: 'G', permissions: ['has space'] }), 400, 'invalid_parameters');
    await expectProblem(await call('POST', `/accounts/${account.id}/groups`, { name: 'G' }), 400, 'invalid_parameters');
    await expectProblem(await call('PATCH', `/accounts/${account.id}/groups/${missing}`, { name: 'x' }), 404, 'not_found');
    await expectProblem(await call('PATCH', `/accounts/${account.id}/groups/${missing}`, {}), 400, 'invalid_parameters');
    await expectProblem(await call('DELETE', `/accounts/${account.id}/groups/nope`), 404, 'not_found');
    await expectProblem(await call('GET', '/users?email=not-an-email'), 400, 'invalid_parameters');
    await expectProblem(await call('GET', `/accounts/${account.id}/members?limit=0`), 400, 'invalid_parameters');
    await expectProblem(await call('GET', `/accounts/${account.id}/members?cursor=abc`), 400, 'invalid_parameters');
    await expectProblem(await call('POST', `/accounts/${account.id}/invitations`, { invitees: [], groupIds: [] }), 400, 'invalid_parameters');
  });
});

describe('first administrators, people and members', () => {
  it('invites a first administrator with the screen\'s results, email and link, audited as the service', async () => {
    const account = await newAccount('Hooli');
    const [admins] = await groupsOf(account.id);
    const response = await call('POST', `/accounts/${account.id}/invitations`, {
      invitees: [{ email: 'Gavin@Hooli.test', firstName: 'Gavin', lastName: 'Belson' }, { email: 'bad' }],
      groupIds: [admins.id],
    });
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results[0]).toMatchObject({ status: 'invited', email: 'gavin@hooli.test', reinvited: false });
    expect(results[0].link).toMatch(new RegExp(`^${PUBLIC_URL}/invite/`));
    expect(results[1]).toEqual({ status: 'invalid', email: 'bad', reason: 'invalid_email' });

    const email = await database.db.selectFrom('outbox').select(['kind', 'recipient', 'payload']).where('recipient', '=', 'gavin@hooli.test').executeTakeFirstOrThrow();
    expect(email).toMatchObject({ kind: 'invitation', payload: { accountName: 'Hooli', inviterName: '' } });
    const invited = (await serviceAudit(account.id)).find((e) => e.action === 'user.invited')!;
    expect(invited).toMatchObject({ actor_id: null, data: { actor: 'service', email: 'gavin@hooli.test' } });

    // The invitee accepts through the ordinary link and is the account's administrator.
    const token = results[0].link.split('/invite/')[1];
    const accepted = await app.request(`/invitations/${token}/accept`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ registration: { firstName: 'Gavin', lastName: 'Belson', password: 'Correct-horse-9', acceptTerms: true } }),
    });
    expect(accepted.status).toBe(200);
    const person = await (await call('GET', '/users?email=GAVIN@hooli.test')).json();
    expect(person).toEqual({ id: results[0].userId, email: 'gavin@hooli.test', firstName: 'Gavin', lastName: 'Belson' });
    expect(await (await call('GET', `/accounts/${account.id}/users/${person.id}/permissions`)).json()).toEqual({ permissions: ['account-admin'] });
    await expectProblem(await call('GET', '/users?email=nobody@hooli.test'), 404, 'not_found');
  });

  it('lists members keyset-paged with their groups and permissions, active ones only holding permissions', async () => {
    const account = await newAccount('Pied Piper');
    const [admins] = await groupsOf(account.id);
    const eng = await createGroup(database.db, account.id, 'Engineering', ['code', 'deploy']);
    const ops = await createGroup(database.db, account.id, 'Ops', ['deploy', 'pager']);
    const states = ['active', 'active', 'blocked', 'invited', 'removed'] as const;
    const ids: string[] = [];
    for (const [i, state] of states.entries()) {
      const userId = await createUser(database.db, { email: `p${i}-${account.id}@piper.test` });
      ids.push(userId);
      await addMember(database.db, { accountId: account.id, userId, groupIds: state === 'removed' ? [] : i === 0 ? [admins.id] : [eng, ops], state });
    }
    const seen: { userId: string; state: string; permissions: string[]; groupIds: string[] }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: typeof seen; nextCursor: string | null } = await (await call('GET', `/accounts/${account.id}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((m) => m.userId)).toEqual(ids.slice(0, 4).sort());
    const byId = new Map(seen.map((m) => [m.userId, m]));
    expect(byId.get(ids[0]!)).toMatchObject({ state: 'active', groupIds: [admins.id], permissions: ['account-admin'] });
    expect(byId.get(ids[1]!)).toMatchObject({ state: 'active', groupIds: [eng, ops].sort(), permissions: ['code', 'deploy', 'pager'] });
    expect(byId.get(ids[2]!)).toMatchObject({ state: 'blocked', permissions: [] });
    expect(byId.get(ids[3]!)).toMatchObject({ state: 'invited', permissions: [] });
  });
});

describe('permission checks', () => {
  it('answers the union of the groups for active members, and an empty set for anyone else', async () => {
    const account = await newAccount('Checks');
    const eng = await createGroup(database.db, account.id, 'Eng', ['code', 'deploy']);
    const ops = await createGroup(database.db, account.id, 'Ops', ['deploy', 'pager']);
    const people: Record<string, string> = {};
    for (const state of ['active', 'blocked', 'removed', 'invited'] as const) {
      people[state] = await createUser(database.db, { email: `${state}-${account.id}@checks.test` });
      await addMember(database.db, { accountId: account.id, userId: people[state]!, groupIds: [eng, ops], state });
    }
    const check = async (userId: string, accountId = account.id) => (await (await call('GET', `/accounts/${accountId}/users/${userId}/permissions`)).json()).permissions;
    expect(await check(people.active!)).toEqual(['code', 'deploy', 'pager']);
    for (const state of ['blocked', 'removed', 'invited']) expect(await check(people[state]!)).toEqual([]);
    expect(await check('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await check(people.active!, '00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await check('not-a-uuid', 'nope')).toEqual([]);

    // The browser's own question, for the signed-in person.
    const { cookie } = await signInAs(app, `active-${account.id}@checks.test`);
    const mine = await app.request(`/me/permissions?accountId=${account.id}`, { headers: { cookie } });
    expect(await mine.json()).toEqual({ permissions: ['code', 'deploy', 'pager'] });
    const elsewhere = await app.request(`/me/permissions?accountId=00000000-0000-4000-8000-000000000000`, { headers: { cookie } });
    expect(await elsewhere.json()).toEqual({ permissions: [] });
    await expectProblem(await app.request('/me/permissions?accountId=x', { headers: { cookie } }), 400, 'invalid_parameters');
    await expectProblem(await app.request(`/me/permissions?accountId=${account.id}`), 401, 'unauthenticated');
    const { cookie: blockedCookie } = await signInAs(app, `blocked-${account.id}@checks.test`);
    expect(await (await app.request(`/me/permissions?accountId=${account.id}`, { headers: { cookie: blockedCookie } })).json()).toEqual({ permissions: [] });
  });
});

describe('rosterService (in process)', () => {
  it('does what /service does, with the same refusals as ProblemErrors', async () => {
    const roster = rosterService({ db: database.db, secret: TEST_SECRET, publicUrl: PUBLIC_URL, now: () => NOW });
    const account = await roster.createAccount({ name: 'In Process' });
    const [admins] = await roster.listGroups(account.id);
    const [result] = await roster.invite(account.id, { invitees: [{ email: 'first@inproc.test', firstName: 'Fi', lastName: 'Rst' }], groupIds: [admins!.id] });
    expect(result).toMatchObject({ status: 'invited', email: 'first@inproc.test' });
    expect((await roster.listMembers(account.id)).items).toMatchObject([{ email: 'first@inproc.test', state: 'invited', groupIds: [admins!.id], permissions: [] }]);
    expect((await roster.listAccounts()).some((a) => a.id === account.id)).toBe(true);
    await expect(roster.createAccount({ name: '' })).rejects.toMatchObject({ status: 400, code: 'invalid_parameters' });
    await expect(roster.deleteGroup(account.id, admins!.id)).rejects.toMatchObject({ status: 409, code: 'default_group' });
    await expect(roster.findPerson('nobody@inproc.test')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
