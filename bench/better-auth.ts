import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { organization } from 'better-auth/plugins';
import pg from 'pg';
import type { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { adminQuery } from '../packages/bff/src/testing/test-database.ts';
import { measurePair, type Row } from './measure.ts';
import { deepCursor, listGetter, PAGE } from './users-list.ts';

const DEEP = 50_000;
const ORIGIN = 'http://localhost:8787';

/**
 * better-auth with its organization plugin in its own throwaway database on the same PostgreSQL
 * server, its tables made by its own migrations, an organization whose owner is signed in and the
 * same people as Roster's bench account (names, emails, dates) as its members. Returns its HTTP
 * handler, the owner's cookie, the organization's id and a `close`.
 */
async function betterAuthWithMembers(serverUrl: string, members: number, prefix: string) {
  const name = `roster_bench_better_auth_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // pool.end() resolves before its connections have closed, and the forced drop ends those left:
  // without a listener, that expected error would end the bench.
  pool.on('error', () => {});
  const close = async () => {
    await pool.end();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    const auth = betterAuth({
      database: pool,
      secret: randomBytes(32).toString('hex'),
      baseURL: ORIGIN,
      emailAndPassword: { enabled: true },
      plugins: [organization()],
      telemetry: { enabled: false },
      logger: { disabled: true },
    });
    await (await getMigrations(auth.options)).runMigrations();
    const signUp = await auth.api.signUpEmail({
      body: { email: 'bench-owner@bench.test', password: 'bench-password-long-enough', name: 'Bench Owner' },
      returnHeaders: true,
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const org = await auth.api.createOrganization({ body: { name: 'Bench', slug: 'bench' }, headers: new Headers({ cookie }) });
    if (!org) throw new Error('better-auth: the organization was not created');
    // The same people seed.ts makes for Roster, written set-wise.
    await pool.query(
      `insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
       select md5($1 || g), (array['Ann','Bob','Cleo','Dev','Eli','Fay','Gus','Hana','Ivo','Jia'])[g % 10 + 1] || ' ' ||
              (array['Lee','Ngo','Silva','Moreau','Okafor','Berg','Kaur','Ito','Novak','Ruiz','Haddad','Costa'])[g % 12 + 1],
              $1 || g || '@bench.test', true, now() - (g % 700) * interval '1 day', now()
       from generate_series(1, $2::int) g`,
      [prefix, members],
    );
    await pool.query(
      `insert into member (id, "organizationId", "userId", role, "createdAt")
       select md5('member' || u.id), $1, u.id, 'member', u."createdAt" from "user" u where u.email like $2`,
      [org.id, `${prefix}%@bench.test`],
    );
    await pool.query('vacuum analyze');
    const list = (offset: number) => async () => {
      const query = new URLSearchParams({ organizationId: org.id, limit: String(PAGE), offset: String(offset) });
      const response = await auth.handler(new Request(`${ORIGIN}/api/auth/organization/list-members?${query}`, { headers: { cookie } }));
      if (response.status !== 200) throw new Error(`better-auth list-members: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { members: unknown[]; total: number };
      if (body.members.length !== PAGE || body.total !== members + 1) throw new Error('better-auth list-members: not the page asked for');
    };
    return { list, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Roster's Users list beside better-auth's organization plugin (`GET /organization/list-members`,
 * its documented way to list members: limit and offset, with the total) on the same PostgreSQL
 * server and the same people, both through their HTTP handlers in this process, timed in turns:
 * a first page and a page DEEP members in (Roster by its cursor, better-auth by its offset). The
 * ratio is better-auth's p50 / Roster's. PostgreSQL only.
 */
export async function benchBetterAuth(
  database: Database & { url?: string },
  app: ReturnType<typeof createApp>,
  secret: string,
  accountId: string,
  members: number,
): Promise<Row[]> {
  const serverUrl = process.env.DATABASE_URL;
  if (!database.url || !serverUrl) return [];
  const roster = await listGetter(app, accountId);
  const cursor = await deepCursor(database, accountId, 'name', DEEP, secret);
  const other = await betterAuthWithMembers(serverUrl, members, 'member');
  try {
    const rows: Row[] = [];
    for (const page of [
      { label: 'first page', roster: roster.get('sort=name'), betterAuth: other.list(0) },
      { label: `page ${DEEP.toLocaleString('en')} deep`, roster: roster.get(`sort=name&cursor=${cursor}`), betterAuth: other.list(DEEP) },
    ]) {
      const [ours, theirs] = await measurePair(
        { name: `Roster: ${page.label} (cursor, sort=name)`, run: page.roster },
        { name: `better-auth organization: ${page.label} (offset)`, run: page.betterAuth },
        100,
        10,
      );
      rows.push(ours, theirs, { name: `${page.label}: better-auth / Roster (p50)`, ratio: theirs.p50 / ours.p50 });
    }
    return rows;
  } finally {
    await other.close();
  }
}
