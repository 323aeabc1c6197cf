import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SortOrder, UserSortKey } from '@roster/shared';
import { ProblemError } from '../errors.ts';

/** A keyset position: the sort key's value (as the database prints it) and the user id. */
export interface Cursor {
  sort: UserSortKey;
  order: SortOrder;
  key: string;
  id: string;
}

/**
 * Cursors are opaque to clients and signed, so the values inside go back to the database exactly
 * as it produced them: a forged or edited cursor is a 400, never a bad cast and a 500.
 */
export function encodeCursor(cursor: Cursor, secret: string): string {
  const body = Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.key, cursor.id])).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

export function decodeCursor(token: string, expected: Pick<Cursor, 'sort' | 'order'>, secret: string): Cursor {
  const [body = '', signature = ''] = token.split('.');
  const good = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (given.length !== good.length || !timingSafeEqual(given, good)) throw badCursor();
  const [sort, order, key, id] = JSON.parse(Buffer.from(body, 'base64url').toString()) as string[];
  // A cursor only means something in the order it was made for.
  if (sort !== expected.sort || order !== expected.order) throw badCursor();
  return { sort: expected.sort, order: expected.order, key: key!, id: id! };
}

function sign(body: string, secret: string) {
  return createHmac('sha256', secret).update(`cursor:${body}`).digest('base64url').slice(0, 22);
}

function badCursor() {
  return new ProblemError(400, 'invalid_parameters', 'Some parameters are not valid', {
    errors: [{ path: 'cursor', message: 'This cursor does not belong to this list and order; start from the first page' }],
  });
}
