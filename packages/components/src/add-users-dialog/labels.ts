import { msg, str } from '@lit/localize';
import type { InviteCheckResult } from '@roster/shared';
import type { ApiError } from '../api/api-error.ts';
import { formatDate, formatNumber } from '../internal/format.ts';
import { problemText } from '../internal/problem-text.ts';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import type { EntryStatus, SummaryLine } from './invitees.ts';
import type { Refusal, Step } from './wizard.ts';

export function stepLabel(step: Step): string {
  switch (step) {
    case 'emails':
      return msg('Email addresses');
    case 'details':
      return msg('Names');
    case 'groups':
      return msg('Groups');
    case 'overview':
      return msg('Overview');
    case 'summary':
      return msg('Summary');
  }
}

export function entryStatusLabel(status: EntryStatus): string {
  switch (status) {
    case 'valid':
      return msg('Valid');
    case 'invalid':
      return msg('Not a valid email address');
    case 'duplicate':
      return msg('Listed twice: invited once');
  }
}

/**
 * The email step's note under the checked addresses, when there are valid ones to go on with: invalid
 * addresses are left out; a repeated one is invited once (its later lines add nobody); people already
 * in the account are not invited again.
 */
export function skippedEntriesNote(invalid: number, duplicate: number, members: number): string {
  return [
    invalid > 0 ? msg('Invalid addresses are left out: correct them, or go on without them.') : '',
    duplicate > 0 ? msg('An address listed twice is invited once.') : '',
    members > 0 ? msg('People already in the account are not invited again.') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Why Next was refused, in words. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'no_address':
      return msg('Enter at least one email address.');
    case 'no_valid_address':
      return msg('None of these is a valid email address.');
    case 'too_many':
      return msg(str`You can invite up to ${formatNumber(MAX_INVITEES)} people at a time. Remove ${formatNumber(refusal.count - MAX_INVITEES)} of them.`);
    case 'nobody_invitable':
      return msg('Nobody on this list can be invited. Go back and change the addresses.');
    case 'names_missing':
      return missingNamesMessage(refusal.missing, refusal.newPeople);
    case 'no_group':
      return msg('Choose at least one group.');
  }
}

/** How many new people still lack a first or last name, in proper singular or plural. */
function missingNamesMessage(missing: number, newPeople: number): string {
  const count = formatNumber(missing);
  const total = formatNumber(newPeople);
  if (missing > 1) return msg(str`Names are missing for ${count} of ${total} new people.`);
  return newPeople === 1 ? msg('A name is missing for the new person.') : msg(str`A name is missing for 1 of ${total} new people.`);
}

/** A summary line for an address that repeats an earlier one: it was invited (or not) on that line. */
export function isRepeat(result: SummaryLine): boolean {
  return result.status === 'invalid' && result.reason === 'duplicate';
}

/** The short tag of a summary line; words, so the outcome never depends on its colour. */
export function resultTag(result: SummaryLine): string {
  switch (result.status) {
    case 'invited':
      return result.reinvited ? msg('Invited again') : msg('Invited');
    case 'already_member':
      return memberStateLabel(result.state);
    case 'invalid':
      return isRepeat(result) ? msg('Listed twice') : msg('Not invited');
  }
}

/** What the line says besides its tag. */
export function resultDetail(result: SummaryLine): string {
  switch (result.status) {
    case 'invited':
      return msg(str`The link works until ${formatDate(result.expiresAt)}.`);
    case 'already_member':
      return memberStateDetail(result.state);
    case 'invalid':
      return invalidReasonDetail(result.reason);
  }
}

type AlreadyMember = Extract<InviteCheckResult, { status: 'already_member' }>;
type Invalid = Extract<InviteCheckResult, { status: 'invalid' }>;

/** Someone already in the account, in one phrase that tells their state: the mark on every step. */
export function memberStateLabel(state: AlreadyMember['state']): string {
  switch (state) {
    case 'active':
      return msg('Already a member');
    case 'invited':
      return msg('Already invited');
    case 'expired':
      return msg('Invitation expired: can be renewed');
    case 'blocked':
      return msg('Blocked in this account');
  }
}

/** Beside that phrase, what to do instead of inviting them again, where there is something (else empty). */
export function memberStateDetail(state: AlreadyMember['state']): string {
  switch (state) {
    case 'active':
      return '';
    case 'invited':
      return msg('Use Resend invitation in the users list.');
    case 'expired':
      return msg('Use Send new invitation in the users list.');
    case 'blocked':
      return msg('Use Unblock in the users list to let them back in.');
  }
}

export function invalidReasonDetail(reason: Invalid['reason']): string {
  switch (reason) {
    case 'invalid_email':
      return msg('Not a valid email address.');
    case 'names_required':
      return msg('A first and last name are required.');
    case 'duplicate':
      return msg('Invited once, where the address first appears.');
    case 'rate_limited':
      return msg("Not sent: the account's invitations for this hour ran out meanwhile. Try again later.");
  }
}

/** Why the look-ahead failed; the server's own words when we have none better. */
export function checkErrorMessage(error: ApiError): string {
  return problemText(error, (serverText) => msg(str`The addresses could not be checked: ${serverText}`));
}

/** Why sending was refused; the server's own words when we have none better. */
export function sendErrorMessage(error: ApiError): string {
  if (error.code === 'unknown_group') return msg('One of the chosen groups no longer exists. Go back and choose the groups again.');
  return problemText(error, (serverText) => msg(str`The invitations could not be sent: ${serverText}`));
}
