import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { UserDetails, UserListItem, UserListPage } from '@roster/shared';
import { addMember, createAccount, createGroup, createUser, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const MEMBERS = 304; // a multiple of 8, the length of the state cycle below

let acme: { id: string; adminGroupId: string };
let other: { id: string; adminGroupId: string };
let salesId: string;
let supportId: string;
let admin: { cookie: string };

/**
 * Acme has an administrator, a plain member and 304 generated members whose names, join dates and
 * sign-in times repeat in small cycles, so every sort key has many ties (and nulls).
 */
const { database, app } = useTestApp({ now: () => NOW });

beforeAll(async () => {
  const { db } = database;
  acme = await createAccount(db, 'Acme');
  other = await createAccount(db, 'Other');
  salesId = await createGroup(db, acme.id, 'Sales', ['orders']);
  supportId = await createGroup(db, acme.id, 'Support', ['support']);

  const adminId = await createUser(db, { email: 'boss@acme.test', firstName: 'Zed', lastName: 'Boss' });
  await addMember(db, { accountId: acme.id, userId: adminId, groupIds: [acme.adminGroupId] });
  const memberId = await createUser(db, { email: 'plain@acme.test', firstName: 'Plain', lastName: 'Member' });
  await addMember(db, { accountId: acme.id, userId: memberId, groupIds: [salesId] });
  const outsiderId = await createUser(db, { email: 'out@other.test' });
  await addMember(db, { accountId: other.id, userId: outsiderId, groupIds: [other.adminGroupId] });

  for (let i = 0; i < MEMBERS; i++) {
    const userId = await createUser(db, {
      email: `person${String(i).padStart(3, '0')}@acme.test`,
      firstName: ['Ann', 'Bob', 'Cy'][i % 3],
      lastName: ['Lee', 'Ngo'][i % 2],
      lastSignInAt: i % 4 === 0 ? null : new Date(NOW.getTime() - (i % 5) * DAY),
    });
    const state = (['active', 'active', 'active', 'invited', 'invited', 'blocked', 'removed', 'declined'] as const)[i % 8];
    await addMember(db, {
      accountId: acme.id,
      userId,
      groupIds: state === 'removed' || state === 'declined' ? [] : i % 10 === 0 ? [salesId, supportId] : [salesId],
      state,
      joinedAt: new Date(NOW.getTime() - (i % 7) * DAY),
      // Half the invitations have run out: those members are "expired".
      invitationExpiresAt: new Date(NOW.getTime() + (i % 8 === 3 ? 3 : -1) * DAY),
    });
  }
  admin = await signInAs(app, 'boss@acme.test');
});

async function list(query: string, auth = admin, accountId = acme.id) {
  return app.request(`/accounts/${accountId}/users${query}`, { headers: { cookie: auth.cookie } });
}
async function listOk(query: string): Promise<UserListPage> {
  const response = await list(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}
async function allPages(query: string, limit: number) {
  const items: UserListItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: UserListPage = await listOk(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    expect(pages).toBeLessThan(200);
  } while (cursor);
  return items;
}

describe('GET /accounts/:accountId/users — who may ask', () => {
  it('401 for anonymous callers', async () => {
    const response = await app.request(`/accounts/${acme.id}/users`);
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('unauthenticated');
  });

  it('404 for an account the caller is not in, or that does not exist, or a malformed id', async () => {
    for (const accountId of [other.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await list('', admin, accountId);
      expect(response.status).toBe(404);
      expect((await response.json()).code).toBe('not_found');
    }
  });

  it('403 for members who are not administrators', async () => {
    const member = await signInAs(app, 'plain@acme.test');
    const response = await list('', member);
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('forbidden');
    expect((await app.request(`/accounts/${acme.id}/groups`, { headers: { cookie: member.cookie } })).status).toBe(403);
  });

  it('stops answering an administrator the moment they are blocked', async () => {
    const db = database.db;
    const userId = await createUser(db, { email: 'temp-admin@acme.test' });
    await addMember(db, { accountId: acme.id, userId, groupIds: [acme.adminGroupId] });
    const temp = await signInAs(app, 'temp-admin@acme.test');
    expect((await list('', temp)).status).toBe(200);
    await db.updateTable('memberships').set({ state: 'blocked' }).where('user_id', '=', userId).execute();
    expect((await list('', temp)).status).toBe(404);
    await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  });
});

describe('GET /accounts/:accountId/users — the list', () => {
  it('shows invited, expired, active and blocked members by default, with their details and groups', async () => {
    const page = await listOk('?limit=100&sort=email');
    // Of the generated members 6 in every 8 are in a default state; plus the administrator and the plain member.
    expect(page.total).toBe((MEMBERS / 8) * 6 + 2);
    expect(new Set(page.items.map((i) => i.state))).toEqual(new Set(['active', 'invited', 'expired', 'blocked']));

    const person0 = page.items.find((i) => i.email === 'person000@acme.test')!;
    expect(person0).toEqual({
      id: expect.any(String),
      email: 'person000@acme.test',
      firstName: 'Ann',
      lastName: 'Lee',
      avatarUrl: null,
      state: 'active',
      expiresAt: null,
      joinedAt: NOW.toISOString(),
      invitedAt: expect.any(String),
      lastSignInAt: null,
      groups: [{ id: salesId, name: 'Sales' }, { id: supportId, name: 'Support' }],
    });
    const invited = page.items.find((i) => i.email === 'person003@acme.test')!;
    expect(invited).toMatchObject({ state: 'invited', joinedAt: null, expiresAt: new Date(NOW.getTime() + 3 * DAY).toISOString() });
    const expired = page.items.find((i) => i.email === 'person004@acme.test')!;
    expect(expired).toMatchObject({ state: 'expired', expiresAt: new Date(NOW.getTime() - DAY).toISOString() });
  });

  it('prints the dates of a row (PostgreSQL formats them for the list) exactly as the details do', async () => {
    const { db } = database;
    const userId = await createUser(db, { email: 'dates@acme.test', lastSignInAt: new Date('2026-05-31T23:59:59.999Z') });
    await addMember(db, { accountId: acme.id, userId, groupIds: [], state: 'invited', invitationExpiresAt: new Date('2026-06-03T08:07:06.5Z') });
    // Microseconds, which Date cannot hold, are cut to milliseconds on both sides.
    await sql`update memberships set invited_at = '0999-12-31 23:59:58.123987+00' where user_id = ${userId}`.execute(db);
    const listed = (await listOk('?q=dates@acme')).items[0]!;
    const details = (await (await app.request(`/accounts/${acme.id}/users/${userId}`, { headers: admin })).json()) as UserDetails;
    const dates = (item: UserListItem | UserDetails) => [item.invitedAt, item.joinedAt, item.lastSignInAt, item.expiresAt];
    expect(dates(listed)).toEqual(['0999-12-31T23:59:58.123Z', null, '2026-05-31T23:59:59.999Z', '2026-06-03T08:07:06.500Z']);
    expect(dates(details)).toEqual(dates(listed));
    await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  });

  it('filters by any set of states, including the hidden ones', async () => {
    for (const state of ['invited', 'expired', 'active', 'blocked', 'removed', 'declined'] as const) {
      const items = await allPages(`state=${state}`, 100);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.state === state)).toBe(true);
    }
    const removedOrDeclined = await listOk('?state=removed,declined&limit=100');
    expect(removedOrDeclined.total).toBe((MEMBERS / 8) * 2);
    expect(removedOrDeclined.items.every((i) => i.groups.length === 0)).toBe(true);
  });

  it('filters by group', async () => {
    const support = await allPages(`group=${supportId}`, 100);
    expect(support.length).toBeGreaterThan(0);
    expect(support.every((i) => i.groups.some((g) => g.id === supportId))).toBe(true);
    const admins = await listOk(`?group=${acme.adminGroupId}`);
    expect(admins.items.map((i) => i.email)).toEqual(['boss@acme.test']);
    const foreign = await listOk(`?group=${other.adminGroupId}`);
    expect(foreign.total).toBe(0);
  });

  it('searches names and emails as case-insensitive substrings, wildcards taken literally', async () => {
    const byEmail = await listOk('?q=PERSON01&limit=100');
    expect(byEmail.items.length).toBeGreaterThan(0);
    expect(byEmail.items.every((i) => i.email.startsWith('person01'))).toBe(true);
    const byFullName = await listOk('?q=zed%20bo');
    expect(byFullName.items.map((i) => i.email)).toEqual(['boss@acme.test']);
    expect((await listOk('?q=%25')).total).toBe(0);
    expect((await listOk('?q=_')).total).toBe(0);
    expect((await listOk('?q=nobody-matches-this')).items).toEqual([]);
  });

  it('combines search, state and group', async () => {
    const page = await listOk(`?q=ann&state=active&group=${supportId}&limit=100`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.firstName).toBe('Ann');
      expect(item.state).toBe('active');
      expect(item.groups.map((g) => g.id)).toContain(supportId);
    }
    expect(page.total).toBe(page.items.length);
  });

  for (const sort of ['name', 'email', 'joined', 'lastSignIn'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages by ${sort} ${order} through ties without duplicates or gaps`, async () => {
        const query = `sort=${sort}&order=${order}&state=invited,expired,active,blocked,removed,declined`;
        const small = await allPages(query, 7);
        const large = await allPages(query, 100);
        expect(small.length).toBe(MEMBERS + 2);
        expect(new Set(small.map((i) => i.id)).size).toBe(MEMBERS + 2);
        expect(small.map((i) => i.id)).toEqual(large.map((i) => i.id));

        const sign = order === 'asc' ? 1 : -1;
        const value = (i: UserListItem) =>
          sort === 'name' ? `${i.firstName} ${i.lastName}`.toLowerCase()
          : sort === 'email' ? i.email
          : sort === 'joined' ? Date.parse(i.joinedAt ?? i.invitedAt)
          : i.lastSignInAt ? Date.parse(i.lastSignInAt) : -Infinity;
        for (let k = 1; k < small.length; k++) {
          const [a, b] = [value(small[k - 1]!), value(small[k]!)];
          if (sort === 'lastSignIn' && a !== b) expect(sign * ((b as number) - (a as number))).toBeGreaterThan(0);
          // The date the table shows under the state is the one the list is sorted by.
          if (sort === 'joined' && a !== b) expect(sign * ((b as number) - (a as number))).toBeGreaterThan(0);
          if (sort === 'email') expect(sign * (b as string).localeCompare(a as string)).toBeGreaterThan(0);
        }
      });
    }
  }

  it('reports the total independently of the page size', async () => {
    const a = await listOk('?limit=1');
    const b = await listOk('?limit=100');
    expect(a.items).toHaveLength(1);
    expect(a.total).toBe(b.total);
    expect(a.nextCursor).not.toBeNull();
  });
});

describe('GET /accounts/:accountId/users — bad parameters', () => {
  const bad: [string, string][] = [
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=ten', 'limit'],
    ['?sort=age', 'sort'],
    ['?order=up', 'order'],
    ['?state=gone', 'state'],
    ['?state=', 'state'],
    ['?group=sales', 'group'],
    [`?q=${'x'.repeat(201)}`, 'q'],
    ['?cursor=garbage', 'cursor'],
  ];
  for (const [query, path] of bad) {
    it(`400 invalid_parameters for ${query.slice(0, 40)}`, async () => {
      const response = await list(query);
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe('invalid_parameters');
      expect(problem.errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(path);
    });
  }

  it('refuses a cursor that was edited, or that belongs to another order', async () => {
    const page = await listOk('?limit=5&sort=joined');
    const [body, signature] = page.nextCursor!.split('.');
    const edited = Buffer.from(JSON.stringify(['joined', 'asc', 'not a date', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    for (const cursor of [`${edited}.${signature}`, `${body}.${signature!.slice(1)}x`]) {
      const response = await list(`?sort=joined&cursor=${cursor}`);
      expect(response.status).toBe(400);
    }
    const reordered = await list(`?sort=joined&order=desc&cursor=${page.nextCursor}`);
    expect(reordered.status).toBe(400);
    expect((await reordered.json()).errors[0].path).toBe('cursor');
  });
});

describe('GET /accounts/:accountId/groups', () => {
  it('lists the account groups, the default one first', async () => {
    const response = await app.request(`/accounts/${acme.id}/groups`, { headers: { cookie: admin.cookie } });
    expect(response.status).toBe(200);
    const groups = await response.json();
    expect(groups.map((g: { name: string }) => g.name)).toEqual(['Administrators', 'Sales', 'Support']);
    expect(groups[0]).toMatchObject({
      isDefault: true,
      permissions: [{ id: 'account-admin', label: 'Account administration', description: expect.any(String) }],
    });
    // Each group says how many people hold it now.
    const held = await database.db.selectFrom('membership_groups').select('group_id').where('account_id', '=', acme.id).execute();
    for (const group of groups) {
      expect(group.memberCount).toBe(held.filter((row) => row.group_id === group.id).length);
    }
  });
});
