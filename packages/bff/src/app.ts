import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { Kysely } from 'kysely';
import { INVITATION_VALID_DAYS } from '@roster/shared';
import type { AppDeps, AppEnv, Authenticator } from './context.ts';
import type { DatabaseKind } from './db/connect.ts';
import { isDatabaseUnavailable, isRetryableConflict } from './db/failures.ts';
import type { DB } from './db/types.ts';
import { groupsRoutes } from './groups/groups.routes.ts';
import { permissionCatalog, type PermissionDefinition } from './groups/permission-catalog.ts';
import { accountAccessRoutes } from './account-access/account-access.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { csrfGuard } from './http/csrf.ts';
import { accountInvitationsRoutes, memberInvitationRoutes, publicInvitationRoutes } from './invitations/invitations.routes.ts';
import { ProblemError, type ProblemStatus } from './errors.ts';
import { problemResponse } from './http/problem.ts';
import { countOutbox } from './mail/outbox-delivery.queries.ts';
import { avatarRoutes } from './me/avatar.routes.ts';
import { meRoutes } from './me/me.routes.ts';
import { mePermissionsRoutes } from './permissions/permissions.routes.ts';
import { serviceRoutes } from './service/service.routes.ts';
import { openApiDocument } from './openapi/document.ts';
import { cookieAuthenticator } from './session/cookie.ts';
import { sessionRoutes } from './session/session.routes.ts';
import { usersRoutes } from './users/users.routes.ts';

export interface AppOptions {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  /** At least 32 characters; signs cursors and invitation links. */
  secret: string;
  /** Base of invitation links (`<publicUrl>/invite/<token>`): where the invitee's screen is served. */
  publicUrl: string;
  /** How long an invitation link stays valid; 7 days by default. */
  invitationValidDays?: number;
  /** Invitations (new, resent, renewed) one account may send per hour; 200 by default. */
  invitationsPerHour?: number;
  /**
   * The host's modules, as people should read them: an id (what groups store), a label and a
   * description each. Screens show labels; ids they do not find here show as themselves. The demo
   * platform's catalogue by default.
   */
  permissions?: PermissionDefinition[];
  /** Email people when an administrator blocks or unblocks them; off by default. */
  notifyOnBlock?: boolean;
  /** Who sent a request; defaults to Roster's session cookie. */
  authenticator?: Authenticator;
  /** Origins other than the API's own whose pages may send unsafe requests with the cookie. */
  trustedOrigins?: string[];
  /**
   * `auto` (default): Secure cookies when the request came over https (as the trusted proxy says,
   * with `trustProxy`); `true`: always Secure; `false`: never.
   */
  secureCookies?: boolean | 'auto';
  /**
   * The host's own proxies in front of the app: `true` (one) or how many. Then the client's address
   * (for the sign-in brake) and scheme come from `X-Forwarded-For` / `X-Forwarded-Proto` as the
   * nearest of them wrote it. Off by default: those headers are anyone's to write.
   */
  trustProxy?: boolean | number;
  /**
   * The host's webhook receiver: membership events are posted there through the outbox (the worker
   * signs them with its `webhookSecret`). None by default.
   */
  webhookUrl?: string;
  /**
   * Opens the service API (`/service/*`) to `Authorization: Bearer <serviceToken>`, at least 32
   * characters. Off (404) by default.
   */
  serviceToken?: string;
  /**
   * A new person registers only through the link their invitation email carried, proof that the
   * address is theirs; the link an administrator copies asks them to have it emailed. True by
   * default; false only where the platform sends no emails, so the copied link is the only way in
   * (then an administrator can register an address they invite themselves).
   */
  registrationNeedsEmailedLink?: boolean;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /** Where unexpected errors are reported (never with secrets). Defaults to console.error. */
  logError?: (error: unknown) => void;
}

const RETRY_AFTER_SECONDS = '5';
const databaseUnavailable = () =>
  new ProblemError(503, 'database_unavailable', 'The database is unavailable; please try again shortly', {}, { 'retry-after': RETRY_AFTER_SECONDS });

const noSuchResource = () => new ProblemError(404, 'not_found', 'No such resource');

/**
 * Headers for answers that are data, never pages: nothing may run, frame or sniff them. Set by the
 * app itself, so a host that mounts it gets them without doing anything.
 */
const apiSecurityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
});

/**
 * Roster's backend-for-frontend as a Hono app. Its paths are relative: a host mounts it where the
 * elements' `api-base` points, e.g. `hostApp.route('/api', createApp({...}))`.
 */
export function createApp(options: AppOptions) {
  if (options.secret.length < 32) throw new Error('The Roster secret must be at least 32 characters long');
  if (options.serviceToken !== undefined && options.serviceToken.length < 32) throw new Error('The service token must be at least 32 characters long');
  const deps: AppDeps = {
    db: options.db,
    databaseKind: options.databaseKind,
    secret: options.secret,
    publicUrl: options.publicUrl,
    invitationValidDays: options.invitationValidDays ?? INVITATION_VALID_DAYS,
    invitationsPerHour: options.invitationsPerHour ?? 200,
    now: options.now ?? (() => new Date()),
    permissions: permissionCatalog(options.permissions),
    notifyOnBlock: options.notifyOnBlock ?? false,
    secureCookies: options.secureCookies ?? 'auto',
    trustProxy: options.trustProxy === true ? 1 : Math.max(0, Math.trunc(Number(options.trustProxy ?? 0))),
    webhookUrl: options.webhookUrl ?? null,
    serviceToken: options.serviceToken ?? null,
    registrationNeedsEmailedLink: options.registrationNeedsEmailedLink ?? true,
  };
  const authenticate = options.authenticator ?? cookieAuthenticator;
  const logError = options.logError ?? ((error: unknown) => console.error('[roster] unexpected error', error));

  return new Hono<AppEnv>()
    .use(apiSecurityHeaders)
    .use(async (c, next) => {
      c.set('deps', deps);
      c.set('principal', null);
      // This middleware's own pattern is `<mount>/*`.
      c.set('mountPath', routePath(c).replace(/\/?\*$/, ''));
      await next();
      // Every answer depends on who asks (and invitation tokens look like file names to caches),
      // except the few that say otherwise: content-hashed profile pictures. Set on the answer's
      // own headers (as secureHeaders does): `c.header` after the handler rebuilds the answer
      // around a stream, which costs every request a web stream and a timer tick to send.
      if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    })
    .use(csrfGuard(options.trustedOrigins ?? []))
    // Before the authenticator: the service token is all `/service/*` reads, and the only thing.
    .route('/service', serviceRoutes)
    // Before the authenticator: a load balancer's check never costs a session lookup, and a cookie
    // it happens to send cannot turn "database down" into a 503 problem.
    .get('/health', async (c) => {
      try {
        // Dead emails need a person: surfaced here so monitoring sees them.
        const outbox = await countOutbox(deps.db);
        return c.json({ ok: true as const, database: deps.databaseKind, outbox }, 200);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        // A load balancer takes the instance out until its database answers again.
        return c.json({ ok: false as const, database: 'down' as const, outbox: null }, 503, { 'retry-after': RETRY_AFTER_SECONDS });
      }
    })
    .use(async (c, next) => {
      c.set('principal', await authenticate(c));
      await next();
    })
    .route('/session', sessionRoutes)
    .route('/me/permissions', mePermissionsRoutes)
    .route('/me', meRoutes)
    .route('/avatars', avatarRoutes)
    .route('/accounts/:accountId/users/:userId/invitation', memberInvitationRoutes)
    .route('/accounts/:accountId/users', usersRoutes)
    .route('/accounts/:accountId/invitations', accountInvitationsRoutes)
    .route('/invitations', publicInvitationRoutes)
    .route('/accounts/:accountId/groups', groupsRoutes)
    .route('/accounts/:accountId/audit', auditRoutes)
    .route('/accounts/:accountId', accountAccessRoutes)
    .get('/openapi.json', (c) => {
      // Served where the host mounted the app, so its server URL is the mount point.
      const mountPath = new URL(c.req.url).pathname.replace(/\/openapi\.json$/, '') || '/';
      return c.json(openApiDocument(mountPath), 200);
    })
    // Mounted under a host (`host.route('/api', app)`), unmatched paths reach the host's notFound,
    // not this app's: this catch-all keeps them problem+json. notFound stays for standalone use.
    .all('*', () => {
      throw noSuchResource();
    })
    .notFound((c) => problemResponse(c, noSuchResource()))
    .onError((error, c) => {
      if (error instanceof ProblemError) return problemResponse(c, error);
      if (error instanceof HTTPException && error.status < 500) {
        // Hono's own refusals, e.g. a body that is not JSON.
        return problemResponse(c, new ProblemError(error.status as ProblemStatus, 'bad_request', error.message));
      }
      if (isDatabaseUnavailable(error)) {
        // Reported once by the database connection itself; each refused request needs no log.
        return problemResponse(c, databaseUnavailable());
      }
      if (isRetryableConflict(error)) {
        // A race lost even after the transaction's retries: rare, and worth a second try.
        return problemResponse(c, new ProblemError(503, 'database_busy', 'Too many changes at once; please try again', {}, { 'retry-after': '1' }));
      }
      logError(error);
      return problemResponse(c, new ProblemError(500, 'internal_error', 'Something went wrong on our side'));
    });
}

export type AppType = ReturnType<typeof createApp>;
