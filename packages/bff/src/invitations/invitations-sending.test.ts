/* Inviting people into an account, and the check the wizard makes before it. */
import { describe, expect, it } from 'vitest';
import { addMember, createAccount, createUser, ORIGIN, PUBLIC_URL, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { invitationIdOf, liveLinkKind } from './invitation-link.ts';
import { app, auditFor, database, DAY, invitationAction, invite, outboxFor, post, scenario, START, tokenOf, useInvitationsApp } from './invitations.test-support.ts';

let clock = START;
useInvitationsApp({ now: () => clock, rewind: () => (clock = START) });

describe('POST /accounts/:accountId/invitations', () => {
  it('invites a new person: identity without password, Invited membership with the groups, link, audit and email', async () => {
    const s = await scenario();
    const response = await invite(s.account.id, s.admin, [{ email: ' Grace.Hopper@Example.TEST ', firstName: 'Grace', lastName: 'Hopper' }], [s.finance, s.sales]);
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({ status: 'invited', email: 'grace.hopper@example.test', reinvited: false });
    expect(result.expiresAt).toBe(new Date(START.getTime() + 7 * DAY).toISOString());
    expect(result.link.startsWith(`${PUBLIC_URL}/invite/`)).toBe(true);

    const user = await database.db.selectFrom('users').selectAll().where('id', '=', result.userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'grace.hopper@example.test', first_name: 'Grace', last_name: 'Hopper', password_hash: null });
    const groups = await database.db.selectFrom('membership_groups').select('group_id').where('user_id', '=', result.userId).execute();
    expect(groups.map((g) => g.group_id).sort()).toEqual([s.finance, s.sales].sort());

    // The link names the invitation and verifies at its current version; nothing of it is stored.
    const token = tokenOf(result.link);
    const invitation = await database.db.selectFrom('invitations').selectAll().where('id', '=', invitationIdOf(token)!).executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ user_id: result.userId, state: 'pending', link_version: 1, send_count: 1, invited_by: s.ids.admin });
    // The administrator's copy: it opens the invitation but registers nobody (only the emailed one does).
    expect(liveLinkKind(token, TEST_SECRET, invitation.id, 1)).toBe('copied');
    expect(JSON.stringify(await database.db.selectFrom('outbox').select('payload').execute())).not.toContain(token);

    const [email] = await outboxFor('grace.hopper@example.test');
    expect(email).toMatchObject({ kind: 'invitation', locale: 'en' });
    expect(email!.payload).toEqual({
      invitationId: invitation.id,
      linkVersion: 1,
      firstName: 'Grace',
      accountName: `Acme ${s.n}`,
      inviterName: 'Ada Admin',
      expiresAt: result.expiresAt,
      groupNames: ['Finance', 'Sales'],
    });
    const [audit] = await auditFor(s.account.id, result.userId);
    expect(audit).toMatchObject({ action: 'user.invited', actor_id: s.ids.admin });
    expect(audit!.data).toMatchObject({ email: 'grace.hopper@example.test', reinvited: false });

    // The list shows them as Invited, expiring in 7 days.
    const list = await (await app.request(`/accounts/${s.account.id}/users?state=invited&q=grace`, { headers: { cookie: s.admin.cookie } })).json();
    expect(list.items).toEqual([expect.objectContaining({ id: result.userId, state: 'invited', expiresAt: result.expiresAt })]);
  });

  it('reports each invitee on its own, in order, in a mixed batch', async () => {
    const s = await scenario();
    const response = await invite(
      s.account.id,
      s.admin,
      [
        { email: 'one@example.test', firstName: 'One', lastName: 'Person' },
        { email: 'not an email' },
        { email: `MEMBER${s.n}@acme.test` },
        { email: 'ONE@example.test', firstName: 'One', lastName: 'Again' },
        { email: 'nameless@example.test' },
        { email: `blocked${s.n}@acme.test` },
        { email: `invited${s.n}@acme.test` },
        { email: 'two@example.test', firstName: 'Two', lastName: 'Person' },
      ],
      [s.sales],
    );
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results.map((r: { status: string; reason?: string; state?: string }) => r.reason ?? r.state ?? r.status)).toEqual([
      'invited',
      'invalid_email',
      'active',
      'duplicate',
      'names_required',
      'blocked',
      'invited',
      'invited',
    ]);
    expect(results[2]).toMatchObject({ status: 'already_member', email: `member${s.n}@acme.test`, userId: s.ids.member });
    expect(results[6]).toMatchObject({ status: 'already_member', userId: s.ids.invited });
    // Nothing was written for the refused lines: no identity for the nameless, no second email.
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'nameless@example.test').execute()).toEqual([]);
    expect(await outboxFor(`member${s.n}@acme.test`)).toEqual([]);
    expect((await outboxFor('one@example.test')).length).toBe(1);
  });

  it('keeps the identity and name of a person who already exists, and invites them into a second account', async () => {
    const s = await scenario();
    const other = await scenario();
    const response = await invite(other.account.id, other.admin, [{ email: `member${s.n}@acme.test`, firstName: 'Changed', lastName: 'Name' }], [other.finance]);
    const [result] = (await response.json()).results;
    expect(result).toMatchObject({ status: 'invited', userId: s.ids.member });
    const user = await database.db.selectFrom('users').select(['first_name', 'last_name']).where('id', '=', s.ids.member).executeTakeFirstOrThrow();
    expect(user).toEqual({ first_name: 'Mo', last_name: 'Member' });
    // Their first account is untouched.
    const first = await database.db.selectFrom('memberships').select('state').where('account_id', '=', s.account.id).where('user_id', '=', s.ids.member).executeTakeFirstOrThrow();
    expect(first.state).toBe('active');
  });

  it('re-invites a removed person: same identity, back to Invited with the new groups', async () => {
    const s = await scenario();
    const [result] = (await (await invite(s.account.id, s.admin, [{ email: `removed${s.n}@acme.test` }], [s.finance])).json()).results;
    expect(result).toMatchObject({ status: 'invited', userId: s.ids.removed, reinvited: true });
    const membership = await database.db
      .selectFrom('memberships')
      .selectAll()
      .where('account_id', '=', s.account.id)
      .where('user_id', '=', s.ids.removed)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ state: 'invited', removed_at: null, joined_at: null, invited_by: s.ids.admin, version: 2 });
    const groups = await database.db.selectFrom('membership_groups').select('group_id').where('user_id', '=', s.ids.removed).execute();
    expect(groups).toEqual([{ group_id: s.finance }]);
  });

  it('re-invites a person who declined', async () => {
    const s = await scenario();
    const [first] = (await (await invite(s.account.id, s.admin, [{ email: 'decider@example.test', firstName: 'De', lastName: 'Cider' }], [s.sales])).json()).results;
    const declined = await app.request(`/invitations/${tokenOf(first.link)}/decline`, { method: 'POST', headers: { origin: ORIGIN } });
    expect(declined.status).toBe(200);
    // They never registered: named again, as anyone new (the account's names for them were only its own typing).
    const [unnamed] = (await (await invite(s.account.id, s.admin, [{ email: 'decider@example.test' }], [s.finance])).json()).results;
    expect(unnamed).toEqual({ status: 'invalid', email: 'decider@example.test', reason: 'names_required' });
    const [again] = (await (await invite(s.account.id, s.admin, [{ email: 'decider@example.test', firstName: 'Dee', lastName: 'Cider' }], [s.finance])).json()).results;
    expect(again).toMatchObject({ status: 'invited', userId: first.userId, reinvited: true });
    const details = await (await app.request(`/accounts/${s.account.id}/users/${first.userId}`, { headers: { cookie: s.admin.cookie } })).json();
    expect(details).toMatchObject({ firstName: 'Dee', lastName: 'Cider', state: 'invited' });
    expect(again.link).not.toBe(first.link);
    // The declined link stays dead; the new one works.
    expect((await app.request(`/invitations/${tokenOf(first.link)}`)).status).toBe(404);
    expect((await app.request(`/invitations/${tokenOf(again.link)}`)).status).toBe(200);
  });

  it('reports an expired invitee as already invited (expired), to be renewed rather than duplicated', async () => {
    const s = await scenario();
    clock = new Date(START.getTime() + 4 * DAY);
    const [result] = (await (await invite(s.account.id, s.admin, [{ email: `invited${s.n}@acme.test` }], [s.sales])).json()).results;
    expect(result).toEqual({ status: 'already_member', email: `invited${s.n}@acme.test`, userId: s.ids.invited, state: 'expired' });
  });

  it('refuses bad requests whole with a clear code, writing nothing', async () => {
    const s = await scenario();
    const other = await scenario();
    const cases = [
      { body: { invitees: [], groupIds: [s.sales] }, code: 'invalid_parameters' },
      { body: { invitees: [{ email: 'a@example.test' }], groupIds: [] }, code: 'invalid_parameters' },
      { body: { invitees: Array.from({ length: 51 }, (_, i) => ({ email: `p${i}@example.test` })), groupIds: [s.sales] }, code: 'invalid_parameters' },
      { body: { invitees: [{ email: 'a@example.test', firstName: 'A', lastName: 'B' }], groupIds: ['not-a-uuid'] }, code: 'invalid_parameters' },
      { body: { invitees: [{ email: 'a@example.test', firstName: 'A', lastName: 'B' }], groupIds: [other.sales] }, code: 'unknown_group' },
    ];
    for (const { body, code } of cases) {
      const response = await post(`/accounts/${s.account.id}/invitations`, s.admin, body);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe(code);
    }
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'a@example.test').execute()).toEqual([]);
  });

  it('is for administrators of that account only', async () => {
    const s = await scenario();
    const other = await scenario();
    const member = await signInAs(app, `member${s.n}@acme.test`);
    const body = [{ email: 'x@example.test', firstName: 'X', lastName: 'Y' }];
    expect((await invite(s.account.id, member, body, [s.sales])).status).toBe(403);
    expect((await invite(s.account.id, other.admin, body, [s.sales])).status).toBe(404);
    expect((await app.request(`/accounts/${s.account.id}/invitations`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ invitees: body, groupIds: [s.sales] }) })).status).toBe(401);
    // A foreign page cannot make the administrator's browser invite someone.
    const forged = await invite(s.account.id, { ...s.admin, origin: 'https://evil.example' }, body, [s.sales]);
    expect(forged.status).toBe(403);
    expect((await forged.json()).code).toBe('csrf_rejected');
  });

  it('limits the invitations an account sends per hour, counting resends, and says when to retry', async () => {
    const s = await scenario(); // this app allows 20 per hour
    const people = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ email: `rate${s.n}-${from + i}@example.test`, firstName: 'R', lastName: 'L' }));
    expect((await invite(s.account.id, s.admin, people(0, 18), [s.sales])).status).toBe(200);
    expect((await invitationAction(s.account.id, s.ids.invited, 'resend', s.admin)).status).toBe(200);
    const refused = await invite(s.account.id, s.admin, people(18, 2), [s.sales]);
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBe(3600);
    expect((await invite(s.account.id, s.admin, people(18, 1), [s.sales])).status).toBe(200);
    expect((await invitationAction(s.account.id, s.ids.invited, 'resend', s.admin)).status).toBe(429);
    // Other accounts have their own allowance; an hour later this one has its own back.
    const other = await scenario();
    expect((await invite(other.account.id, other.admin, people(100, 1), [other.sales])).status).toBe(200);
    clock = new Date(START.getTime() + 60 * 60 * 1000 + 1);
    expect((await invite(s.account.id, s.admin, people(19, 1), [s.sales])).status).toBe(200);
  });

  it('counts invitations sent at the same instant under the account lock: parallel batches cannot pass the hourly limit', async () => {
    const s = await scenario(); // this app allows 20 per hour
    const people = Array.from({ length: 19 }, (_, i) => ({ email: `batch${s.n}-${i}@example.test`, firstName: 'B', lastName: 'A' }));
    expect((await invite(s.account.id, s.admin, people, [s.sales])).status).toBe(200);
    // One invitation left this hour, asked for by two requests at once.
    const answers = await Promise.all(
      ['x', 'y'].map((who) => invite(s.account.id, s.admin, [{ email: `last-${who}${s.n}@example.test`, firstName: 'L', lastName: 'A' }], [s.sales])),
    );
    // The loser is refused whole (429) or, when both passed the first check, as its line's result.
    const outcomes = await Promise.all(answers.map(async (a) => (a.status === 200 ? ((await a.json()).results[0] as { status: string; reason?: string }) : a.status)));
    expect(outcomes).toContainEqual({ status: 'invited', email: expect.any(String), userId: expect.any(String), link: expect.any(String), expiresAt: expect.any(String), reinvited: false });
    expect(outcomes.some((o) => o === 429 || (typeof o === 'object' && o.reason === 'rate_limited'))).toBe(true);
    const sent = await database.db.selectFrom('audit_events').select('id').where('account_id', '=', s.account.id).where('action', '=', 'user.invited').execute();
    expect(sent).toHaveLength(20);
    // The one that lost wrote nothing: no identity was left behind for its address.
    const stray = await database.db.selectFrom('users').select('email').where('email', 'like', `last-%${s.n}@example.test`).execute();
    expect(stray).toHaveLength(1);
  });

  it('counts resends sent at the same instant under the account lock: parallel ones cannot pass the hourly limit', async () => {
    const s = await scenario(); // this app allows 20 per hour
    const people = Array.from({ length: 19 }, (_, i) => ({ email: `burst${s.n}-${i}@example.test`, firstName: 'B', lastName: 'U' }));
    const invited = (await (await invite(s.account.id, s.admin, people, [s.sales])).json()).results as { userId: string }[];
    // One send left this hour, asked for twice at once.
    const answers = await Promise.all([invited[0]!, invited[1]!].map((p) => invitationAction(s.account.id, p.userId, 'resend', s.admin)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429]);
  });
});

describe('POST /accounts/:accountId/invitations/check', () => {
  it('tells the wizard who is new, who has an identity and who is already a member, changing nothing', async () => {
    const s = await scenario();
    clock = new Date(START.getTime() + 4 * DAY); // the scenario's invitee has expired by now
    const response = await post(`/accounts/${s.account.id}/invitations/check`, s.admin, {
      emails: ['fresh@example.test', `member${s.n}@acme.test`, `invited${s.n}@acme.test`, `removed${s.n}@acme.test`, 'nope', 'Fresh@example.test'],
    });
    expect(response.status).toBe(200);
    expect((await response.json()).results).toEqual([
      { status: 'new', email: 'fresh@example.test' },
      { status: 'already_member', email: `member${s.n}@acme.test`, firstName: 'Mo', lastName: 'Member', state: 'active' },
      { status: 'already_member', email: `invited${s.n}@acme.test`, firstName: 'Test', lastName: 'Person', state: 'expired' },
      // A past member of this account: the administrator has seen them, so the wizard may prefill.
      { status: 'known', email: `removed${s.n}@acme.test`, firstName: 'Rem', lastName: 'Oved' },
      { status: 'invalid', email: 'nope', reason: 'invalid_email' },
      { status: 'invalid', email: 'fresh@example.test', reason: 'duplicate' },
    ]);
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'fresh@example.test').execute()).toEqual([]);
    const member = await signInAs(app, `member${s.n}@acme.test`);
    expect((await post(`/accounts/${s.account.id}/invitations/check`, member, { emails: ['a@example.test'] })).status).toBe(403);
    expect((await post(`/accounts/${s.account.id}/invitations/check`, s.admin, { emails: [] })).status).toBe(400);
  });

  it('names only people the administrator can already see: no names across tenants', async () => {
    const s = await scenario();
    const other = await scenario();
    const { db } = database;
    // An account s.admin is an ordinary member of (names visible), and one they were removed from (not).
    const shared = await createAccount(db, `Shared ${s.n}`);
    const left = await createAccount(db, `Left ${s.n}`);
    const colleague = await createUser(db, { email: `colleague${s.n}@shared.test`, firstName: 'Cole', lastName: 'League' });
    const formerColleague = await createUser(db, { email: `former${s.n}@left.test`, firstName: 'Fern', lastName: 'Former' });
    await addMember(db, { accountId: shared.id, userId: s.ids.admin, groupIds: [] });
    await addMember(db, { accountId: shared.id, userId: colleague, groupIds: [], state: 'removed' });
    await addMember(db, { accountId: left.id, userId: s.ids.admin, groupIds: [], state: 'removed' });
    await addMember(db, { accountId: left.id, userId: formerColleague, groupIds: [] });

    const emails = [`member${other.n}@acme.test`, `removed${other.n}@acme.test`, `colleague${s.n}@shared.test`, `former${s.n}@left.test`];
    const check = await post(`/accounts/${s.account.id}/invitations/check`, s.admin, { emails });
    expect((await check.json()).results).toEqual([
      { status: 'known', email: `member${other.n}@acme.test`, firstName: null, lastName: null },
      { status: 'known', email: `removed${other.n}@acme.test`, firstName: null, lastName: null },
      { status: 'known', email: `colleague${s.n}@shared.test`, firstName: 'Cole', lastName: 'League' },
      { status: 'known', email: `former${s.n}@left.test`, firstName: null, lastName: null },
    ]);
    // Nor does inviting them answer with names; and what the administrator types for them is ignored.
    const invited = await invite(s.account.id, s.admin, [{ email: `member${other.n}@acme.test`, firstName: 'Typed', lastName: 'Name' }], [s.sales]);
    const [result] = (await invited.json()).results;
    expect(Object.keys(result).sort()).toEqual(['email', 'expiresAt', 'link', 'reinvited', 'status', 'userId']);
    const person = await db.selectFrom('users').select(['first_name', 'last_name']).where('email', '=', `member${other.n}@acme.test`).executeTakeFirstOrThrow();
    expect(person).toEqual({ first_name: 'Mo', last_name: 'Member' });
  });
});
