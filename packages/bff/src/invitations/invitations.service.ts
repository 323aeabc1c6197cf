import type { Kysely } from 'kysely';
import {
  EmailSchema,
  isUuid,
  type InvitationLink,
  type InvalidInviteeReason,
  type InviteCheckResult,
  type InviteRequest,
  type InviteResult,
} from '@roster/shared';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import type { AppDeps } from '../context.ts';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueEmail } from '../mail/outbox.queries.ts';
import { findAccountGroups } from '../groups/groups.queries.ts';
import { heldState } from '../memberships/membership-state.ts';
import { recordMembershipEvent } from '../memberships/membership-events.ts';
import { findMember, findMembershipsByEmail, listMemberGroups, lockAccountForMembershipChange, putInvitedMembership } from '../memberships/memberships.queries.ts';
import { lockAccountAsAdministrator } from '../memberships/memberships.service.ts';
import { invitationLink, invitationToken } from './invitation-link.ts';
import * as queries from './invitations.queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * What the invitation services need of the app, plus who is acting and when. `actorId` null is the
 * host's service API: no administrator to check, and the audit trail says `actor: 'service'`.
 */
export type InvitingContext = Pick<AppDeps, 'secret' | 'publicUrl' | 'invitationValidDays' | 'invitationsPerHour' | 'webhookUrl'> & {
  actorId: string | null;
  now: Date;
};

/** The administrator's authority, checked again under the account lock; the service has it by its token. */
async function lockAccountAsInviter(trx: Kysely<DB>, accountId: string, actorId: string | null) {
  if (actorId === null) await lockAccountForMembershipChange(trx, accountId);
  else await lockAccountAsAdministrator(trx, accountId, actorId);
}

/** Changes the service API makes carry no person as actor: the audit data says who did them. */
export const serviceMark = (context: { actorId: string | null }) => (context.actorId === null ? { actor: 'service' as const } : {});

const expiryFrom = (context: InvitingContext) => new Date(context.now.getTime() + context.invitationValidDays * DAY_MS);

/**
 * The link an answer shows: the copied one to an administrator; the emailed one to the host's
 * service API, which runs the platform and delivers it to the invitee's mailbox itself.
 */
function linkOf(context: InvitingContext, invitationId: string, linkVersion: number) {
  const kind = context.actorId === null ? 'emailed' : 'copied';
  return invitationLink(context.publicUrl, invitationToken(context.secret, invitationId, linkVersion, kind));
}

/**
 * The per-account hourly limit on invitation emails (new, resent, renewed), counted from the audit
 * trail: null while `sending` more stay within it, else how many remain and in how many seconds the
 * oldest send of the hour stops counting.
 */
export async function overRateLimit(db: Kysely<DB>, accountId: string, sending: number, context: Pick<InvitingContext, 'invitationsPerHour' | 'now'>) {
  const { count, oldest } = await queries.countInvitationsSentSince(db, accountId, new Date(context.now.getTime() - HOUR_MS));
  if (count + sending <= context.invitationsPerHour) return null;
  const retryAfter = oldest ? Math.max(1, Math.ceil((oldest.getTime() + HOUR_MS - context.now.getTime()) / 1000)) : 3600;
  return { remaining: Math.max(0, context.invitationsPerHour - count), retryAfter };
}

/** The administrator's 429 when `sending` more invitation emails would pass the hourly limit. */
async function refuseOverRateLimit(db: Kysely<DB>, accountId: string, sending: number, context: InvitingContext) {
  const over = await overRateLimit(db, accountId, sending, context);
  if (!over) return;
  throw new ProblemError(
    429,
    'rate_limited',
    'Too many invitations sent from this account in the last hour',
    { detail: `An account may send ${context.invitationsPerHour} invitations per hour; ${over.remaining} remain now.` },
    { 'retry-after': String(over.retryAfter) },
  );
}

/**
 * "Add users": one result per invitee, in order. Each invitee is its own transaction, so a bad
 * line never blocks the good ones; the groups and the rate limit are checked once for all.
 */
export async function inviteUsers(
  db: Kysely<DB>,
  accountId: string,
  request: InviteRequest,
  context: InvitingContext,
): Promise<InviteResult[]> {
  const groupIds = [...new Set(request.groupIds)];
  const groups = await findAccountGroups(db, accountId, groupIds);
  if (groups.length !== groupIds.length) {
    throw new ProblemError(400, 'unknown_group', 'Some of the groups are not groups of this account');
  }
  await refuseOverRateLimit(db, accountId, request.invitees.length, context);
  const sender = await queries.findInvitingContext(db, accountId, context.actorId ?? undefined);
  const inviter = { accountName: sender.account_name, inviterName: sender.inviter_name };

  const lines = normalizeEmails(request.invitees);
  // Looked up for the whole batch at once: who each address is does not change with the others' invitations.
  const invitees = await findInvitees(db, accountId, context.actorId, validEmails(lines));
  const results: InviteResult[] = [];
  for (const line of lines) {
    if (!line.ok) results.push(line.refusal);
    else results.push(await inviteOne(db, accountId, { ...line.item, email: line.email }, invitees.acquaintanceOf(line.email), { groups, inviter }, context));
  }
  return results;
}

/**
 * Each line's email trimmed and lower-cased, or why it cannot be used: not an email, or a
 * repeat (case-insensitively) of an earlier line.
 */
function normalizeEmails<T extends { email: string }>(lines: T[]) {
  const seen = new Set<string>();
  return lines.map((item) => {
    const parsed = EmailSchema.safeParse(item.email);
    const refuse = (email: string, reason: InvalidInviteeReason) => ({ ok: false, refusal: { status: 'invalid', email, reason } }) as const;
    if (!parsed.success) return refuse(item.email.trim(), 'invalid_email');
    if (seen.has(parsed.data)) return refuse(parsed.data, 'duplicate');
    seen.add(parsed.data);
    return { ok: true, email: parsed.data, item } as const;
  });
}

/**
 * How an account would know a person it invites. Someone with a sign-in (or whom the administrator
 * can already see) keeps their names: shown as this account already knows them (a past member or
 * invitee here), as their own when the administrator can see them, or not at all. Anyone else is
 * new, and the administrator names them: also an identity only some other account's invitation
 * created (telling it apart would tell that the address was invited), and someone this account
 * invited before who never registered (its names for them were its own typing).
 */
type Acquaintance = { kind: 'new' } | { kind: 'known'; names: { firstName: string; lastName: string } | null };

function acquaintance(person: queries.PersonByEmail | undefined, here: { first_name: string; last_name: string } | undefined): Acquaintance {
  if (!person) return { kind: 'new' };
  if (here) return { kind: 'known', names: here.first_name || here.last_name ? { firstName: here.first_name, lastName: here.last_name } : null };
  return { kind: 'known', names: person.visible ? { firstName: person.first_name, lastName: person.last_name } : null };
}

/** This account's memberships of these emails, and how it would know each person (`acquaintance`), by email. */
async function findInvitees(db: Kysely<DB>, accountId: string, viewerId: string | null, emails: string[]) {
  const [people, memberships] = await Promise.all([queries.findPeopleByEmail(db, viewerId, emails), findMembershipsByEmail(db, accountId, emails)]);
  const personOf = new Map(people.map((p) => [p.email, p]));
  const membershipOf = new Map(memberships.map((m) => [m.email, m]));
  return { membershipOf, acquaintanceOf: (email: string) => acquaintance(personOf.get(email), membershipOf.get(email)) };
}

const validEmails = (lines: ReturnType<typeof normalizeEmails>) => lines.flatMap((line) => (line.ok ? [line.email] : []));

/** The wizard's look-ahead: one answer per email, in order, without changing anything. */
export async function checkInvitees(
  db: Kysely<DB>,
  accountId: string,
  emails: string[],
  viewer: { actorId: string; now: Date },
): Promise<InviteCheckResult[]> {
  const lines = normalizeEmails(emails.map((email) => ({ email })));
  const invitees = await findInvitees(db, accountId, viewer.actorId, validEmails(lines));
  return lines.map((line): InviteCheckResult => {
    if (!line.ok) return line.refusal;
    const membership = invitees.membershipOf.get(line.email);
    const state = heldState(membership?.state, membership?.expires_at ?? null, viewer.now);
    // Someone holding a membership here is in this very account: named as the account knows them.
    if (membership && state) return { status: 'already_member', email: line.email, firstName: membership.first_name, lastName: membership.last_name, state };
    const known = invitees.acquaintanceOf(line.email);
    if (known.kind === 'new') return { status: 'new', email: line.email };
    return { status: 'known', email: line.email, firstName: known.names?.firstName ?? null, lastName: known.names?.lastName ?? null };
  });
}

async function inviteOne(
  db: Kysely<DB>,
  accountId: string,
  invitee: { email: string; firstName?: string; lastName?: string },
  known: Acquaintance,
  shared: { groups: { id: string; name: string }[]; inviter: { accountName: string; inviterName: string } },
  context: InvitingContext,
): Promise<InviteResult> {
  const { email } = invitee;
  const firstName = invitee.firstName?.trim() ?? '';
  const lastName = invitee.lastName?.trim() ?? '';
  // Only new people must be named; anyone else keeps their names.
  if (known.kind === 'new' && (!firstName || !lastName)) return { status: 'invalid', email, reason: 'names_required' };
  // How the account will know them until they join: never by names the inviter could not already see.
  const invitedAs = known.kind === 'new' ? { firstName, lastName } : (known.names ?? { firstName: '', lastName: '' });

  return inTransaction(db, async (trx): Promise<InviteResult> => {
    await lockAccountAsInviter(trx, accountId, context.actorId);
    // Counted again under the account's lock, before anything is written: another request sent at
    // the same instant may have used the hour's last invitations since the batch was checked.
    if (await overRateLimit(trx, accountId, 1, context)) return { status: 'invalid', email, reason: 'rate_limited' };
    const user = await queries.findOrCreatePerson(trx, { email, firstName, lastName });
    const membership = await findMember(trx, accountId, user.id, { lock: true });
    const state = heldState(membership?.state, membership?.expires_at ?? null, context.now);
    if (state) return { status: 'already_member', email, userId: user.id, state };

    const reinvited = membership !== undefined; // removed or declined before
    await putInvitedMembership(trx, {
      accountId,
      userId: user.id,
      invitedBy: context.actorId,
      invitedAs,
      groupIds: shared.groups.map((g) => g.id),
      now: context.now,
      exists: reinvited,
    });
    const expiresAt = expiryFrom(context);
    const invitation = await queries.insertInvitation(trx, {
      accountId,
      userId: user.id,
      email,
      invitedBy: context.actorId,
      expiresAt,
      now: context.now,
    });
    await insertAuditEvent(trx, {
      accountId,
      actorId: context.actorId,
      action: 'user.invited',
      subjectUserId: user.id,
      data: { email, reinvited, groups: shared.groups.map((g) => ({ id: g.id, name: g.name })), ...serviceMark(context) },
      at: context.now,
    });
    await recordMembershipEvent(trx, { type: 'membership.invited', accountId, userId: user.id, actorId: context.actorId, now: context.now }, context);
    // Greeted as the membership just written says: by the names this account invites them with,
    // unless they have a sign-in of their own.
    const invited = (await findMember(trx, accountId, user.id))!;
    await enqueueEmail(trx, {
      kind: 'invitation',
      recipient: email,
      locale: user.locale,
      payload: {
        invitationId: invitation.id,
        linkVersion: invitation.link_version,
        firstName: invited.greeting_name,
        ...shared.inviter,
        expiresAt: expiresAt.toISOString(),
        groupNames: shared.groups.map((g) => g.name),
      },
      now: context.now,
    });
    return {
      status: 'invited',
      email,
      userId: user.id,
      link: linkOf(context, invitation.id, invitation.link_version),
      expiresAt: expiresAt.toISOString(),
      reinvited,
    };
  });
}

/**
 * The pending invitation of an Invited member, refusing everyone else: 404 for strangers to the
 * account, 409 `not_invited` for members in another state.
 */
async function pendingInvitationOf(db: Kysely<DB>, accountId: string, userId: string) {
  const membership = isUuid(userId) ? await findMember(db, accountId, userId, { lock: true }) : undefined;
  if (!membership) throw notFound('No such user in this account');
  if (membership.state !== 'invited' || !membership.invitation_id) {
    throw new ProblemError(409, 'not_invited', 'This person has no pending invitation');
  }
  return { id: membership.invitation_id, expiresAt: membership.expires_at!, linkVersion: membership.link_version! };
}

const expiredRefusal = () =>
  new ProblemError(409, 'invitation_expired', 'This invitation has expired', {
    detail: 'Send a new invitation: it issues a new link.',
  });

/** "Copy invitation link": the live link, recomputed (it is never stored). */
export async function getInvitationLink(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  context: InvitingContext,
): Promise<InvitationLink> {
  const invitation = await pendingInvitationOf(db, accountId, userId);
  if (invitation.expiresAt <= context.now) throw expiredRefusal();
  return { link: linkOf(context, invitation.id, invitation.linkVersion), expiresAt: invitation.expiresAt.toISOString() };
}

/**
 * "Resend invitation" (the link still works: same link, expiry reset) and "Send new invitation"
 * (it has expired: a new link, every older one dies). Each asks for the other when misused.
 */
export async function sendInvitationAgain(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  mode: 'resend' | 'renew',
  context: InvitingContext,
): Promise<InvitationLink> {
  return inTransaction(db, async (trx) => {
    await lockAccountAsInviter(trx, accountId, context.actorId);
    // Counted under the account's lock: sends racing each other queue there, and each sees the others' counted.
    await refuseOverRateLimit(trx, accountId, 1, context);
    const invitation = await pendingInvitationOf(trx, accountId, userId);
    const expired = invitation.expiresAt <= context.now;
    if (mode === 'resend' && expired) throw expiredRefusal();
    if (mode === 'renew' && !expired) {
      throw new ProblemError(409, 'invitation_still_valid', 'This invitation is still valid', {
        detail: 'Resend it instead: the same link keeps working.',
      });
    }
    const expiresAt = expiryFrom(context);
    const kind = mode === 'renew' ? 'invitation-renewed' : 'invitation-resent';
    const { link_version } = await sendInvitationEmail(trx, invitation.id, { kind, expiresAt, actorId: context.actorId, ...serviceMark(context) }, context);
    return { link: linkOf(context, invitation.id, link_version), expiresAt: expiresAt.toISOString() };
  });
}

/**
 * Sends a pending invitation's email again (`invitation-resent`, or `invitation-renewed` with a new
 * link): its expiry set, the send counted, the history told, the email queued in the same
 * transaction. `actorId`: the administrator, the invitee asking from the link page, or null for the
 * host's service (with `actor: 'service'`).
 */
export async function sendInvitationEmail(
  trx: Kysely<DB>,
  invitationId: string,
  send: { kind: 'invitation-resent' | 'invitation-renewed'; expiresAt: Date; actorId: string | null; actor?: 'service' },
  context: { now: Date },
) {
  const { kind, expiresAt, actorId, ...mark } = send;
  const sent = await queries.markInvitationSent(trx, invitationId, { expiresAt, now: context.now, newLink: kind === 'invitation-renewed' });
  const invitee = (await queries.findInvitationById(trx, invitationId, { lock: false }))!;
  await insertAuditEvent(trx, {
    accountId: invitee.account_id,
    actorId,
    action: kind === 'invitation-renewed' ? 'invitation.renewed' : 'invitation.resent',
    subjectUserId: invitee.user_id,
    data: { email: invitee.email, expiresAt: expiresAt.toISOString(), ...mark },
    at: context.now,
  });
  await enqueueEmail(trx, {
    kind,
    recipient: invitee.email,
    locale: invitee.locale,
    payload: {
      invitationId,
      linkVersion: sent.link_version,
      firstName: invitee.greeting_name,
      accountName: invitee.account_name,
      inviterName: invitee.inviter_name,
      expiresAt: expiresAt.toISOString(),
      groupNames: (await listMemberGroups(trx, invitee.account_id, invitee.user_id)).map((g) => g.name),
    },
    now: context.now,
  });
  return sent;
}
