import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../session/password-hash.ts';
import { addMember, createAccount, createGroup, createUser, emailedTokenOf, ORIGIN, PUBLIC_URL, signInAs, TEST_PASSWORD } from '../testing/fixtures.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';

const START = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const NEW_PASSWORD = 'Brand-new-pass9';
let clock = START;
let counter = 0;

const { database, app } = useTestApp({ now: () => clock });
beforeEach(() => {
  clock = START;
});

type Auth = { cookie: string; origin: string };

/** An account whose administrator invites one new person and one person who already has an identity. */
async function scenario() {
  const { db } = database;
  const n = ++counter;
  const account = await createAccount(db, `Initech ${n}`);
  const team = await createGroup(db, account.id, 'Team', ['projects']);
  const adminId = await createUser(db, { email: `boss${n}@initech.test`, firstName: 'Bill', lastName: 'Lumbergh' });
  const knownId = await createUser(db, { email: `known${n}@example.test`, firstName: 'Kim', lastName: 'Known' });
  const strangerId = await createUser(db, { email: `stranger${n}@example.test` });
  await addMember(db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });
  const admin = await signInAs(app, `boss${n}@initech.test`);
  const response = await app.request(`/accounts/${account.id}/invitations`, {
    method: 'POST',
    headers: { cookie: admin.cookie, origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({
      invitees: [{ email: `newbie${n}@example.test`, firstName: 'Nina', lastName: 'Newbie' }, { email: `known${n}@example.test` }],
      groupIds: [team],
    }),
  });
  const [newbie, known] = (await response.json()).results;
  const tokenOf = (link: string) => link.slice(`${PUBLIC_URL}/invite/`.length);
  return {
    n,
    account,
    team,
    admin,
    // The new person follows the emailed link; `copied` is the administrator's copy of it.
    newbie: { id: newbie.userId as string, token: await emailedTokenOf(db, newbie.link), copied: tokenOf(newbie.link) },
    known: { id: knownId, token: tokenOf(known.link) },
    strangerId,
  };
}

const view = (token: string, auth?: Auth) => app.request(`/invitations/${token}`, { headers: auth ? { cookie: auth.cookie } : {} });
const respond = (token: string, action: 'accept' | 'decline', body: unknown = {}, auth?: Auth) =>
  app.request(`/invitations/${token}/${action}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(auth ? { cookie: auth.cookie } : {}) },
    body: JSON.stringify(body),
  });
const registration = (extra: object = {}) => ({
  registration: { firstName: 'Nina', lastName: 'Newton', password: NEW_PASSWORD, acceptTerms: true, ...extra },
});

async function membershipOf(accountId: string, userId: string) {
  return database.db.selectFrom('memberships').selectAll().where('account_id', '=', accountId).where('user_id', '=', userId).executeTakeFirstOrThrow();
}

describe('GET /invitations/:token', () => {
  it('shows the account, the inviter, the invitee and whether they must register', async () => {
    const s = await scenario();
    const response = await view(s.newbie.token);
    expect(response.status).toBe(200);
    // The answer depends on who asks: no cache may keep it (tokens look like file names to some).
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      accountId: s.account.id,
      accountName: `Initech ${s.n}`,
      inviterName: 'Bill Lumbergh',
      email: `newbie${s.n}@example.test`,
      firstName: 'Nina',
      lastName: 'Newbie',
      hasIdentity: false,
      canRegister: true,
      viewer: 'anonymous',
      expiresAt: new Date(START.getTime() + 7 * DAY).toISOString(),
      // What the person will join, so the page can say it.
      groupNames: ['Team'],
    });
    const known = await (await view(s.known.token, await signInAs(app, `known${s.n}@example.test`))).json();
    expect(known).toMatchObject({ hasIdentity: true, canRegister: false, viewer: 'invitee', firstName: 'Kim' });
    expect((await (await view(s.known.token, s.admin)).json()).viewer).toBe('someone_else');
  });

  it('404 for every non-canonical spelling of the live link, which base64url decoding alone would accept', async () => {
    const s = await scenario();
    const token = s.newbie.token;
    const [id, mac] = token.split('.') as [string, string];
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The last character's lowest bit is unused (the id's last character has 4 spare bits, the MAC's 2).
    const flipUnusedBit = (part: string) => part.slice(0, -1) + ALPHABET[ALPHABET.indexOf(part.at(-1)!) ^ 1];
    const variants = [
      `${token}=`,
      `${token}!!`,
      `${id}.${mac.slice(0, 10)}!${mac.slice(10)}`,
      `${id.slice(0, 5)}~${id.slice(5)}.${mac}`,
      `${flipUnusedBit(id)}.${mac}`,
      `${id}.${flipUnusedBit(mac)}`,
    ];
    for (const variant of variants) {
      expect(Buffer.from(variant.split('.')[1]!, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
      const response = await view(encodeURIComponent(variant));
      expect(response.status, variant).toBe(404);
      expect((await response.json()).code).toBe('not_found');
      expect((await respond(encodeURIComponent(variant), 'decline')).status, variant).toBe(404);
    }
    expect((await view(token)).status).toBe(200);
  });

  it('404 for tampered and unknown links, 410 with a code once expired', async () => {
    const s = await scenario();
    const [id, mac] = s.newbie.token.split('.') as [string, string];
    const flipped = `${id}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const token of [flipped, `${s.known.token.split('.')[0]}.${mac}`, 'garbage', 'AAAAAAAAAAAAAAAAAAAAAA.AAAA']) {
      const response = await view(token);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await response.json()).code).toBe('not_found');
    }
    clock = new Date(START.getTime() + 7 * DAY);
    const expired = await view(s.newbie.token);
    expect(expired.status).toBe(410);
    expect((await expired.json()).code).toBe('invitation_expired');
    expect((await respond(s.newbie.token, 'accept', registration())).status).toBe(410);
    expect((await respond(s.newbie.token, 'decline')).status).toBe(410);
  });
});

describe('POST /invitations/:token/accept', () => {
  it('registers a new person, signs them in with the account active, and makes them Active', async () => {
    const s = await scenario();
    const response = await respond(s.newbie.token, 'accept', registration());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accountId: s.account.id, userId: s.newbie.id });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await (await app.request('/me', { headers: { cookie } })).json();
    expect(me).toMatchObject({ user: { id: s.newbie.id, firstName: 'Nina', lastName: 'Newton' }, activeAccountId: s.account.id });

    const user = await database.db.selectFrom('users').select(['password_hash', 'last_sign_in_at']).where('id', '=', s.newbie.id).executeTakeFirstOrThrow();
    expect(user.password_hash).not.toContain(NEW_PASSWORD);
    expect(await verifyPassword(NEW_PASSWORD, user.password_hash!)).toBe(true);
    expect(user.last_sign_in_at).toEqual(START);
    expect(await membershipOf(s.account.id, s.newbie.id)).toMatchObject({ state: 'active', joined_at: START, version: 2 });
    const audit = await database.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_user_id', '=', s.newbie.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.invited', 'invitation.accepted']);
    expect(audit[1]!.actor_id).toBe(s.newbie.id);
    // They can sign in with the new password; the link is used up.
    await signInAs(app, `newbie${s.n}@example.test`, NEW_PASSWORD);
    expect((await view(s.newbie.token)).status).toBe(404);
    expect((await respond(s.newbie.token, 'accept', registration())).status).toBe(404);
  });

  it('refuses a weak password, a missing terms agreement and missing names, field by field, changing nothing', async () => {
    const s = await scenario();
    const cases: [object, string][] = [
      [registration({ password: 'weakpass' }), 'registration.password'],
      [registration({ acceptTerms: false }), 'registration.acceptTerms'],
      [registration({ firstName: '  ' }), 'registration.firstName'],
    ];
    for (const [body, path] of cases) {
      const response = await respond(s.newbie.token, 'accept', body);
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe('invalid_parameters');
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    const missing = await respond(s.newbie.token, 'accept', {});
    expect(missing.status).toBe(409);
    expect((await missing.json()).code).toBe('registration_required');
    expect((await membershipOf(s.account.id, s.newbie.id)).state).toBe('invited');
    expect((await view(s.newbie.token)).status).toBe(200);
  });

  it('lets a person with an identity accept only while signed in as the invited email', async () => {
    const s = await scenario();
    const anonymous = await respond(s.known.token, 'accept');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('sign_in_required');
    const stranger = await signInAs(app, `stranger${s.n}@example.test`);
    const wrong = await respond(s.known.token, 'accept', {}, stranger);
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).code).toBe('signed_in_as_someone_else');
    // Registering over an existing identity is not a way around signing in.
    expect((await respond(s.known.token, 'accept', registration())).status).toBe(401);

    const known = await signInAs(app, `known${s.n}@example.test`);
    const accepted = await respond(s.known.token, 'accept', {}, known);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toBeNull();
    expect((await membershipOf(s.account.id, s.known.id)).state).toBe('active');
    const me = await (await app.request('/me', { headers: { cookie: known.cookie } })).json();
    expect(me.activeAccountId).toBe(s.account.id);
    // Their password is their own still.
    await signInAs(app, `known${s.n}@example.test`, TEST_PASSWORD);
  });

  it('a link works once: of many concurrent accepts exactly one wins', async () => {
    // On PostgreSQL the accepts really overlap (a pool of connections); on PGlite they queue.
    // The signed-in path has no slow password hashing before its transaction, so it races hardest.
    const ROUNDS = database.kind === 'postgres' ? 5 : 1;
    for (let round = 0; round < ROUNDS; round++) {
      const s = await scenario();
      const known = await signInAs(app, `known${s.n}@example.test`);
      const attempts = [
        ...Array.from({ length: 6 }, () => respond(s.known.token, 'accept', {}, known)),
        ...Array.from({ length: 3 }, () => respond(s.newbie.token, 'accept', registration())),
      ];
      const statuses = (await Promise.all(attempts)).map((r) => r.status);
      expect(statuses.slice(0, 6).sort()).toEqual([200, 404, 404, 404, 404, 404]);
      expect(statuses.slice(6).sort()).toEqual([200, 404, 404]);
      for (const userId of [s.known.id, s.newbie.id]) {
        const accepted = await database.db.selectFrom('audit_events').select('id').where('subject_user_id', '=', userId).where('action', '=', 'invitation.accepted').execute();
        expect(accepted).toHaveLength(1);
        expect((await membershipOf(s.account.id, userId)).version).toBe(2);
      }
      const sessions = await database.db.selectFrom('sessions').select('id').where('user_id', '=', s.newbie.id).execute();
      expect(sessions).toHaveLength(1);
    }
  });
});

describe("an administrator's copied link", () => {
  it('opens the invitation but registers nobody: only the emailed link proves the mailbox', async () => {
    const s = await scenario();
    expect(await (await view(s.newbie.copied)).json()).toMatchObject({ hasIdentity: null, canRegister: false });
    const refused = await respond(s.newbie.copied, 'accept', registration());
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('emailed_link_required');
    // Nothing changed: no password, still invited, the emailed link still registers.
    const person = await database.db.selectFrom('users').select('password_hash').where('id', '=', s.newbie.id).executeTakeFirstOrThrow();
    expect(person.password_hash).toBeNull();
    expect(await membershipOf(s.account.id, s.newbie.id)).toMatchObject({ state: 'invited' });
    expect((await respond(s.newbie.token, 'accept', registration())).status).toBe(200);
  });

  it('has the invitation emailed again to the invited address, at most once every five minutes, and that link registers', async () => {
    const s = await scenario();
    const emailAt = (minutes: number, token = s.newbie.copied) => {
      clock = new Date(START.getTime() + minutes * 60_000);
      return app.request(`/invitations/${token}/email`, { method: 'POST', headers: { origin: ORIGIN } });
    };
    // Just invited: the first email went a moment ago.
    expect((await emailAt(4)).status).toBe(429);
    const asked = await emailAt(10);
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ email: `newbie${s.n}@example.test` });
    const emails = await database.db.selectFrom('outbox').select(['kind', 'payload']).where('recipient', '=', `newbie${s.n}@example.test`).orderBy('seq').execute();
    expect(emails.map((e) => e.kind)).toEqual(['invitation', 'invitation-resent']);
    // Same link and expiry: asking changes nothing else. The history names the invitee as asking.
    expect(emails[1]!.payload).toMatchObject({ linkVersion: 1, expiresAt: new Date(START.getTime() + 7 * DAY).toISOString() });
    const [resent] = await database.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_user_id', '=', s.newbie.id).orderBy('seq', 'desc').execute();
    expect(resent).toEqual({ action: 'invitation.resent', actor_id: s.newbie.id });

    const again = await emailAt(14);
    expect(again.status).toBe(429);
    expect((await again.json()).code).toBe('rate_limited');
    expect(again.headers.get('retry-after')).toBe('60');
    expect((await emailAt(15, s.newbie.token)).status).toBe(200);

    expect((await respond(s.newbie.token, 'accept', registration())).status).toBe(200);
    expect((await emailAt(30)).status).toBe(404);
  });

  it("keeps within the account's hourly limit, also when asked in parallel, and tells the link's holder nothing of it", async () => {
    const s = await scenario(); // two invitation emails this hour
    const limited = appOn(database, { now: () => clock, invitationsPerHour: 3 });
    clock = new Date(START.getTime() + 10 * 60_000);
    const email = (token: string) => limited.request(`/invitations/${token}/email`, { method: 'POST', headers: { origin: ORIGIN } });
    const answers = await Promise.all([email(s.newbie.copied), email(s.known.token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    // Fifty minutes until the first of the hour's sends stops counting; no limit, count or other invitation named.
    expect(refused.headers.get('retry-after')).toBe('3000');
    expect(await refused.json()).toMatchObject({
      code: 'rate_limited',
      title: 'The invitation cannot be emailed again yet',
      detail: 'Look for it in your mailbox (and its spam folder), or try again later.',
    });
    const sends = await database.db.selectFrom('audit_events').select('action').where('account_id', '=', s.account.id).where('action', 'in', ['user.invited', 'invitation.resent']).execute();
    expect(sends).toHaveLength(3);
  });

  it("registers someone the host's sign-in already knows as the invitee: they need no proof of the mailbox", async () => {
    const s = await scenario();
    const asInvitee = appOn(database, { now: () => clock, authenticator: async () => ({ userId: s.newbie.id, sessionId: null, viaCookie: false }) });
    expect(await (await asInvitee.request(`/invitations/${s.newbie.copied}`)).json()).toMatchObject({ viewer: 'invitee', canRegister: true });
    const accepted = await asInvitee.request(`/invitations/${s.newbie.copied}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration()),
    });
    expect(accepted.status).toBe(200);
  });

  it('never tells its holder whether the address has a sign-in, even once the person registers through another account', async () => {
    const s = await scenario();
    const elsewhere = await createAccount(database.db, `Elsewhere ${s.n}`);
    await addMember(database.db, { accountId: elsewhere.id, userId: s.newbie.id, groupIds: [], state: 'invited', invitationExpiresAt: new Date(START.getTime() + DAY) });
    const before = await (await view(s.newbie.copied, s.admin)).json();
    await database.db.updateTable('users').set({ password_hash: 'registered elsewhere' }).where('id', '=', s.newbie.id).execute();
    const after = await (await view(s.newbie.copied, s.admin)).json();
    expect([before.hasIdentity, after.hasIdentity]).toEqual([null, null]);
    // The invitee's own link tells them, so they sign in rather than register.
    expect((await (await view(s.newbie.token)).json()).hasIdentity).toBe(true);
  });

  it('registers where the platform sends no emails (registrationNeedsEmailedLink: false): there it is the only way in', async () => {
    const s = await scenario();
    const withoutEmail = appOn(database, { now: () => clock, registrationNeedsEmailedLink: false });
    expect(await (await withoutEmail.request(`/invitations/${s.newbie.copied}`)).json()).toMatchObject({ hasIdentity: false, canRegister: true });
    const accepted = await withoutEmail.request(`/invitations/${s.newbie.copied}/accept`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(registration()),
    });
    expect(accepted.status).toBe(200);
  });
});

describe('POST /invitations/:token/decline', () => {
  it('ends the invitation; the administrator sees Declined; the link is dead', async () => {
    const s = await scenario();
    const response = await respond(s.newbie.token, 'decline');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accountId: s.account.id, userId: s.newbie.id });
    expect(await membershipOf(s.account.id, s.newbie.id)).toMatchObject({ state: 'declined', joined_at: null });
    const groups = await database.db.selectFrom('membership_groups').select('group_id').where('user_id', '=', s.newbie.id).execute();
    expect(groups).toEqual([]);
    const list = await (await app.request(`/accounts/${s.account.id}/users?state=declined`, { headers: { cookie: s.admin.cookie } })).json();
    expect(list.items.map((u: { id: string; state: string }) => [u.id, u.state])).toEqual([[s.newbie.id, 'declined']]);
    const audit = await database.db.selectFrom('audit_events').select('action').where('subject_user_id', '=', s.newbie.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.invited', 'invitation.declined']);
    expect((await respond(s.newbie.token, 'decline')).status).toBe(404);
    expect((await respond(s.newbie.token, 'accept', registration())).status).toBe(404);
  });
});
