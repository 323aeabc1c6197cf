import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RemoveUserRequestEvent, UserRemovedEvent } from '../events.ts';
import '../remove-user-dialog/remove-user-dialog.ts';
import type { RemoveUserDialog } from '../remove-user-dialog/remove-user-dialog.ts';
import '../users-table/users-table.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import { usersSettingsStyles } from './users-settings.styles.ts';

/** The parts of the inner `<users-table>` that a host can style through this element. */
const TABLE_PARTS = [
  'toolbar', 'search', 'state-filter', 'group-filter', 'table-wrap', 'table', 'header', 'sort-button', 'row',
  'skeleton-row', 'avatar', 'badge', 'group-count', 'tooltip', 'empty', 'message', 'footer', 'page-size', 'pager-button',
  'actions-button', 'actions-menu', 'actions-menu-item',
].join(', ');

/** How long a success message stays. */
const TOAST_MS = 5000;

/**
 * The whole Users settings screen of one account: title, description, the users table, the remove
 * dialog (opened from a row's actions menu) and a success message after each action.
 * Configure it with `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account whose users are managed (default: the provider's).
 *
 * @fires users-table-state-change - From the inner table; see `<users-table>`.
 * @fires remove-user-request - From the inner table; answered by opening the remove dialog.
 * @fires user-removed - {UserRemovedEvent} From the remove dialog; the table is refreshed and a message shown.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and description.
 * @csspart heading - The "Users" title (an `<h2>`).
 * @csspart description - The text under the title.
 * @csspart users-table - The `<users-table>`; its own parts are exported under the same names.
 * @csspart remove-dialog - The `<remove-user-dialog>`.
 * @csspart toast - The success message (a polite live region).
 *
 * @cssprop --roster-color-text - Text colour (see `<users-table>` for the full list of tokens).
 * @cssprop --roster-color-text-muted - The description's colour.
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@localized()
@customElement('users-settings')
export class UsersSettings extends LitElement {
  static override styles = usersSettingsStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account whose users are managed; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The success message shown now, if any. */
  @state() private toast = '';

  @query('users-table') private table!: UsersTable;
  @query('remove-user-dialog') private removeDialog!: RemoveUserDialog;

  private toastTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="heading">
      <header part="header">
        <h2 id="heading" part="heading">${msg('Users')}</h2>
        <p part="description" class="description">
          ${msg('Everyone who has access to this account or has been invited to it, with their state and groups.')}
        </p>
      </header>
      <users-table
        part="users-table"
        exportparts=${TABLE_PARTS}
        .apiBase=${this.apiBase}
        .accountId=${this.accountId}
        @remove-user-request=${this.handleRemoveRequest}
      ></users-table>
      <remove-user-dialog part="remove-dialog" .apiBase=${this.apiBase} @user-removed=${this.handleUserRemoved}></remove-user-dialog>
      <!-- The live region stays in the page so each new message is announced. -->
      <div role="status" class="toast-region">${this.toast ? html`<p part="toast" class="toast">${this.toast}</p>` : nothing}</div>
    </section>`;
  }

  private handleRemoveRequest(event: RemoveUserRequestEvent) {
    this.removeDialog.accountId = event.detail.accountId;
    this.removeDialog.show(event.detail.userId);
  }

  private handleUserRemoved(event: UserRemovedEvent) {
    const { userName, accountName } = event;
    this.showToast(userName && accountName ? msg(str`${userName} was removed from ${accountName}`) : msg('The user was removed'));
    void this.table.refresh();
  }

  private showToast(text: string) {
    clearTimeout(this.toastTimer);
    this.toast = text;
    this.toastTimer = setTimeout(() => (this.toast = ''), TOAST_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'users-settings': UsersSettings;
  }
}
