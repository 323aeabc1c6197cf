/**
 * What the invitation tests share: one app over the file's own database with a clock the tests move,
 * a fresh account per test, and the requests and reads they check. Each test file that calls
 * `useInvitationsApp` gets its own database (vitest loads this module anew for every file).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../db/connect.ts';
import { addMember, createAccount, createGroup, createUser, PUBLIC_URL, signInAs } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

export const START = new Date('2026-06-01T12:00:00Z');
export const DAY = 24 * 60 * 60 * 1000;
export let database: Database;
export let app: TestApp;
let counter = 0;

/**
 * Makes the file's database and app before its tests (20 invitations per hour) and closes them after.
 * `now` reads the file's clock; `rewind` sets it back to START before each test, which may move it on.
 */
export function useInvitationsApp({ now, rewind }: { now: () => Date; rewind: () => void }) {
  beforeAll(async () => {
    ({ database, app } = await createTestApp({ now, invitationsPerHour: 20 }));
  });
  afterAll(() => database.close());
  beforeEach(rewind);
}

/** A fresh account: an administrator, an ordinary member, two groups, and people in other states. */
export async function scenario() {
  const { db } = database;
  const n = ++counter;
  const account = await createAccount(db, `Acme ${n}`);
  const finance = await createGroup(db, account.id, 'Finance', ['billing']);
  const sales = await createGroup(db, account.id, 'Sales', ['orders']);
  const ids = {
    admin: await createUser(db, { email: `admin${n}@acme.test`, firstName: 'Ada', lastName: 'Admin' }),
    member: await createUser(db, { email: `member${n}@acme.test`, firstName: 'Mo', lastName: 'Member' }),
    blocked: await createUser(db, { email: `blocked${n}@acme.test` }),
    removed: await createUser(db, { email: `removed${n}@acme.test`, firstName: 'Rem', lastName: 'Oved' }),
    invited: await createUser(db, { email: `invited${n}@acme.test`, registered: false }),
  };
  await addMember(db, { accountId: account.id, userId: ids.admin, groupIds: [account.adminGroupId] });
  await addMember(db, { accountId: account.id, userId: ids.member, groupIds: [sales] });
  await addMember(db, { accountId: account.id, userId: ids.blocked, groupIds: [sales], state: 'blocked' });
  await addMember(db, { accountId: account.id, userId: ids.removed, groupIds: [], state: 'removed' });
  await addMember(db, { accountId: account.id, userId: ids.invited, groupIds: [sales], state: 'invited', invitationExpiresAt: new Date(START.getTime() + 3 * DAY) });
  const admin = await signInAs(app, `admin${n}@acme.test`);
  return { n, account, finance, sales, ids, admin };
}

type Auth = { cookie: string; origin: string };
export const post = (path: string, auth: Auth, body?: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie: auth.cookie, origin: auth.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
export const invite = (accountId: string, auth: Auth, invitees: object[], groupIds: string[]) =>
  post(`/accounts/${accountId}/invitations`, auth, { invitees, groupIds });
export const invitationAction = (accountId: string, userId: string, action: 'resend' | 'renew', auth: Auth) =>
  post(`/accounts/${accountId}/users/${userId}/invitation/${action}`, auth);
export const getLink = (accountId: string, userId: string, auth: Auth) =>
  app.request(`/accounts/${accountId}/users/${userId}/invitation/link`, { headers: { cookie: auth.cookie } });

export const tokenOf = (link: string) => link.slice(`${PUBLIC_URL}/invite/`.length);

export async function outboxFor(recipient: string) {
  return database.db.selectFrom('outbox').select(['kind', 'locale', 'payload']).where('recipient', '=', recipient).orderBy('created_at').execute();
}
export async function auditFor(accountId: string, userId: string) {
  return database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'data'])
    .where('account_id', '=', accountId)
    .where('subject_user_id', '=', userId)
    .orderBy('at')
    .execute();
}
