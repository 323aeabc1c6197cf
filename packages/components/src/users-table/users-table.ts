import { localized, msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { MembershipState, SortOrder, UserSortKey } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { DEFAULT_LIST_STATES, PAGE_SIZES } from '@roster/shared/values';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { listGroups, listUsers } from '../api/requests.ts';
import { RosterApiController, SignedInPerson } from '../api/roster-api-controller.ts';
import { UsersTableStateChangeEvent, type UsersTableState } from '../table-events.ts';
import { formatNumber } from '../internal/format.ts';
import type { GroupTooltipController } from './group-tooltip.ts';
import { KeysetPagingController } from './keyset-paging.ts';
import { isAccessError } from './labels.ts';
import { DEFAULT_PAGE_SIZE, shownStates, stateListConverter, validOrder, validPageSize, validSort, type LoadedPage } from './list-rules.ts';
import { RowActionsController } from './row-actions.ts';
import type { RowFocusController } from './row-focus.ts';
import { SearchBoxController } from './search-box.ts';
import { StateFilterController } from './state-filter.ts';
import { listNotShown, rangeText, toolbar, usersTable } from './templates.ts';
import { usersTableStyles } from './users-table.styles.ts';

/**
 * The users of one account: search, filters by state and group, sortable columns and keyset paging.
 * Needs administrator rights; shows why when the viewer has none.
 *
 * Configure it with `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 * The table state is reflected in attributes (`q`, `sort`, `order`, `page-size`, `states`, `group`),
 * so a host can persist them and set them back.
 *
 * The table is an ARIA grid with one Tab stop: the arrow keys move between rows (Up, Down) and between
 * a row's controls (Left, Right: the name, "N groups", the actions button), Home and End to a row's
 * first and last control (with Ctrl the grid's); the sort buttons are its header row. Each name is a
 * button that asks for the person's page (`show-user-request`); the viewer's row says "(you)" and why
 * it offers no Block or Remove. Under each state is the date State / Joined sorts by: when the person
 * joined, else when they were invited.
 *
 * Below 40rem (640 px) of its own width (a container query: a narrow host column counts, not only a
 * phone) the same grid is laid out as a list of people: the sort buttons in a wrapped row, then a card
 * per person (name, email, state and date, groups, the actions button beside the name; no last
 * sign-in). The keys and the grid's roles stay the same.
 *
 * Keyboard focus stays with the person and is never dropped on the page: when rows are loaded again
 * (after `refresh()`, a removal, a resend or a renewal) focus goes to the same person's control (the
 * nearest to where it was: a removed person's row keeps no actions menu), else the row now in that
 * place, else the table itself. `focusUser(userId)` and `focusSearch()` let a host move focus to a
 * person or to the search box.
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
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires users-table-state-change - {UsersTableStateChangeEvent} The person changed the search, a filter,
 *   the sort or the page size; `detail` is the whole {@link UsersTableState}.
 * @fires show-user-request - {UserActionRequestEvent} The person chose someone's name; `detail` is
 *   `{ accountId, userId }`. `<users-settings>` opens their page.
 * @fires edit-user-request - {UserActionRequestEvent} Edit groups in a row's menu; `detail` is `{ accountId, userId }`.
 * @fires block-user-request - {UserActionRequestEvent} Block in a row's menu; `detail` is `{ accountId, userId }`.
 * @fires unblock-user-request - {UserActionRequestEvent} Unblock in a row's menu; `detail` is `{ accountId, userId }`.
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
 * @csspart table-wrap - The box around the table; it scrolls sideways while the table is wider than it.
 * @csspart table - The `<table>` (`role="grid"`).
 * @csspart header - Each column header cell.
 * @csspart sort-button - The button inside a sortable column header.
 * @csspart row - Each body row (skeleton rows are also `skeleton-row`).
 * @csspart skeleton-row - A placeholder row while loading.
 * @csspart user-cell - The first cell of each row (the person).
 * @csspart avatar - The picture or initials of a user.
 * @csspart name - A person's name: a button styled as a link that opens their page.
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
 * @csspart actions - A row's actions menu element (a `<roster-menu-button>`); `<users-settings>` does not export it,
 *   only its button and menu (`actions-button`, `actions-menu`).
 * @csspart actions-button - The "•••" button of a row's actions menu.
 * @csspart actions-menu - The open actions menu.
 * @csspart actions-menu-item - Each item of the actions menu.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark` (the viewer's choice); inherits the page's `color-scheme` when unset.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text (dates under the state, "(you)", "Never").
 * @cssprop --roster-color-surface - Background of the table and controls.
 * @cssprop --roster-color-surface-raised - Header row and button background.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - Links, selection, the active sort and the Invited badge.
 * @cssprop --roster-color-on-accent - Text on main and destructive buttons.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Errors and the Blocked badge.
 * @cssprop --roster-color-success - The Active badge.
 * @cssprop --roster-color-warning - The "Invitation expired" badge (also dashed, so it differs from Invited by more than colour).
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@customElement('users-table')
@localized()
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

  private readonly api = new RosterApiController(this);
  /** Everything that defines the list apart from the page (set before each update); a change starts again at page one. */
  private listKey = '';
  private listAccountId?: string;
  /** Which page of the list is shown. */
  private readonly paging = new KeysetPagingController(this, () => this.listKey);
  /** `refresh()` is under way: the rows stay on screen (and focus in them) instead of skeletons. */
  private refreshing = false;

  private readonly pageTask = new Task(this, {
    task: async ([client, accountId, q, states, group, sort, order, limit, cursor, offset], { signal }) => {
      if (!accountId) return initialState;
      const query = { q: q || undefined, state: states, group: group || undefined, sort, order, limit: String(limit), cursor };
      const [page] = await Promise.all([listUsers(client, accountId, query, signal), this.loadRowBehaviour()]);
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
        this.paging.cursor,
        this.paging.pagesBefore * this.effectivePageSize,
      ] as const,
  });

  private readonly groupsTask = new Task(this, {
    task: ([client, accountId], { signal }) => (accountId ? listGroups(client, accountId, signal) : initialState),
    args: () => [this.api.client, this.api.accountId] as const,
  });

  /** The viewer, to know their own row (nobody removes themselves). */
  private readonly viewer = new SignedInPerson(this, this.api);

  /** The rows' keyboard moves and the group names of an "N groups" cell: with the first page (see row-behaviour.ts). */
  private rowFocus?: RowFocusController;
  private groupTooltip?: GroupTooltipController;
  private rowBehaviour?: Promise<void>;

  /** Each row's actions menu, what its items do, and why the last one failed. */
  private readonly rowActions = new RowActionsController(this, {
    api: this.api,
    viewerId: () => this.viewer.value?.user.id,
    userOf: (userId) => this.pageTask.value?.items.find((item) => item.id === userId),
    reload: () => this.refresh(),
    listKey: () => this.listKey,
  });

  /** The search box's text, which becomes `q` after a pause in typing. */
  private readonly search = new SearchBoxController(this, {
    applied: () => this.q,
    commit: (q) => this.commit({ q }),
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
    return (await this.rowFocus?.focusUser(userId)) ?? false;
  }

  /** Moves focus to the search box (when the list is shown). */
  focusSearch(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadRowBehaviour().catch(() => undefined);
  }

  /** Fetches what the rows need, once (again after a failure, which the page's task reports). */
  private loadRowBehaviour(): Promise<void> {
    this.rowBehaviour ??= import('./row-behaviour.ts').then(({ RowFocusController, GroupTooltipController }) => {
      this.rowFocus = new RowFocusController(this);
      this.groupTooltip = new GroupTooltipController(this);
    });
    this.rowBehaviour.catch(() => (this.rowBehaviour = undefined));
    return this.rowBehaviour;
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
    return validSort(this.sort);
  }
  private get effectiveOrder(): SortOrder {
    return validOrder(this.order);
  }
  private get effectivePageSize(): number {
    return validPageSize(this.pageSize);
  }
  private get effectiveStates(): MembershipState[] {
    return shownStates(this.states);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const accountId = this.api.accountId;
    // Group ids belong to one account: another account's list starts unfiltered.
    if (this.listAccountId !== undefined && accountId !== this.listAccountId) this.group = '';
    this.listAccountId = accountId;

    // The paging and the row actions' message follow it (see their `hostUpdate`).
    this.listKey = JSON.stringify([accountId, this.q, this.effectiveSort, this.effectiveOrder, this.effectivePageSize, this.effectiveStates, this.group]);
    // The host (or a committed search) changed `q`: the box shows it.
    if (changed.has('q')) this.search.show(this.q);
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
      ${error ? listNotShown(error, this.handleRetryClick) : html`${this.renderTable()}${this.renderFooter()}`}
      ${this.groupTooltip?.render()}
    </div>`;
  }

  private renderToolbar() {
    return toolbar({
      search: this.search,
      stateFilter: this.stateFilter.render(),
      groups: this.groupsTask.value ?? [],
      group: this.group,
      onGroupChange: this.handleGroupChange,
    });
  }

  private renderTable() {
    return usersTable({
      page: this.pageTask.value,
      loading: this.pageTask.status === TaskStatus.PENDING,
      skeleton: this.showsSkeleton,
      sort: this.effectiveSort,
      order: this.effectiveOrder,
      viewerId: this.viewer.value?.user.id,
      actionsOf: (user) => this.rowActions.renderMenu(user),
      onShowClick: this.rowActions.handleShowClick,
      onSortClick: this.handleSortClick,
    });
  }

  private renderFooter() {
    const page = this.pageTask.value;
    const loading = this.pageTask.status === TaskStatus.PENDING;
    const hasPrevious = this.paging.hasPrevious;
    const hasNext = !loading && Boolean(page?.nextCursor);
    // The pager's aria-disabled (not disabled) keeps focus on the button when the last page is reached.
    return html`<div part="footer" class="footer">
      <label class="field">
        <span class="label">${msg('Rows per page')}</span>
        <select part="page-size" class="control" @change=${this.handlePageSizeChange}>
          ${PAGE_SIZES.map((size) => html`<option value=${size} ?selected=${size === this.effectivePageSize}>${formatNumber(size)}</option>`)}
        </select>
      </label>
      <p class="range" role="status">${this.showsSkeleton ? msg('Loading users…') : page ? rangeText(page) : nothing}</p>
      <div class="pager">
        <button type="button" part="pager-button" class="button" data-page="previous" aria-disabled=${!hasPrevious || loading} @click=${this.handlePreviousClick}>
          ${msg('Previous')}
        </button>
        <button type="button" part="pager-button" class="button" data-page="next" aria-disabled=${!hasNext} @click=${this.handleNextClick}>
          ${msg('Next')}
        </button>
      </div>
    </div>`;
  }

  /** Applies a change the person made and tells the host. */
  private commit(changes: Partial<UsersTableState>) {
    Object.assign(this, changes);
    this.dispatchEvent(new UsersTableStateChangeEvent(this.tableState));
  }

  // Listeners handed to the templates are arrow functions, so they keep `this` wherever they are bound.

  private readonly handleGroupChange = (event: Event) => {
    this.commit({ group: (event.target as HTMLSelectElement).value });
  };

  private handlePageSizeChange(event: Event) {
    this.commit({ pageSize: Number((event.target as HTMLSelectElement).value) });
  }

  private readonly handleSortClick = (event: Event) => {
    const key = (event.currentTarget as HTMLElement).dataset.sort as UserSortKey;
    if (key === this.effectiveSort) this.commit({ order: this.effectiveOrder === 'asc' ? 'desc' : 'asc' });
    else this.commit({ sort: key, order: 'asc' });
  };

  private handleNextClick() {
    const next = this.pageTask.value?.nextCursor;
    if (!next || this.pageTask.status === TaskStatus.PENDING) return;
    this.paging.next(next);
  }

  private handlePreviousClick() {
    if (this.pageTask.status !== TaskStatus.PENDING) this.paging.previous();
  }

  private readonly handleRetryClick = () => {
    void this.pageTask.run();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'users-table': UsersTable;
  }
}
