import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { ProblemError } from '../errors.ts';
import { DUMMY_HASH, verifyPassword } from './password-hash.ts';
import * as queries from './session.queries.ts';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The brake: this many failures within the window lock the email for the lock time. */
export const BRAKE = { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };

/** The cookie holds a random token; the database holds only its hash. */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function signIn(db: Kysely<DB>, input: { email: string; password: string }, now: Date) {
  const brakeKey = `email:${input.email}`;
  await refuseWhileLocked(db, brakeKey, now);

  const user = await queries.findUserByEmail(db, input.email);
  // Unknown emails cost a full scrypt too, so timing does not reveal who has an identity.
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.password_hash || !passwordOk) {
    await countFailure(db, brakeKey, now);
    throw new ProblemError(401, 'invalid_credentials', 'The email or password is not right');
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdFromToken(token);
  await db.transaction().execute(async (trx) => {
    await queries.clearAttempts(trx, brakeKey);
    await queries.markSignedIn(trx, user.id, now);
    await queries.insertSession(trx, {
      id: sessionId,
      userId: user.id,
      activeAccountId: null, // chosen by the first GET /me (getMe falls back to the first account)
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
  });
  return { token, sessionId, userId: user.id };
}

export async function signOut(db: Kysely<DB>, sessionId: string) {
  await queries.deleteSession(db, sessionId);
}

export async function findSession(db: Kysely<DB>, token: string, now: Date) {
  return queries.findLiveSession(db, sessionIdFromToken(token), now);
}

async function refuseWhileLocked(db: Kysely<DB>, key: string, now: Date) {
  const attempts = await queries.findAttempts(db, key);
  if (attempts?.locked_until && attempts.locked_until > now) throw tooManyAttempts(attempts.locked_until, now);
}

async function countFailure(db: Kysely<DB>, key: string, now: Date) {
  const lockedUntil = await db.transaction().execute(async (trx) => {
    const row = await queries.lockAttempts(trx, key, now);
    const windowOver = now.getTime() - row.window_started_at.getTime() > BRAKE.windowMs;
    const failures = windowOver ? 1 : row.failures + 1;
    const locked_until = failures >= BRAKE.maxFailures ? new Date(now.getTime() + BRAKE.lockMs) : null;
    await queries.updateAttempts(trx, key, {
      failures: locked_until ? 0 : failures,
      window_started_at: windowOver || locked_until ? now : row.window_started_at,
      locked_until,
    });
    return locked_until;
  });
  if (lockedUntil) throw tooManyAttempts(lockedUntil, now);
}

function tooManyAttempts(lockedUntil: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new ProblemError(
    429,
    'too_many_attempts',
    'Too many failed sign-ins',
    { detail: `Try again in ${Math.ceil(seconds / 60)} minutes.` },
    { 'retry-after': String(seconds) },
  );
}
