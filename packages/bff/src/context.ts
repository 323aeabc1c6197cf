import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Credentials } from '@roster/shared';
import type { DatabaseKind } from './db/connect.ts';
import type { DB } from './db/types.ts';
import type { PermissionCatalog } from './groups/permission-catalog.ts';

/** Who is calling. `viaCookie` tells the CSRF check whether a browser carried the credential. */
export interface Principal {
  userId: string;
  /** The Roster session behind the request, when it came from one (it holds the active account). */
  sessionId: string | null;
  viaCookie: boolean;
  /**
   * How the person signed in, as `GET /me` tells the screens (`host` hides the password change).
   * Roster's cookie says `roster`; an authenticator that leaves it out means `host` when there is
   * no Roster session behind the request.
   */
  credentials?: Credentials;
  /**
   * The caller's membership in the account the request's path names, when the authenticator read it
   * in the same statement as the session (Roster's cookie does). `requireAccountAccess` uses it for
   * that very account only, and asks the database itself whenever it is absent.
   */
  membershipInPath?: { accountId: string; active: boolean; isAdmin: boolean };
}

/**
 * Decides who sent a request. The default reads Roster's session cookie; a host can pass its own
 * (for example a bearer-JWT verifier) to `createApp`. Return null for anonymous requests.
 */
export type Authenticator = (c: Context<AppEnv>) => Promise<Principal | null>;

/** Everything a request handler needs, injected once by createApp: no globals. */
export interface AppDeps {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  /** Signs cursors and invitation links. */
  secret: string;
  publicUrl: string;
  invitationValidDays: number;
  invitationsPerHour: number;
  now: () => Date;
  /** Labels the host's permission ids for people. */
  permissions: PermissionCatalog;
  /** Email people when they are blocked and unblocked. */
  notifyOnBlock: boolean;
  secureCookies: boolean | 'auto';
  /** How many of the host's proxies stand in front of the app (0: believe no X-Forwarded-* header). */
  trustProxy: number;
  /** Where membership events are posted (through the outbox); null: none are written. */
  webhookUrl: string | null;
  /** `Authorization: Bearer <this>` opens `/service/*` (and nothing else); null: the service API is off. */
  serviceToken: string | null;
  /** A new person registers only through the emailed link, which proves the mailbox (`invitation-link.ts`). */
  registrationNeedsEmailedLink: boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Where the host mounted the app (`/api`, or '' standalone): the base of the URLs it hands out. */
    mountPath: string;
    principal: Principal | null;
    /** The signed-in caller: set by `requireSignIn` and `requireAccountAccess`, so guarded routes need no null check. */
    actor: Principal;
    /** Set by `requireAccountAccess` on account-scoped routes. */
    account: { id: string; isAdmin: boolean };
  };
}
