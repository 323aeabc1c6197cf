import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { EmailSchema } from '@roster/shared';
import type { Authenticator } from '../context.ts';
import { ProblemError } from '../errors.ts';
import { cookieAuthenticator } from '../session/cookie.ts';
import { createHostUser, findUserIdByEmail } from './host-users.queries.ts';

export interface BearerAuthenticatorOptions {
  /** The host's JSON Web Key Set, e.g. `https://id.example/.well-known/jwks.json`. */
  jwksUrl: string;
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must carry (one of them). */
  audience: string;
  /** The claim holding the person's email; `email` by default. */
  emailClaim?: string;
  /** Create a Roster user (no password, no account) for an email seen for the first time; off by default. */
  createUsers?: boolean;
  /** Also accept Roster's session cookie on requests without a bearer token; on by default. */
  acceptCookies?: boolean;
  /** Least time between two fetches of the key set (an unknown `kid` asks again); 30 s by default. */
  jwksCooldownMs?: number;
  /** Where an unreachable key set is reported, at most once a minute; console.error by default. */
  logError?: (error: unknown) => void;
}

/** Asymmetric only: never `none`, never an HMAC that a public key could be made to sign. */
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const CLOCK_SKEW_SECONDS = 60;
const MAX_TOKEN_LENGTH = 8192;

/** RFC 6750: a refused bearer token is a 401 that says so in `WWW-Authenticate`. */
export const invalidToken = (why: string) =>
  new ProblemError(401, 'invalid_token', 'The bearer token is not accepted', { detail: why }, {
    'www-authenticate': 'Bearer error="invalid_token"',
  });

/**
 * The host's key set could not be had (unreachable, timed out, not a key set): the token may be
 * perfectly good, so this is an outage to retry (503), not a refusal (401).
 */
class KeySetUnavailable extends Error {}

export const identityProviderUnavailable = () =>
  new ProblemError(503, 'identity_provider_unavailable', "The host's sign-in keys cannot be fetched; please try again shortly", {}, {
    'retry-after': '5',
  });

const nameClaim = (payload: JWTPayload, claim: string) => {
  const value = payload[claim];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

/**
 * Lets the host's signed-in people in with the host's own tokens (`Authorization: Bearer <JWT>`),
 * verified against the host's JWKS with `jose`. The key set is cached and fetched again, at most
 * once per cooldown, when a token names a `kid` it does not hold (key rotation). The token's email
 * is the Roster user; an unknown email is refused unless `createUsers`.
 */
export function bearerAuthenticator(options: BearerAuthenticatorOptions): Authenticator {
  const keySet = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    timeoutDuration: 5_000,
  });
  // Only "no such key" (or several) is about the token; any other failure of the lookup is the key set's.
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeySetUnavailable('JWKS unavailable', { cause: error });
    }
  };
  const logError = options.logError ?? ((error: unknown) => console.error("[roster] the host's key set cannot be fetched", error));
  let lastReported = -Infinity;
  // An outage fails every request; one line a minute says so without flooding the log.
  const reportOutage = (error: unknown) => {
    if (Date.now() - lastReported < 60_000) return;
    lastReported = Date.now();
    logError(error);
  };
  const emailClaim = options.emailClaim ?? 'email';
  const acceptCookies = options.acceptCookies ?? true;

  return async (c) => {
    const header = c.req.header('authorization');
    if (header === undefined) return acceptCookies ? cookieAuthenticator(c) : null;
    const token = /^Bearer +([\w-]+\.[\w-]*\.[\w-]*)$/i.exec(header)?.[1];
    if (!token || token.length > MAX_TOKEN_LENGTH) throw invalidToken('Send "Authorization: Bearer <JWT>"');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof KeySetUnavailable) {
        reportOutage(error.cause);
        throw identityProviderUnavailable();
      }
      // jose's reasons (expired, wrong audience, no such key…) name nothing secret.
      throw invalidToken(error instanceof Error ? error.message : 'The token could not be verified');
    }

    const email = EmailSchema.safeParse(payload[emailClaim]);
    if (!email.success) throw invalidToken(`The token carries no email in "${emailClaim}"`);
    const db = c.var.deps.db;
    let user = await findUserIdByEmail(db, email.data);
    if (!user && options.createUsers) {
      user = await createHostUser(db, {
        email: email.data,
        firstName: nameClaim(payload, 'given_name'),
        lastName: nameClaim(payload, 'family_name'),
      });
    }
    if (!user) throw invalidToken('No Roster user has this email');
    return { userId: user.id, sessionId: null, viaCookie: false, credentials: 'host' };
  };
}
