import type { Kysely } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION, isUuid, type EditUser } from '@roster/shared';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { inTransaction } from '../db/transaction.ts';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import { findAccountGroups } from '../groups/groups.queries.ts';
import { enqueueEmail } from '../mail/outbox.queries.ts';
import { recordMembershipEvent, type MembershipEventsContext } from './membership-events.ts';
import * as queries from './memberships.queries.ts';
import type { Member } from './memberships.queries.ts';

/**
 * The membership lifecycle an administrator drives (DESIGN.md "memberships/"): remove, change
 * groups, block, unblock. Each is one transaction that takes its locks in the documented order —
 * the account, then the membership — and writes its audit event (and email) inside it. Invitations
 * (invite, accept, decline) drive the other transitions through the queries of this folder.
 */

export interface ActingContext extends MembershipEventsContext {
  actorId: string;
  now: Date;
}

/**
 * Opens an administrator's change of the account's memberships: takes the account lock first (the
 * lock order), then reads the actor's own membership again under it. The request's access check ran
 * before the lock; meanwhile another administrator may have removed or blocked the actor, and a
 * change made on authority that is gone must not stand.
 */
export async function lockAccountAsAdministrator(trx: Kysely<DB>, accountId: string, actorId: string) {
  await queries.lockAccountForMembershipChange(trx, accountId);
  const actor = await queries.findActiveMembership(trx, accountId, actorId);
  if (!actor) throw notFound('No such account');
  if (!actor.is_admin) throw new ProblemError(403, 'forbidden', 'Only account administrators can manage users');
}

const noSuchMember = () => notFound('No such user in this account');
const gone = (member: Member) => member.state === 'removed' || member.state === 'declined';
const lastAdministrator = (what: string) =>
  new ProblemError(409, 'last_administrator', `The last administrator of an account cannot be ${what}`, {
    detail: 'Make someone else an administrator first.',
  });

/** Why a person cannot be removed right now, or null when they can (the details show the reason). */
export function removalRefusal(member: Member, actorId: string, activeAdmins: number) {
  if (gone(member)) {
    return { reason: 'already_removed', error: new ProblemError(409, 'already_removed', 'This person is no longer in the account') } as const;
  }
  if (member.id === actorId) {
    return { reason: 'self', error: new ProblemError(409, 'cannot_remove_self', 'You cannot remove yourself') } as const;
  }
  if (member.state === 'active' && member.is_admin && activeAdmins <= 1) {
    return { reason: 'last_administrator', error: lastAdministrator('removed') } as const;
  }
  return null;
}

/** Why a person cannot be blocked right now, or null when they can. */
export function blockingRefusal(member: Member, actorId: string, activeAdmins: number) {
  if (gone(member)) {
    return { reason: 'already_removed', error: new ProblemError(409, 'already_removed', 'This person is no longer in the account') } as const;
  }
  if (member.state === 'invited') {
    return {
      reason: 'invited',
      error: new ProblemError(409, 'cannot_block_invited', 'An invited person cannot be blocked', {
        detail: 'Remove them instead: their invitation is withdrawn and its link stops working.',
      }),
    } as const;
  }
  if (member.state === 'blocked') {
    return { reason: 'already_blocked', error: new ProblemError(409, 'already_blocked', 'This person is already blocked') } as const;
  }
  if (member.id === actorId) {
    return { reason: 'self', error: new ProblemError(409, 'cannot_block_self', 'You cannot block yourself') } as const;
  }
  if (member.is_admin && activeAdmins <= 1) return { reason: 'last_administrator', error: lastAdministrator('blocked') } as const;
  return null;
}

/** The membership to change, locked (second in the lock order), or 404. */
async function lockMember(trx: Kysely<DB>, accountId: string, userId: string) {
  const member = await queries.findMember(trx, accountId, userId, { lock: true });
  if (!member) throw noSuchMember();
  return member;
}

/**
 * Removes a person from one account (PRODUCT.md "Remove a user"), all or nothing: the membership
 * ends, its groups and pending invitation go, and the audit event and removal email are written in
 * the same transaction. Identity and other accounts stay untouched.
 */
export async function removeMember(db: Kysely<DB>, accountId: string, userId: string, context: ActingContext) {
  if (!isUuid(userId)) throw noSuchMember();
  return inTransaction(db, async (trx) => {
    await lockAccountAsAdministrator(trx, accountId, context.actorId);
    const member = await lockMember(trx, accountId, userId);
    const refusal = removalRefusal(member, context.actorId, await queries.countActiveAdministrators(trx, accountId));
    if (refusal) throw refusal.error;

    const groups = await queries.listMemberGroups(trx, accountId, userId);
    await queries.markRemoved(trx, accountId, userId, context.now);
    await insertAuditEvent(trx, {
      accountId,
      actorId: context.actorId,
      action: 'user.removed',
      subjectUserId: userId,
      data: { previousState: member.state, groups: groups.map((g) => ({ id: g.id, name: g.name })) },
      at: context.now,
    });
    await recordMembershipEvent(trx, { type: 'membership.removed', accountId, userId, actorId: context.actorId, now: context.now }, context);
    await enqueueEmail(trx, {
      kind: 'user-removed',
      recipient: member.email,
      locale: member.locale,
      payload: { firstName: member.greeting_name, accountName: member.account_name, groupNames: groups.map((g) => g.name) },
      now: context.now,
    });
    return { accountId, userId, accountName: member.account_name };
  });
}

/**
 * "Edit": the person's groups in this account, as a whole. Refused when someone changed the person
 * since the administrator read them (`version`), and when it would leave the account without an
 * active administrator. Name and email are the person's own and not editable here.
 */
export async function changeMemberGroups(db: Kysely<DB>, accountId: string, userId: string, edit: EditUser, context: ActingContext) {
  if (!isUuid(userId)) throw noSuchMember();
  const groupIds = [...new Set(edit.groupIds)];
  await inTransaction(db, async (trx) => {
    await lockAccountAsAdministrator(trx, accountId, context.actorId);
    const member = await lockMember(trx, accountId, userId);
    if (gone(member)) throw new ProblemError(409, 'already_removed', 'This person is no longer in the account');
    if (member.version !== edit.version) {
      throw new ProblemError(409, 'version_conflict', 'Someone else changed this person meanwhile', {
        detail: 'Reload to see their groups as they are now, then make your change again.',
      });
    }
    const groups = await findAccountGroups(trx, accountId, groupIds);
    if (groups.length !== groupIds.length) throw new ProblemError(400, 'unknown_group', 'Some of the groups are not groups of this account');
    const keepsAdmin = groups.some((g) => g.permissions.includes(ACCOUNT_ADMIN_PERMISSION));
    if (member.state === 'active' && member.is_admin && !keepsAdmin && (await queries.countActiveAdministrators(trx, accountId)) <= 1) {
      throw lastAdministrator('left without the Administrators group');
    }
    const before = await queries.listMemberGroups(trx, accountId, userId);
    // Saving the groups the person already holds changes nothing, and records nothing.
    if (before.length === groups.length && before.every((g) => groupIds.includes(g.id))) return;
    await queries.setMemberGroups(trx, accountId, userId, groupIds);
    await queries.updateMembership(trx, accountId, userId, {});
    await insertAuditEvent(trx, {
      accountId,
      actorId: context.actorId,
      action: 'user.groups_changed',
      subjectUserId: userId,
      data: { groupsBefore: before.map((g) => ({ id: g.id, name: g.name })), groupsAfter: groups.map((g) => ({ id: g.id, name: g.name })) },
      at: context.now,
    });
    await recordMembershipEvent(trx, { type: 'membership.updated', accountId, userId, actorId: context.actorId, now: context.now }, context);
  });
}

/**
 * Block (the person keeps their identity, their groups and their other accounts, but has no access
 * to this account until unblocked) and unblock. With `notify`, the person is told by email.
 */
export async function setBlocked(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  blocked: boolean,
  context: ActingContext & { notify: boolean },
) {
  if (!isUuid(userId)) throw noSuchMember();
  await inTransaction(db, async (trx) => {
    await lockAccountAsAdministrator(trx, accountId, context.actorId);
    const member = await lockMember(trx, accountId, userId);
    if (blocked) {
      const refusal = blockingRefusal(member, context.actorId, await queries.countActiveAdministrators(trx, accountId));
      if (refusal) throw refusal.error;
    } else if (member.state !== 'blocked') {
      throw new ProblemError(409, 'not_blocked', 'This person is not blocked');
    }
    await queries.updateMembership(trx, accountId, userId, { state: blocked ? 'blocked' : 'active' });
    await insertAuditEvent(trx, {
      accountId,
      actorId: context.actorId,
      action: blocked ? 'user.blocked' : 'user.unblocked',
      subjectUserId: userId,
      data: {},
      at: context.now,
    });
    const type = blocked ? 'membership.blocked' : 'membership.unblocked';
    await recordMembershipEvent(trx, { type, accountId, userId, actorId: context.actorId, now: context.now }, context);
    if (context.notify) {
      await enqueueEmail(trx, {
        kind: blocked ? 'user-blocked' : 'user-unblocked',
        recipient: member.email,
        locale: member.locale,
        payload: { firstName: member.greeting_name, accountName: member.account_name },
        now: context.now,
      });
    }
  });
}
