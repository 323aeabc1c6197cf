import { sql } from 'kysely';
import type { UserSortKey } from '@roster/shared';
import type { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { signInAs } from '../packages/bff/src/testing/fixtures.ts';
import { encodeCursor } from '../packages/bff/src/users/cursor.ts';
import { measurePair, type Row } from './measure.ts';
import { BENCH_ADMIN } from './seed.ts';
import { captureRequestSql, replay } from '../packages/bff/src/testing/sql-capture.ts';

export const PAGE = 25;
const DEEP = 50_000;

/**
 * The searches every sort is measured with: broad terms of one, three and five characters (the
 * trigram index cannot serve fewer than three), one- and two-character terms nobody matches (before
 * the grams index of migration 0010, every row was looked at), a first name (whose matches all sit
 * together in name order) and one person's address.
 */
export function searchTerms(prefix: string) {
  return [
    { label: '"o" (1 char, broad)', q: 'o' },
    { label: '"q" (1 char, no match)', q: 'q' },
    { label: '"zq" (2 chars, no match)', q: 'zq' },
    { label: '"sil" (3 chars, broad)', q: 'sil' },
    { label: '"silva" (8 %)', q: 'silva' },
    // Every Jia sorts after the other nine first names: sorted by name, a walk passes 90 % of the account first.
    { label: '"jia" (10 %, all at the end of name order)', q: 'jia' },
    { label: 'one address', q: `${prefix}4321@` },
  ];
}

/** The keyset position `depth` rows into a sort, as the list itself would have encoded it. */
export async function deepCursor(database: Database, accountId: string, sort: UserSortKey, depth: number, secret: string) {
  const expression = {
    name: sql`u.name_key`,
    lastSignIn: sql`coalesce(u.last_sign_in_at, '-infinity'::timestamptz)`,
    email: sql`u.email`,
    joined: sql`coalesce(m.joined_at, m.invited_at)`,
  }[sort];
  const { rows } = await sql<{ key: string; id: string }>`
    select (${expression})::text as key, u.id from memberships m join users u on u.id = m.user_id
    where m.account_id = ${accountId} order by ${expression}, u.id offset ${depth - 1} limit 1`.execute(database.db);
  return encodeCursor({ sort, order: 'asc', key: rows[0]!.key, id: rows[0]!.id }, secret);
}

/** A function that GETs one list page through the HTTP app and reads its JSON. */
export async function listGetter(app: ReturnType<typeof createApp>, accountId: string) {
  const auth = await signInAs(app, BENCH_ADMIN);
  const headers = { cookie: auth.cookie };
  const path = (query: string) => `/accounts/${accountId}/users?limit=${PAGE}&${query}`;
  const get = (query: string) => async () => {
    const response = await app.request(path(query), { headers });
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    await response.json();
  };
  return { get, path, headers };
}

/**
 * p50/p95 of first pages, a page DEEP rows deep and the searches, for the default sort and for last
 * sign-in; each row's ratio is to the first page of its sort, timed in turns with it. Then the first
 * page again, in turns with its own SQL replayed straight to the driver, with HTTP answer / SQL as
 * the ratio.
 */
export async function benchUsersList(
  database: Database,
  app: ReturnType<typeof createApp>,
  appOptions: Omit<Parameters<typeof createApp>[0], 'db'>,
  accountId: string,
  prefix: string,
): Promise<Row[]> {
  const { get, path, headers } = await listGetter(app, accountId);
  const rows: Row[] = [];
  for (const sort of ['name', 'lastSignIn'] as const) {
    const cursor = await deepCursor(database, accountId, sort, DEEP, appOptions.secret);
    const variants = [
      { name: `list: page ${DEEP.toLocaleString('en')} deep, sort=${sort}`, query: `sort=${sort}&cursor=${cursor}` },
      ...searchTerms(prefix).map((term) => ({ name: `list: search ${term.label}, sort=${sort}`, query: `sort=${sort}&q=${encodeURIComponent(term.q)}` })),
    ];
    // Each in turns with the first page, so its ratio compares two runs under the same load.
    for (const [n, variant] of variants.entries()) {
      const [first, measured] = await measurePair({ name: `list: first page, sort=${sort}`, run: get(`sort=${sort}`) }, { name: variant.name, run: get(variant.query) });
      if (n === 0) rows.push(first);
      rows.push({ ...measured, name: `${measured.name} (first page ${first.p50.toFixed(2)})`, ratio: measured.p50 / first.p50 });
    }
  }
  const stages = await captureRequestSql(database.db, appOptions, path('sort=name'), headers);
  const statements = stages.flat().length;
  const [answered, replayed] = await measurePair(
    { name: 'list: first page, sort=name, in turns with its SQL', run: get('sort=name') },
    { name: `list: its ${statements} statements replayed (raw SQL)`, run: () => replay(database.db, stages) },
  );
  rows.push(answered, replayed, { name: 'list: first page, HTTP answer / its SQL (p50)', ratio: answered.p50 / replayed.p50 });
  return rows;
}
