import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { MembershipState, SortOrder, UserListItem, UserSortKey } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { DEFAULT_LIST_STATES, MEMBERSHIP_STATES, PAGE_SIZES, USER_SORT_KEYS } from '@roster/shared/values';
import { html, LitElement, nothing, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { getMe, listGroups, listUsers } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { UsersTableStateChangeEvent, type UsersTableState } from '../events.ts';
import { formatNumber } from '../internal/format.ts';
import { groupsCell, lastSignInCell, skeletonRow, stateCell, userCell } from './cells.ts';
import { errorMessage, isAccessError, sortLabel } from './labels.ts';
import { RowActionsController } from './row-actions.ts';
import { RowFocusController } from './row-focus.ts';
import { StateFilterController } from './state-filter.ts';
import { usersTableStyles } from './users-table.styles.ts';

const DEFAULT_PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;
const SKELETON_ROWS = 5;
const COLUMN_COUNT = 6;

/** `states="invited,active"` ⇄ `['invited', 'active']`; unknown names are dropped. */
const stateListConverter: ComplexAttributeConverter<MembershipState[]> = {
  fromAttribute: (value) => {
    const states = (value ?? '').split(',').map((s) => s.trim());
    return MEMBERSHIP_STATES.filter((s) => states.includes(s));
  },
  toAttribute: (value) => value.join(','),
};

/** One loaded page, with where it starts so the range text always matches the rows shown. */
interface LoadedPage {
  items: UserListItem[];
  nextCursor: string | null;
  total: number;
  /** `total` is a cap: more people match (the BFF stops counting a search at 1,000). */
  totalCapped: boolean;
  offset: number;
}

/**
 * The users of one account: search, filters by state and group, sortable columns and keyset paging.
 * Needs administrator rights; shows why when the viewer has none.
 *
 * Configure it with `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 * The table state is reflected in attributes (`q`, `sort`, `order`, `page-size`, `states`, `group`),
 * so a host can persist them and set them back.
 *
 * Keyboard focus is never dropped on the page: when rows are loaded again (after `refresh()`, a
 * removal, a resend or a renewal) and the focused control went away — a removed person's row keeps no
 * actions menu, or the row left the filtered list — focus moves to the same person's actions button,
 * else their name cell, else the row now in that place, else the table itself. `focusUser(userId)`
 * and `focusSearch()` let a host move focus to a person or to the search box.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account whose users are listed (default: the provider's).
 * @attr q - The search text.
 * @attr sort - `name` (default), `email`, `joined` or `lastSignIn`.
 * @attr order - `asc` (default) or `desc`.
 * @attr page-size - 10, 25 (default), 50 or 100.
 * @attr states - Comma-separated states: invited, expired, active, blocked, removed, declined
 *   (default `invited,expired,active,blocked`).
 * @attr group - A group id; empty for all groups.
 *
 * @fires users-table-state-change - {UsersTableStateChangeEvent} The person changed the search, a filter,
 *   the sort or the page size; `detail` is the whole {@link UsersTableState}.
 * @fires remove-user-request - {RemoveUserRequestEvent} The person chose Remove in a row's actions menu;
 *   `detail` is `{ accountId, userId }`. Nothing is removed yet: `<users-settings>` opens `<remove-user-dialog>`.
 * @fires invitation-link-copied - {InvitationLinkCopiedEvent} An Invited person's link (from the server) is on the
 *   clipboard; `detail` is `{ accountId, userId }`.
 * @fires invitation-resent - {InvitationResentEvent} The same invitation was emailed again with its expiry reset;
 *   `detail` is `{ accountId, userId }`. The row is loaded again.
 * @fires invitation-renewed - {InvitationRenewedEvent} An expired invitation was replaced by a new link and emailed;
 *   `detail` is `{ accountId, userId }`. The row is loaded again.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The search and filter bar.
 * @csspart search - The search input.
 * @csspart state-filter - The state filter (a disclosure with checkboxes).
 * @csspart group-filter - The group select.
 * @csspart table-wrap - The horizontally scrollable box around the table.
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell.
 * @csspart sort-button - The button inside a sortable column header.
 * @csspart row - Each body row (skeleton rows are also `skeleton-row`).
 * @csspart skeleton-row - A placeholder row while loading.
 * @csspart user-cell - The first cell of each row (the person); it takes focus when the row's actions went away.
 * @csspart avatar - The picture or initials of a user.
 * @csspart badge - A membership state badge.
 * @csspart group-count - The focusable "N groups" summary.
 * @csspart tooltip - The floating list of group names.
 * @csspart empty - The "No users match" message.
 * @csspart message - Why the list is not shown: a neutral note when the viewer may not see it (not signed in, not an
 *   administrator, no account), an error (red, announced as an alert) when loading failed.
 * @csspart action-error - Why a row action failed (above the table).
 * @csspart footer - The range text, page size and paging buttons.
 * @csspart page-size - The page size select.
 * @csspart pager-button - The Previous and Next buttons.
 * @csspart actions-button - The "•••" button of a row's actions menu.
 * @csspart actions-menu - The open actions menu.
 * @csspart actions-menu-item - Each item of the actions menu.
 *
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text (user ids, "Never").
 * @cssprop --roster-color-surface - Background of the table and controls.
 * @cssprop --roster-color-surface-raised - Header row and button background.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - Links, selection, the active sort and the Invited badge.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Errors and the Blocked badge.
 * @cssprop --roster-color-success - The Active badge.
 * @cssprop --roster-color-warning - The "Invitation expired" badge (also dashed, so it differs from Invited by more than colour).
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark` (the viewer's choice); inherits the page's `color-scheme` when unset.
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@localized()
@customElement('users-table')
export class UsersTable extends LitElement {
  static override styles = usersTableStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account whose users are listed; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Free-text search over name and email. */
  @property({ reflect: true }) q = '';

  /** The sort column. */
  @property({ reflect: true }) sort: UserSortKey = 'name';

  /** The sort direction. */
  @property({ reflect: true }) order: SortOrder = 'asc';

  /** Rows per page: one of 10, 25, 50, 100. */
  @property({ attribute: 'page-size', type: Number, reflect: true }) pageSize = DEFAULT_PAGE_SIZE;

  /** Comma-separated membership states to show; by default everyone still attached to the account. */
  @property({ reflect: true, converter: stateListConverter }) states: MembershipState[] = [...DEFAULT_LIST_STATES];

  /** Only members of this group (its id); empty for all groups. */
  @property({ reflect: true }) group = '';

  /** What the search box shows; becomes `q` after a pause in typing. */
  @state() private searchDraft = '';
  /** The keyset cursor of the page shown (undefined: the first page). */
  @state() private cursor?: string;
  /** Cursors of the pages before this one, so Previous can go back. */
  @state() private previousCursors: (string | undefined)[] = [];

  @query('.tooltip') private tooltip?: HTMLElement;

  private readonly api = new RosterApiController(this);
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Everything that defines the list apart from the page; a change starts again at page one. */
  private listKey?: string;
  private listAccountId?: string;
  /** `refresh()` is under way: the rows stay on screen (and focus in them) instead of skeletons. */
  private refreshing = false;

  private readonly pageTask = new Task(this, {
    task: async ([client, accountId, q, states, group, sort, order, limit, cursor, offset], { signal }) => {
      if (!accountId) return initialState;
      const query = { q: q || undefined, state: states, group: group || undefined, sort, order, limit: String(limit), cursor };
      const page = await listUsers(client, accountId, query, signal);
      return { ...page, offset } satisfies LoadedPage;
    },
    args: () =>
      [
        this.api.client,
        this.api.accountId,
        this.q,
        this.effectiveStates.join(','),
        this.group,
        this.effectiveSort,
        this.effectiveOrder,
        this.effectivePageSize,
        this.cursor,
        this.previousCursors.length * this.effectivePageSize,
      ] as const,
  });

  private readonly groupsTask = new Task(this, {
    task: ([client, accountId], { signal }) => (accountId ? listGroups(client, accountId, signal) : initialState),
    args: () => [this.api.client, this.api.accountId] as const,
  });

  /** The viewer, to know their own row (nobody removes themselves); asked once per client. */
  private readonly meTask = new Task(this, {
    task: ([client], { signal }) => getMe(client, signal),
    args: () => [this.api.client] as const,
  });

  /** Puts keyboard focus back in the rows when an update took it away. */
  private readonly rowFocus = new RowFocusController(this);

  /** Each row's actions menu, what its items do, and why the last one failed. */
  private readonly rowActions = new RowActionsController(this, {
    api: this.api,
    viewerId: () => this.meTask.value?.user.id,
    userOf: (userId) => this.pageTask.value?.items.find((item) => item.id === userId),
    reload: () => this.refresh(),
  });

  /** The toolbar's "States: n of m" popup. */
  private readonly stateFilter = new StateFilterController(this, {
    selected: () => this.effectiveStates,
    onChange: (states) => this.commit({ states }),
  });

  /**
   * Loads the current page again (same search, filters, sort and page), e.g. after a user was removed.
   * The rows shown stay until the new ones arrive, so keyboard focus is not lost in a skeleton.
   */
  async refresh(): Promise<void> {
    this.refreshing = true;
    try {
      await this.pageTask.run();
    } finally {
      this.refreshing = false;
    }
  }

  /**
   * Moves focus to a person's row once the page being loaded is shown: their actions button, else
   * their name cell. Resolves to false, moving nothing, when the person is not on that page.
   */
  async focusUser(userId: string): Promise<boolean> {
    await this.updateComplete;
    await this.pageTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    return this.rowFocus.focusUser(userId);
  }

  /** Moves focus to the search box (when the list is shown). */
  focusSearch(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  /** A page is loading and there are no rows worth keeping on screen meanwhile. */
  private get showsSkeleton(): boolean {
    return this.pageTask.status === TaskStatus.PENDING && !(this.refreshing && this.pageTask.value);
  }

  /** The current table state, as the `users-table-state-change` event reports it. */
  get tableState(): UsersTableState {
    const { q, sort, order, pageSize, states, group } = this;
    return { q, sort, order, pageSize, states: [...states], group };
  }

  // Attribute values come from hosts; the request only ever carries valid ones.
  private get effectiveSort(): UserSortKey {
    return USER_SORT_KEYS.includes(this.sort) ? this.sort : 'name';
  }
  private get effectiveOrder(): SortOrder {
    return this.order === 'desc' ? 'desc' : 'asc';
  }
  private get effectivePageSize(): number {
    return (PAGE_SIZES as readonly number[]).includes(this.pageSize) ? this.pageSize : DEFAULT_PAGE_SIZE;
  }
  private get effectiveStates(): MembershipState[] {
    return this.states.length > 0 ? this.states : [...DEFAULT_LIST_STATES];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const accountId = this.api.accountId;
    // Group ids belong to one account: another account's list starts unfiltered.
    if (this.listAccountId !== undefined && accountId !== this.listAccountId) this.group = '';
    this.listAccountId = accountId;

    const key = JSON.stringify([accountId, this.q, this.effectiveSort, this.effectiveOrder, this.effectivePageSize, this.effectiveStates, this.group]);
    if (key !== this.listKey) {
      this.listKey = key;
      this.cursor = undefined;
      this.previousCursors = [];
      this.rowActions.clearError();
    }
    // The host (or a committed search) changed `q`: show it, unless the box already says the same.
    if (changed.has('q') && this.q !== this.searchDraft.trim()) this.searchDraft = this.q;
  }

  protected override render() {
    if (!this.api.accountId) {
      return html`<div part="base" class="base">
        <p part="message" class="message">${msg('No account is selected.')}</p>
      </div>`;
    }
    const error = this.pageTask.status === TaskStatus.ERROR ? toApiError(this.pageTask.error) : undefined;
    return html`<div part="base" class="base">
      ${error && isAccessError(error) ? nothing : this.renderToolbar()}
      ${this.rowActions.renderError()}
      ${error ? this.renderError(error) : html`${this.renderTable()}${this.renderFooter()}`}
      <div class="tooltip" part="tooltip" popover="manual" aria-hidden="true"></div>
    </div>`;
  }

  private renderToolbar() {
    const groups = this.groupsTask.value ?? [];
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
          .value=${this.searchDraft}
          @input=${this.handleSearchInput}
          @keydown=${this.handleSearchKeydown}
        />
      </div>
      ${this.stateFilter.render()}
      <label class="field">
        <span class="label">${msg('Group')}</span>
        <select part="group-filter" class="control" @change=${this.handleGroupChange}>
          <option value="" ?selected=${!this.group}>${msg('All groups')}</option>
          ${groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.group}>${g.name}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private renderTable() {
    const loading = this.pageTask.status === TaskStatus.PENDING;
    return html`<div part="table-wrap" class="table-wrap">
      <!-- tabindex=-1: focus goes to the table itself when a change left no row to put it in. -->
      <table part="table" tabindex="-1" aria-busy=${loading ? 'true' : 'false'}>
        <caption class="visually-hidden">${msg('Users')}</caption>
        <thead>
          <tr>
            ${this.renderSortHeader('name')} ${this.renderSortHeader('email')} ${this.renderSortHeader('joined')}
            ${this.renderSortHeader('lastSignIn')}
            <th scope="col" part="header">${msg('Groups')}</th>
            <th scope="col" part="header" class="actions-header">${msg('Actions')}</th>
          </tr>
        </thead>
        <tbody
          @mouseover=${this.handleTooltipShow}
          @focusin=${this.handleTooltipShow}
          @mouseout=${this.handleTooltipHide}
          @focusout=${this.handleTooltipHide}
          @keydown=${this.handleTooltipKeydown}
        >
          ${this.showsSkeleton ? Array.from({ length: SKELETON_ROWS }, skeletonRow) : this.renderRows()}
        </tbody>
      </table>
    </div>`;
  }

  private renderSortHeader(key: UserSortKey) {
    const active = this.effectiveSort === key;
    const ascending = this.effectiveOrder === 'asc';
    return html`<th scope="col" part="header" aria-sort=${active ? (ascending ? 'ascending' : 'descending') : nothing}>
      <button type="button" part="sort-button" class="sort" data-sort=${key} @click=${this.handleSortClick}>
        ${sortLabel(key)}<span class="sort-icon" aria-hidden="true">${active ? (ascending ? '↑' : '↓') : '↕'}</span>
      </button>
    </th>`;
  }

  private renderRows() {
    const page = this.pageTask.value;
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
    // Keyed by person, so a row's controls stay that person's (and keep focus) when the rows change.
    return repeat(
      page.items,
      (user) => user.id,
      (user) => html`<tr part="row" data-user-id=${user.id}>
        <td part="user-cell" class="user-cell" tabindex="-1">${userCell(user)}</td>
        <td class="email">${user.email}</td>
        <td>${stateCell(user, now)}</td>
        <td>${lastSignInCell(user)}</td>
        <td>${groupsCell(user)}</td>
        <td class="actions">${this.rowActions.renderMenu(user)}</td>
      </tr>`,
    );
  }

  private renderFooter() {
    const page = this.pageTask.value;
    const loading = this.pageTask.status === TaskStatus.PENDING;
    const hasPrevious = this.previousCursors.length > 0;
    const hasNext = !loading && Boolean(page?.nextCursor);
    return html`<div part="footer" class="footer">
      <label class="field">
        <span class="label">${msg('Rows per page')}</span>
        <select part="page-size" class="control" @change=${this.handlePageSizeChange}>
          ${PAGE_SIZES.map((size) => html`<option value=${size} ?selected=${size === this.effectivePageSize}>${formatNumber(size)}</option>`)}
        </select>
      </label>
      <p class="range" role="status">${this.showsSkeleton ? msg('Loading users…') : page ? rangeText(page) : nothing}</p>
      <div class="pager">
        <!-- aria-disabled (not disabled) keeps focus on the button when the last page is reached. -->
        <button type="button" part="pager-button" class="button" data-page="previous" aria-disabled=${!hasPrevious || loading} @click=${this.handlePreviousClick}>
          ${msg('Previous')}
        </button>
        <button type="button" part="pager-button" class="button" data-page="next" aria-disabled=${!hasNext} @click=${this.handleNextClick}>
          ${msg('Next')}
        </button>
      </div>
    </div>`;
  }

  /**
   * Why the list is not shown. Not being allowed to see it is no failure: a neutral note, read as a
   * status. A failed load is an error (red, an alert) with Try again.
   */
  private renderError(error: ApiError) {
    if (isAccessError(error)) {
      return html`<div part="message" class="message info" role="status">
        <p>${errorMessage(error)}</p>
      </div>`;
    }
    return html`<div part="message" class="message error" role="alert">
      <p>${errorMessage(error)}</p>
      <button type="button" class="button" @click=${this.handleRetryClick}>${msg('Try again')}</button>
    </div>`;
  }

  /** Applies a change the person made and tells the host. */
  private commit(changes: Partial<UsersTableState>) {
    Object.assign(this, changes);
    this.dispatchEvent(new UsersTableStateChangeEvent(this.tableState));
  }

  private handleSearchInput(event: Event) {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  /** Enter searches at once instead of waiting for the pause. */
  private handleSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') this.commitSearch();
  }

  private commitSearch() {
    clearTimeout(this.searchTimer);
    const q = this.searchDraft.trim();
    if (q !== this.q) this.commit({ q });
  }

  private handleGroupChange(event: Event) {
    this.commit({ group: (event.target as HTMLSelectElement).value });
  }

  private handlePageSizeChange(event: Event) {
    this.commit({ pageSize: Number((event.target as HTMLSelectElement).value) });
  }

  private handleSortClick(event: Event) {
    const key = (event.currentTarget as HTMLElement).dataset.sort as UserSortKey;
    if (key === this.effectiveSort) this.commit({ order: this.effectiveOrder === 'asc' ? 'desc' : 'asc' });
    else this.commit({ sort: key, order: 'asc' });
  }

  private handleNextClick() {
    const next = this.pageTask.value?.nextCursor;
    if (!next || this.pageTask.status === TaskStatus.PENDING) return;
    this.previousCursors = [...this.previousCursors, this.cursor];
    this.cursor = next;
  }

  private handlePreviousClick() {
    if (this.previousCursors.length === 0 || this.pageTask.status === TaskStatus.PENDING) return;
    this.cursor = this.previousCursors.at(-1);
    this.previousCursors = this.previousCursors.slice(0, -1);
  }

  private handleRetryClick() {
    void this.pageTask.run();
  }

  private handleTooltipShow(event: Event) {
    const trigger = (event.target as Element).closest<HTMLElement>('.group-count');
    if (!trigger || !this.tooltip) return;
    this.tooltip.textContent = trigger.dataset.names ?? '';
    // The tooltip lives in the top layer so the table's scroll box cannot clip it.
    const rect = trigger.getBoundingClientRect();
    this.tooltip.style.top = `${rect.bottom + 4}px`;
    this.tooltip.style.left = `${rect.left}px`;
    if (!this.tooltip.matches(':popover-open')) this.tooltip.showPopover();
  }

  private handleTooltipHide(event: Event) {
    if ((event.target as Element).closest('.group-count')) this.hideTooltip();
  }

  /** Escape dismisses the tooltip without moving focus (WCAG 1.4.13). */
  private handleTooltipKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') this.hideTooltip();
  }

  private hideTooltip() {
    if (this.tooltip?.matches(':popover-open')) this.tooltip.hidePopover();
  }
}

function rangeText(page: LoadedPage): string {
  if (page.items.length === 0) return '';
  const from = formatNumber(page.offset + 1);
  const to = formatNumber(page.offset + page.items.length);
  const total = formatNumber(page.total);
  return page.totalCapped ? msg(str`${from}–${to} of ${total}+`) : msg(str`${from}–${to} of ${total}`);
}

declare global {
  interface HTMLElementTagNameMap {
    'users-table': UsersTable;
  }
}
