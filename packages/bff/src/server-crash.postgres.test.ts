import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './db/seed.ts';
import { TEST_SECRET } from './testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';

/**
 * The real server process, killed with SIGKILL in the middle of a burst of removals and
 * invitations: every change it had made is whole (membership, groups, invitation, audit event and
 * email together) and every change it had not made left nothing behind.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let database: TestDatabase;
let dataDir: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'roster-crash-'));
});
afterAll(async () => {
  server?.kill('SIGKILL');
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `node --import tsx server.ts` on the test database (it migrates and seeds the demo), once it listens. */
async function startServer(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/bff/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, ROSTER_SECRET: TEST_SECRET, ROSTER_DATA_DIR: dataDir, ROSTER_OUTBOX_WORKER: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 45_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Roster demo on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return child;
}

it('a SIGKILL mid-burst leaves every change all or nothing', async () => {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  server = await startServer(port);
  const signIn = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'admin@acme.test', password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const me = await signIn.json();
  const headers = { cookie: signIn.headers.get('set-cookie')!.split(';')[0]!, origin, 'content-type': 'application/json' };
  const acme = me.accounts.find((a: { name: string }) => a.name === 'Acme Corp').id as string;
  const { db } = database;
  const targets = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.account_id', '=', acme)
    .where('m.state', '=', 'active')
    .where('u.email', 'not in', ['admin@acme.test', 'priya.shah@acme.test'])
    .execute();
  const sales = await db.selectFrom('groups').select('id').where('account_id', '=', acme).where('name', '=', 'Sales').executeTakeFirstOrThrow();
  const newcomers = Array.from({ length: 40 }, (_, i) => `crash${i}@newcomers.test`);

  const requests = [
    ...targets.map((t) => () => fetch(`${origin}/api/accounts/${acme}/users/${t.id}`, { method: 'DELETE', headers })),
    ...newcomers.map((email) => () =>
      fetch(`${origin}/api/accounts/${acme}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ invitees: [{ email, firstName: 'New', lastName: 'Comer' }], groupIds: [sales.id] }),
      }),
    ),
  ];
  let answered = 0;
  const killed = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
  const burst = requests.map((request) =>
    request().then(
      (response) => {
        answered++;
        // Kill as soon as the first changes have committed, with most of the burst still in flight.
        if (answered === 3) server!.kill('SIGKILL');
        return response.status;
      },
      () => 'cut off' as const,
    ),
  );
  const outcomes = await Promise.all(burst);
  await killed;
  expect(outcomes.filter((o) => o === 'cut off').length).toBeGreaterThan(0);

  for (const target of targets) {
    const row = await sql<{ state: string; groups: number; removals: number; emails: number }>`
      select m.state,
        (select count(*)::int from membership_groups g where g.account_id = m.account_id and g.user_id = m.user_id) as groups,
        (select count(*)::int from audit_events e where e.account_id = m.account_id and e.subject_user_id = m.user_id and e.action = 'user.removed') as removals,
        (select count(*)::int from outbox o where o.recipient = ${target.email} and o.kind = 'user-removed') as emails
      from memberships m where m.account_id = ${acme} and m.user_id = ${target.id}`.execute(db);
    const { state, groups, removals, emails } = row.rows[0]!;
    if (state === 'removed') expect({ groups, removals, emails }).toEqual({ groups: 0, removals: 1, emails: 1 });
    else expect({ state, removals, emails, hasGroups: groups > 0 }).toEqual({ state: 'active', removals: 0, emails: 0, hasGroups: true });
  }
  let invited = 0;
  for (const email of newcomers) {
    const row = await sql<{ memberships: number; groups: number; invitations: number; events: number; emails: number }>`
      select
        (select count(*)::int from memberships m join users u on u.id = m.user_id where u.email = ${email} and m.account_id = ${acme} and m.state = 'invited') as memberships,
        (select count(*)::int from membership_groups g join users u on u.id = g.user_id where u.email = ${email} and g.account_id = ${acme}) as groups,
        (select count(*)::int from invitations i where i.email = ${email} and i.state = 'pending') as invitations,
        (select count(*)::int from audit_events e join users u on u.id = e.subject_user_id where u.email = ${email} and e.action = 'user.invited') as events,
        (select count(*)::int from outbox o where o.recipient = ${email} and o.kind = 'invitation') as emails`.execute(db);
    const counts = row.rows[0]!;
    if (counts.memberships === 1) invited++;
    expect(Object.values(counts)).toEqual(Array(5).fill(counts.memberships));
  }
  // The kill really fell in the middle: some changes made, not all of them.
  const removedNow = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', acme)
    .where('user_id', 'in', targets.map((t) => t.id))
    .where('state', '=', 'removed')
    .executeTakeFirstOrThrow();
  const made = Number(removedNow.n) + invited;
  expect(made).toBeGreaterThan(0);
  expect(made).toBeLessThan(requests.length);
});
