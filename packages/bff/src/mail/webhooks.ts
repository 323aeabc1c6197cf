import { z } from 'zod';

/**
 * The webhooks Roster sends (README "Webhooks"): membership events, defined once. They travel
 * through the outbox as rows of kind `webhook` (the recipient is the receiver's URL), so they are
 * written in the change's transaction and delivered at least once, like emails.
 */

export const WEBHOOK_KIND = 'webhook';

export const MEMBERSHIP_EVENT_TYPES = [
  'membership.invited',
  'membership.activated',
  'membership.declined',
  'membership.updated',
  'membership.blocked',
  'membership.unblocked',
  'membership.removed',
] as const;
export type MembershipEventType = (typeof MEMBERSHIP_EVENT_TYPES)[number];

export const WebhookBodySchema = z.object({
  type: z.enum(MEMBERSHIP_EVENT_TYPES),
  /** When the change happened (ISO 8601); `webhook-timestamp` says when this attempt was sent. */
  timestamp: z.iso.datetime({ offset: true }),
  data: z.object({
    accountId: z.uuid(),
    userId: z.uuid(),
    email: z.string(),
    /** The membership's state after the change. */
    state: z.enum(['invited', 'active', 'blocked', 'removed', 'declined']),
    groupIds: z.array(z.uuid()),
    /** Who made the change: a person, or null for the service API (and the command line). */
    actorId: z.uuid().nullable(),
  }),
});
export type WebhookBody = z.infer<typeof WebhookBodySchema>;

/** What the outbox row carries: the event and its `webhook-id`, fixed at write time (the same on every retry). */
export const WebhookPayloadSchema = z.object({ id: z.string().regex(/^msg_[\w-]+$/), body: WebhookBodySchema });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

/** A stored webhook row's payload; throws, saying what is wrong, when it is malformed. */
export function readWebhookPayload(payload: unknown): WebhookPayload {
  const result = WebhookPayloadSchema.safeParse(payload);
  if (result.success) return result.data;
  throw new Error(`Malformed webhook payload (${result.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')})`);
}
