import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'production-secret-that-is-long-enough!!';
let dataDir: string;
let database: TestDatabase | null = null;

/** The database the commands use: the test's PostgreSQL database, or a PGlite folder of this test. */
const databaseEnv = (): Record<string, string> => (database?.url ? { DATABASE_URL: database.url } : { ROSTER_DATA_DIR: dataDir });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roster-production-'));
  if (process.env.DATABASE_URL) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Sends `bytes` on a new connection and reads everything the server says until it closes it. */
async function rawExchange(port: string, bytes: string) {
  const socket = connect(Number(port), '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  socket.write(bytes);
  await once(socket, 'close');
  return answer;
}

/** Runs `roster …` (the same entry as `npm run serve` / `npm run roster`) with only these settings. */
function roster(args: string[], env: Record<string, string>, options: { untilOutput?: RegExp } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/bff/src/cli.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH!, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const ready = options.untilOutput
    ? new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => options.untilOutput!.test(stdout) && resolve());
        void exited.then(() => reject(new Error(`exited: ${stderr}`)));
      })
    : Promise.resolve();
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

describe('npm run serve (production)', () => {
  it('refuses to start without ROSTER_SECRET, or without SMTP_URL unless ROSTER_EMAIL=off, in one line and a non-zero exit', async () => {
    const noSecret = roster(['serve'], { ...databaseEnv(), ROSTER_EMAIL: 'off' });
    expect(await noSecret.exited).toBe(1);
    expect(noSecret.output().stderr.trim().split('\n')).toEqual([expect.stringMatching(/^roster: ROSTER_SECRET is required in production/)]);

    const noSmtp = roster(['serve'], { ...databaseEnv(), ROSTER_SECRET: SECRET });
    expect(await noSmtp.exited).toBe(1);
    expect(noSmtp.output().stderr.trim().split('\n')).toEqual([expect.stringMatching(/^roster: SMTP_URL is required in production; set ROSTER_EMAIL=off/)]);

    // Email off with separate workers would be email on (they send), with copied links registering.
    const emailOffElsewhereOn = roster(['serve'], { ...databaseEnv(), ROSTER_SECRET: SECRET, ROSTER_EMAIL: 'off', ROSTER_OUTBOX_WORKER: 'off' });
    expect(await emailOffElsewhereOn.exited).toBe(1);
    expect(emailOffElsewhereOn.output().stderr.trim().split('\n')).toEqual([expect.stringMatching(/^roster: ROSTER_EMAIL=off needs this server to settle/)]);

    const badSetting = roster(['serve'], { ...databaseEnv(), ROSTER_SECRET: SECRET, ROSTER_EMAIL: 'off', ROSTER_WEBHOOK_URL: 'http://127.0.0.1:9/h' });
    expect(await badSetting.exited).toBe(1);
    expect(badSetting.output().stderr.trim().split('\n')).toEqual([expect.stringMatching(/ROSTER_WEBHOOK_SECRET/)]);
  }, 60_000);

  it('serves the API without demo data, demo pages or mailbox', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const server = roster(['serve'], { ...databaseEnv(), ROSTER_SECRET: SECRET, ROSTER_EMAIL: 'off', PORT: port }, { untilOutput: /Roster on http/ });
    try {
      await server.ready;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      for (const path of ['/', '/demo/mailbox.json', '/assets/roster.js', '/invite/abc']) expect((await fetch(`${base}${path}`)).status).toBe(404);
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@acme.test', password: 'Roster!demo1' }),
      });
      expect(signIn.status).toBe(401);
      // What Node refuses before the app runs is a problem too, with the API's headers.
      const tooLong = await rawExchange(port, `GET /api/health?x=${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
      expect(tooLong).toMatch(/^HTTP\/1.1 431 /);
      expect(tooLong).toMatch(/^content-type: application\/problem\+json$/m);
      expect(tooLong).toMatch(/^x-content-type-options: nosniff$/m);
      expect(tooLong).toMatch(/"code":"headers_too_large"/);
      const notHttp = await rawExchange(port, 'HELLO\r\n\r\n');
      expect(notHttp).toMatch(/^HTTP\/1.1 400 [\s\S]*"code":"bad_request"/);
      // Headers that never end (slowloris) are cut after 15 s, not Node's minute and more.
      const started = Date.now();
      const slow = await rawExchange(port, 'GET /api/health HTTP/1.1\r\nhost: x\r\n');
      expect(slow).toMatch(/^HTTP\/1.1 408 [\s\S]*"code":"request_timeout"/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(server.output().stdout).not.toMatch(/Seeded/);
  }, 60_000);

  it('stops within seconds of SIGTERM while a client holds a connection that has sent no request', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = roster(['serve'], { ...databaseEnv(), ROSTER_SECRET: SECRET, ROSTER_EMAIL: 'off', PORT: String(port) }, { untilOutput: /Roster on http/ });
    await server.ready;
    // What a browser's preconnection looks like to the server: a socket, and no request on it yet.
    const quiet = connect(port, '127.0.0.1');
    await once(quiet, 'connect');
    try {
      const stopping = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(15_000);
    } finally {
      quiet.destroy();
    }
  }, 60_000);
});

describe('npm run roster (the operator\'s command line)', () => {
  it('migrates, creates an account with its first administrator (printing the link) and lists accounts', async () => {
    const env = { ...databaseEnv(), ROSTER_SECRET: SECRET, ROSTER_PUBLIC_URL: 'https://roster.example' };
    const migrate = roster(['migrate'], env);
    expect(await migrate.exited).toBe(0);

    const create = roster(['create-account', 'Wayne Enterprises', '--admin', 'Bruce@Wayne.test', '--first-name', 'Bruce', '--last-name', 'Wayne'], env);
    expect(await create.exited).toBe(0);
    const { stdout } = create.output();
    const id = /Created account Wayne Enterprises \(([0-9a-f-]{36})\)/.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect(stdout).toMatch(/Invited bruce@wayne\.test as its administrator: https:\/\/roster\.example\/invite\/\S+/);

    const list = roster(['list-accounts'], env);
    expect(await list.exited).toBe(0);
    expect(list.output().stdout).toContain(`${id}  Wayne Enterprises`);

    const bad = roster(['create-account', 'X', '--admin', 'not-an-email', '--first-name', 'A', '--last-name', 'B'], env);
    expect(await bad.exited).toBe(1);
    const unknown = roster(['explode'], env);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output().stderr).toMatch(/Unknown command "explode"/);
  }, 90_000);
});
