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

declare global {
  interface HTMLElementEventMap {
    'users-table-state-change': UsersTableStateChangeEvent;
  }
}
