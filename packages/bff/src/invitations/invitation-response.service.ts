import type { Kysely } from 'kysely';
import type { AcceptInvitation, InvitationEmailed, InvitationView } from '@roster/shared';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import type { Principal } from '../context.ts';
import type { DB } from '../db/types.ts';
import { inTransaction } from '../db/transaction.ts';
import { setActiveAccount } from '../me/me.queries.ts';
import { recordMembershipEvent, type MembershipEventsContext } from '../memberships/membership-events.ts';
import { activateMembership, declineMembership, findMember, listMemberGroups, lockAccountForMembershipChange } from '../memberships/memberships.queries.ts';
import { ProblemError } from '../errors.ts';
import { hashPassword } from '../session/password-hash.ts';
import { startSession } from '../session/session.service.ts';
import { invitationIdOf, liveLinkKind, type LinkKind } from './invitation-link.ts';
import * as queries from './invitations.queries.ts';
import { overRateLimit, sendInvitationEmail } from './invitations.service.ts';

/**
 * The invitee's side (PRODUCT.md "Respond to an invitation"). The link is the only credential of
 * a new person, so every refusal of a link is the same 404 (tampered, unknown, used, revoked)
 * except expiry, which is a 410 so the screen can say "ask for a new invitation".
 */

type Invitation = NonNullable<Awaited<ReturnType<typeof queries.findInvitationById>>> & { linkKind: LinkKind };

const unusableLink = () => new ProblemError(404, 'not_found', 'This invitation link is not valid');

async function findUsableInvitation(
  db: Kysely<DB>,
  token: string,
  context: { secret: string; now: Date; lock: boolean },
): Promise<Invitation> {
  const id = invitationIdOf(token);
  const invitation = id ? await queries.findInvitationById(db, id, { lock: context.lock }) : undefined;
  const linkKind = invitation ? liveLinkKind(token, context.secret, invitation.id, invitation.link_version) : null;
  if (!invitation || !linkKind) throw unusableLink();
  if (invitation.state !== 'pending') throw unusableLink();
  if (invitation.expires_at <= context.now) {
    throw new ProblemError(410, 'invitation_expired', 'This invitation has expired', {
      detail: 'Ask your administrator to send you a new invitation.',
    });
  }
  return { ...invitation, linkKind };
}

/**
 * Whether a new person may register through this link: the emailed one, unless the platform sends
 * no emails. Someone already signed in as the invitee (the host's sign-in) needs no proof of the mailbox.
 */
function canRegister(invitation: Invitation, principal: Principal | null, context: { registrationNeedsEmailedLink: boolean }) {
  if (invitation.has_identity) return false;
  return invitation.linkKind === 'emailed' || !context.registrationNeedsEmailedLink || principal?.userId === invitation.user_id;
}

export async function viewInvitation(
  db: Kysely<DB>,
  token: string,
  principal: Principal | null,
  context: { secret: string; now: Date; registrationNeedsEmailedLink: boolean },
): Promise<InvitationView> {
  const invitation = await findUsableInvitation(db, token, { ...context, lock: false });
  const groups = await listMemberGroups(db, invitation.account_id, invitation.user_id);
  const viewer = !principal ? 'anonymous' : principal.userId === invitation.user_id ? 'invitee' : 'someone_else';
  return {
    accountId: invitation.account_id,
    accountName: invitation.account_name,
    inviterName: invitation.inviter_name,
    email: invitation.email,
    firstName: viewer === 'invitee' ? invitation.first_name : invitation.shown_first_name,
    lastName: viewer === 'invitee' ? invitation.last_name : invitation.shown_last_name,
    // Administrators hold the copied link: it must not tell them when the person registers elsewhere
    // (without email, the copied link is everyone's way in and must tell the invitee what to do).
    hasIdentity: invitation.linkKind === 'copied' && viewer !== 'invitee' && context.registrationNeedsEmailedLink ? null : invitation.has_identity,
    canRegister: canRegister(invitation, principal, context),
    viewer,
    expiresAt: invitation.expires_at.toISOString(),
    groupNames: groups.map((g) => g.name),
  };
}

/**
 * Accepts an invitation: a new person registers and is signed in (the returned `sessionToken`
 * goes into the cookie); a person with an identity must be signed in as the invited email. The
 * invitation row is locked, so of two accepts of one link exactly one succeeds.
 */
export async function acceptInvitation(
  db: Kysely<DB>,
  token: string,
  body: AcceptInvitation,
  principal: Principal | null,
  context: { secret: string; now: Date; registrationNeedsEmailedLink: boolean } & MembershipEventsContext,
) {
  const { now } = context;
  const seen = await findUsableInvitation(db, token, { ...context, lock: false });
  if (!seen.has_identity && !canRegister(seen, principal, context)) {
    throw new ProblemError(403, 'emailed_link_required', 'Open the link from your invitation email to register', {
      detail: 'This link was copied by an administrator. Have the invitation emailed to you, then follow the link in it.',
    });
  }
  if (seen.has_identity) {
    if (!principal) throw new ProblemError(401, 'sign_in_required', 'Sign in as the invited person to accept');
    if (principal.userId !== seen.user_id) {
      throw new ProblemError(403, 'signed_in_as_someone_else', 'This invitation is for someone else', {
        detail: `Sign out, then sign in as ${seen.email}.`,
      });
    }
  } else if (!body.registration) {
    throw new ProblemError(409, 'registration_required', 'Choose your name and a password to accept');
  }
  // scrypt is slow on purpose: hash before taking any lock.
  const registration = !seen.has_identity && body.registration
    ? { ...body.registration, passwordHash: await hashPassword(body.registration.password) }
    : null;

  return inTransaction(db, async (trx) => {
    await lockAccountForMembershipChange(trx, seen.account_id);
    await findMember(trx, seen.account_id, seen.user_id, { lock: true });
    // Read again under the locks: a removal, renewal or other accept may have ended this link.
    const invitation = await findUsableInvitation(trx, token, { ...context, lock: true });
    if (registration) {
      const registered = await queries.registerInvitee(trx, invitation.user_id, { ...registration, now });
      // Registered through another account's invitation in the meantime: they must sign in.
      if (!registered) throw new ProblemError(401, 'sign_in_required', 'Sign in as the invited person to accept');
    }
    await queries.closeInvitation(trx, invitation.id, 'accepted');
    await activateMembership(trx, invitation.account_id, invitation.user_id, now);
    await insertAuditEvent(trx, {
      accountId: invitation.account_id,
      actorId: invitation.user_id,
      action: 'invitation.accepted',
      subjectUserId: invitation.user_id,
      data: { email: invitation.email, registered: registration !== null },
      at: now,
    });
    const member = { accountId: invitation.account_id, userId: invitation.user_id, actorId: invitation.user_id, now };
    await recordMembershipEvent(trx, { type: 'membership.activated', ...member }, context);

    let sessionToken: string | null = null;
    if (registration) {
      ({ token: sessionToken } = await startSession(trx, { userId: invitation.user_id, now }));
    }
    // The person lands in the account they just joined, on every device.
    await setActiveAccount(trx, invitation.user_id, invitation.account_id);
    return { accountId: invitation.account_id, userId: invitation.user_id, sessionToken };
  });
}

/** Declines: the invitation ends and the administrator sees "Declined". The link is the credential. */
export async function declineInvitation(db: Kysely<DB>, token: string, context: { secret: string; now: Date } & MembershipEventsContext) {
  const seen = await findUsableInvitation(db, token, { ...context, lock: false });
  return inTransaction(db, async (trx) => {
    await lockAccountForMembershipChange(trx, seen.account_id);
    await findMember(trx, seen.account_id, seen.user_id, { lock: true });
    const invitation = await findUsableInvitation(trx, token, { ...context, lock: true });
    await queries.closeInvitation(trx, invitation.id, 'declined');
    await declineMembership(trx, invitation.account_id, invitation.user_id);
    await insertAuditEvent(trx, {
      accountId: invitation.account_id,
      actorId: invitation.user_id,
      action: 'invitation.declined',
      subjectUserId: invitation.user_id,
      data: { email: invitation.email },
      at: context.now,
    });
    const member = { accountId: invitation.account_id, userId: invitation.user_id, actorId: invitation.user_id, now: context.now };
    await recordMembershipEvent(trx, { type: 'membership.declined', ...member }, context);
    return { accountId: invitation.account_id, userId: invitation.user_id };
  });
}

/** How long after an invitation email the invitee may ask for it again. */
const EMAIL_AGAIN_AFTER_MS = 5 * 60 * 1000;

/** The invitee's 429: it tells nothing of the account (its limit, its other invitations), only when to try again. */
const notYet = (retryAfterSeconds: number) =>
  new ProblemError(
    429,
    'rate_limited',
    'The invitation cannot be emailed again yet',
    { detail: 'Look for it in your mailbox (and its spam folder), or try again later.' },
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );

/**
 * "Email me the invitation": whoever holds a live link (a copied one, typically) has the invitation
 * email sent again to the invited address, the same link and expiry, so the person can follow its
 * link and register. At most once every five minutes per invitation, and within the account's hourly
 * limit, checked under the account's lock so parallel requests cannot pass it: a link cannot be
 * turned into a mail cannon.
 */
export async function emailInvitationAgain(
  db: Kysely<DB>,
  token: string,
  context: { secret: string; now: Date; invitationsPerHour: number },
): Promise<InvitationEmailed> {
  const refuseTooSoon = (lastSentAt: Date | null) => {
    const wait = lastSentAt ? lastSentAt.getTime() + EMAIL_AGAIN_AFTER_MS - context.now.getTime() : 0;
    if (wait > 0) throw notYet(wait / 1000);
  };
  // Refused before any lock: a flood of one link costs the account nothing.
  const seen = await findUsableInvitation(db, token, { ...context, lock: false });
  refuseTooSoon(seen.last_sent_at);
  return inTransaction(db, async (trx) => {
    await lockAccountForMembershipChange(trx, seen.account_id);
    await findMember(trx, seen.account_id, seen.user_id, { lock: true });
    // Read again under the locks: of two requests at once, the second finds the email just sent.
    const invitation = await findUsableInvitation(trx, token, { ...context, lock: true });
    refuseTooSoon(invitation.last_sent_at);
    const over = await overRateLimit(trx, invitation.account_id, 1, context);
    if (over) throw notYet(over.retryAfter);
    // The invitee asked: the history names them as the one who had it sent.
    await sendInvitationEmail(trx, invitation.id, { kind: 'invitation-resent', expiresAt: invitation.expires_at, actorId: invitation.user_id }, context);
    return { email: invitation.email };
  });
}
