import type { Kysely } from 'kysely';
import type { AuditActionValue, UserAuditActionValue } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { seenByAccount } from '../memberships/memberships.queries.ts';

type AuditAction = AuditActionValue;

interface EventFields {
  /** null: the host's service API (the data then says `actor: 'service'`). */
  actorId: string | null;
  /** null for changes to the account itself (its name, its groups). */
  subjectUserId: string | null;
  data: object;
  at: Date;
}

async function insertEvent(db: Kysely<DB>, accountId: string | null, action: string, event: EventFields) {
  await db
    .insertInto('audit_events')
    .values({
      account_id: accountId,
      actor_id: event.actorId,
      action,
      subject_user_id: event.subjectUserId,
      data: JSON.stringify(event.data),
      at: event.at,
    })
    .execute();
}

/** Written inside the transaction of the change it records. */
export async function insertAuditEvent(db: Kysely<DB>, event: EventFields & { accountId: string; action: AuditAction }) {
  await insertEvent(db, event.accountId, event.action, event);
}

/**
 * An event about the person themselves (a password change), written with no account: it belongs to
 * no account's history, so no administrator of any account the person is in learns of it.
 */
export async function insertUserAuditEvent(db: Kysely<DB>, event: EventFields & { action: UserAuditActionValue }) {
  await insertEvent(db, null, event.action, event);
}

/** The actor and the subject of an event, each as the event's account sees them. */
const actorSeen = seenByAccount('am', 'actor');
const subjectSeen = seenByAccount('sm', 'subject');

/**
 * One page of an account's history, newest first, keyset-paged by write order (`seq`): served by
 * the (account, seq) and (account, subject, seq) indexes however long the history.
 */
export function listAuditEvents(
  db: Kysely<DB>,
  accountId: string,
  page: { userId?: string; action?: AuditAction; beforeSeq?: string; limit: number },
) {
  return db
    .selectFrom('audit_events as e')
    .leftJoin('users as actor', 'actor.id', 'e.actor_id')
    .leftJoin('users as subject', 'subject.id', 'e.subject_user_id')
    // People are named as the account knows them: an invitee (who may act, by declining) by the names
    // they were invited with (migration 0012).
    .leftJoin('memberships as am', (join) => join.onRef('am.account_id', '=', 'e.account_id').onRef('am.user_id', '=', 'e.actor_id'))
    .leftJoin('memberships as sm', (join) => join.onRef('sm.account_id', '=', 'e.account_id').onRef('sm.user_id', '=', 'e.subject_user_id'))
    .select([
      'e.id',
      'e.seq',
      'e.action',
      'e.at',
      'e.data',
      'actor.id as actor_id',
      'actor.email as actor_email',
      actorSeen.firstName.as('actor_first_name'),
      actorSeen.lastName.as('actor_last_name'),
      'subject.id as subject_id',
      'subject.email as subject_email',
      subjectSeen.firstName.as('subject_first_name'),
      subjectSeen.lastName.as('subject_last_name'),
    ])
    .where('e.account_id', '=', accountId)
    .$if(page.userId !== undefined, (qb) => qb.where('e.subject_user_id', '=', page.userId!))
    .$if(page.action !== undefined, (qb) => qb.where('e.action', '=', page.action!))
    .$if(page.beforeSeq !== undefined, (qb) => qb.where('e.seq', '<', page.beforeSeq!))
    .orderBy('e.seq', 'desc')
    .limit(page.limit)
    .execute();
}
