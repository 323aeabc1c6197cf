import { msg, str } from '@lit/localize';
import type { MembershipState } from '@roster/shared';
import type { ApiError } from '../api/api-error.ts';
import { problemText } from '../internal/problem-text.ts';

/*
 * The words the person's page shares with the users table (the same strings, so the same
 * translations), kept here rather than imported from `users-table/labels.ts`: a module that both
 * `roster.js` and this lazily loaded bundle import becomes a chunk of its own, which costs the first
 * load ~350 bytes gzipped it does not have. Keep the two in step.
 */

export function stateLabel(state: MembershipState): string {
  switch (state) {
    case 'invited':
      return msg('Invited');
    case 'expired':
      return msg('Invitation expired');
    case 'active':
      return msg('Active');
    case 'blocked':
      return msg('Blocked');
    case 'removed':
      return msg('Removed');
    case 'declined':
      return msg('Declined');
  }
}

/** The invitation's actions, as in the row menu. */
export type InvitationAction = 'copy-link' | 'resend' | 'renew';

export function invitationActionLabel(action: InvitationAction): string {
  switch (action) {
    case 'copy-link':
      return msg('Copy invitation link');
    case 'resend':
      return msg('Resend invitation');
    case 'renew':
      return msg('Send new invitation');
  }
}

/** Why an invitation action failed, with what to do instead (the page then shows the person as they are now). */
export function invitationActionError(action: InvitationAction, error: ApiError, name: string): string {
  switch (error.code) {
    case 'invitation_expired':
      return msg(str`The invitation of ${name} has expired. Choose Send new invitation instead.`);
    case 'invitation_still_valid':
      return msg(str`The invitation of ${name} is still valid. Choose Resend invitation instead.`);
    case 'not_invited':
      return msg(str`${name} has no open invitation any more.`);
  }
  return problemText(error, (serverText) => {
    switch (action) {
      case 'copy-link':
        return msg(str`The invitation link of ${name} could not be copied: ${serverText}`);
      case 'resend':
        return msg(str`The invitation of ${name} could not be resent: ${serverText}`);
      case 'renew':
        return msg(str`No new invitation could be sent to ${name}: ${serverText}`);
    }
  });
}
