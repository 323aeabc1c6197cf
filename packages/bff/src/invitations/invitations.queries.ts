import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { seenByAccount } from '../memberships/memberships.queries.ts';

/** Audit actions that sent an invitation email: what the per-account hourly limit counts. */
export const SENDING_ACTIONS = ['user.invited', 'invitation.resent', 'invitation.renewed'] as const;

/** Invitation emails an account sent since `since`, and when the oldest of them was sent. */
export async function countInvitationsSentSince(db: Kysely<DB>, accountId: string, since: Date) {
  const row = await db
    .selectFrom('audit_events')
    .where('account_id', '=', accountId)
    .where('at', '>', since)
    .where('action', 'in', SENDING_ACTIONS)
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest as Date | null };
}

/**
 * The inviter's full name as every invitation email and the invitee's screen show it: the one
 * definition, trimmed (a person may have one name only); empty when their identity is gone.
 */
const inviterName = (alias: 'inviter') =>
  sql<string>`coalesce(trim(${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}), '')`;

/** The account's name and the inviter's, as the invitation email names them. */
export function findInvitingContext(db: Kysely<DB>, accountId: string, inviterId: string | undefined) {
  // No inviter (the host's service API): the email names none, as when an inviter's identity is gone.
  return db
    .selectFrom('accounts as a')
    .leftJoin('users as inviter', (join) => (inviterId ? join.on('inviter.id', '=', inviterId) : join.on(sql<boolean>`false`)))
    .select(['a.name as account_name', inviterName('inviter').as('inviter_name')])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
}

/**
 * The people behind these emails who have a sign-in, or whom `viewerId` may see, and whether the
 * viewer may see their names: they are (or were) members of an account the viewer is active in
 * (PRODUCT.md "Add users", privacy). Invited alone does not count: an invitee is known there only
 * by the names they were invited with (migration 0012). An identity that some invitation created
 * and nobody ever registered is left out: it would only tell that some account invited the address.
 * The host's service (`viewerId` null) sees everyone: it runs the platform.
 */
export async function findPeopleByEmail(db: Kysely<DB>, viewerId: string | null, emails: string[]) {
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .select(['u.email', 'u.first_name', 'u.last_name', sql<boolean>`u.password_hash is not null`.as('has_identity')])
    .select((eb) => {
      if (viewerId === null) return sql<boolean>`true`.as('visible');
      return eb
        .exists(
          eb
            .selectFrom('memberships as seen')
            .innerJoin('memberships as viewer', 'viewer.account_id', 'seen.account_id')
            .select('seen.user_id')
            .whereRef('seen.user_id', '=', 'u.id')
            .where(seenByAccount('seen').ownProfile)
            .where('viewer.user_id', '=', viewerId)
            .where('viewer.state', '=', 'active'),
        )
        .as('visible');
    })
    .where('u.email', 'in', emails)
    .execute();
  return rows.filter((person) => person.has_identity || person.visible);
}

export type PersonByEmail = Awaited<ReturnType<typeof findPeopleByEmail>>[number];

/**
 * The identity of `email`, created (without a password) when there is none yet. Two invitations of
 * one new address at once resolve to the same row: the loser of the insert reads the winner's.
 */
export async function findOrCreatePerson(db: Kysely<DB>, person: { email: string; firstName: string; lastName: string }) {
  await db
    .insertInto('users')
    .values({ email: person.email, first_name: person.firstName, last_name: person.lastName })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('email', '=', person.email)
    .executeTakeFirstOrThrow();
}

export function insertInvitation(
  db: Kysely<DB>,
  invitation: { accountId: string; userId: string; email: string; invitedBy: string | null; expiresAt: Date; now: Date },
) {
  return db
    .insertInto('invitations')
    .values({
      account_id: invitation.accountId,
      user_id: invitation.userId,
      email: invitation.email,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
      state: 'pending',
      created_at: invitation.now,
      last_sent_at: invitation.now,
    })
    .returning(['id', 'link_version'])
    .executeTakeFirstOrThrow();
}

/** Sends the invitation again: a new expiry, and with `newLink` a new link version (old links die). */
export function markInvitationSent(db: Kysely<DB>, invitationId: string, change: { expiresAt: Date; now: Date; newLink: boolean }) {
  return db
    .updateTable('invitations')
    .set((eb) => ({
      expires_at: change.expiresAt,
      last_sent_at: change.now,
      send_count: eb('send_count', '+', 1),
      link_version: change.newLink ? eb('link_version', '+', 1) : eb.ref('link_version'),
    }))
    .where('id', '=', invitationId)
    .returning(['link_version'])
    .executeTakeFirstOrThrow();
}

/** The invitee as the inviting account sees them. */
const invitee = seenByAccount();

/**
 * An invitation by id, with what the invitee's screen and the invitation emails say. `lock` takes
 * the invitation row for the transaction: concurrent accepts of one link queue here and all but the
 * first find it used.
 */
export function findInvitationById(db: Kysely<DB>, invitationId: string, options: { lock: boolean }) {
  const query = db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.account_id', '=', 'i.account_id').onRef('m.user_id', '=', 'i.user_id'))
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select([
      'i.id',
      'i.account_id',
      'i.user_id',
      'i.state',
      'i.expires_at',
      'i.link_version',
      'i.last_sent_at',
      'u.email',
      // The invitee's own view of the page (signed in: they have a sign-in) uses their own names;
      // anyone else opening the link (the administrator can copy it) sees them as the account knows them.
      'u.first_name',
      'u.last_name',
      invitee.firstName.as('shown_first_name'),
      invitee.lastName.as('shown_last_name'),
      invitee.greeting.as('greeting_name'),
      'u.locale',
      'a.name as account_name',
      sql<boolean>`u.password_hash is not null`.as('has_identity'),
      inviterName('inviter').as('inviter_name'),
    ])
    .where('i.id', '=', invitationId);
  return (options.lock ? query.forUpdate(['i']) : query).executeTakeFirst();
}

export async function closeInvitation(db: Kysely<DB>, invitationId: string, state: 'accepted' | 'declined') {
  await db.updateTable('invitations').set({ state }).where('id', '=', invitationId).execute();
}

/** A new person's registration: their names and password; an existing password is never replaced. */
export async function registerInvitee(
  db: Kysely<DB>,
  userId: string,
  person: { firstName: string; lastName: string; passwordHash: string; now: Date },
) {
  const result = await db
    .updateTable('users')
    .set({ first_name: person.firstName, last_name: person.lastName, password_hash: person.passwordHash, last_sign_in_at: person.now })
    .where('id', '=', userId)
    .where('password_hash', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
