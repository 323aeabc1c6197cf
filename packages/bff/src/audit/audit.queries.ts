import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export type AuditAction =
  | 'user.invited'
  | 'invitation.resent'
  | 'invitation.renewed'
  | 'invitation.accepted'
  | 'invitation.declined'
  | 'user.removed';

/** Written inside the transaction of the change it records. */
export async function insertAuditEvent(
  db: Kysely<DB>,
  event: { accountId: string; actorId: string; action: AuditAction; subjectUserId: string; data: object; at: Date },
) {
  await db
    .insertInto('audit_events')
    .values({
      account_id: event.accountId,
      actor_id: event.actorId,
      action: event.action,
      subject_user_id: event.subjectUserId,
      data: JSON.stringify(event.data),
      at: event.at,
    })
    .execute();
}
