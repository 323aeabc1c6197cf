import { describe, expect, it } from 'vitest';
import { BRAKE } from '../session/sign-in-brake.ts';
import { addMember, createAccount, createUser, ORIGIN, requestAs, signInAs, TEST_PASSWORD } from '../testing/fixtures.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';

const NEW_PASSWORD = 'Brand-new-pass-7';

const { database, app } = useTestApp();

let n = 0;
async function person() {
  n++;
  const email = `pw${n}@example.test`;
  const userId = await createUser(database.db, { email });
  return { email, userId };
}
const change = (auth: { cookie: string }, currentPassword: string, newPassword = NEW_PASSWORD) =>
  requestAs(app, auth, 'POST', '/me/password', { currentPassword, newPassword });
const signInStatus = async (email: string, password: string) =>
  (
    await app.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email, password }),
    })
  ).status;
const sessionsOf = async (userId: string) =>
  (await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

describe('POST /me/password', () => {
  it('changes the password, keeps this session, ends every other one, and logs it on the person', async () => {
    const { email, userId } = await person();
    const account = await createAccount(database.db, `Pw ${n}`);
    await addMember(database.db, { accountId: account.id, userId, groupIds: [account.adminGroupId] });
    const here = await signInAs(app, email);
    const laptop = await signInAs(app, email);
    const phone = await signInAs(app, email);
    const stranger = await person();
    const strangerAuth = await signInAs(app, stranger.email);

    const response = await change(here, TEST_PASSWORD);
    expect(response.status).toBe(204);

    expect((await app.request('/me', { headers: { cookie: here.cookie } })).status).toBe(200);
    for (const other of [laptop, phone]) expect((await app.request('/me', { headers: { cookie: other.cookie } })).status).toBe(401);
    expect(await sessionsOf(userId)).toBe(1);
    // Nobody else is signed out.
    expect((await app.request('/me', { headers: { cookie: strangerAuth.cookie } })).status).toBe(200);

    expect(await signInStatus(email, TEST_PASSWORD)).toBe(401);
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(200);

    const events = await database.db.selectFrom('audit_events').selectAll().where('subject_user_id', '=', userId).execute();
    expect(events).toMatchObject([{ account_id: null, actor_id: userId, action: 'user.password_changed' }]);
    // A person's own event: no account's administrators see it in their history.
    const history = await (await app.request(`/accounts/${account.id}/audit`, { headers: { cookie: here.cookie } })).json();
    expect(history.items).toEqual([]);
  });

  it('refuses a wrong current password with a 400 field error, and the person stays signed in', async () => {
    const { email, userId } = await person();
    const auth = await signInAs(app, email);
    const response = await change(auth, 'not-my-password');
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: 'wrong_password', errors: [{ path: 'currentPassword' }] });
    expect((await app.request('/me', { headers: { cookie: auth.cookie } })).status).toBe(200);
    expect(await signInStatus(email, TEST_PASSWORD)).toBe(200);
    expect(await database.db.selectFrom('audit_events').select('id').where('subject_user_id', '=', userId).execute()).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1!'],
    ['without a capital', 'lower-case-only-1'],
    ['without a digit', 'No-Digits-Here'],
    ['without a special character', 'NoSpecial123'],
  ])('refuses a new password %s by the shared rule', async (_, newPassword) => {
    const { email } = await person();
    const auth = await signInAs(app, email);
    const response = await change(auth, TEST_PASSWORD, newPassword);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('invalid_parameters');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['newPassword']);
    expect(await signInStatus(email, TEST_PASSWORD)).toBe(200);
  });

  it('is braked like sign-in, with the same counters: guesses here and at the sign-in form add up', async () => {
    const { email } = await person();
    const auth = await signInAs(app, email);
    const guesses = BRAKE.device.maxFailures;
    // Wrong guesses split between the form and the password change reach the device limit together.
    for (let i = 0; i < guesses - 1; i++) expect((await change(auth, `guess-${i}`)).status).toBe(400);
    expect(await signInStatus(email, 'one-more-guess')).toBe(401);

    const braked = await change(auth, TEST_PASSWORD);
    expect(braked.status).toBe(429);
    expect((await braked.json()).code).toBe('too_many_attempts');
    expect(Number(braked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await signInStatus(email, TEST_PASSWORD)).toBe(429);
  });

  it('401 signed out; a person without a Roster password gets wrong_password', async () => {
    expect((await app.request('/me/password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const { userId } = await person();
    await database.db.updateTable('users').set({ password_hash: null }).where('id', '=', userId).execute();
    const hosted = appOn(database, {
      authenticator: async () => ({ userId, sessionId: null, viaCookie: false }),
    });
    const response = await hosted.request('/me/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'anything', newPassword: NEW_PASSWORD }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('wrong_password');
  });
});
