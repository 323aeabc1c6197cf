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
});

const RemovalPayload = z.object({
  firstName: z.string(),
  accountName: z.string(),
  groupNames: z.array(z.string()),
});

export const INVITATION_KINDS = ['invitation', 'invitation-resent', 'invitation-renewed'] as const;

export const OutboxEmailSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(INVITATION_KINDS), payload: InvitationPayload }),
  z.object({ kind: z.literal('user-removed'), payload: RemovalPayload }),
]);

export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;
export type EmailKind = OutboxEmail['kind'];
export type InvitationEmail = Extract<OutboxEmail, { kind: (typeof INVITATION_KINDS)[number] }>;
export type InvitationEmailPayload = InvitationEmail['payload'];
export type RemovalEmailPayload = z.infer<typeof RemovalPayload>;

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
