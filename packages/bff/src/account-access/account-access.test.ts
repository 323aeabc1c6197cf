import { describe, expect, it } from 'vitest';
import { addMember, createTeam, createUser, requestAs, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

let n = 0;
/** A team (Ada and Bo administrators, Finn in Finance and Sales), with Finn signed in. */
async function team() {
  const t = await createTeam(database.db, app, ++n);
  return { ...t, finn: await signInAs(app, `finn${n}@acme.test`) };
}
const setState = (accountId: string, userId: string, state: 'blocked' | 'removed' | 'active') =>
  database.db.updateTable('memberships').set({ state }).where('account_id', '=', accountId).where('user_id', '=', userId).execute();

describe('GET /accounts/:accountId/my-access', () => {
  it("gives an ordinary member their groups with each one's labelled permissions, and the union", async () => {
    const t = await team();
    const response = await requestAs(app, t.finn, 'GET', `/accounts/${t.account.id}/my-access`);
    expect(response.status).toBe(200);
    const billing = { id: 'billing', label: 'Billing', description: 'Invoices, payments and plans' };
    const orders = { id: 'orders', label: 'Orders', description: 'Orders, quotes and customers' };
    const reports = { id: 'reports', label: 'Reports', description: 'Dashboards and exports' };
    expect(await response.json()).toEqual({
      groups: [
        { id: t.finance, name: 'Finance', permissions: [billing, reports] },
        { id: t.sales, name: 'Sales', permissions: [orders, reports] },
      ],
      permissions: [billing, orders, reports],
    });
  });

  it('answers an administrator about their own groups too', async () => {
    const t = await team();
    const body = await (await requestAs(app, t.admin, 'GET', `/accounts/${t.account.id}/my-access`)).json();
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual(['Administrators']);
    expect(body.permissions.map((p: { id: string }) => p.id)).toEqual(['account-admin']);
  });
});

describe('GET /accounts/:accountId/administrators', () => {
  it('names the active administrators to any member, by first name, without emails', async () => {
    const t = await team();
    const response = await requestAs(app, t.finn, 'GET', `/accounts/${t.account.id}/administrators`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      administrators: [
        { id: t.ids.admin, firstName: 'Ada', lastName: 'Admin' },
        { id: t.ids.admin2, firstName: 'Bo', lastName: 'Boss' },
      ],
    });
  });

  it('leaves out administrators who are blocked or only invited', async () => {
    const t = await team();
    await setState(t.account.id, t.ids.admin2, 'blocked');
    const invited = await createUser(database.db, { email: `invited-admin${n}@acme.test`, firstName: 'Ivy' });
    await addMember(database.db, { accountId: t.account.id, userId: invited, groupIds: [t.account.adminGroupId], state: 'invited' });
    const body = await (await requestAs(app, t.finn, 'GET', `/accounts/${t.account.id}/administrators`)).json();
    expect(body.administrators.map((a: { firstName: string }) => a.firstName)).toEqual(['Ada']);
  });
});

describe('who may read them', () => {
  for (const path of ['my-access', 'administrators']) {
    it(`${path}: 404 for a person of another account, a blocked or removed member, an unknown id; 401 signed out`, async () => {
      const t = await team();
      const other = await team();
      const refused = async (auth: { cookie: string }, accountId: string) => {
        const response = await requestAs(app, auth, 'GET', `/accounts/${accountId}/${path}`);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        return { status: response.status, code: (await response.json()).code };
      };
      const notFound = { status: 404, code: 'not_found' };
      expect(await refused(other.finn, t.account.id)).toEqual(notFound);
      expect(await refused(t.finn, 'not-a-uuid')).toEqual(notFound);
      expect(await refused(t.finn, '00000000-0000-4000-8000-000000000000')).toEqual(notFound);
      await setState(t.account.id, t.ids.finn, 'blocked');
      expect(await refused(t.finn, t.account.id)).toEqual(notFound);
      await setState(t.account.id, t.ids.finn, 'removed');
      expect(await refused(t.finn, t.account.id)).toEqual(notFound);
      expect((await app.request(`/accounts/${t.account.id}/${path}`)).status).toBe(401);
    });
  }

  it('the administrators-only routes stay refused to a member (the new routes do not open them)', async () => {
    const t = await team();
    expect((await requestAs(app, t.finn, 'GET', `/accounts/${t.account.id}/users`)).status).toBe(403);
    expect((await requestAs(app, t.finn, 'GET', `/accounts/${t.account.id}/groups`)).status).toBe(403);
  });
});
