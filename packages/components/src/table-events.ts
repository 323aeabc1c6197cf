import type { MembershipState, SortOrder, UserSortKey } from '@roster/shared';

/*
 * The events that the Users screen's first load needs (those `<users-table>` fires), apart from the
 * others in `events.ts`, which re-exports them: a module is loaded whole, so these are all `roster.js`
 * carries of the events.
 */

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

/** What `<users-table>` asks its host to carry out for one person, besides Remove. */
export type UserActionRequest = 'show' | 'edit' | 'block' | 'unblock';

/**
 * `edit-user-request`, `block-user-request`, `unblock-user-request`: the person chose Edit groups,
 * Block or Unblock in a row's actions menu of `<users-table>`; nothing is changed yet
 * (`<users-settings>` answers by opening `<edit-user-dialog>` or `<block-user-dialog>`).
 * `show-user-request`: the person chose someone's name, to see their page (`<users-settings>`
 * answers with `<user-details>`). Bubbles and crosses shadow roots.
 */
export class UserActionRequestEvent extends CustomEvent<UserRef> {
  constructor(
    readonly action: UserActionRequest,
    detail: UserRef,
  ) {
    super(`${action}-user-request`, { detail, bubbles: true, composed: true });
  }
}
