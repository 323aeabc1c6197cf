/* What an administrator does with a pending invitation (copy link, resend, renew), and the links' tokens. */
import { describe, expect, it } from 'vitest';
import { ORIGIN, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { invitationIdOf, invitationToken, liveLinkKind } from './invitation-link.ts';
import { app, auditFor, database, DAY, getLink, invitationAction, invite, outboxFor, scenario, START, tokenOf, useInvitationsApp } from './invitations.test-support.ts';

let clock = START;
useInvitationsApp({ now: () => clock, rewind: () => (clock = START) });

describe('invitation row actions', () => {
  it('copy link gives the live link of an Invited person, and only theirs', async () => {
    const s = await scenario();
    const response = await getLink(s.account.id, s.ids.invited, s.admin);
    expect(response.status).toBe(200);
    const { link, expiresAt } = await response.json();
    expect(expiresAt).toBe(new Date(START.getTime() + 3 * DAY).toISOString());
    expect((await app.request(`/invitations/${tokenOf(link)}`)).status).toBe(200);

    expect((await (await getLink(s.account.id, s.ids.member, s.admin)).json()).code).toBe('not_invited');
    expect((await getLink(s.account.id, '00000000-0000-4000-8000-000000000000', s.admin)).status).toBe(404);
    const member = await signInAs(app, `member${s.n}@acme.test`);
    expect((await getLink(s.account.id, s.ids.invited, member)).status).toBe(403);
    clock = new Date(START.getTime() + 3 * DAY);
    const expired = await getLink(s.account.id, s.ids.invited, s.admin);
    expect(expired.status).toBe(409);
    expect((await expired.json()).code).toBe('invitation_expired');
  });

  it('resend keeps the link, resets the expiry to 7 days from now, and emails again', async () => {
    const s = await scenario();
    const before = await (await getLink(s.account.id, s.ids.invited, s.admin)).json();
    clock = new Date(START.getTime() + 2 * DAY);
    const response = await invitationAction(s.account.id, s.ids.invited, 'resend', s.admin);
    expect(response.status).toBe(200);
    const after = await response.json();
    expect(after.link).toBe(before.link);
    expect(after.expiresAt).toBe(new Date(clock.getTime() + 7 * DAY).toISOString());
    const emails = await outboxFor(`invited${s.n}@acme.test`);
    expect(emails.map((e) => e.kind)).toEqual(['invitation-resent']);
    expect(emails[0]!.payload).toMatchObject({ linkVersion: 1, accountName: `Acme ${s.n}`, expiresAt: after.expiresAt });
    const invitation = await database.db.selectFrom('invitations').select(['send_count', 'last_sent_at']).where('user_id', '=', s.ids.invited).executeTakeFirstOrThrow();
    expect(invitation).toEqual({ send_count: 2, last_sent_at: clock });
    expect((await auditFor(s.account.id, s.ids.invited)).map((a) => a.action)).toEqual(['invitation.resent']);
  });

  it('names an inviter with one name the same way in the first email and in the resend', async () => {
    const s = await scenario();
    await database.db.updateTable('users').set({ last_name: '' }).where('id', '=', s.ids.admin).execute();
    const invited = await (await invite(s.account.id, s.admin, [{ email: `solo${s.n}@example.test`, firstName: 'So', lastName: 'Lo' }], [s.sales])).json();
    await invitationAction(s.account.id, invited.results[0].userId, 'resend', s.admin);
    const emails = await outboxFor(`solo${s.n}@example.test`);
    expect(emails.map((e) => [e.kind, (e.payload as { inviterName: string }).inviterName])).toEqual([
      ['invitation', 'Ada'],
      ['invitation-resent', 'Ada'],
    ]);
  });

  it('resend of an expired invitation asks for a new one; renew of a live one asks for a resend', async () => {
    const s = await scenario();
    const live = await invitationAction(s.account.id, s.ids.invited, 'renew', s.admin);
    expect(live.status).toBe(409);
    expect((await live.json()).code).toBe('invitation_still_valid');
    clock = new Date(START.getTime() + 5 * DAY);
    const expired = await invitationAction(s.account.id, s.ids.invited, 'resend', s.admin);
    expect(expired.status).toBe(409);
    expect((await expired.json()).code).toBe('invitation_expired');
    expect(await outboxFor(`invited${s.n}@acme.test`)).toEqual([]);
    for (const userId of [s.ids.member, s.ids.removed, s.ids.blocked]) {
      expect((await (await invitationAction(s.account.id, userId, 'resend', s.admin)).json()).code).toBe('not_invited');
    }
  });

  it('send new invitation issues a new link (the old one dies), a new expiry and an email', async () => {
    const s = await scenario();
    const old = await (await getLink(s.account.id, s.ids.invited, s.admin)).json();
    clock = new Date(START.getTime() + 10 * DAY);
    expect((await app.request(`/invitations/${tokenOf(old.link)}`)).status).toBe(410);
    const response = await invitationAction(s.account.id, s.ids.invited, 'renew', s.admin);
    expect(response.status).toBe(200);
    const renewed = await response.json();
    expect(renewed.link).not.toBe(old.link);
    expect(renewed.expiresAt).toBe(new Date(clock.getTime() + 7 * DAY).toISOString());
    expect((await app.request(`/invitations/${tokenOf(old.link)}`)).status).toBe(404);
    expect((await app.request(`/invitations/${tokenOf(renewed.link)}`)).status).toBe(200);
    const [email] = await outboxFor(`invited${s.n}@acme.test`);
    expect(email).toMatchObject({ kind: 'invitation-renewed', payload: expect.objectContaining({ linkVersion: 2 }) });
    expect((await auditFor(s.account.id, s.ids.invited)).map((a) => a.action)).toEqual(['invitation.renewed']);
    // The list shows them Invited again.
    const list = await (await app.request(`/accounts/${s.account.id}/users?state=invited`, { headers: { cookie: s.admin.cookie } })).json();
    expect(list.items.map((u: { id: string }) => u.id)).toEqual([s.ids.invited]);
  });

  it('a link of a removed person stops working', async () => {
    const s = await scenario();
    const { link } = await (await getLink(s.account.id, s.ids.invited, s.admin)).json();
    const removed = await app.request(`/accounts/${s.account.id}/users/${s.ids.invited}`, { method: 'DELETE', headers: { cookie: s.admin.cookie, origin: ORIGIN } });
    expect(removed.status).toBe(200);
    expect((await app.request(`/invitations/${tokenOf(link)}`)).status).toBe(404);
  });
});

describe('invitation tokens', () => {
  it('cannot be forged without the secret nor carried to another invitation', () => {
    const id = '0b7e3f0c-2a51-4a8e-9d3e-6f1f2b9c0a11';
    const other = '5d1c9e44-7f20-4b5a-8c6d-0e9a3b2f1c77';
    for (const kind of ['copied', 'emailed'] as const) {
      const token = invitationToken(TEST_SECRET, id, 3, kind);
      expect(invitationIdOf(token)).toBe(id);
      expect(liveLinkKind(token, TEST_SECRET, id, 3)).toBe(kind);
      expect(liveLinkKind(token, TEST_SECRET, id, 4)).toBeNull();
      expect(liveLinkKind(token, `${TEST_SECRET}x`, id, 3)).toBeNull();
      expect(liveLinkKind(token, TEST_SECRET, other, 3)).toBeNull();
    }
    const token = invitationToken(TEST_SECRET, id, 3, 'copied');
    expect(token).not.toBe(invitationToken(TEST_SECRET, id, 3, 'emailed'));
    for (const bad of ['', 'abc', `${token}.x`, 'AAAA.BBBB', token.replace('.', '')]) expect(invitationIdOf(bad)).toBeNull();
  });
});
