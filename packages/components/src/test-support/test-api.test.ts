import { expect } from '@open-wc/testing';
import { accountOf, testApi } from './test-api.ts';

describe('the browser tests\' BFFs', () => {
  it('give each test file a database of its own, and nothing answers a bare /api', async () => {
    const mine = testApi(import.meta.url);
    const another = testApi(new URL('./another-file.test.ts', import.meta.url).href);
    expect(mine.base).to.equal('/t/test-api/api');
    expect(another.base).to.equal('/t/another-file/api');

    const globex = accountOf(await mine.signIn('owner@globex.test'), 'Globex');
    const groups = (await (await mine.fetch(`/accounts/${globex}/groups`)).json()) as { id: string }[];
    const email = `isolated+${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invited = await mine.postJson(`/accounts/${globex}/invitations`, { invitees: [{ email, firstName: 'Iso', lastName: 'Lated' }], groupIds: [groups[0]!.id] });
    expect(invited.status).to.equal(200);
    expect((await mine.fetchUsers(globex, { q: email })).total).to.equal(1);

    // The session cookie is for the whole origin, but a session lives in one database only.
    expect((await another.fetch('/me')).status).to.equal(401);
    await another.signIn('owner@globex.test');
    expect((await another.fetchUsers(globex, { q: email })).total).to.equal(0);

    expect((await fetch('/api/health')).status).to.equal(404);
  });
});
