import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { OutboxEmailInput } from './emails.ts';
import { WEBHOOK_KIND, type WebhookPayload } from './webhooks.ts';

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

/**
 * Queues a webhook in the same transaction as the change it reports. Rows with one `orderingKey`
 * are delivered in the order they were written.
 */
export async function enqueueWebhook(db: Kysely<DB>, webhook: { url: string; orderingKey: string; payload: WebhookPayload; now: Date }) {
  await db
    .insertInto('outbox')
    .values({
      kind: WEBHOOK_KIND,
      recipient: webhook.url,
      // Webhooks are read by programs: no language.
      locale: '',
      payload: JSON.stringify(webhook.payload),
      ordering_key: webhook.orderingKey,
      created_at: webhook.now,
      next_attempt_at: webhook.now,
    })
    .execute();
}
