/**
 * Browser tests of the components against the real BFF, in one process:
 *   node --import tsx node_modules/@web/test-runner/dist/bin.js --config web-test-runner.config.ts
 *
 * The dev server answers `/api/*` with an in-memory BFF (PGlite, seeded with the demo data; or the
 * PostgreSQL of DATABASE_URL), so the elements fetch exactly what they would in production.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import type { TestRunnerConfig, TestRunnerPlugin } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { createApp } from './packages/bff/src/app.ts';
import { cookieAuthenticator } from './packages/bff/src/session/cookie.ts';
import { invitationToken } from './packages/bff/src/invitations/invitation-link.ts';
import type { Database } from './packages/bff/src/db/connect.ts';
import { seedDemo } from './packages/bff/src/db/seed.ts';
import { createTestDatabase } from './packages/bff/src/testing/test-database.ts';
import { findChromiumPath } from './scripts/chromium-path.mjs';

type Middleware = NonNullable<TestRunnerConfig['middleware']>[number];
type KoaContext = Parameters<Middleware>[0];

const API_PREFIX = '/api';
const TEST_SECRET = 'test-secret-at-least-32-characters-long!!';

let database: Database | undefined;
let bff: Promise<ReturnType<typeof createApp>> | undefined;

/** The BFF, created on the first API request so a config load alone opens no database. */
function startBff() {
  bff ??= (async () => {
    // In-memory PGlite, or a throwaway database on the PostgreSQL server of DATABASE_URL.
    database = await createTestDatabase();
    await seedDemo(database.db);
    return createApp({
      db: database.db,
      databaseKind: database.kind,
      secret: TEST_SECRET,
      publicUrl: 'http://localhost:8000',
      // A host's sign-in stand-in for `getToken()` tests: `Bearer test:<email>` is that person.
      authenticator: async (c) => {
        const email = /^Bearer test:(\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
        if (!email) return cookieAuthenticator(c);
        const user = await database!.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        return user ? { userId: user.id, sessionId: null, viaCookie: false, credentials: 'host' } : null;
      },
    });
  })();
  return bff;
}

async function readBody(ctx: KoaContext): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Uint8Array.from(Buffer.concat(chunks));
}

/** Koa request → fetch Request (the BFF sees the prefix stripped, as when a host mounts it). */
async function toRequest(ctx: KoaContext): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(ctx.originalUrl.slice(API_PREFIX.length) || '/', `${ctx.protocol}://${ctx.host}`);
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
const EXPIRED_TOKEN_PATH = '/__test__/expired-invitation-token';
const expiredTokenMiddleware: Middleware = async (ctx, next) => {
  if (ctx.path !== EXPIRED_TOKEN_PATH) return next();
  await startBff();
  const invitation = await database!.db
    .selectFrom('invitations')
    .select(['id', 'link_version'])
    .where('state', '=', 'pending')
    .where('expires_at', '<', new Date())
    .orderBy('id')
    .executeTakeFirstOrThrow();
  ctx.body = { token: invitationToken(TEST_SECRET, invitation.id, invitation.link_version) };
};

const bffMiddleware: Middleware = async (ctx, next) => {
  if (ctx.path !== API_PREFIX && !ctx.path.startsWith(`${API_PREFIX}/`)) return next();
  const app = await startBff();
  await writeResponse(ctx, await app.fetch(await toRequest(ctx)));
};

const closeDatabase: TestRunnerPlugin = {
  name: 'roster-close-database',
  async serverStop() {
    await database?.close();
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
  middleware: [expiredTokenMiddleware, bffMiddleware],
  plugins: [
    // The plugin ignores `extends`, so point it at the root tsconfig (decorator settings for Lit).
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    closeDatabase,
  ],
  browsers: [
    chromeLauncher({
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
    }),
  ],
} satisfies TestRunnerConfig;
