import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../invitations/invitation-link.ts';
import { addMember, createAccount, createGroup, createUser, ORIGIN, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

/**
 * Two people acting on one membership at the same instant (DESIGN.md "Locks, in one order"). On
 * PostgreSQL (CI's second run) the requests really overlap through a pool; on PGlite they take
 * turns. Either way: no 5xx, the loser gets a 409/404 with a code, and the rows agree afterwards.
 */
const ROUNDS = 30;
const NOW = new Date('2026-06-01T12:00:00Z');
let admins: { ada: string; bo: string; cy: string };
let auth: Record<keyof typeof admins, { cookie: string }>;
let round = 0;

const { database, app } = useTestApp({ now: () => NOW });

beforeAll(async () => {
  admins = {
    ada: await createUser(database.db, { email: 'ada@race.test', firstName: 'Ada', lastName: 'One' }),
    bo: await createUser(database.db, { email: 'bo@race.test', firstName: 'Bo', lastName: 'Two' }),
    cy: await createUser(database.db, { email: 'cy@race.test', firstName: 'Cy', lastName: 'Three' }),
  };
  auth = {
    ada: await signInAs(app, 'ada@race.test'),
    bo: await signInAs(app, 'bo@race.test'),
    cy: await signInAs(app, 'cy@race.test'),
  };
});

/** A fresh account administered by `who`, with a Sales group and one invitee. */
async function freshAccount(who: (keyof typeof admins)[], invitation: { expired: boolean }) {
  const { db } = database;
  const n = ++round;
  const account = await createAccount(db, `Race ${n}`);
  const sales = await createGroup(db, account.id, 'Sales', ['orders']);
  for (const name of who) await addMember(db, { accountId: account.id, userId: admins[name], groupIds: [account.adminGroupId] });
  const invitee = await createUser(db, { email: `invitee${n}@race.test`, registered: false });
  await addMember(db, {
    accountId: account.id,
    userId: invitee,
    groupIds: [sales],
    state: 'invited',
    invitationExpiresAt: invitation.expired ? new Date(NOW.getTime() - 1000) : new Date(NOW.getTime() + 86_400_000),
  });
  return { accountId: account.id, invitee };
}

const send = (method: string, path: string, who: { cookie: string } | null, body?: unknown) =>
  app.request(path, {
    method,
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(who ? { cookie: who.cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Fires both at once; answers every refusal must carry a code, and nothing may be a 5xx. */
async function race(...requests: (() => Response | Promise<Response>)[]) {
  const responses = await Promise.all(requests.map(async (request) => request()));
  return Promise.all(
    responses.map(async (response) => {
      const body = response.status === 204 ? null : await response.json();
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
      if (response.status >= 400) expect(body.code).toEqual(expect.any(String));
      return { status: response.status, code: (body?.code as string | undefined) ?? null };
    }),
  );
}

async function membershipRows(accountId: string, userId: string) {
  const { db } = database;
  const [membership, groups, pending, events] = await Promise.all([
    db.selectFrom('memberships').select('state').where('account_id', '=', accountId).where('user_id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('membership_groups').select('group_id').where('account_id', '=', accountId).where('user_id', '=', userId).execute(),
    db.selectFrom('invitations').select('id').where('account_id', '=', accountId).where('user_id', '=', userId).where('state', '=', 'pending').execute(),
    db.selectFrom('audit_events').select('action').where('account_id', '=', accountId).where('subject_user_id', '=', userId).orderBy('seq').execute(),
  ]);
  return { state: membership.state, groups: groups.length, pending: pending.length, actions: events.map((e) => e.action) };
}

async function activeAdministrators(accountId: string) {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from memberships m
    where m.account_id = ${accountId} and m.state = 'active' and exists (
      select 1 from membership_groups mg join groups g on g.id = mg.group_id
      where mg.account_id = m.account_id and mg.user_id = m.user_id and 'account-admin' = any(g.permissions))`.execute(database.db);
  return row.rows[0]!.n;
}

async function emailsTo(recipient: string) {
  const rows = await database.db.selectFrom('outbox').select('kind').where('recipient', '=', recipient).orderBy('id').execute();
  return rows.map((r) => r.kind);
}

describe(`membership races (${ROUNDS} rounds each)`, () => {
  it('remove vs resend: the removal always wins, the resend succeeds before it or is refused not_invited', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { accountId, invitee } = await freshAccount(['ada', 'bo'], { expired: false });
      const [removal, resend] = await race(
        () => send('DELETE', `/accounts/${accountId}/users/${invitee}`, auth.ada),
        () => send('POST', `/accounts/${accountId}/users/${invitee}/invitation/resend`, auth.bo),
      );
      expect(removal!.status).toBe(200);
      expect([200, 409]).toContain(resend!.status);
      if (resend!.status === 409) expect(resend!.code).toBe('not_invited');
      const rows = await membershipRows(accountId, invitee);
      expect(rows).toMatchObject({ state: 'removed', groups: 0, pending: 0 });
      expect(rows.actions).toEqual(resend!.status === 200 ? ['invitation.resent', 'user.removed'] : ['user.removed']);
    }
  });

  it('remove vs renew (expired invitation): the same, with a new link only when the renewal came first', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { accountId, invitee } = await freshAccount(['ada', 'bo'], { expired: true });
      const [removal, renewal] = await race(
        () => send('DELETE', `/accounts/${accountId}/users/${invitee}`, auth.ada),
        () => send('POST', `/accounts/${accountId}/users/${invitee}/invitation/renew`, auth.bo),
      );
      expect(removal!.status).toBe(200);
      expect([200, 409]).toContain(renewal!.status);
      if (renewal!.status === 409) expect(renewal!.code).toBe('not_invited');
      const rows = await membershipRows(accountId, invitee);
      expect(rows).toMatchObject({ state: 'removed', groups: 0, pending: 0 });
      expect(rows.actions).toEqual(renewal!.status === 200 ? ['invitation.renewed', 'user.removed'] : ['user.removed']);
    }
  });

  it('remove vs accept: either the person joins and is then removed, or the link is dead', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { accountId, invitee } = await freshAccount(['ada', 'bo'], { expired: false });
      const invitation = await database.db
        .selectFrom('invitations')
        .select(['id', 'link_version'])
        .where('user_id', '=', invitee)
        .executeTakeFirstOrThrow();
      const token = invitationToken(TEST_SECRET, invitation.id, invitation.link_version, 'emailed');
      const registration = { firstName: 'New', lastName: 'Person', password: 'Str0ng!pass', acceptTerms: true };
      const [removal, accept] = await race(
        () => send('DELETE', `/accounts/${accountId}/users/${invitee}`, auth.ada),
        () => send('POST', `/invitations/${token}/accept`, null, { registration }),
      );
      expect(removal!.status).toBe(200);
      expect([200, 404]).toContain(accept!.status);
      const rows = await membershipRows(accountId, invitee);
      expect(rows).toMatchObject({ state: 'removed', groups: 0, pending: 0 });
      expect(rows.actions).toEqual(accept!.status === 200 ? ['invitation.accepted', 'user.removed'] : ['user.removed']);
    }
  });

  it('two administrators removing each other: exactly one wins, one administrator is always left', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { accountId } = await freshAccount(['ada', 'bo'], { expired: false });
      const results = await race(
        () => send('DELETE', `/accounts/${accountId}/users/${admins.bo}`, auth.ada),
        () => send('DELETE', `/accounts/${accountId}/users/${admins.ada}`, auth.bo),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
      const loser = results.find((r) => r.status !== 200)!;
      // The loser was removed a moment ago: to them the account no longer exists.
      expect(loser).toEqual({ status: 404, code: 'not_found' });
      expect(await activeAdministrators(accountId)).toBe(1);
    }
  });

  it('an administrator removed a moment ago can no longer remove anyone (authority is checked under the lock)', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { accountId } = await freshAccount(['ada', 'bo', 'cy'], { expired: false });
      const [first, second] = await race(
        () => send('DELETE', `/accounts/${accountId}/users/${admins.bo}`, auth.ada),
        () => send('DELETE', `/accounts/${accountId}/users/${admins.cy}`, auth.bo),
      );
      expect(first!.status).toBe(200);
      const cyState = (await membershipRows(accountId, admins.cy)).state;
      // Bo's removal of Cy stands only if it was made before Bo lost the account.
      const removals = await database.db
        .selectFrom('audit_events')
        .select(['actor_id', 'subject_user_id'])
        .where('account_id', '=', accountId)
        .where('action', '=', 'user.removed')
        .orderBy('seq')
        .execute();
      if (second!.status === 200) {
        expect(cyState).toBe('removed');
        expect(removals.map((e) => e.subject_user_id)).toEqual([admins.cy, admins.bo]);
      } else {
        expect({ ...second, cyState }).toEqual({ status: 404, code: 'not_found', cyState: 'active' });
      }
      expect(await activeAdministrators(accountId)).toBe(second!.status === 200 ? 1 : 2);
    }
  });

  it('edits, blocks and removals racing never leave the account without an active administrator', async () => {
    const versionOf = async (accountId: string, userId: string) =>
      (await database.db.selectFrom('memberships').select('version').where('account_id', '=', accountId).where('user_id', '=', userId).executeTakeFirstOrThrow()).version;
    const salesOf = async (accountId: string) =>
      (await database.db.selectFrom('groups').select('id').where('account_id', '=', accountId).where('name', '=', 'Sales').executeTakeFirstOrThrow()).id;
    const stepDown = async (accountId: string, who: keyof typeof admins, by: keyof typeof admins) => {
      const body = { groupIds: [await salesOf(accountId)], version: await versionOf(accountId, admins[who]) };
      return () => send('PATCH', `/accounts/${accountId}/users/${admins[who]}`, auth[by], body);
    };
    const pairs: ((accountId: string) => Promise<(() => Response | Promise<Response>)[]>)[] = [
      async (accountId) => [() => send('POST', `/accounts/${accountId}/users/${admins.bo}/block`, auth.ada), await stepDown(accountId, 'ada', 'bo')],
      async (accountId) => [() => send('DELETE', `/accounts/${accountId}/users/${admins.bo}`, auth.ada), () => send('POST', `/accounts/${accountId}/users/${admins.ada}/block`, auth.bo)],
      async (accountId) => [await stepDown(accountId, 'ada', 'ada'), await stepDown(accountId, 'bo', 'bo')],
    ];
    for (const makePair of pairs) {
      for (let i = 0; i < ROUNDS; i++) {
        const { accountId } = await freshAccount(['ada', 'bo'], { expired: false });
        const results = await race(...(await makePair(accountId)));
        expect(results.filter((r) => r.status === 200)).toHaveLength(1);
        for (const refused of results.filter((r) => r.status !== 200)) {
          // The loser lost the account or the rights a moment ago, or would have removed the last administrator.
          expect([['not_found', 404], ['forbidden', 403], ['last_administrator', 409]]).toContainEqual([refused.code, refused.status]);
        }
        expect(await activeAdministrators(accountId)).toBe(1);
      }
    }
  });

  it('every accepted removal queued exactly one removal email', async () => {
    const { accountId, invitee } = await freshAccount(['ada', 'bo'], { expired: false });
    const email = `invitee${round}@race.test`;
    const results = await race(
      () => send('DELETE', `/accounts/${accountId}/users/${invitee}`, auth.ada),
      () => send('DELETE', `/accounts/${accountId}/users/${invitee}`, auth.bo),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.code).toBe('already_removed');
    expect(await emailsTo(email)).toEqual(['user-removed']);
  });
});
