import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export interface ClaimedEmail {
  id: string;
  kind: string;
  recipient: string;
  locale: string;
  payload: unknown;
  /** Counting this one. Also the claim's fence: later updates only apply while it still matches. */
  attempts: number;
  messageId: string;
}

/**
 * Claims up to `limit` due rows (emails and webhooks; "emails" below) until `leaseUntil`, in one statement that commits at once, so no
 * transaction stays open while they are sent. `FOR UPDATE SKIP LOCKED` lets several workers claim
 * side by side without waiting on, or taking, each other's rows; a row whose lease ran out (its
 * worker died) is due again. The attempt is counted now, so a crash mid-send still uses one up.
 * Materialized, so the locked selection runs exactly once and the LIMIT holds.
 */
export async function claimDueEmails(
  db: Kysely<DB>,
  claim: { now: Date; leaseUntil: Date; limit: number; messageIdDomain: string },
): Promise<ClaimedEmail[]> {
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('outbox')
          .select('id')
          .where('sent_at', 'is', null)
          .where('dead_at', 'is', null)
          .where('withdrawn_at', 'is', null)
          .where('next_attempt_at', '<=', claim.now)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', claim.now)]))
          // In order per key: not while an earlier row of its key is unsettled (even if claimed).
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('outbox as earlier')
                  .select('earlier.id')
                  .whereRef('earlier.ordering_key', '=', 'outbox.ordering_key')
                  .whereRef('earlier.seq', '<', 'outbox.seq')
                  .where('earlier.sent_at', 'is', null)
                  .where('earlier.dead_at', 'is', null)
                  .where('earlier.withdrawn_at', 'is', null),
              ),
            ),
          )
          .orderBy('next_attempt_at')
          .limit(claim.limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('outbox')
    .from('due')
    .whereRef('outbox.id', '=', 'due.id')
    .set((eb) => ({
      claimed_until: claim.leaseUntil,
      attempts: eb('outbox.attempts', '+', 1),
      // Fixed at the first attempt: a retry after a crash is then recognisably the same email.
      message_id: sql<string>`coalesce(outbox.message_id, '<outbox.' || outbox.id || '@' || ${claim.messageIdDomain} || '>')`,
    }))
    .returning(['outbox.id', 'outbox.kind', 'outbox.recipient', 'outbox.locale', 'outbox.payload', 'outbox.attempts', 'outbox.message_id'])
    .execute();
  return rows.map((row) => ({ ...row, messageId: row.message_id! }));
}

/** Only the worker holding the claim may settle the row, and only while it is still unsent. */
const claimed = (db: Kysely<DB>, email: Pick<ClaimedEmail, 'id' | 'attempts'>) =>
  db
    .updateTable('outbox')
    .where('id', '=', email.id)
    .where('attempts', '=', email.attempts)
    .where('sent_at', 'is', null)
    .where('dead_at', 'is', null)
    .where('withdrawn_at', 'is', null);

export async function markSent(db: Kysely<DB>, email: Pick<ClaimedEmail, 'id' | 'attempts'>, sentAt: Date) {
  // Not fenced by the attempt: whoever got the email out records it.
  await db
    .updateTable('outbox')
    .set({ sent_at: sentAt, claimed_until: null })
    .where('id', '=', email.id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function scheduleRetry(
  db: Kysely<DB>,
  email: Pick<ClaimedEmail, 'id' | 'attempts'>,
  retry: { at: Date; error: string },
) {
  await claimed(db, email).set({ next_attempt_at: retry.at, last_error: retry.error, claimed_until: null }).execute();
}

export async function markDead(db: Kysely<DB>, email: Pick<ClaimedEmail, 'id' | 'attempts'>, death: { at: Date; error: string }) {
  await claimed(db, email).set({ dead_at: death.at, last_error: death.error, claimed_until: null }).execute();
}

/**
 * Whether the invitation an email offers is still open at that link: pending, unexpired, and not
 * replaced by a newer link. A queued email whose offer ended meanwhile would carry a dead link.
 */
export async function isInvitationStillOffered(db: Kysely<DB>, offer: { invitationId: string; linkVersion: number; now: Date }) {
  const row = await db
    .selectFrom('invitations')
    .select('id')
    .where('id', '=', offer.invitationId)
    .where('state', '=', 'pending')
    .where('link_version', '=', offer.linkVersion)
    .where('expires_at', '>', offer.now)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markWithdrawn(db: Kysely<DB>, email: Pick<ClaimedEmail, 'id' | 'attempts'>, at: Date) {
  await claimed(db, email).set({ withdrawn_at: at, claimed_until: null }).execute();
}

/** Hands a claimed but unsent row back at once, without counting the attempt (graceful stop). */
export async function releaseClaim(db: Kysely<DB>, email: Pick<ClaimedEmail, 'id' | 'attempts'>) {
  await claimed(db, email)
    .set((eb) => ({ claimed_until: null, attempts: eb('attempts', '-', 1) }))
    .execute();
}

/** For `/health`: emails still to send, and emails given up on. Both counts read a partial index. */
export async function countOutbox(db: Kysely<DB>): Promise<{ pending: number; dead: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('outbox')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('sent_at', 'is', null)
        .where('dead_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .as('pending'),
      eb
        .selectFrom('outbox')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('dead_at', 'is not', null)
        .as('dead'),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), dead: Number(row.dead) };
}
