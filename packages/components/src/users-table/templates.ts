import { msg, str } from '@lit/localize';
import type { Group, SortOrder, UserListItem, UserSortKey } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { USER_SORT_KEYS } from '@roster/shared/values';
import { html, nothing } from 'lit';
import type { ApiError } from '../api/api-error.ts';
import { formatNumber } from '../internal/format.ts';
import { groupsCell, lastSignInCell, skeletonRow, stateCell, userCell } from './cells.ts';
import { errorMessage, isAccessError, sortLabel } from './labels.ts';
import type { LoadedPage } from './list-rules.ts';
import type { SearchBoxController } from './search-box.ts';

/*
 * The templates of <users-table> apart from its footer: the toolbar, the table and why the list is not
 * shown. Functions of what they show; the element passes its listeners in, bound to itself.
 */

const SKELETON_ROWS = 5;
const COLUMN_COUNT = 6;

export interface ToolbarView {
  search: SearchBoxController;
  /** The state filter's disclosure. */
  stateFilter: unknown;
  /** The account's groups, once loaded. */
  groups: Group[];
  /** The chosen group's id; empty for all groups. */
  group: string;
  onGroupChange: (event: Event) => void;
}

export function toolbar(view: ToolbarView) {
  return html`<div part="toolbar" class="toolbar">
    <div class="field search">
      <label for="search" class="visually-hidden">${msg('Search users')}</label>
      <input
        id="search"
        part="search"
        class="control"
        type="search"
        maxlength="200"
        autocomplete="off"
        placeholder=${msg('Search by name or email')}
        .value=${view.search.draft}
        @input=${view.search.handleInput}
        @keydown=${view.search.handleKeydown}
      />
    </div>
    ${view.stateFilter}
    <label class="field">
      <span class="label">${msg('Group')}</span>
      <select part="group-filter" class="control" @change=${view.onGroupChange}>
        <option value="" ?selected=${!view.group}>${msg('All groups')}</option>
        ${view.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === view.group}>${g.name}</option>`)}
      </select>
    </label>
  </div>`;
}

export interface TableView {
  /** The page shown, if one was loaded. */
  page: LoadedPage | undefined;
  /** A page is loading (the table is `aria-busy`). */
  loading: boolean;
  /** Placeholder rows instead of the page's. */
  skeleton: boolean;
  sort: UserSortKey;
  order: SortOrder;
  /** The viewer's own user id, once known (their row says "(you)"). */
  viewerId: string | undefined;
  /** The row's actions menu (nothing when there is nothing to do). */
  actionsOf: (user: UserListItem) => unknown;
  /** A person's name was chosen: their page is asked for (the row carries `data-user-id`). */
  onShowClick: (event: Event) => void;
  /** A sort button carries its key in `data-sort`. */
  onSortClick: (event: Event) => void;
}

export function usersTable(view: TableView) {
  // A grid: one Tab stop, the arrows move between its controls (see row-focus.ts). tabindex=-1 on the
  // table: focus goes to the table itself when a change left no row to put it in.
  // (JS comments, not HTML ones, in templates: what a template holds ships in roster.js.)
  return html`<div part="table-wrap" class="table-wrap">
    <table part="table" role="grid" tabindex="-1" aria-busy=${view.loading ? 'true' : 'false'}>
      <caption class="visually-hidden">${msg('Users')}</caption>
      <thead>
        <tr>
          ${USER_SORT_KEYS.map((key) => sortHeader(view, key))}
          <th scope="col" part="header">${msg('Groups')}</th>
          <th scope="col" part="header" class="actions-header">${msg('Actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.skeleton ? Array.from({ length: SKELETON_ROWS }, skeletonRow) : rows(view)}
      </tbody>
    </table>
  </div>`;
}

function sortHeader(view: TableView, key: UserSortKey) {
  const active = view.sort === key;
  const ascending = view.order === 'asc';
  return html`<th scope="col" part="header" aria-sort=${active ? (ascending ? 'ascending' : 'descending') : nothing}>
    <button type="button" part="sort-button" class="sort" data-sort=${key} @click=${view.onSortClick}>
      ${sortLabel(key)}<span class="sort-icon" aria-hidden="true">${active ? (ascending ? '↑' : '↓') : '↕'}</span>
    </button>
  </th>`;
}

function rows(view: TableView) {
  const { page } = view;
  if (!page) return nothing;
  if (page.items.length === 0) {
    return html`<tr>
      <td colspan=${COLUMN_COUNT} part="empty" class="empty">
        <strong>${msg('No users match')}</strong>
        <span>${msg('Try another search or change the filters.')}</span>
      </td>
    </tr>`;
  }
  const now = Date.now();
  // Not keyed (the repeat directive would weigh on the first load): a row may show another person after
  // an update, and row-focus.ts keeps keyboard focus with the person.
  return page.items.map(
    (user) => html`<tr part="row" data-user-id=${user.id}>
      <td part="user-cell">${userCell(user, user.id === view.viewerId, view.onShowClick)}</td>
      <td class="email">${emailParts(user.email)}</td>
      <td>${stateCell(user, now)}</td>
      <td class="sign-in">${lastSignInCell(user)}</td>
      <td>${groupsCell(user)}</td>
      <td class="actions">${view.actionsOf(user)}</td>
    </tr>`,
  );
}

/** An email with a line break allowed after its @, where a long one is best broken. */
function emailParts(email: string) {
  const at = email.lastIndexOf('@') + 1;
  return html`${email.slice(0, at)}<wbr />${email.slice(at)}`;
}

/**
 * Why the list is not shown. Not being allowed to see it is no failure: a neutral note, read as a
 * status. A failed load is an error (red, an alert) with Try again.
 */
export function listNotShown(error: ApiError, onRetry: () => void) {
  if (isAccessError(error)) {
    return html`<div part="message" class="message info" role="status">
      <p>${errorMessage(error)}</p>
    </div>`;
  }
  return html`<div part="message" class="message error" role="alert">
    <p>${errorMessage(error)}</p>
    <button type="button" class="button" @click=${onRetry}>${msg('Try again')}</button>
  </div>`;
}

/** The footer's "1–25 of 130" (with a + when the total was capped). */
export function rangeText(page: LoadedPage): string {
  if (page.items.length === 0) return '';
  const from = formatNumber(page.offset + 1);
  const to = formatNumber(page.offset + page.items.length);
  const total = formatNumber(page.total);
  return page.totalCapped ? msg(str`${from}–${to} of ${total}+`) : msg(str`${from}–${to} of ${total}`);
}
