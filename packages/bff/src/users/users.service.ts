import type { Kysely } from 'kysely';
import {
  DEFAULT_LIST_STATES,
  isUuid,
  type MembershipState,
  type ParsedUserListQuery,
  type StoredMembershipState,
  type UserDetails,
  type UserListItem,
  type UserListPage,
} from '@roster/shared';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../http/problem.ts';
import { enqueueEmail } from '../mail/outbox.queries.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import * as queries from './users.queries.ts';
import type { MemberFilter } from './users.queries.ts';

/** "expired" is derived: invited, with no live invitation left. */
function displayState(state: StoredMembershipState, expiresAt: Date | null, now: Date): MembershipState {
  return state === 'invited' && !(expiresAt && expiresAt > now) ? 'expired' : state;
}

/** Filtered lists count exactly up to this many matches, then answer "1,000+" (`totalCapped`). */
export const TOTAL_CAP = 1_000;

/**
 * One page of an account's members plus the total that matches, at the same cost however deep the
 * page (keyset paging, never OFFSET) and however large the account: the default list is one
 * statement (its total read from the kept counts), a filtered list adds one count beside it that
 * stops at TOTAL_CAP.
 */
export async function listUsers(
  db: Kysely<DB>,
  accountId: string,
  query: ParsedUserListQuery,
  context: { now: Date; secret: string },
): Promise<UserListPage> {
  const { sort, order, limit } = query;
  const filter: MemberFilter = {
    accountId,
    states: query.state ?? DEFAULT_LIST_STATES,
    search: query.q ? query.q.toLowerCase() : undefined,
    groupId: query.group,
    now: context.now,
  };
  const after = query.cursor ? decodeCursor(query.cursor, { sort, order }, context.secret) : undefined;

  // One row more than asked tells whether another page exists. The default list's total comes
  // with the page's rows; a filtered list is counted side by side.
  const [rows, counted] = await Promise.all([
    queries.listMembersPage(db, filter, { sort, order, limit: limit + 1, after }),
    queries.keptCountStates(filter) ? undefined : queries.countMembers(db, filter, TOTAL_CAP),
  ]);
  const count =
    counted ??
    (rows[0]?.kept_total !== undefined
      ? { total: Number(rows[0].kept_total), capped: false }
      : await queries.countMembers(db, filter, TOTAL_CAP)); // an empty page carries no total
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ sort, order, key: last.sort_key, id: last.id }, context.secret) : null;

  return {
    items: pageRows.map((row): UserListItem => ({
      id: row.id,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      avatarUrl: row.avatar_url,
      state: displayState(row.state, row.expires_at, context.now),
      expiresAt: row.state === 'invited' ? (row.expires_at?.toISOString() ?? null) : null,
      joinedAt: row.joined_at?.toISOString() ?? null,
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
      groups: row.groups,
    })),
    nextCursor,
    total: count.total,
    totalCapped: count.capped,
  };
}

type Member = NonNullable<Awaited<ReturnType<typeof queries.findMember>>>;

/** The details an administrator reviews before acting on a person. */
export async function getUserDetails(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  context: { actorId: string; now: Date },
): Promise<UserDetails> {
  const member = isUuid(userId) ? await queries.findMember(db, accountId, userId) : undefined;
  if (!member) throw notFound('No such user in this account');
  const [groups, activeAdmins] = await Promise.all([
    queries.listMemberGroups(db, accountId, userId),
    queries.countActiveAdministrators(db, accountId),
  ]);
  const refusal = removalRefusal(member, context.actorId, activeAdmins);
  return {
    id: member.id,
    email: member.email,
    firstName: member.first_name,
    lastName: member.last_name,
    avatarUrl: member.avatar_url,
    state: displayState(member.state, member.expires_at, context.now),
    invitedAt: member.invited_at.toISOString(),
    joinedAt: member.joined_at?.toISOString() ?? null,
    removedAt: member.removed_at?.toISOString() ?? null,
    lastSignInAt: member.last_sign_in_at?.toISOString() ?? null,
    expiresAt: member.state === 'invited' ? (member.expires_at?.toISOString() ?? null) : null,
    groups: groups.map((g) => ({ id: g.id, name: g.name, permissions: g.permissions })),
    permissions: [...new Set(groups.flatMap((g) => g.permissions))].sort(),
    version: member.version,
    removal: { allowed: refusal === null, reason: refusal?.reason ?? null },
  };
}

/** Why a person cannot be removed right now, or null when they can. */
function removalRefusal(member: Member, actorId: string, activeAdmins: number) {
  if (member.state === 'removed' || member.state === 'declined') {
    return { reason: 'already_removed', error: new ProblemError(409, 'already_removed', 'This person is no longer in the account') } as const;
  }
  if (member.id === actorId) {
    return { reason: 'self', error: new ProblemError(409, 'cannot_remove_self', 'You cannot remove yourself') } as const;
  }
  if (member.state === 'active' && member.is_admin && activeAdmins <= 1) {
    return {
      reason: 'last_administrator',
      error: new ProblemError(409, 'last_administrator', 'The last administrator of an account cannot be removed', {
        detail: 'Make someone else an administrator first.',
      }),
    } as const;
  }
  return null;
}

/**
 * Removes a person from one account (PRODUCT.md "Remove a user"), all or nothing: the membership
 * ends, its groups and pending invitation go, and the audit event and removal email are written in
 * the same transaction. Identity and other accounts stay untouched.
 */
export async function removeUser(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  context: { actorId: string; now: Date },
) {
  if (!isUuid(userId)) throw notFound('No such user in this account');
  return db.transaction().execute(async (trx) => {
    await queries.lockAccountAdministrators(trx, accountId);
    const member = await queries.findMember(trx, accountId, userId);
    if (!member) throw notFound('No such user in this account');
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
    await enqueueEmail(trx, {
      kind: 'user-removed',
      recipient: member.email,
      locale: member.locale,
      payload: { firstName: member.first_name, accountName: member.account_name, groupNames: groups.map((g) => g.name) },
      now: context.now,
    });
    return { accountId, userId, accountName: member.account_name };
  });
}
