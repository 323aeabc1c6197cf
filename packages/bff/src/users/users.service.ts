import type { Kysely } from 'kysely';
import { DEFAULT_LIST_STATES, type ParsedUserListQuery, type UserListItem, type UserListPage } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { countMembers, listMembersPage, type MemberFilter } from './users.queries.ts';

/**
 * One page of an account's members plus the total that matches: one round trip for each, however
 * deep the page (keyset paging, never OFFSET).
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

  // One row more than asked tells whether another page exists.
  const [rows, total] = await Promise.all([
    listMembersPage(db, filter, { sort, order, limit: limit + 1, after }),
    countMembers(db, filter),
  ]);
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
      state: row.state === 'invited' && !(row.expires_at && row.expires_at > context.now) ? 'expired' : row.state,
      expiresAt: row.state === 'invited' ? (row.expires_at?.toISOString() ?? null) : null,
      joinedAt: row.joined_at?.toISOString() ?? null,
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
      groups: row.groups,
    })),
    nextCursor,
    total,
  };
}
