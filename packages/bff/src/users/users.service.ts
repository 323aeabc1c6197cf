import type { Kysely } from 'kysely';
import {
  DEFAULT_LIST_STATES,
  isUuid,
  type ParsedUserListQuery,
  type UserDetails,
  type UserListItem,
  type UserListPage,
} from '@roster/shared';
import type { DB } from '../db/types.ts';
import { notFound } from '../errors.ts';
import type { PermissionCatalog } from '../groups/permission-catalog.ts';
import { avatarUrlOf } from '../me/avatar-url.ts';
import { displayState } from '../memberships/membership-state.ts';
import { countActiveAdministrators, findMember, listMemberGroups } from '../memberships/memberships.queries.ts';
import { blockingRefusal, removalRefusal } from '../memberships/memberships.service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import * as queries from './users.queries.ts';
import type { MemberFilter } from './users.queries.ts';

/** Filtered lists count exactly up to this many matches, then answer "1,000+" (`totalCapped`). */
export const TOTAL_CAP = 1_000;

/**
 * One page of an account's members plus the total that matches, at the same cost however deep the
 * page (keyset paging, never OFFSET) and however large the account: the default list is one
 * statement (its total read from the kept counts), a filtered list adds one count beside it that
 * stops at TOTAL_CAP. A search first asks `planSearch` how to find its matches; a plain search of
 * one or two characters gets its total there too, and counts nothing more.
 */
export async function listUsers(
  db: Kysely<DB>,
  accountId: string,
  query: ParsedUserListQuery,
  context: { now: Date; secret: string; mountPath: string },
): Promise<UserListPage> {
  const { sort, order, limit } = query;
  const asked: MemberFilter = {
    accountId,
    states: query.state ?? DEFAULT_LIST_STATES,
    search: query.q ? query.q.toLowerCase() : undefined,
    groupId: query.group,
    now: context.now,
  };
  const after = query.cursor ? decodeCursor(query.cursor, { sort, order }, context.secret) : undefined;
  // A search first learns how to find its matches (and, for a short term, often its total) from kept counts.
  const plan = asked.search ? await queries.planSearch(db, asked, TOTAL_CAP) : undefined;
  const filter: MemberFilter = { ...asked, searchRoute: plan?.route };

  // One row more than asked tells whether another page exists. The default list's total comes
  // with the page's rows; a filtered list is counted side by side.
  const [rows, counted] = await Promise.all([
    queries.listMembersPage(db, filter, { sort, order, limit: limit + 1, after }),
    plan?.total ?? (queries.keptCountStates(filter) ? undefined : queries.countMembers(db, filter, TOTAL_CAP)),
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
      avatarUrl: avatarUrlOf(context.mountPath, row),
      state: displayState(row.state, row.expires_at === null ? null : new Date(row.expires_at), context.now),
      expiresAt: row.state === 'invited' ? row.expires_at : null,
      joinedAt: row.joined_at,
      invitedAt: row.invited_at,
      lastSignInAt: row.last_sign_in_at,
      groups: row.groups,
    })),
    nextCursor,
    total: count.total,
    totalCapped: count.capped,
  };
}

/** The details an administrator reviews before acting on a person. */
export async function getUserDetails(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  context: { actorId: string; now: Date; permissions: PermissionCatalog; mountPath: string },
): Promise<UserDetails> {
  const member = isUuid(userId) ? await findMember(db, accountId, userId) : undefined;
  if (!member) throw notFound('No such user in this account');
  const [groups, activeAdmins] = await Promise.all([listMemberGroups(db, accountId, userId), countActiveAdministrators(db, accountId)]);
  const removal = removalRefusal(member, context.actorId, activeAdmins);
  const blocking = blockingRefusal(member, context.actorId, activeAdmins);
  return {
    id: member.id,
    email: member.email,
    firstName: member.first_name,
    lastName: member.last_name,
    avatarUrl: avatarUrlOf(context.mountPath, member),
    state: displayState(member.state, member.expires_at, context.now),
    invitedAt: member.invited_at.toISOString(),
    joinedAt: member.joined_at?.toISOString() ?? null,
    removedAt: member.removed_at?.toISOString() ?? null,
    lastSignInAt: member.last_sign_in_at?.toISOString() ?? null,
    expiresAt: member.state === 'invited' ? (member.expires_at?.toISOString() ?? null) : null,
    groups: groups.map((g) => ({ id: g.id, name: g.name, permissions: context.permissions(g.permissions) })),
    permissions: context.permissions(groups.flatMap((g) => g.permissions)),
    version: member.version,
    removal: { allowed: removal === null, reason: removal?.reason ?? null },
    blocking: { allowed: blocking === null, reason: blocking?.reason ?? null },
  };
}
