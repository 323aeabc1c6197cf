import type { Kysely } from 'kysely';
import type { ChangePassword } from '@roster/shared';
import { insertUserAuditEvent } from '../audit/audit.queries.ts';
import type { DB } from '../db/types.ts';
import { inTransaction } from '../db/transaction.ts';
import { ProblemError } from '../errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../session/password-hash.ts';
import { endOtherSessions } from '../session/session.service.ts';
import { releaseSignInAttempt, reserveSignInAttempt } from '../session/sign-in-brake.ts';
import * as queries from './me.queries.ts';

const wrongPassword = () =>
  new ProblemError(400, 'wrong_password', 'The current password is not right', {
    errors: [{ path: 'currentPassword', message: 'The current password is not right' }],
  });

/**
 * Changes the signed-in person's password. The current one is a guess like a sign-in's, so it goes
 * through the same brake with the same counters (a stolen session cannot guess faster here than at
 * the sign-in form). A wrong one is a field error (400), never a 401: the person stays signed in.
 * Every other session of the person ends — this one stays — and the change is audit-logged on the
 * person, in one transaction.
 */
export async function changePassword(
  db: Kysely<DB>,
  who: { userId: string; sessionId: string | null },
  input: ChangePassword,
  context: { address: string; now: Date },
) {
  const { now } = context;
  const user = await queries.findCredentials(db, who.userId);
  if (!user) throw new ProblemError(401, 'unauthenticated', 'Please sign in');
  const reservation = await reserveSignInAttempt(db, { email: user.email, address: context.address }, now);
  // A person without a Roster password (a host's sign-in only) costs the same scrypt and fails alike.
  const passwordOk = await verifyPassword(input.currentPassword, user.password_hash ?? dummyHash());
  if (!user.password_hash || !passwordOk) throw wrongPassword();

  // scrypt is slow on purpose: hash before the transaction.
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await releaseSignInAttempt(trx, reservation, who.userId, now);
    await queries.setPasswordHash(trx, who.userId, passwordHash);
    await endOtherSessions(trx, who.userId, who.sessionId);
    await insertUserAuditEvent(trx, {
      actorId: who.userId,
      action: 'user.password_changed',
      subjectUserId: who.userId,
      data: { otherSessionsEnded: true },
      at: now,
    });
  });
}
