import type { Kysely } from 'kysely';
import type { AuditAction, AuditEvent, AuditPage } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { listAuditEvents } from './audit.queries.ts';

const person = (id: string | null, email: string | null, first: string | null, last: string | null) =>
  id === null ? null : { id, email: email ?? '', name: `${first ?? ''} ${last ?? ''}`.trim() };

/** An account's history (PRODUCT.md "Administrators' trail"): who did what, to whom, when, what changed. */
export async function getAuditPage(
  db: Kysely<DB>,
  accountId: string,
  query: { userId?: string; action?: AuditAction; cursor?: string; limit: number },
): Promise<AuditPage> {
  // One row more than asked tells whether another page exists.
  const rows = await listAuditEvents(db, accountId, { ...query, beforeSeq: query.cursor, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(
      (row): AuditEvent => ({
        id: row.id,
        action: row.action as AuditAction,
        at: row.at.toISOString(),
        actor: person(row.actor_id, row.actor_email, row.actor_first_name, row.actor_last_name),
        subject: person(row.subject_id, row.subject_email, row.subject_first_name, row.subject_last_name),
        data: (row.data ?? {}) as Record<string, unknown>,
      }),
    ),
    nextCursor: rows.length > query.limit ? page.at(-1)!.seq : null,
  };
}
