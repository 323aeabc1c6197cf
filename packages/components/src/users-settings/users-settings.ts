import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../users-table/users-table.ts';
import { usersSettingsStyles } from './users-settings.styles.ts';

/** The parts of the inner `<users-table>` that a host can style through this element. */
const TABLE_PARTS = [
  'toolbar', 'search', 'state-filter', 'group-filter', 'table-wrap', 'table', 'header', 'sort-button', 'row',
  'skeleton-row', 'avatar', 'badge', 'group-count', 'tooltip', 'empty', 'message', 'footer', 'page-size', 'pager-button',
].join(', ');

/**
 * The whole Users settings screen of one account: title, description and the users table.
 * Configure it with `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account whose users are managed (default: the provider's).
 *
 * @fires users-table-state-change - From the inner table; see `<users-table>`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and description.
 * @csspart heading - The "Users" title (an `<h2>`).
 * @csspart description - The text under the title.
 * @csspart users-table - The `<users-table>`; its own parts are exported under the same names.
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

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="heading">
      <header part="header">
        <h2 id="heading" part="heading">${msg('Users')}</h2>
        <p part="description" class="description">
          ${msg('Everyone who has access to this account or has been invited to it, with their state and groups.')}
        </p>
      </header>
      <users-table part="users-table" exportparts=${TABLE_PARTS} .apiBase=${this.apiBase} .accountId=${this.accountId}></users-table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'users-settings': UsersSettings;
  }
}
