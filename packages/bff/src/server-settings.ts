import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Problem, ProblemCode } from '@roster/shared';
import type { AppOptions } from './app.ts';
import { connectDatabase, type ConnectOptions } from './db/connect.ts';
import type { Env } from './env.ts';
import { bearerAuthenticator } from './host/bearer-authenticator.ts';

/** What the server and the standalone worker derive from the same settings, the same way. */

export const publicUrlOf = (env: Env) => env.ROSTER_PUBLIC_URL ?? `http://localhost:${env.PORT}`;

/** Where PGlite keeps its files under ROSTER_DATA_DIR (`memory`: nowhere). */
export const pgliteDirOf = (env: Env) => (env.ROSTER_DATA_DIR === 'memory' ? 'memory' : join(env.ROSTER_DATA_DIR, 'pglite'));

/**
 * The database the settings name, opened the same way by the servers, the worker and the command
 * line: PostgreSQL at DATABASE_URL, else PGlite under ROSTER_DATA_DIR (PGlite creates its own
 * folder but not the ones above it).
 */
export async function connectDatabaseOf(env: Env, options: Pick<ConnectOptions, 'maxConnections'> = {}) {
  const dataDir = pgliteDirOf(env);
  if (!env.DATABASE_URL && dataDir !== 'memory') await mkdir(env.ROSTER_DATA_DIR, { recursive: true });
  return connectDatabase({ databaseUrl: env.DATABASE_URL, dataDir, preparedStatements: env.ROSTER_PREPARED_STATEMENTS === 'on', ...options });
}

/** The createApp options for what stands between the browser and the server (proxies, TLS). */
export const proxyOptionsOf = (env: Env) => ({
  trustProxy: env.ROSTER_TRUST_PROXY,
  secureCookies: env.ROSTER_SECURE_COOKIES === 'always' ? true : ('auto' as const),
});

/**
 * ROSTER_SECRET, or the one the demo server generated once and kept in the data directory. Only the
 * server generates (`generate`): a worker with a secret of its own would email links that never
 * verify, so it must find the server's.
 */
export async function loadSecret(env: Env, { generate }: { generate: boolean }): Promise<string> {
  if (env.ROSTER_SECRET) return env.ROSTER_SECRET;
  if (env.ROSTER_DATA_DIR === 'memory' && generate) return randomBytes(32).toString('base64url');
  const file = join(env.ROSTER_DATA_DIR, 'secret');
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (kept.length >= 32) return kept.trim();
  if (!generate) throw new Error(`ROSTER_SECRET is not set and ${file} holds no secret: give the server's secret`);
  const secret = randomBytes(32).toString('base64url');
  await mkdir(env.ROSTER_DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** The createApp options of host integration: bearer sign-in, the service API, webhooks. */
export function hostOptionsOf(env: Env): Pick<AppOptions, 'authenticator' | 'serviceToken' | 'webhookUrl'> {
  return {
    authenticator: env.ROSTER_JWT_JWKS_URL
      ? bearerAuthenticator({
          jwksUrl: env.ROSTER_JWT_JWKS_URL,
          issuer: env.ROSTER_JWT_ISSUER!,
          audience: env.ROSTER_JWT_AUDIENCE!,
          emailClaim: env.ROSTER_JWT_EMAIL_CLAIM,
          createUsers: env.ROSTER_JWT_CREATE_USERS === 'on',
        })
      : undefined,
    serviceToken: env.ROSTER_SERVICE_TOKEN,
    webhookUrl: env.ROSTER_WEBHOOK_URL,
  };
}

/** How long requests in flight at a stop may take to finish before their connections are cut. */
const STOP_GRACE_MS = 5_000;

/**
 * A request's headers must arrive within this time (Node's default is 60 s, checked every 30 s): a
 * client that opens connections and dribbles headers (slowloris) holds each for seconds, not a
 * minute and a half. Bodies keep Node's 5 minutes: a picture may come over a slow line.
 */
const HEADERS_TIMEOUT_MS = 15_000;
const TIMEOUTS_CHECKED_EVERY_MS = 1_000;

/** What Node refuses before the app sees a request, and how it is answered instead of Node's bare status line. */
const UNREADABLE: Record<string, { status: number; reason: string; code: ProblemCode }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'headers_too_large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout' },
};
const NOT_HTTP = { status: 400, reason: 'Bad Request', code: 'bad_request' as const };

/**
 * A URL or headers over Node's 16 KB, bytes that are not HTTP, or headers that never finish are
 * refused by Node before the app runs, with a bare status line and no headers. They get a problem
 * with its code and the API's security headers, like every other refusal.
 */
function answerUnreadableRequests(http: Server) {
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const { status, reason, code } = UNREADABLE[error.code ?? ''] ?? NOT_HTTP;
    const body = JSON.stringify({ type: `https://roster.dev/problems/${code}`, title: reason, status, code } satisfies Problem);
    const head = [
      `HTTP/1.1 ${status} ${reason}`,
      'content-type: application/problem+json',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      "content-security-policy: default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options: nosniff',
      'x-frame-options: DENY',
      'connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}

/**
 * Serves `fetch` on `port` until SIGINT or SIGTERM, then stops taking requests, lets the email in
 * flight finish (`stopDelivery`), closes the database and exits: what both servers do.
 */
export function serveUntilStopped(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; banner: (port: number) => string; stopDelivery: () => Promise<void>; closeDatabase: () => Promise<void> },
) {
  const serverOptions = { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUTS_CHECKED_EVERY_MS };
  const http = serve({ fetch, port: options.port, serverOptions }, (info) => console.log(options.banner(info.port))) as Server;
  answerUnreadableRequests(http);
  const stop = async () => {
    const closed = new Promise((resolve) => http.close(resolve));
    // close() waits for every connection to end, and one that has not sent a request (a browser
    // opens such connections ahead of need) is never idle in Node's eyes: it held a stop for
    // minutes. Requests in flight get a few seconds, then every connection is cut.
    setTimeout(() => http.closeAllConnections(), STOP_GRACE_MS).unref();
    await Promise.all([closed, options.stopDelivery()]);
    await options.closeDatabase();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
