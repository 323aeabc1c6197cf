import { sql, type Kysely } from 'kysely';

/**
 * Past members an account invited again see their own profile again (a repair of migration 0012).
 *
 * A re-invitation has always cleared `joined_at`, so 0012's backfill, which took "no join date" for
 * "never joined", froze the names of people who had joined, been removed and been invited again:
 * no picture, no last sign-in, no later rename. Such a person left a trace of having joined: the
 * invitation they accepted, or its audit event, or the removal of them as an active or blocked
 * member. A membership whose person never joined has none of these, so this changes nothing else.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update memberships m set invited_first_name = null, invited_last_name = null
    where m.invited_first_name is not null
      and (exists (select from invitations i
                   where i.account_id = m.account_id and i.user_id = m.user_id and i.state = 'accepted')
        or exists (select from audit_events e
                   where e.account_id = m.account_id and e.subject_user_id = m.user_id
                     and (e.action = 'invitation.accepted'
                       or (e.action = 'user.removed' and e.data ->> 'previousState' in ('active', 'blocked')))))`.execute(db);
}

/** Nothing to undo: the names it cleared were never the account's to keep. */
export async function down(): Promise<void> {}
