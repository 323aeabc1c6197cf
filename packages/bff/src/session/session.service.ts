import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/transaction.ts';
import type { DB } from '../db/types.ts';
import { ProblemError } from '../errors.ts';
import { dummyHash, verifyPassword } from './password-hash.ts';
import * as queries from './session.queries.ts';
import { releaseSignInAttempt, reserveSignInAttempt } from './sign-in-brake.ts';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The cookie holds a random token; the database holds only its hash. */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Email + password sign-in from `address`. The attempt is counted by the brake before the password
 * is checked, so parallel guesses cannot outrun it, and given back when the password was right.
 */
export async function signIn(db: Kysely<DB>, input: { email: string; password: string; address: string }, now: Date) {
  const reservation = await reserveSignInAttempt(db, input, now);
  const user = await queries.findUserByEmail(db, input.email);
  // Unknown emails cost a full scrypt too, so timing does not reveal who has an identity.
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? dummyHash());
  if (!user || !user.password_hash || !passwordOk) {
    throw new ProblemError(401, 'invalid_credentials', 'The email or password is not right');
  }

  const session = await inTransaction(db, async (trx) => {
    await releaseSignInAttempt(trx, reservation, user.id, now);
    await queries.markSignedIn(trx, user.id, now);
    return startSession(trx, { userId: user.id, now });
  });
  return { ...session, userId: user.id };
}

/**
 * The one place sessions are minted (sign-in, and accepting an invitation as a new person): a
 * random token for the cookie, only its hash stored, with the session's lifetime. Call it inside
 * the transaction of the change that signs the person in.
 */
export async function startSession(trx: Kysely<DB>, session: { userId: string; now: Date }) {
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdFromToken(token);
  await queries.insertSession(trx, {
    id: sessionId,
    userId: session.userId,
    expiresAt: new Date(session.now.getTime() + SESSION_TTL_MS),
  });
  return { token, sessionId };
}

export async function signOut(db: Kysely<DB>, sessionId: string) {
  await queries.deleteSession(db, sessionId);
}

/**
 * Ends every session of the person except the one asking (after a password change: whoever else
 * held a session with the old password is signed out; a host's caller has no Roster session to keep).
 */
export async function endOtherSessions(db: Kysely<DB>, userId: string, keepSessionId: string | null) {
  await queries.deleteOtherSessions(db, userId, keepSessionId);
}

/** The live session behind a cookie's token; with `accountId`, the person's active membership there too (one statement). */
export async function findSession(db: Kysely<DB>, token: string, now: Date, accountId?: string) {
  return queries.findLiveSession(db, sessionIdFromToken(token), now, accountId);
}
