import { describe, expect, it } from 'vitest';
import type { UserListPage } from '@roster/shared';
import { addMember, createAccount, createGroup, createUser, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

let clock = new Date('2026-06-01T12:00:00Z');

const { database, app } = useTestApp({ now: () => clock });

async function list(accountId: string, cookie: string, query: string): Promise<UserListPage> {
  const response = await app.request(`/accounts/${accountId}/users?${query}`, { headers: { cookie } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}
const names = (page: UserListPage) => page.items.map((u) => `${u.firstName} ${u.lastName}`);

/**
 * The list sorts and searches on copies of each person's names, email and last sign-in kept on their
 * memberships (so each account's pages walk an index of that account only): the copies must follow
 * the person whichever way they change.
 */
describe('GET /accounts/:accountId/users — sorts and searches follow the person', () => {
  it('after a rename, an email change and a sign-in, and for memberships made afterwards', async () => {
    const { db } = database;
    const account = await createAccount(db, 'Followers');
    const team = await createGroup(db, account.id, 'Team');
    const adminId = await createUser(db, { email: 'boss@followers.test', firstName: 'Bea', lastName: 'Boss' });
    await addMember(db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });
    const ids: Record<string, string> = {};
    for (const [first, last] of [['Ann', 'Lee'], ['Bob', 'Ngo'], ['Cy', 'Park']] as const) {
      ids[first] = await createUser(db, { email: `${first.toLowerCase()}@followers.test`, firstName: first, lastName: last });
      await addMember(db, { accountId: account.id, userId: ids[first]!, groupIds: [team] });
    }
    const admin = await signInAs(app, 'boss@followers.test');
    expect(names(await list(account.id, admin.cookie, 'sort=name'))).toEqual(['Ann Lee', 'Bea Boss', 'Bob Ngo', 'Cy Park']);

    await db.updateTable('users').set({ first_name: 'Zoe', last_name: 'Young' }).where('id', '=', ids.Ann!).execute();
    expect(names(await list(account.id, admin.cookie, 'sort=name'))).toEqual(['Bea Boss', 'Bob Ngo', 'Cy Park', 'Zoe Young']);
    expect(names(await list(account.id, admin.cookie, 'q=zoe'))).toEqual(['Zoe Young']);
    expect((await list(account.id, admin.cookie, 'q=lee')).items).toEqual([]);

    await db.updateTable('users').set({ email: 'zz-last@followers.test' }).where('id', '=', ids.Bob!).execute();
    expect(names(await list(account.id, admin.cookie, 'sort=email'))).toEqual(['Zoe Young', 'Bea Boss', 'Cy Park', 'Bob Ngo']);
    expect(names(await list(account.id, admin.cookie, 'q=zz-last'))).toEqual(['Bob Ngo']);

    // Signing in (the real endpoint) moves Cy to the top of the most recent sign-ins.
    clock = new Date('2026-06-02T08:00:00Z');
    await signInAs(app, 'cy@followers.test');
    expect(names(await list(account.id, admin.cookie, 'sort=lastSignIn&order=desc')).slice(0, 2)).toEqual(['Cy Park', 'Bea Boss']);

    // A membership made after the changes starts with the person as they are now.
    const other = await createAccount(db, 'Elsewhere');
    await addMember(db, { accountId: other.id, userId: adminId, groupIds: [other.adminGroupId] });
    await addMember(db, { accountId: other.id, userId: ids.Ann!, groupIds: [] });
    expect(names(await list(other.id, admin.cookie, 'q=young'))).toEqual(['Zoe Young']);
  });
});
