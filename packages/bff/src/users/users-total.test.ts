import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserListPage } from '@roster/shared';
import { addMember, createAccount, createGroup, createUser, emailedTokenOf, ORIGIN, signInAs } from '../testing/fixtures.ts';
import { TOTAL_CAP } from './users.service.ts';
import { useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

let accounts = 0;
/** A fresh account with a signed-in administrator, so each test sees only its own memberships. */
async function accountWithAdmin() {
  const { db } = database;
  const n = ++accounts;
  const account = await createAccount(db, `Counted ${n}`);
  const team = await createGroup(db, account.id, 'Team', ['projects']);
  const adminId = await createUser(db, { email: `boss${n}@counted.test`, firstName: 'Bea', lastName: 'Boss' });
  await addMember(db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });
  const admin = await signInAs(app, `boss${n}@counted.test`);
  const headers = { cookie: admin.cookie, origin: ORIGIN, 'content-type': 'application/json' };
  return { n, account, team, adminId, headers };
}

/** The kept counts, as `state → count` without zero rows, beside a real count(*) of the same account. */
async function keptAndCounted(accountId: string) {
  const kept = await database.db
    .selectFrom('membership_counts')
    .select(['state', 'count'])
    .where('account_id', '=', accountId)
    .where('count', '<>', '0')
    .execute();
  const counted = await database.db
    .selectFrom('memberships')
    .select((eb) => ['state', eb.fn.countAll<string>().as('count')])
    .where('account_id', '=', accountId)
    .groupBy('state')
    .execute();
  const asMap = (rows: { state: string; count: string | number }[]) =>
    Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return { kept: asMap(kept), counted: asMap(counted) };
}

/** Each of the account's groups with its kept member count (migration 0013) and a real count(*). */
async function groupCountsKeptAndCounted(accountId: string) {
  const rows = await database.db
    .selectFrom('groups as g')
    .leftJoin('group_member_counts as c', 'c.group_id', 'g.id')
    .select((eb) => [
      'g.name',
      eb.fn.coalesce('c.count', sql<string>`0`).as('kept'),
      eb.selectFrom('membership_groups as mg').whereRef('mg.group_id', '=', 'g.id').select((inner) => inner.fn.countAll<string>().as('n')).as('counted'),
    ])
    .where('g.account_id', '=', accountId)
    .orderBy('g.name')
    .execute();
  return rows.map((r) => [r.name, Number(r.kept), Number(r.counted)]);
}

/** The kept state counts equal count(*) and `expected`; each group's kept member count equals its count(*). */
async function expectKeptCountsExact(accountId: string, expected: Record<string, number>) {
  const { kept, counted } = await keptAndCounted(accountId);
  expect(counted).toEqual(expected);
  expect(kept).toEqual(counted);
  const groups = await groupCountsKeptAndCounted(accountId);
  expect(groups.map(([name, kept]) => [name, kept])).toEqual(groups.map(([name, , counted]) => [name, counted]));
}

async function listPage(accountId: string, headers: Record<string, string>, query = ''): Promise<UserListPage> {
  const response = await app.request(`/accounts/${accountId}/users${query}`, { headers });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe('kept membership counts', () => {
  it('equal count(*) after every kind of membership change: invite, accept, decline, remove, re-invite', async () => {
    const { n, account, team, headers } = await accountWithAdmin();
    const invite = async (emails: string[]) => {
      const response = await app.request(`/accounts/${account.id}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ invitees: emails.map((email) => ({ email, firstName: 'New', lastName: 'Person' })), groupIds: [team] }),
      });
      expect(response.status).toBe(200);
      return (await response.json()).results as { status: string; userId: string; link: string }[];
    };
    const respond = async (link: string, action: 'accept' | 'decline', body: object = {}) => {
      // The invitee follows the emailed link.
      const token = await emailedTokenOf(database.db, link);
      const response = await app.request(`/invitations/${token}/${action}`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    };
    const remove = async (userId: string) => {
      const response = await app.request(`/accounts/${account.id}/users/${userId}`, { method: 'DELETE', headers });
      expect(response.status, await response.clone().text()).toBe(200);
    };

    await expectKeptCountsExact(account.id, { active: 1 });
    const [ann, bob, cy] = await invite([`ann${n}@example.test`, `bob${n}@example.test`, `cy${n}@example.test`]);
    await expectKeptCountsExact(account.id, { active: 1, invited: 3 });

    await respond(ann!.link, 'accept', { registration: { firstName: 'Ann', lastName: 'A', password: 'Brand-new-pass9', acceptTerms: true } });
    await expectKeptCountsExact(account.id, { active: 2, invited: 2 });

    // An edit of Ann's groups moves her from Team to the administrators.
    const { version } = await (await app.request(`/accounts/${account.id}/users/${ann!.userId}`, { headers })).json();
    const edit = await app.request(`/accounts/${account.id}/users/${ann!.userId}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ groupIds: [account.adminGroupId], version }),
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect(await groupCountsKeptAndCounted(account.id)).toEqual([['Administrators', 2, 2], ['Team', 2, 2]]);

    await respond(bob!.link, 'decline');
    await expectKeptCountsExact(account.id, { active: 2, invited: 1, declined: 1 });

    await remove(ann!.userId);
    await remove(cy!.userId);
    await expectKeptCountsExact(account.id, { active: 1, declined: 1, removed: 2 });

    const again = await invite([`ann${n}@example.test`, `bob${n}@example.test`]);
    expect(again.map((r) => r.status)).toEqual(['invited', 'invited']);
    await expectKeptCountsExact(account.id, { active: 1, invited: 2, removed: 1 });

    // The default list's total is read from these counts: invited + expired + active + blocked.
    expect((await listPage(account.id, headers)).total).toBe(3);
  });

  it('follow changes made by any code path, in bulk, and roll back with their transaction', async () => {
    const { account, adminId } = await accountWithAdmin();
    const { db } = database;
    await sql`
      insert into users (email) select 'bulk' || g || '-' || ${account.id}::text || '@example.test' from generate_series(1, 40) g`.execute(db);
    await sql`
      insert into memberships (account_id, user_id, state)
      select ${account.id}, id, case when row_number() over (order by id) % 4 = 0 then 'blocked' else 'active' end
      from users where email like ${`bulk%-${account.id}@example.test`}`.execute(db);
    await expectKeptCountsExact(account.id, { active: 31, blocked: 10 });

    // One statement moving rows both ways: active → blocked and blocked → active at once.
    await sql`
      update memberships set state = case state when 'active' then 'blocked' else 'active' end
      where account_id = ${account.id} and user_id <> ${adminId}`.execute(db);
    await expectKeptCountsExact(account.id, { active: 11, blocked: 30 });

    // An update that does not touch the state leaves the counts alone.
    await db.updateTable('memberships').set((eb) => ({ version: eb('version', '+', 1) })).where('account_id', '=', account.id).execute();
    await expectKeptCountsExact(account.id, { active: 11, blocked: 30 });

    await expect(
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('memberships').where('account_id', '=', account.id).where('state', '=', 'blocked').execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expectKeptCountsExact(account.id, { active: 11, blocked: 30 });

    await db.deleteFrom('memberships').where('account_id', '=', account.id).where('state', '=', 'blocked').execute();
    await expectKeptCountsExact(account.id, { active: 11 });

    // Groups given in bulk, one statement for many people and groups, and taken back the same way.
    const bulkTeam = await createGroup(db, account.id, 'Bulk team');
    await sql`
      insert into membership_groups (account_id, user_id, group_id)
      select m.account_id, m.user_id, g.id from memberships m join groups g on g.account_id = m.account_id
      where m.account_id = ${account.id} and m.user_id <> ${adminId}`.execute(db);
    expect(await groupCountsKeptAndCounted(account.id)).toEqual([['Administrators', 11, 11], ['Bulk team', 10, 10], ['Team', 10, 10]]);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('membership_groups').where('group_id', '=', bulkTeam).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await db.deleteFrom('membership_groups').where('group_id', '=', account.adminGroupId).where('user_id', '<>', adminId).execute();
    expect(await groupCountsKeptAndCounted(account.id)).toEqual([['Administrators', 1, 1], ['Bulk team', 10, 10], ['Team', 10, 10]]);

    await db.deleteFrom('accounts').where('id', '=', account.id).execute();
    const left = await db.selectFrom('membership_counts').select('state').where('account_id', '=', account.id).execute();
    expect(left).toEqual([]);
    expect(await db.selectFrom('group_member_counts').select('count').where('group_id', '=', bulkTeam).execute()).toEqual([]);
  });
});

describe('GET /accounts/:accountId/users — the total', () => {
  let large: Awaited<ReturnType<typeof accountWithAdmin>>;
  const MEMBERS = TOTAL_CAP + 150;
  const SILVAS = TOTAL_CAP + 50;

  /** TOTAL_CAP + 150 members: TOTAL_CAP + 50 named Silva (half of them in Team), the rest Ngo; every 10th invited, half of those expired. */
  beforeAll(async () => {
    large = await accountWithAdmin();
    const { db } = database;
    await sql`
      insert into users (email, first_name, last_name)
      select 'p' || g || '-' || ${large.account.id}::text || '@large.test', 'Pat', case when g <= ${SILVAS} then 'Silva' else 'Ngo' end
      from generate_series(1, ${MEMBERS}) g`.execute(db);
    await sql`
      insert into memberships (account_id, user_id, state)
      select ${large.account.id}, id, case when split_part(email, '-', 1) ~ '0$' then 'invited' else 'active' end
      from users where email like ${`p%-${large.account.id}@large.test`}`.execute(db);
    await sql`
      insert into invitations (account_id, user_id, email, expires_at)
      select m.account_id, m.user_id, u.email,
             case when split_part(u.email, '-', 1) ~ '00$' then now() - interval '1 day' else now() + interval '3 days' end
      from memberships m join users u on u.id = m.user_id
      where m.account_id = ${large.account.id} and m.state = 'invited'`.execute(db);
    await sql`
      insert into membership_groups (account_id, user_id, group_id)
      select m.account_id, m.user_id, ${large.team}
      from memberships m join users u on u.id = m.user_id
      where m.account_id = ${large.account.id} and u.last_name = 'Silva' and substr(split_part(u.email, '-', 1), 2)::int % 2 = 0`.execute(db);
  });

  it('is exact for the default list however large the account, from the kept counts', async () => {
    const page = await listPage(large.account.id, large.headers, '?limit=5');
    expect(page).toMatchObject({ total: MEMBERS + 1, totalCapped: false });
    const states = await listPage(large.account.id, large.headers, '?state=invited,expired&limit=5');
    expect(states).toMatchObject({ total: MEMBERS / 10, totalCapped: false });
    // An empty page carries no kept total along with its rows: counted apart, still exact.
    expect(await listPage(large.account.id, large.headers, '?state=blocked')).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false });
  });

  it(`stops counting a broad search at ${TOTAL_CAP} and says so`, async () => {
    const page = await listPage(large.account.id, large.headers, '?q=silva&limit=5');
    expect(page).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(page.items).toHaveLength(5);
    expect(page.items.every((u) => u.lastName === 'Silva')).toBe(true);
  });

  it('counts narrower searches, group filters and split states exactly', async () => {
    expect(await listPage(large.account.id, large.headers, '?q=ngo&limit=5')).toMatchObject({ total: 100, totalCapped: false });
    expect(await listPage(large.account.id, large.headers, `?group=${large.team}&limit=5`)).toMatchObject({
      total: SILVAS / 2,
      totalCapped: false,
    });
    // p100, p200, … are expired; the other invited (every 10th) are still invited.
    const expired = Math.floor(MEMBERS / 100);
    expect(await listPage(large.account.id, large.headers, '?state=expired&limit=5')).toMatchObject({ total: expired, totalCapped: false });
    expect(await listPage(large.account.id, large.headers, '?state=invited&limit=5')).toMatchObject({
      total: MEMBERS / 10 - expired,
      totalCapped: false,
    });
  });

  it("gives a whole group's exact total, however large, from its kept member count", async () => {
    const { db } = database;
    const everyone = await createGroup(db, large.account.id, 'Everyone');
    await sql`
      insert into membership_groups (account_id, user_id, group_id)
      select account_id, user_id, ${everyone} from memberships where account_id = ${large.account.id}`.execute(db);
    expect(await listPage(large.account.id, large.headers, `?group=${everyone}&limit=5`)).toMatchObject({ total: MEMBERS + 1, totalCapped: false });
    // Narrowed by a state, it is counted, and capped.
    expect(await listPage(large.account.id, large.headers, `?group=${everyone}&state=active&limit=5`)).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    // Another account's group holds nobody here, however many it holds there.
    const other = await accountWithAdmin();
    expect(await listPage(large.account.id, large.headers, `?group=${other.account.adminGroupId}`)).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false });
    await db.deleteFrom('membership_groups').where('group_id', '=', everyone).execute();
  });

  it('counts short terms (one or two characters) from their kept counts, capped, or exactly where a group or an expiry narrows them', async () => {
    // "pa": every Pat (more than the cap); "ng": only the Ngos; "si" in Team: half of the Silvas.
    const broad = await listPage(large.account.id, large.headers, '?q=pa&limit=5');
    expect(broad).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(broad.items.every((u) => u.firstName === 'Pat')).toBe(true);
    expect(await listPage(large.account.id, large.headers, '?q=ng&limit=5')).toMatchObject({ total: 100, totalCapped: false });
    expect(await listPage(large.account.id, large.headers, `?q=si&group=${large.team}&limit=5`)).toMatchObject({
      total: SILVAS / 2,
      totalCapped: false,
    });
    expect(await listPage(large.account.id, large.headers, `?q=ng&group=${large.team}`)).toMatchObject({ items: [], total: 0 });
    const expired = Math.floor(MEMBERS / 100);
    expect(await listPage(large.account.id, large.headers, '?q=p&state=expired&limit=5')).toMatchObject({ total: expired, totalCapped: false });
  });

  it('a search with a cursor still reports the capped total of all matches', async () => {
    const first = await listPage(large.account.id, large.headers, '?q=silva&limit=50');
    const second = await listPage(large.account.id, large.headers, `?q=silva&limit=50&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0]!.id);
  });
});
