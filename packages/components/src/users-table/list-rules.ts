import type { MembershipState, SortOrder, UserListItem, UserSortKey } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { DEFAULT_LIST_STATES, MEMBERSHIP_STATES, PAGE_SIZES, USER_SORT_KEYS } from '@roster/shared/values';
import type { ComplexAttributeConverter } from 'lit';

/*
 * The table's rules apart from how it looks: which attribute values count, and what a page is.
 * Attribute values come from hosts; the request only ever carries valid ones.
 */

export const DEFAULT_PAGE_SIZE = 25;

/** `states="invited,active"` ⇄ `['invited', 'active']`; unknown names are dropped. */
export const stateListConverter: ComplexAttributeConverter<MembershipState[]> = {
  fromAttribute: (value) => {
    const states = (value ?? '').split(',').map((s) => s.trim());
    return MEMBERSHIP_STATES.filter((s) => states.includes(s));
  },
  toAttribute: (value) => value.join(','),
};

export function validSort(sort: UserSortKey): UserSortKey {
  return USER_SORT_KEYS.includes(sort) ? sort : 'name';
}

export function validOrder(order: SortOrder): SortOrder {
  return order === 'desc' ? 'desc' : 'asc';
}

export function validPageSize(pageSize: number): number {
  return (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE;
}

/** No state chosen means the default ones: an empty filter would show nobody. */
export function shownStates(states: MembershipState[]): MembershipState[] {
  return states.length > 0 ? states : [...DEFAULT_LIST_STATES];
}

/** One loaded page, with where it starts so the range text always matches the rows shown. */
export interface LoadedPage {
  items: UserListItem[];
  nextCursor: string | null;
  total: number;
  /** `total` is a cap: more people match (the BFF stops counting a search at 1,000). */
  totalCapped: boolean;
  offset: number;
}
