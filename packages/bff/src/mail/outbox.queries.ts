import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/** The invitation emails carry what makes their link, never the link: tokens are not stored. */
export interface InvitationEmailPayload {
  invitationId: string;
  linkVersion: number;
  firstName: string;
  accountName: string;
  inviterName: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface RemovalEmailPayload {
  firstName: string;
  accountName: string;
  groupNames: string[];
}

/** Every email Roster sends (PRODUCT.md "Emails"), by kind. */
export type OutboxEmail =
  | { kind: 'invitation' | 'invitation-resent' | 'invitation-renewed'; payload: InvitationEmailPayload }
  | { kind: 'user-removed'; payload: RemovalEmailPayload };
export type EmailKind = OutboxEmail['kind'];

/**
 * Queues an email in the same transaction as the change that causes it: it is sent if and only
 * if the change commits.
 */
export async function enqueueEmail(
  db: Kysely<DB>,
  email: OutboxEmail & { recipient: string; locale: string; now: Date },
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
