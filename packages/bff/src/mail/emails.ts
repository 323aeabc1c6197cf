import { z } from 'zod';

/**
 * Every email Roster sends (PRODUCT.md "Emails"), defined once: the kinds and what each carries.
 * The outbox stores the payload as jsonb; the worker reads it back through these same schemas, so
 * a malformed row fails loudly (and goes dead) instead of sending "undefined".
 */

/** The invitation emails carry what makes their link, never the link: tokens are not stored. */
const InvitationPayload = z.object({
  invitationId: z.uuid(),
  linkVersion: z.number().int().min(1),
  firstName: z.string(),
  accountName: z.string(),
  inviterName: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The groups the person will join (rows queued before this field existed have none). */
  groupNames: z.array(z.string()).default([]),
});

const RemovalPayload = z.object({
  firstName: z.string(),
  accountName: z.string(),
  groupNames: z.array(z.string()),
});

/** Block and unblock notices, sent only when the host turns them on (`notifyOnBlock`). */
const AccessPayload = z.object({
  firstName: z.string(),
  accountName: z.string(),
});

export const INVITATION_KINDS = ['invitation', 'invitation-resent', 'invitation-renewed'] as const;

export const OutboxEmailSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(INVITATION_KINDS), payload: InvitationPayload }),
  z.object({ kind: z.literal('user-removed'), payload: RemovalPayload }),
  z.object({ kind: z.enum(['user-blocked', 'user-unblocked']), payload: AccessPayload }),
]);

export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;
/** What code queues: defaults (e.g. no groups) are filled in when the row is read back. */
export type OutboxEmailInput = z.input<typeof OutboxEmailSchema>;
export type EmailKind = OutboxEmail['kind'];
export type InvitationEmail = Extract<OutboxEmail, { kind: (typeof INVITATION_KINDS)[number] }>;
export type RemovalEmailPayload = z.infer<typeof RemovalPayload>;
export type AccessEmailPayload = z.infer<typeof AccessPayload>;

/** A stored row as one of the emails above; throws, saying what is wrong, when it is none of them. */
export function readOutboxEmail(row: { kind: string; payload: unknown }): OutboxEmail {
  const result = OutboxEmailSchema.safeParse({ kind: row.kind, payload: row.payload });
  if (result.success) return result.data;
  if (result.error.issues.some((issue) => issue.path[0] === 'kind')) throw new Error(`Unknown email kind "${row.kind}"`);
  const problems = result.error.issues.map((issue) => `${issue.path.slice(1).join('.') || 'payload'}: ${issue.message}`);
  throw new Error(`Malformed ${row.kind} payload (${problems.join('; ')})`);
}

export function isInvitationEmail(email: OutboxEmail): email is InvitationEmail {
  return (INVITATION_KINDS as readonly string[]).includes(email.kind);
}
