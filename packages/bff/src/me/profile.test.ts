import { describe, expect, it } from 'vitest';
import { renderEmail } from '../mail/templates/index.ts';
import { addMember, createAccount, createUser, PUBLIC_URL, requestAs, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

let n = 0;
async function person() {
  n++;
  const email = `pat${n}@example.test`;
  const userId = await createUser(database.db, { email, firstName: 'Pat', lastName: 'Person' });
  return { userId, auth: await signInAs(app, email) };
}
const patch = (auth: { cookie: string }, body: unknown) => requestAs(app, auth, 'PATCH', '/me', body);
const stored = (userId: string) =>
  database.db.selectFrom('users').select(['first_name', 'last_name', 'locale', 'email']).where('id', '=', userId).executeTakeFirstOrThrow();

describe('PATCH /me', () => {
  it('keeps the joiners some scripts need in a name (the zero-width non-joiner of a Persian surname)', async () => {
    const { userId, auth } = await person();
    expect(await patch(auth, { lastName: 'نیک\u200Cنام' }).then((r) => r.status)).toBe(200);
    expect((await stored(userId)).last_name).toBe('نیک\u200Cنام');
  });

  it('changes only what is given, trimmed, and answers with /me', async () => {
    const { userId, auth } = await person();
    const response = await patch(auth, { firstName: '  Ada  ' });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ firstName: 'Ada', lastName: 'Person', locale: 'en' });
    expect(await patch(auth, { lastName: 'Lovelace', locale: 'fr' }).then((r) => r.status)).toBe(200);
    expect(await stored(userId)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', locale: 'fr' });
    // Nothing given: nothing changes.
    expect(await patch(auth, {}).then((r) => r.status)).toBe(200);
    expect(await stored(userId)).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', locale: 'fr' });
  });

  it.each([
    ['a blank first name', { firstName: '   ' }, 'firstName'],
    ['an empty last name', { lastName: '' }, 'lastName'],
    ['a name over 100 characters', { firstName: 'x'.repeat(101) }, 'firstName'],
    ['a locale the product does not ship', { locale: 'it' }, 'locale'],
    ['a locale that is not a string', { locale: 42 }, 'locale'],
    ['a field that is not editable here', { email: 'new@example.test' }, 'json'],
    // A name is read in emails: it must not pose as a line of the message or reorder the text after it.
    ['a line break in a name', { firstName: 'Alex\r\nBcc: evil@evil.test' }, 'firstName'],
    ['a tab in a name', { lastName: 'Lee\tRuiz' }, 'lastName'],
    ['a right-to-left override in a name', { lastName: 'Lee\u202Egnp.exe' }, 'lastName'],
    ['a name of zero-width spaces alone', { firstName: '\u200B\u200B' }, 'firstName'],
  ])('refuses %s with a field error, changing nothing', async (_, body, path) => {
    const { userId, auth } = await person();
    const response = await patch(auth, body);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('invalid_parameters');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await stored(userId)).toMatchObject({ first_name: 'Pat', last_name: 'Person', locale: 'en', email: `pat${n}@example.test` });
  });

  it('takes exactly 100 characters, and every shipped locale', async () => {
    const { userId, auth } = await person();
    expect(await patch(auth, { firstName: 'y'.repeat(100) }).then((r) => r.status)).toBe(200);
    for (const locale of ['de', 'es', 'en', 'fr']) expect(await patch(auth, { locale }).then((r) => r.status), locale).toBe(200);
    expect(await stored(userId)).toMatchObject({ first_name: 'y'.repeat(100), locale: 'fr' });
  });

  it('401 signed out, 403 from a foreign page, 400 for a body that is not JSON', async () => {
    const { auth } = await person();
    expect((await app.request('/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const foreign = await app.request('/me', {
      method: 'PATCH',
      headers: { cookie: auth.cookie, origin: 'https://evil.test', 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Mallory' }),
    });
    expect(foreign.status).toBe(403);
    const broken = await app.request('/me', {
      method: 'PATCH',
      headers: { cookie: auth.cookie, origin: 'http://localhost', 'content-type': 'application/json' },
      body: '{"firstName":',
    });
    expect(broken.status).toBe(400);
  });

  it('emails follow the display language from then on (French; German is German, Italian, not offered, reads English)', async () => {
    const { userId, auth } = await person();
    const account = await createAccount(database.db, `Lang ${n}`);
    await addMember(database.db, { accountId: account.id, userId, groupIds: [] });
    const adminId = await createUser(database.db, { email: `lang-admin${n}@example.test` });
    await addMember(database.db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });
    const admin = await signInAs(app, `lang-admin${n}@example.test`);

    expect(await patch(auth, { locale: 'fr' }).then((r) => r.status)).toBe(200);
    expect((await requestAs(app, admin, 'DELETE', `/accounts/${account.id}/users/${userId}`)).status).toBe(200);
    const email = await database.db
      .selectFrom('outbox')
      .select(['kind', 'locale', 'payload'])
      .where('recipient', '=', `pat${n}@example.test`)
      .executeTakeFirstOrThrow();
    expect(email.locale).toBe('fr');
    const rendered = renderEmail(email, { secret: TEST_SECRET, publicUrl: PUBLIC_URL });
    expect(rendered.html).toContain('lang="fr"');
    // Every display language has its emails; a language without them would read English.
    expect(renderEmail({ ...email, locale: 'de' }, { secret: TEST_SECRET, publicUrl: PUBLIC_URL }).html).toContain('lang="de"');
    expect(renderEmail({ ...email, locale: 'it' }, { secret: TEST_SECRET, publicUrl: PUBLIC_URL }).html).toContain('lang="en"');
  });
});
