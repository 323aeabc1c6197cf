import { describe, expect, it } from 'vitest';
import type { AuditPage, UserDetails, UserListPage } from '@roster/shared';
import { up as pastMembersSeenAgain } from '../db/migrations/0014_past_members_seen_again.ts';
import { addMember, createAccount, createGroup, createUser, ORIGIN, PUBLIC_URL, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const clock = new Date('2026-06-01T12:00:00Z');
const { database, app } = useTestApp({ now: () => clock });
let counter = 0;

type Auth = { cookie: string; origin: string };
const get = async <T>(path: string, auth?: Auth): Promise<T> => {
  const response = await app.request(path, { headers: auth ? { cookie: auth.cookie } : {} });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<T>;
};
const post = (path: string, body: unknown, auth?: Auth) =>
  app.request(path, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(auth ? { cookie: auth.cookie } : {}) },
    body: JSON.stringify(body),
  });

/**
 * Quincy has a sign-in, a picture and a history on the platform, in an account Ada is not in. Ada
 * administers Acme, and invites Quincy's email to it.
 */
async function scenario() {
  const { db } = database;
  const n = ++counter;
  const acme = await createAccount(db, `Acme ${n}`);
  const team = await createGroup(db, acme.id, 'Team');
  const adaId = await createUser(db, { email: `ada${n}@acme.test`, firstName: 'Ada', lastName: 'Admin' });
  await addMember(db, { accountId: acme.id, userId: adaId, groupIds: [acme.adminGroupId] });
  const quincyId = await createUser(db, {
    email: `q${n}@elsewhere.test`,
    firstName: 'Quincy',
    lastName: 'Zebulon',
    lastSignInAt: new Date('2026-05-30T09:00:00Z'),
  });
  await db.updateTable('users').set({ avatar_url: 'https://pictures.test/quincy.png' }).where('id', '=', quincyId).execute();
  const elsewhere = await createAccount(db, `Elsewhere ${n}`);
  await addMember(db, { accountId: elsewhere.id, userId: quincyId, groupIds: [elsewhere.adminGroupId] });

  const ada = await signInAs(app, `ada${n}@acme.test`);
  const response = await post(`/accounts/${acme.id}/invitations`, { invitees: [{ email: `q${n}@elsewhere.test` }], groupIds: [team] }, ada);
  const [result] = (await response.json()).results;
  expect(result).toMatchObject({ status: 'invited', userId: quincyId });
  return { n, acme, team, ada, quincyId, token: (result.link as string).slice(`${PUBLIC_URL}/invite/`.length) };
}

const listOf = (s: { acme: { id: string }; ada: Auth }, query = '') => get<UserListPage>(`/accounts/${s.acme.id}/users?${query}`, s.ada);
const quincyIn = (page: UserListPage, id: string) => page.items.find((u) => u.id === id);

describe('an invitee is known to the account only by the names it invited them with, until they join', () => {
  it('the list, its search and sorts, the details, the history and the link page tell nothing of their own profile', async () => {
    const s = await scenario();
    const hidden = { firstName: '', lastName: '', avatarUrl: null, lastSignInAt: null };

    expect(quincyIn(await listOf(s), s.quincyId)).toMatchObject({ ...hidden, email: `q${s.n}@elsewhere.test`, state: 'invited' });
    expect(await get<UserDetails>(`/accounts/${s.acme.id}/users/${s.quincyId}`, s.ada)).toMatchObject(hidden);

    // Their own name matches no search (long or short term), and the sorts place them as an unnamed person who never signed in.
    for (const q of ['zebulon', 'quincy', 'zeb', 'qu', 'yz']) {
      const page = await listOf(s, `q=${q}`);
      expect([page.items, page.total], q).toEqual([[], 0]);
    }
    expect((await listOf(s, `q=q${s.n}@elsewhere`)).items.map((u) => u.id)).toEqual([s.quincyId]);
    expect((await listOf(s, 'sort=name')).items.map((u) => u.id)[0]).toBe(s.quincyId);
    expect((await listOf(s, 'sort=lastSignIn&order=desc')).items.map((u) => u.id).at(-1)).toBe(s.quincyId);

    const history = await get<AuditPage>(`/accounts/${s.acme.id}/audit?userId=${s.quincyId}`, s.ada);
    expect(history.items.map((e) => e.subject)).toEqual([{ id: s.quincyId, email: `q${s.n}@elsewhere.test`, name: '' }]);

    // The link page, which Ada can open (she can copy the link), and anyone else without the invitee's sign-in.
    // Nor whether the address has a sign-in: the copied link leaves that to the invitee.
    for (const viewer of [s.ada, undefined]) {
      expect(await get(`/invitations/${s.token}`, viewer)).toMatchObject({ firstName: '', lastName: '', hasIdentity: null });
    }
    // Checking the email again, from this account or from another one Ada administers.
    expect((await (await post(`/accounts/${s.acme.id}/invitations/check`, { emails: [`q${s.n}@elsewhere.test`] }, s.ada)).json()).results).toEqual([
      { status: 'already_member', email: `q${s.n}@elsewhere.test`, firstName: '', lastName: '', state: 'invited' },
    ]);
    const other = await createAccount(database.db, `Other ${s.n}`);
    const adaId = (await database.db.selectFrom('users').select('id').where('email', '=', `ada${s.n}@acme.test`).executeTakeFirstOrThrow()).id;
    await addMember(database.db, { accountId: other.id, userId: adaId, groupIds: [other.adminGroupId] });
    expect((await (await post(`/accounts/${other.id}/invitations/check`, { emails: [`q${s.n}@elsewhere.test`] }, s.ada)).json()).results).toEqual([
      { status: 'known', email: `q${s.n}@elsewhere.test`, firstName: null, lastName: null },
    ]);
  });

  it('a rename or a sign-in of the invitee changes nothing the account sees; a new email is followed', async () => {
    const s = await scenario();
    await database.db.updateTable('users').set({ first_name: 'Quentin', last_sign_in_at: new Date('2026-06-01T11:00:00Z') }).where('id', '=', s.quincyId).execute();
    expect(quincyIn(await listOf(s), s.quincyId)).toMatchObject({ firstName: '', lastSignInAt: null });
    expect((await listOf(s, 'q=quentin')).items).toEqual([]);
    expect((await listOf(s, 'sort=lastSignIn&order=desc')).items.map((u) => u.id).at(-1)).toBe(s.quincyId);

    await database.db.updateTable('users').set({ email: `zz${s.n}@moved.test` }).where('id', '=', s.quincyId).execute();
    expect((await listOf(s, `q=zz${s.n}@moved`)).items.map((u) => u.id)).toEqual([s.quincyId]);
    expect((await listOf(s, 'sort=email&order=desc')).items.map((u) => u.id)[0]).toBe(s.quincyId);
  });

  it('emails to the invitee still greet them by their own name', async () => {
    const s = await scenario();
    const removal = await app.request(`/accounts/${s.acme.id}/users/${s.quincyId}`, { method: 'DELETE', headers: { cookie: s.ada.cookie, origin: ORIGIN } });
    expect(removal.status).toBe(200);
    const emails = await database.db.selectFrom('outbox').select(['kind', 'payload']).where('recipient', '=', `q${s.n}@elsewhere.test`).orderBy('seq').execute();
    expect(emails.map((e) => [e.kind, (e.payload as { firstName: string }).firstName])).toEqual([['invitation', 'Quincy'], ['user-removed', 'Quincy']]);
  });

  it('a declining invitee is named in the history as the account knows them', async () => {
    const s = await scenario();
    expect((await post(`/invitations/${s.token}/decline`, {})).status).toBe(200);
    const [declined] = (await get<AuditPage>(`/accounts/${s.acme.id}/audit?userId=${s.quincyId}`, s.ada)).items;
    expect(declined).toMatchObject({ action: 'invitation.declined', actor: { id: s.quincyId, name: '' }, subject: { id: s.quincyId, name: '' } });
    expect(quincyIn(await listOf(s, 'state=declined'), s.quincyId)).toMatchObject({ firstName: '', lastSignInAt: null });
  });

  it('once they join, the account sees their own profile, in the list, its search and sorts, and after a removal and a new invitation', async () => {
    const s = await scenario();
    const quincy = await signInAs(app, `q${s.n}@elsewhere.test`);
    // The invitee themself sees their own names on the page.
    expect(await get(`/invitations/${s.token}`, quincy)).toMatchObject({ firstName: 'Quincy', lastName: 'Zebulon', viewer: 'invitee' });
    expect((await post(`/invitations/${s.token}/accept`, {}, quincy)).status).toBe(200);

    const own = { firstName: 'Quincy', lastName: 'Zebulon', avatarUrl: 'https://pictures.test/quincy.png', lastSignInAt: clock.toISOString() };
    expect(quincyIn(await listOf(s), s.quincyId)).toMatchObject(own);
    expect((await listOf(s, 'q=zebulon')).items.map((u) => u.id)).toEqual([s.quincyId]);
    expect((await listOf(s, 'sort=name')).items.map((u) => u.firstName)).toEqual(['Ada', 'Quincy']);

    // A past member is seen as any member: removed, then invited again.
    const removal = await app.request(`/accounts/${s.acme.id}/users/${s.quincyId}`, { method: 'DELETE', headers: { cookie: s.ada.cookie, origin: ORIGIN } });
    expect(removal.status).toBe(200);
    const again = await post(`/accounts/${s.acme.id}/invitations`, { invitees: [{ email: `q${s.n}@elsewhere.test` }], groupIds: [s.team] }, s.ada);
    expect((await again.json()).results[0]).toMatchObject({ status: 'invited', reinvited: true });
    expect(quincyIn(await listOf(s), s.quincyId)).toMatchObject({ ...own, state: 'invited' });
  });

  it('a past member invited again, whose names the first backfill froze, sees their own profile again (migration 0014)', async () => {
    const { db } = database;
    const s = await scenario();
    const quincy = await signInAs(app, `q${s.n}@elsewhere.test`);
    expect((await post(`/invitations/${s.token}/accept`, {}, quincy)).status).toBe(200);
    const removal = await app.request(`/accounts/${s.acme.id}/users/${s.quincyId}`, { method: 'DELETE', headers: { cookie: s.ada.cookie, origin: ORIGIN } });
    expect(removal.status).toBe(200);
    await post(`/accounts/${s.acme.id}/invitations`, { invitees: [{ email: `q${s.n}@elsewhere.test` }, { email: `nia${s.n}@example.test`, firstName: 'Nia', lastName: 'New' }], groupIds: [s.team] }, s.ada);
    // What 0012's backfill did to such a row: the re-invitation had cleared its join date.
    await db.updateTable('memberships').set({ invited_first_name: 'Quincy', invited_last_name: 'Zebulon' }).where('user_id', '=', s.quincyId).execute();
    expect(quincyIn(await listOf(s), s.quincyId)).toMatchObject({ lastSignInAt: null, avatarUrl: null });

    await pastMembersSeenAgain(db);
    const page = await listOf(s);
    expect(quincyIn(page, s.quincyId)).toMatchObject({ firstName: 'Quincy', avatarUrl: 'https://pictures.test/quincy.png', lastSignInAt: clock.toISOString() });
    // Someone who never joined keeps being known by the names they were invited with.
    expect(page.items.find((u) => u.email === `nia${s.n}@example.test`)).toMatchObject({ firstName: 'Nia', lastName: 'New' });
  });

  it('names the inviter could already see, and names typed for a new person, are how the account knows them', async () => {
    const { db } = database;
    const s = await scenario();
    // Ada and Pat are both members of Shared: Ada may see Pat's name, and invites Pat to Acme.
    const shared = await createAccount(db, `Shared ${s.n}`);
    const adaId = (await db.selectFrom('users').select('id').where('email', '=', `ada${s.n}@acme.test`).executeTakeFirstOrThrow()).id;
    const patId = await createUser(db, { email: `pat${s.n}@shared.test`, firstName: 'Pat', lastName: 'Partner' });
    await addMember(db, { accountId: shared.id, userId: adaId, groupIds: [] });
    await addMember(db, { accountId: shared.id, userId: patId, groupIds: [] });
    const response = await post(
      `/accounts/${s.acme.id}/invitations`,
      { invitees: [{ email: `pat${s.n}@shared.test`, firstName: 'Ignored', lastName: 'Typed' }, { email: `new${s.n}@example.test`, firstName: 'Nia', lastName: 'New' }], groupIds: [s.team] },
      s.ada,
    );
    const [pat, nia] = (await response.json()).results;
    const page = await listOf(s, 'sort=name');
    expect(quincyIn(page, pat.userId)).toMatchObject({ firstName: 'Pat', lastName: 'Partner', lastSignInAt: null });
    expect(quincyIn(page, nia.userId)).toMatchObject({ firstName: 'Nia', lastName: 'New' });
    expect(page.items.map((u) => u.firstName)).toEqual(['', 'Ada', 'Nia', 'Pat']);
  });

  it("another account's invitation that was never answered is not a sign-in: the address is new here, and named by whoever invites it", async () => {
    const { db } = database;
    const s = await scenario();
    // Elsewhere invited Vic, who never registered: the identity exists, without a password.
    const vicEmail = `vic${s.n}@nowhere.test`;
    const vicId = await createUser(db, { email: vicEmail, firstName: 'Victor', lastName: 'Typed-Elsewhere', registered: false });
    const elsewhere = await createAccount(db, `Invited elsewhere ${s.n}`);
    await addMember(db, { accountId: elsewhere.id, userId: vicId, groupIds: [], state: 'invited', invitationExpiresAt: new Date('2026-06-05T00:00:00Z') });

    // Nothing tells Ada that some account invited the address: it is as new as an unknown one.
    const check = await post(`/accounts/${s.acme.id}/invitations/check`, { emails: [vicEmail, `nobody${s.n}@nowhere.test`] }, s.ada);
    expect((await check.json()).results).toEqual([
      { status: 'new', email: vicEmail },
      { status: 'new', email: `nobody${s.n}@nowhere.test` },
    ]);
    // So Ada names Vic, as for anyone new, and Acme knows Vic by those names; the identity keeps its own.
    const unnamed = await post(`/accounts/${s.acme.id}/invitations`, { invitees: [{ email: vicEmail }], groupIds: [s.team] }, s.ada);
    expect((await unnamed.json()).results).toEqual([{ status: 'invalid', email: vicEmail, reason: 'names_required' }]);
    const named = await post(`/accounts/${s.acme.id}/invitations`, { invitees: [{ email: vicEmail, firstName: 'Vic', lastName: 'Acme' }], groupIds: [s.team] }, s.ada);
    expect((await named.json()).results).toMatchObject([{ status: 'invited', userId: vicId }]);
    expect(quincyIn(await listOf(s), vicId)).toMatchObject({ firstName: 'Vic', lastName: 'Acme' });
    expect(await db.selectFrom('users').select(['first_name', 'last_name']).where('id', '=', vicId).executeTakeFirstOrThrow()).toEqual({
      first_name: 'Victor',
      last_name: 'Typed-Elsewhere',
    });

    // Acme's emails greet Vic by Acme's names: the identity's were typed by another account, and
    // could be anything that account wanted Acme's invitee to read.
    expect((await post(`/accounts/${s.acme.id}/users/${vicId}/invitation/resend`, {}, s.ada)).status).toBe(200);
    const removal = await app.request(`/accounts/${s.acme.id}/users/${vicId}`, { method: 'DELETE', headers: { cookie: s.ada.cookie, origin: ORIGIN } });
    expect(removal.status).toBe(200);
    const emails = await db.selectFrom('outbox').select(['kind', 'payload']).where('recipient', '=', vicEmail).orderBy('seq').execute();
    expect(emails.map((e) => [e.kind, (e.payload as { firstName: string }).firstName])).toEqual([
      ['invitation', 'Vic'],
      ['invitation-resent', 'Vic'],
      ['user-removed', 'Vic'],
    ]);
  });
});
