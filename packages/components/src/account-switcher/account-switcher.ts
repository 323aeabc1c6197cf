import { localized, msg, str } from '@lit/localize';
import type { Me, MeAccount } from '@roster/shared';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { setActiveAccount } from '../api/requests.ts';
import { RosterApiController, SignedInPerson } from '../api/roster-api-controller.ts';
import { AccountSwitchedEvent } from '../events.ts';
import { formatNumber, plural } from '../internal/format.ts';
import { problemText } from '../internal/problem-text.ts';
import { accountSwitcherStyles } from './account-switcher.styles.ts';

/** Case- and accent-blind, so "ecole" finds "École". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();

/**
 * The signed-in person's current account and a searchable list of the others (bundle
 * `account-switcher.js`; renders nothing for a person in one account or none). A button shows the
 * current account; it opens a popup with a search box (a combobox: type to filter by name; ArrowDown,
 * ArrowUp, Home and End move through the list while focus stays in the box; Enter switches; Escape
 * closes and gives focus back to the button) over a listbox of the accounts, each with whether the
 * person administers it. Tab or a click outside closes it.
 *
 * Inside a `<roster-provider>` it uses the provider's `me` and switches through it, so every Roster
 * element under that provider follows without a page load. Alone, it reads `GET /me` and switches with
 * `PUT /me/active-account` itself; the host then reloads what depends on the account.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires account-switched - {AccountSwitchedEvent} After the server made the chosen account the active one
 *   (`detail: { accountId, previousAccountId }`).
 *
 * @csspart button - The button showing the current account.
 * @csspart popup - The search box and the list.
 * @csspart search - The search box (the combobox).
 * @csspart listbox - The list of accounts.
 * @csspart option - Each account.
 * @csspart hint - "Administrator" / "Member" (and "current") beside a name.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark` (the viewer's choice); unset: the page's `color-scheme`. The `theme` attribute sets it.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - The hints' colour.
 * @cssprop --roster-color-surface - The background of the button's row and of the popup.
 * @cssprop --roster-color-surface-raised - Buttons, cards and messages.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - Links, main buttons and selection.
 * @cssprop --roster-color-on-accent - Text on main and destructive buttons.
 * @cssprop --roster-color-focus - The active option's outline.
 * @cssprop --roster-color-danger - Errors and destructive buttons.
 * @cssprop --roster-color-success - Success.
 * @cssprop --roster-color-warning - Warnings.
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@customElement('account-switcher')
@localized()
export class AccountSwitcher extends LitElement {
  static override styles = accountSwitcherStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  @state() private open = false;
  @state() private query = '';
  /** Index, in the filtered list, of the option that has virtual focus. */
  @state() private activeIndex = 0;
  @state() private busy = false;
  @state() private problem = '';
  /** What this element itself read or was answered, when no provider keeps the session. */
  @state() private ownMe?: Me;

  @query('.trigger') private trigger?: HTMLButtonElement;
  @query('.search') private search?: HTMLInputElement;

  private readonly api = new RosterApiController(this);

  private readonly person = new SignedInPerson(this, this.api);

  /** The person as the provider keeps them, or as this element read them (and, alone, after its own switch). */
  private get me(): Me | undefined {
    return (this.api.context?.switchAccount ? this.api.context.me : (this.ownMe ?? this.person.value)) ?? undefined;
  }

  /** The account the screen shows: the provider's (the host's `account-id` wins there), else the active one. */
  private get currentId(): string | null {
    return (this.api.context?.switchAccount && this.api.accountId) || this.me?.activeAccountId || null;
  }

  private get shownAccounts(): MeAccount[] {
    const accounts = this.me?.accounts ?? [];
    const wanted = folded(this.query.trim());
    return wanted ? accounts.filter((a) => folded(a.name).includes(wanted)) : accounts;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this.handleFocusOut);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('activeIndex' as keyof AccountSwitcher) || changed.has('query' as keyof AccountSwitcher)) {
      this.renderRoot.querySelector('.option.active')?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render() {
    const me = this.me;
    if (!me || me.accounts.length < 2) return nothing;
    const current = me.accounts.find((a) => a.id === this.currentId);
    return html`<button
        type="button"
        part="button"
        class="button trigger"
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.toggle}
        @keydown=${this.handleTriggerKeyDown}
      >
        <span class="trigger-label">${msg('Account')}</span>
        <span class="current">${current?.name ?? msg('Choose an account')}</span>
        <span aria-hidden="true">▾</span>
      </button>
      ${this.open ? this.renderPopup() : nothing}`;
  }

  private renderPopup() {
    const matches = this.shownAccounts;
    const active = matches[this.activeIndex];
    return html`<div part="popup" class="popup">
      <input
        part="search"
        class="control search"
        type="search"
        role="combobox"
        aria-label=${msg('Search accounts')}
        placeholder=${msg('Search accounts')}
        aria-expanded="true"
        aria-controls="accounts"
        aria-autocomplete="list"
        aria-activedescendant=${active ? `account-${active.id}` : nothing}
        autocomplete="off"
        .value=${this.query}
        ?disabled=${this.busy}
        @input=${this.handleInput}
        @keydown=${this.handleSearchKeyDown}
      />
      <ul part="listbox" class="listbox" id="accounts" role="listbox" aria-label=${msg('Your accounts')}>
        ${matches.map((account, index) => this.renderOption(account, index === this.activeIndex))}
      </ul>
      ${matches.length === 0 ? html`<p class="empty">${msg('No account matches.')}</p>` : nothing}
      <p class="visually-hidden" role="status">
        ${plural(matches.length, msg(str`${formatNumber(matches.length)} account`), msg(str`${formatNumber(matches.length)} accounts`))}
      </p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    </div>`;
  }

  private renderOption(account: MeAccount, active: boolean) {
    const role = account.isAdmin ? msg('Administrator') : msg('Member');
    return html`<li
      part="option"
      class="option ${active ? 'active' : ''}"
      id="account-${account.id}"
      role="option"
      aria-selected=${active ? 'true' : 'false'}
      aria-current=${account.id === this.currentId ? 'true' : nothing}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => void this.choose(account)}
    >
      <span class="option-name">${account.name}</span>
      <span part="hint" class="hint">${account.id === this.currentId ? msg(str`${role}, current`) : role}</span>
    </li>`;
  }

  private async toggle() {
    if (this.open) return this.close(true);
    this.open = true;
    this.query = '';
    this.problem = '';
    this.activeIndex = Math.max(0, this.shownAccounts.findIndex((a) => a.id === this.currentId));
    await this.updateComplete;
    // The list opens from the button's start; where that would run past the window, it opens from its end.
    const popup = this.renderRoot.querySelector<HTMLElement>('.popup')!;
    popup.classList.toggle('from-end', popup.getBoundingClientRect().right > document.documentElement.clientWidth);
    this.search?.focus();
  }

  private close(focusButton: boolean) {
    this.open = false;
    if (focusButton) this.trigger?.focus();
  }

  private handleTriggerKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' && !this.open) {
      event.preventDefault();
      void this.toggle();
    }
  }

  private handleInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.activeIndex = 0;
  }

  private handleSearchKeyDown(event: KeyboardEvent) {
    const last = this.shownAccounts.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, this.activeIndex + 1),
      ArrowUp: Math.max(0, this.activeIndex - 1),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.activeIndex = Math.max(0, moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const account = this.shownAccounts[this.activeIndex];
      if (account) void this.choose(account);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    }
  }

  /** Tab, or a click anywhere else, moves focus out: the popup closes (focus goes where the person sent it). */
  private readonly handleFocusOut = (event: FocusEvent) => {
    if (this.open && !this.busy && !this.contains(event.relatedTarget as Node | null) && !this.renderRoot.contains(event.relatedTarget as Node | null)) {
      this.close(false);
    }
  };

  private async choose(account: MeAccount) {
    const previousAccountId = this.currentId;
    if (this.busy) return;
    if (account.id === previousAccountId) return this.close(true);
    this.busy = true;
    this.problem = '';
    try {
      const provided = this.api.context?.switchAccount;
      if (provided) await provided(account.id);
      else this.ownMe = await setActiveAccount(this.api.client, account.id);
      this.busy = false;
      this.close(true);
      this.dispatchEvent(new AccountSwitchedEvent({ accountId: account.id, previousAccountId }));
    } catch (error) {
      this.busy = false;
      this.problem = problemText(toApiError(error), (serverText) => msg(str`The account could not be switched: ${serverText}`));
      await this.updateComplete;
      this.search?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'account-switcher': AccountSwitcher;
  }
}
