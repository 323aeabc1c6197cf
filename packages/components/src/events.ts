import type { MembershipState, SortOrder, UserSortKey } from '@roster/shared';

/** The part of `<users-table>`'s state a host may want to persist (all of it is also reflected in attributes). */
export interface UsersTableState {
  q: string;
  sort: UserSortKey;
  order: SortOrder;
  pageSize: number;
  states: MembershipState[];
  /** Group id, or '' for all groups. */
  group: string;
}

/**
 * `users-table-state-change`: the person changed the search, a filter, the sort or the page size.
 * Not fired when the host sets the attributes itself. Bubbles and crosses shadow roots.
 */
export class UsersTableStateChangeEvent extends CustomEvent<UsersTableState> {
  static readonly eventName = 'users-table-state-change';

  constructor(state: UsersTableState) {
    super(UsersTableStateChangeEvent.eventName, { detail: state, bubbles: true, composed: true });
  }
}

/** Which membership an action is about. */
export interface UserRef {
  accountId: string;
  userId: string;
}

/**
 * `remove-user-request`: the person chose Remove in a row's actions menu of `<users-table>`; nothing
 * is removed yet (`<users-settings>` answers by opening `<remove-user-dialog>`). Bubbles and crosses shadow roots.
 */
export class RemoveUserRequestEvent extends CustomEvent<UserRef> {
  static readonly eventName = 'remove-user-request';

  constructor(detail: UserRef) {
    super(RemoveUserRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** `user-removed`: a membership was ended by `<remove-user-dialog>`. Bubbles and crosses shadow roots. */
export class UserRemovedEvent extends CustomEvent<UserRef> {
  static readonly eventName = 'user-removed';

  /** The removed person's name, for messages ("Ada Lovelace was removed from Acme Corp"). */
  readonly userName: string;
  /** The account's name. */
  readonly accountName: string;

  constructor(detail: UserRef, names: { userName: string; accountName: string } = { userName: '', accountName: '' }) {
    super(UserRemovedEvent.eventName, { detail, bubbles: true, composed: true });
    this.userName = names.userName;
    this.accountName = names.accountName;
  }
}

declare global {
  interface HTMLElementEventMap {
    'users-table-state-change': UsersTableStateChangeEvent;
    'remove-user-request': RemoveUserRequestEvent;
    'user-removed': UserRemovedEvent;
  }
}
