import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { enqueueWebhook } from '../mail/outbox.queries.ts';
import type { MembershipEventType } from '../mail/webhooks.ts';
import { findMembershipSnapshot } from './memberships.queries.ts';

/** Where membership events go: the host's receiver (ROSTER_WEBHOOK_URL), or nowhere. */
export interface MembershipEventsContext {
  webhookUrl: string | null;
}

/**
 * Reports a membership change to the host's webhook receiver: called right after the change's audit
 * event, in the same transaction, so the webhook goes out if and only if the change commits. The
 * membership is read as the change left it; `actorId` null means the service API did it.
 */
export async function recordMembershipEvent(
  trx: Kysely<DB>,
  event: { type: MembershipEventType; accountId: string; userId: string; actorId: string | null; now: Date },
  context: MembershipEventsContext,
) {
  if (!context.webhookUrl) return;
  const membership = await findMembershipSnapshot(trx, event.accountId, event.userId);
  await enqueueWebhook(trx, {
    url: context.webhookUrl,
    orderingKey: `membership:${event.accountId}:${event.userId}`,
    payload: {
      id: `msg_${randomUUID()}`,
      body: {
        type: event.type,
        timestamp: event.now.toISOString(),
        data: {
          accountId: event.accountId,
          userId: event.userId,
          email: membership.email,
          state: membership.state,
          groupIds: membership.group_ids,
          actorId: event.actorId,
        },
      },
    },
    now: event.now,
  });
}
