/**
 * The parts of `<users-table>` a host may style, as its `@csspart`s list them, apart from `base`
 * (`<users-settings>` exports these under the same names, and has a `base` of its own) and `actions`
 * (the menu element: its button and menu are here, and the bytes of the first load are scarce). Add a
 * part here when the table gets one.
 */
export const USERS_TABLE_PARTS = [
  'toolbar', 'search', 'state-filter', 'group-filter', 'table-wrap', 'table', 'header', 'sort-button', 'row',
  'skeleton-row', 'user-cell', 'avatar', 'name', 'badge', 'group-count', 'tooltip', 'empty', 'message', 'action-error', 'footer',
  'page-size', 'pager-button', 'actions-button', 'actions-menu', 'actions-menu-item',
] as const;
