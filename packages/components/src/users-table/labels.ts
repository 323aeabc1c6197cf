import { msg, str } from '@lit/localize';
import type { MembershipState, UserSortKey } from '@roster/shared';
import type { ApiError } from '../api/api-error.ts';
import { problemText } from '../internal/problem-text.ts';

/** Names of the membership states as people read them (also the state filter's options). */
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

export function sortLabel(key: UserSortKey): string {
  switch (key) {
    case 'name':
      return msg('User');
    case 'email':
      return msg('Email');
    case 'joined':
      return msg('State / Joined');
    case 'lastSignIn':
      return msg('Last sign-in');
  }
}

/** What to tell the viewer when the list cannot be shown; the server's own text when we have nothing better. */
export function errorMessage(error: ApiError): string {
  switch (error.code) {
    case 'unauthenticated':
      return msg('Please sign in to manage users.');
    case 'forbidden':
      return msg('You need administrator rights to manage users.');
    case 'not_found':
      return msg('This account was not found, or you are not a member of it.');
    case 'no_account':
      return msg('You belong to no account yet.');
    default:
      return problemText(error, (serverText) => msg(str`The users could not be loaded: ${serverText}`));
  }
}

/** Errors that trying again cannot fix: the viewer may simply not look at this list. */
export function isAccessError(error: ApiError): boolean {
  return ['unauthenticated', 'forbidden', 'not_found', 'no_account'].includes(error.code);
}

/** The invitation row actions (besides Remove, which opens a dialog). */
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
