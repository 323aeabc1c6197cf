import type { Me } from '@roster/shared';
import type { RemoveUserRequestEvent, UserActionRequestEvent, UserRef, UsersTableStateChangeEvent } from './table-events.ts';

// The table's own events live apart, so the first load carries only them; they are part of this list.
export * from './table-events.ts';

/**
 * The events that report a change to one person: the membership in `detail`, and the names a
 * message needs ("Sam Taylor was blocked in Acme Corp"). Each subclass names its event in
 * `eventName`, which is the event's type.
 */
export class UserChangedEvent extends CustomEvent<UserRef> {
  constructor(
    detail: UserRef,
    /** The person's name. */
    readonly userName = '',
    /** The account's name (empty for the invitation events). */
    readonly accountName = '',
  ) {
    super((new.target as unknown as { eventName: string }).eventName, { detail, bubbles: true, composed: true });
  }
}

/** `user-removed`: a membership was ended by `<remove-user-dialog>`. Bubbles and crosses shadow roots. */
export class UserRemovedEvent extends UserChangedEvent {
  static readonly eventName = 'user-removed';

  constructor(detail: UserRef, names: { userName: string; accountName: string } = { userName: '', accountName: '' }) {
    super(detail, names.userName, names.accountName);
  }
}

/** `user-updated`: `<edit-user-dialog>` saved the person's groups. Bubbles and crosses shadow roots. */
export class UserUpdatedEvent extends UserChangedEvent {
  static readonly eventName = 'user-updated';
}

/** `user-blocked`: `<block-user-dialog>` blocked the person in this account. Bubbles and crosses shadow roots. */
export class UserBlockedEvent extends UserChangedEvent {
  static readonly eventName = 'user-blocked';
}

/** `user-unblocked`: `<block-user-dialog>` gave the person their access to this account back. Bubbles and crosses shadow roots. */
export class UserUnblockedEvent extends UserChangedEvent {
  static readonly eventName = 'user-unblocked';
}

/** Whom `users-invited` is about: the people who were invited (not those already in the account). */
export interface UsersInvitedDetail {
  accountId: string;
  userIds: string[];
}

/**
 * `users-invited`: `<add-users-dialog>` sent invitations and at least one person was invited
 * (`detail.userIds`; already-members and invalid addresses are not in it). Bubbles and crosses shadow roots.
 */
export class UsersInvitedEvent extends CustomEvent<UsersInvitedDetail> {
  static readonly eventName = 'users-invited';

  constructor(detail: UsersInvitedDetail) {
    super(UsersInvitedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * `view-user-request`: the person chose "View user" on the summary of `<add-users-dialog>`; the
 * dialog has closed (`<users-settings>` answers by finding them in its table). Bubbles and crosses shadow roots.
 */
export class ViewUserRequestEvent extends CustomEvent<UserRef> {
  static readonly eventName = 'view-user-request';

  /** The person's email, to find them by. */
  readonly email: string;

  constructor(detail: UserRef, email: string) {
    super(ViewUserRequestEvent.eventName, { detail, bubbles: true, composed: true });
    this.email = email;
  }
}

/** `invitation-link-copied`: an Invited person's link is on the clipboard (`<users-table>` row action). Bubbles and crosses shadow roots. */
export class InvitationLinkCopiedEvent extends UserChangedEvent {
  static readonly eventName = 'invitation-link-copied';
}

/** `invitation-resent`: the same invitation was emailed again and its expiry reset (`<users-table>` row action). Bubbles and crosses shadow roots. */
export class InvitationResentEvent extends UserChangedEvent {
  static readonly eventName = 'invitation-resent';
}

/** `invitation-renewed`: an expired invitation was replaced by a new link and emailed (`<users-table>` row action). Bubbles and crosses shadow roots. */
export class InvitationRenewedEvent extends UserChangedEvent {
  static readonly eventName = 'invitation-renewed';
}

/** `invitation-accepted`: the invitee joined the account in `<invitation-response>` and is signed in. Bubbles and crosses shadow roots. */
export class InvitationAcceptedEvent extends CustomEvent<UserRef> {
  static readonly eventName = 'invitation-accepted';

  constructor(detail: UserRef) {
    super(InvitationAcceptedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** `invitation-declined`: the invitee declined in `<invitation-response>`; the link no longer works. Bubbles and crosses shadow roots. */
export class InvitationDeclinedEvent extends CustomEvent<UserRef> {
  static readonly eventName = 'invitation-declined';

  constructor(detail: UserRef) {
    super(InvitationDeclinedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** What `profile-updated` carries: the signed-in person as the server now has them. */
export interface ProfileUpdatedDetail {
  user: Me['user'];
}

/**
 * `profile-updated`: `<user-profile>` saved the person's names, display language or picture
 * (not fired for a password change). Hosts and `<roster-provider>` refresh what they show of the
 * person from `detail.user`. Bubbles and crosses shadow roots.
 */
export class ProfileUpdatedEvent extends CustomEvent<ProfileUpdatedDetail> {
  static readonly eventName = 'profile-updated';

  constructor(user: Me['user']) {
    super(ProfileUpdatedEvent.eventName, { detail: { user }, bubbles: true, composed: true });
  }
}

/** Which account became active, and which one the screen showed before. */
export interface AccountSwitchedDetail {
  accountId: string;
  previousAccountId: string | null;
}

/**
 * `account-switched`: the person chose another account in `<account-switcher>` and the server now
 * remembers it as their active one; under the same `<roster-provider>` (without `account-id`) every
 * Roster element already follows. Bubbles and crosses shadow roots.
 */
export class AccountSwitchedEvent extends CustomEvent<AccountSwitchedDetail> {
  static readonly eventName = 'account-switched';

  constructor(detail: AccountSwitchedDetail) {
    super(AccountSwitchedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'account-switched': AccountSwitchedEvent;
    'users-table-state-change': UsersTableStateChangeEvent;
    'remove-user-request': RemoveUserRequestEvent;
    'user-removed': UserRemovedEvent;
    'edit-user-request': UserActionRequestEvent;
    'block-user-request': UserActionRequestEvent;
    'unblock-user-request': UserActionRequestEvent;
    'show-user-request': UserActionRequestEvent;
    'user-updated': UserUpdatedEvent;
    'user-blocked': UserBlockedEvent;
    'user-unblocked': UserUnblockedEvent;
    'users-invited': UsersInvitedEvent;
    'view-user-request': ViewUserRequestEvent;
    'invitation-link-copied': InvitationLinkCopiedEvent;
    'invitation-resent': InvitationResentEvent;
    'invitation-renewed': InvitationRenewedEvent;
    'invitation-accepted': InvitationAcceptedEvent;
    'invitation-declined': InvitationDeclinedEvent;
    'profile-updated': ProfileUpdatedEvent;
  }
}
