/**
 * Browser tests of the components against the real BFF, in one process:
 *   node --import tsx node_modules/@web/test-runner/dist/bin.js --config web-test-runner.config.ts
 *
 * Each test file has a BFF and a database of its own, so no file depends on what another did or in
 * which order they run: the dev server answers `/t/<name>/api/*` with the BFF of `<name>` (created on
 * the first request, over a fresh database seeded with the demo data: in-memory PGlite, or a
 * throwaway database on the PostgreSQL of DATABASE_URL), and a test file uses its own name
 * (`testApi(import.meta.url)` in `packages/components/src/test-support/`) as the elements' `api-base`.
 * The elements fetch exactly what they would in production. Nothing answers a bare `/api`, so an
 * element a test forgot to point at its own BFF fails instead of reaching another file's data.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { Hono } from 'hono';
import type { BrowserLauncher, TestRunnerConfig, TestRunnerPlugin } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './packages/bff/src/app.ts';
import './packages/bff/src/testing/cheap-password-hashing.ts';
import { cookieAuthenticator } from './packages/bff/src/session/cookie.ts';
import { invitationIdOf, invitationToken } from './packages/bff/src/invitations/invitation-link.ts';
import type { Database } from './packages/bff/src/db/connect.ts';
import { seedDemo } from './packages/bff/src/db/seed.ts';
import { seededTestDatabases } from './packages/bff/src/testing/seeded-test-databases.ts';
import { bffNameOf } from './packages/components/src/test-support/test-api.ts';
import { findChromiumPath } from './scripts/chromium-path.mjs';
import { workspaceSources } from './scripts/workspace-sources.mjs';

type Middleware = NonNullable<TestRunnerConfig['middleware']>[number];
type KoaContext = Parameters<Middleware>[0];

const TEST_SECRET = 'test-secret-at-least-32-characters-long!!';

/** `/t/<name>/<rest>`: a path of the BFF named `<name>` (a test file's own). */
const TEST_PATH = /^\/t\/([a-z0-9.-]+)(\/.*)$/;

interface TestBff {
  database: Database;
  /** The BFF mounted at `/t/<name>/api`, as a host mounts it, so the URLs it hands out (pictures) carry the prefix. */
  app: Hono;
}

/** A new database seeded with the demo data. */
const demoDatabase = seededTestDatabases((db) => seedDemo(db));

/** Each name's BFF, made before the tests start (see `prepareBffs`), or else on its first request. */
const bffs = new Map<string, Promise<TestBff>>();

function bffFor(name: string): Promise<TestBff> {
  let bff = bffs.get(name);
  if (!bff) {
    bff = (async () => {
      const database = await demoDatabase();
      const app = new Hono().route(
        `/t/${name}/api`,
        createApp({
          db: database.db,
          databaseKind: database.kind,
          secret: TEST_SECRET,
          publicUrl: 'http://localhost:8000',
          // A host's sign-in stand-in for `getToken()` tests: `Bearer test:<email>` is that person.
          authenticator: async (c) => {
            const email = /^Bearer test:(\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
            if (!email) return cookieAuthenticator(c);
            const user = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
            return user ? { userId: user.id, sessionId: null, viaCookie: false, credentials: 'host' } : null;
          },
        }),
      );
      return { database, app };
    })();
    bffs.set(name, bff);
  }
  return bff;
}

async function readBody(ctx: KoaContext): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Uint8Array.from(Buffer.concat(chunks));
}

/** Koa request → fetch Request, for the BFF mounted under its prefix. */
async function toRequest(ctx: KoaContext): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(ctx.originalUrl, `${ctx.protocol}://${ctx.host}`);
  return new Request(url, { method: ctx.method, headers, body: await readBody(ctx) });
}

/** fetch Response → Koa response, keeping every Set-Cookie header. */
async function writeResponse(ctx: KoaContext, response: Response) {
  ctx.status = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') ctx.set(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) ctx.set('set-cookie', cookies);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > 0) ctx.body = body;
}

/**
 * Test-only: the link token of a seeded expired invitation. Tokens are HMACs under the server's
 * secret, so a browser test cannot make one itself; the real BFF still judges it.
 */
async function expiredInvitationToken({ database }: TestBff): Promise<{ token: string }> {
  const invitation = await database.db
    .selectFrom('invitations')
    .select(['id', 'link_version'])
    .where('state', '=', 'pending')
    .where('expires_at', '<', new Date())
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { token: invitationToken(TEST_SECRET, invitation.id, invitation.link_version, 'emailed') };
}

/**
 * Test-only: the token the invitation email carries for the invitation an administrator's copied
 * `token` names (the emailed link, which lets a new person register). The outbox renders it the
 * same way; only the server's secret can make one.
 */
async function emailedInvitationToken({ database }: TestBff, token: string): Promise<{ token: string }> {
  const invitation = await database.db
    .selectFrom('invitations')
    .select(['id', 'link_version'])
    .where('id', '=', invitationIdOf(token) ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
  return { token: invitationToken(TEST_SECRET, invitation.id, invitation.link_version, 'emailed') };
}

/**
 * Test-only: makes `email` an ordinary active member of `count` new accounts ("Team 001"…), for the
 * switcher's scale. Straight SQL: through the API it would take three requests an account.
 */
async function joinManyAccounts({ database }: TestBff, email: string, count: number): Promise<{ accountIds: string[] }> {
  const user = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const names = Array.from({ length: count }, (_, i) => ({ name: `Team ${String(i + 1).padStart(3, '0')}` }));
  const accounts = await database.db.insertInto('accounts').values(names).returning('id').execute();
  await database.db
    .insertInto('memberships')
    .values(accounts.map((a) => ({ account_id: a.id, user_id: user.id, state: 'active' as const, invited_by: null, invited_at: new Date(), joined_at: new Date(), removed_at: null })))
    .execute();
  return { accountIds: accounts.map((a) => a.id) };
}

/**
 * `/t/<name>/api/*` → that name's BFF; `/t/<name>/__test__/expired-invitation-token` → a token from its
 * database; `/t/<name>/__test__/emailed-invitation-token?token=` → see `emailedInvitationToken`;
 * `/t/<name>/__test__/many-accounts?email=&count=` → see `joinManyAccounts`.
 */
const testBffMiddleware: Middleware = async (ctx, next) => {
  const [, name, rest] = TEST_PATH.exec(ctx.path) ?? [];
  if (!name || !rest) return next();
  if (rest === '/__test__/expired-invitation-token') {
    ctx.body = await expiredInvitationToken(await bffFor(name));
    return;
  }
  if (rest === '/__test__/emailed-invitation-token') {
    ctx.body = await emailedInvitationToken(await bffFor(name), String(ctx.query.token));
    return;
  }
  if (rest === '/__test__/many-accounts') {
    ctx.body = await joinManyAccounts(await bffFor(name), String(ctx.query.email), Number(ctx.query.count));
    return;
  }
  if (rest !== '/api' && !rest.startsWith('/api/')) return next();
  const { app } = await bffFor(name);
  await writeResponse(ctx, await app.fetch(await toRequest(ctx)));
};

/**
 * Makes the BFF of every test file that will run and uses one, before any test starts. PGlite works on
 * this process's one thread, the one that also answers the tests' requests: a database made while
 * other files run would hold their requests up for seconds (and their tests past their timeouts).
 */
async function prepareBffs(testFiles: string[]) {
  await Promise.all(
    testFiles.map(async (file) => {
      if ((await readFile(file, 'utf8')).includes('testApi(')) await bffFor(bffNameOf(file));
    }),
  );
}

/** The runner awaits a launcher's `initialize` with the test files before it starts any test. */
function preparingBffs(launcher: BrowserLauncher): BrowserLauncher {
  const initialize = launcher.initialize?.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    await prepareBffs(testFiles);
    await initialize?.(config, testFiles);
  };
  return launcher;
}

/** `@roster/…` from source, not the packages' dist/ (see scripts/workspace-sources.mjs). */
const rootDir = fileURLToPath(new URL('.', import.meta.url));
const fromSource: TestRunnerPlugin = {
  name: 'roster-workspace-sources',
  resolveImport({ source }) {
    const file = workspaceSources[source];
    return file ? `/${relative(rootDir, file)}` : undefined;
  },
};

const closeDatabases: TestRunnerPlugin = {
  name: 'roster-close-databases',
  async serverStop() {
    // A BFF that failed to start has no database left open.
    await Promise.allSettled([...bffs.values()].map(async (bff) => (await bff).database.close()));
  },
};

const chromiumPath = findChromiumPath();
if (!chromiumPath) throw new Error('No Chromium found: run `node scripts/find-chromium.mjs` for help.');

export default {
  files: 'packages/components/src/**/*.test.ts',
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10_000 } },
  // Lit announces its development build in every test file; that says nothing about the tests.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [testBffMiddleware],
  plugins: [
    // The plugin ignores `extends`, so point it at the root tsconfig (decorator settings for Lit).
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    fromSource,
    closeDatabases,
  ],
  browsers: [
    preparingBffs(chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      },
      // Each test file gets its own browser context, so the session cookie of one file (signed in
      // as an administrator, a member, or nobody) never leaks into another running beside it.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => undefined));
        return page;
      },
    })),
  ],
} satisfies TestRunnerConfig;
