import type { Kysely } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION, type StoredMembershipState } from '@roster/shared';
import type { AppType } from '../app.ts';
import type { DB } from '../db/types.ts';
import { invitationIdOf, invitationToken } from '../invitations/invitation-link.ts';
import { hashPassword } from '../session/password-hash.ts';

export const TEST_PASSWORD = 'Correct-horse-9';
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac!';
export const ORIGIN = 'http://localhost';
/** Where invitation links point in tests. */
export const PUBLIC_URL = 'http://roster.test';

let passwordHash: Promise<string> | undefined;
/** Hashed once per test file: scrypt is deliberately slow. */
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function createAccount(db: Kysely<DB>, name: string) {
  const account = await db.insertInto('accounts').values({ name }).returning('id').executeTakeFirstOrThrow();
  const admins = await db
    .insertInto('groups')
    .values({ account_id: account.id, name: 'Administrators', permissions: [ACCOUNT_ADMIN_PERMISSION], is_default: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: account.id, adminGroupId: admins.id };
}

export async function createGroup(db: Kysely<DB>, accountId: string, name: string, permissions: string[] = []) {
  const group = await db.insertInto('groups').values({ account_id: accountId, name, permissions }).returning('id').executeTakeFirstOrThrow();
  return group.id;
}

export async function createUser(
  db: Kysely<DB>,
  user: { email: string; firstName?: string; lastName?: string; lastSignInAt?: Date | null; registered?: boolean },
) {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      first_name: user.firstName ?? 'Test',
      last_name: user.lastName ?? 'Person',
      password_hash: user.registered === false ? null : await testPasswordHash(),
      last_sign_in_at: user.lastSignInAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMember(
  db: Kysely<DB>,
  member: {
    accountId: string;
    userId: string;
    groupIds: string[];
    state?: StoredMembershipState;
    joinedAt?: Date;
    /** For invited members: when their pending invitation expires. */
    invitationExpiresAt?: Date;
  },
) {
  const state = member.state ?? 'active';
  const joinedAt = member.joinedAt ?? new Date('2026-01-01T00:00:00Z');
  await db
    .insertInto('memberships')
    .values({
      account_id: member.accountId,
      user_id: member.userId,
      state,
      invited_at: joinedAt,
      joined_at: state === 'invited' || state === 'declined' ? null : joinedAt,
    })
    .execute();
  if (member.groupIds.length > 0) {
    await db
      .insertInto('membership_groups')
      .values(member.groupIds.map((group_id) => ({ account_id: member.accountId, user_id: member.userId, group_id })))
      .execute();
  }
  if (state === 'invited') {
    const email = (await db.selectFrom('users').select('email').where('id', '=', member.userId).executeTakeFirstOrThrow()).email;
    await db
      .insertInto('invitations')
      .values({
        account_id: member.accountId,
        user_id: member.userId,
        email,
        expires_at: member.invitationExpiresAt ?? new Date('2099-01-01T00:00:00Z'),
        state: 'pending',
      })
      .execute();
  }
}

type App = Pick<AppType, 'request'>;

/** Signs in through the real endpoint and returns the headers a browser would then send. */
export async function signInAs(app: App, email: string, password = TEST_PASSWORD) {
  const response = await app.request('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, origin: ORIGIN };
}

/**
 * A fresh account (numbered `n`) with two administrators (Ada, Bo), Finance and Sales groups, Finn
 * in both, and an invitee in Sales; signed in as Ada through `app`.
 */
export async function createTeam(db: Kysely<DB>, app: App, n: number) {
  const account = await createAccount(db, `Acme ${n}`);
  const finance = await createGroup(db, account.id, 'Finance', ['billing', 'reports']);
  const sales = await createGroup(db, account.id, 'Sales', ['orders', 'reports']);
  const ids = {
    admin: await createUser(db, { email: `admin${n}@acme.test`, firstName: 'Ada', lastName: 'Admin' }),
    admin2: await createUser(db, { email: `admin2-${n}@acme.test`, firstName: 'Bo', lastName: 'Boss' }),
    finn: await createUser(db, { email: `finn${n}@acme.test`, firstName: 'Finn', lastName: 'Ledger' }),
    invitee: await createUser(db, { email: `new${n}@acme.test`, registered: false }),
  };
  await addMember(db, { accountId: account.id, userId: ids.admin, groupIds: [account.adminGroupId] });
  await addMember(db, { accountId: account.id, userId: ids.admin2, groupIds: [account.adminGroupId] });
  await addMember(db, { accountId: account.id, userId: ids.finn, groupIds: [finance, sales] });
  await addMember(db, { accountId: account.id, userId: ids.invitee, groupIds: [sales], state: 'invited' });
  const admin = await signInAs(app, `admin${n}@acme.test`);
  return { n, account, finance, sales, ids, admin };
}

/** A request as the signed-in browser of `auth` sends it: its cookie, our origin, a JSON body. */
export async function requestAs(app: App, auth: { cookie: string }, method: string, path: string, body?: unknown): Promise<Response> {
  return app.request(path, {
    method,
    headers: { cookie: auth.cookie, origin: ORIGIN, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * The token the invitation email carries (the emailed link, which lets a new person register) for
 * the invitation that an administrator's `link` (or its token) names, at its current link version.
 */
export async function emailedTokenOf(db: Kysely<DB>, link: string): Promise<string> {
  const id = invitationIdOf(link.slice(link.lastIndexOf('/') + 1));
  if (!id) throw new Error(`Not an invitation link: ${link}`);
  const invitation = await db.selectFrom('invitations').select(['id', 'link_version']).where('id', '=', id).executeTakeFirstOrThrow();
  return invitationToken(TEST_SECRET, invitation.id, invitation.link_version, 'emailed');
}
