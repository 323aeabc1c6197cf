import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { OutboxEmailInput } from './emails.ts';

/**
 * Queues an email in the same transaction as the change that causes it: it is sent if and only
 * if the change commits.
 */
export async function enqueueEmail(
  db: Kysely<DB>,
  email: OutboxEmailInput & { recipient: string; locale: string; now: Date },
) {
  await db
    .insertInto('outbox')
    .values({
      kind: email.kind,
      recipient: email.recipient,
      locale: email.locale,
      payload: JSON.stringify(email.payload),
      created_at: email.now,
      next_attempt_at: email.now,
    })
    .execute();
}
