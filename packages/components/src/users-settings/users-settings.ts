import { localized, msg, str } from '@lit/localize';
import type { MembershipState } from '@roster/shared';
import { DEFAULT_LIST_STATES, MEMBERSHIP_STATES } from '@roster/shared/values';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AddUsersDialog } from '../add-users-dialog/add-users-dialog.ts';
import type {
  InvitationLinkCopiedEvent,
  InvitationRenewedEvent,
  InvitationResentEvent,
  RemoveUserRequestEvent,
  UserActionRequestEvent,
  UserChangedEvent,
  UsersInvitedEvent,
  ViewUserRequestEvent,
} from '../events.ts';
import { RosterApiController, SignedInPerson } from '../api/roster-api-controller.ts';
import { formatNumber, plural } from '../internal/format.ts';
import { LocaleController } from '../internal/locale.ts';
import '../users-table/users-table.ts';
import { USERS_TABLE_PARTS } from '../users-table/parts.ts';
import type { UsersTable } from '../users-table/users-table.ts';
import { usersSettingsStyles } from './users-settings.styles.ts';

/** The inner table's parts, which a host styles through this element under the same names. */
const TABLE_PARTS = USERS_TABLE_PARTS.join(', ');

/**
 * The dialogs' code is fetched when one is first needed: the screen's first paint does without it
 * (`roster.js` stays small). A host that loaded a dialog itself has it defined, and it opens at once.
 */
const DIALOG_MODULES = {
  'add-users-dialog': () => import('../add-users-dialog/add-users-dialog.ts'),
  'remove-user-dialog': () => import('../remove-user-dialog/remove-user-dialog.ts'),
  'edit-user-dialog': () => import('../edit-user-dialog/edit-user-dialog.ts'),
  'block-user-dialog': () => import('../block-user-dialog/block-user-dialog.ts'),
  'user-details-dialog': () => import('../user-details/user-details-dialog.ts'),
  // Not a dialog, but loaded the same way: what members, people without an account, and people
  // who lost theirs see (most visits are an administrator's).
  'roster-member-view': () => import('../member-view/member-view.ts'),
};

/** Which dialog answers each request of the table (a name, a row menu's item) and of the person's page. */
const REQUEST_DIALOGS = {
  'show-user-request': 'user-details-dialog',
  'remove-user-request': 'remove-user-dialog',
  'edit-user-request': 'edit-user-dialog',
  // One dialog for both: it asks Block or Unblock from the person's state.
  'block-user-request': 'block-user-dialog',
  'unblock-user-request': 'block-user-dialog',
} as const;

/** How long a success message stays. */
const TOAST_MS = 5000;

/**
 * The whole Users settings screen of one account: title, description, the "Add users" button and its
 * wizard, the users table, a person's page (opened from their name), the edit, block and remove dialogs (opened
 * from a row's actions menu or the person's page) and a success message after each action.
 * Only an administrator of the account gets that: anyone else sees the member view instead (who they
 * are in the account, their groups and permissions, whom to ask), or "You don't belong to any account
 * yet", and the screen sends no request they would be refused. When the person's active account was
 * lost (`me.lostAccount`), a message says so until dismissed; `welcome` greets them in a new account.
 * The person comes from the provider's `me`, or is read (`GET /me`) by the element when alone.
 * Configure it with `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account whose users are managed (default: the provider's).
 * @attr locale - The language to speak (`fr`, `de-CH`…); unset: the page's `lang`, else the signed-in person's (see the README's Languages).
 * @attr welcome - The id of an account the person just joined (e.g. the host's `?welcome=<accountId>`
 *   after `<invitation-response>`): while it is the shown account, the screen says "Welcome to <account>"
 *   until dismissed (the property is then unset).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires users-table-state-change - From the inner table; see `<users-table>`.
 * @fires show-user-request - {UserActionRequestEvent} From the inner table (a person's name); answered by opening the
 *   person's page, `<user-details>` in a dialog (loaded on first use: `user-details.js`). Its Edit groups, Block,
 *   Unblock and Remove open their dialogs above it, and after a change both the table and the page load again;
 *   closing it gives focus back to the name.
 * @fires remove-user-request - From the inner table or the person's page; answered by opening the remove dialog.
 * @fires user-removed - {UserRemovedEvent} From the remove dialog; the table is refreshed and a message shown. Focus
 *   stays in the table: on the person's row (now Removed, when Removed people are shown) or the row now in its place.
 * @fires edit-user-request - From the inner table or the person's page; answered by opening the edit dialog.
 * @fires block-user-request - From the inner table or the person's page; answered by opening the block dialog.
 * @fires unblock-user-request - From the inner table or the person's page; answered by opening the block dialog, which then asks to unblock.
 * @fires user-updated - {UserUpdatedEvent} From the edit dialog; the table is refreshed and a message shown.
 * @fires user-blocked - {UserBlockedEvent} From the block dialog; the table is refreshed and a message shown.
 * @fires user-unblocked - {UserUnblockedEvent} From the block dialog; the table is refreshed and a message shown.
 * @fires users-invited - {UsersInvitedEvent} From the add dialog; the table is refreshed and a message shown.
 * @fires view-user-request - {ViewUserRequestEvent} From the add dialog; answered by finding the person in the table
 *   (searched for by email, all groups, Invited and expired added to the state filter) and focusing their row.
 * @fires invitation-link-copied - From the inner table or the person's page; a message is shown.
 * @fires invitation-resent - From the inner table or the person's page; a message is shown (and the rows load again).
 * @fires invitation-renewed - From the inner table or the person's page; a message is shown (and the rows load again).
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title, description and the Add users button.
 * @csspart add-button - The "Add users" button.
 * @csspart add-dialog - The `<add-users-dialog>`.
 * @csspart heading - The "Users" title (an `<h2>`).
 * @csspart description - The text under the title.
 * @csspart users-table - The `<users-table>`; its own parts are exported under the same names.
 * @csspart details-dialog - The `<user-details-dialog>`: the person's page.
 * @csspart remove-dialog - The `<remove-user-dialog>`.
 * @csspart edit-dialog - The `<edit-user-dialog>`.
 * @csspart block-dialog - The `<block-user-dialog>` (Block and Unblock).
 * @csspart toast - The success message (a polite live region).
 * @csspart notice - The lost-account or welcome message, with its dismiss button.
 * @csspart member-view - What a person who does not administer the account sees instead of the list.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark` (the viewer's choice); unset: the page's `color-scheme`. The `theme` attribute sets it.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - The description's colour.
 * @cssprop --roster-color-surface - The background the element paints (so its text keeps its contrast on any page).
 * @cssprop --roster-color-surface-raised - Buttons, cards and messages.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - Links, main buttons and selection.
 * @cssprop --roster-color-on-accent - Text on main and destructive buttons.
 * @cssprop --roster-color-focus - Focus rings.
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
@customElement('users-settings')
@localized()
export class UsersSettings extends LitElement {
  static override styles = usersSettingsStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account whose users are managed; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The language to speak; unset: the page's `lang`, else the signed-in person's display language. */
  @property() locale?: string;

  /** The id of an account the person just joined: greeted while it is the one shown. */
  @property() welcome?: string;

  /** Dismissed here (no provider to keep it): the lost-account message is not shown again. */
  @state() private lostSeen = false;

  /** The success message shown now, if any. */
  @state() private toast = '';

  @query('users-table') private table!: UsersTable;
  @query('add-users-dialog') private addDialog!: AddUsersDialog;

  private toastTimer?: ReturnType<typeof setTimeout>;
  /** The member view's code was asked for (once: a failure says so once, not at every render). */
  private memberViewAsked = false;

  private readonly api = new RosterApiController(this);
  protected readonly language = new LocaleController(this);

  constructor() {
    super();
    // On the host, not the table: the person's page inside asks for the same dialogs.
    for (const type in REQUEST_DIALOGS) this.addEventListener(type, (event) => this.handlePersonRequest(event as UserActionRequestEvent));
  }

  /** The signed-in person: undefined while loading, null when they could not be read. */
  private readonly person = new SignedInPerson(this, this.api);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
  }

  // The toast's live region stays in the page, so each new message is announced. (A JS comment, not
  // an HTML one: what is in the template ships in roster.js.)
  protected override render() {
    const me = this.person.value;
    const account = me?.accounts.find((a) => a.id === this.api.accountId);
    // The list only for an administrator, or when the person is unknown (the table then says why).
    const manages = me === null || account?.isAdmin;
    const welcome = account && this.welcome === account.id ? account : undefined;
    const lost = this.lostSeen ? null : me?.lostAccount;
    if (me && (!manages || welcome || lost) && !this.memberViewAsked) {
      this.memberViewAsked = true;
      this.whenDefined('roster-member-view', () => {});
    }
    // The invitation events come from the table's rows and from the person's page, so they are heard here.
    return html`<section
      part="base"
      class="base"
      aria-labelledby=${manages ? 'heading' : nothing}
      @invitation-link-copied=${this.handleLinkCopied}
      @invitation-resent=${this.handleInvitationResent}
      @invitation-renewed=${this.handleInvitationRenewed}
    >
      ${me && (lost || welcome)
        ? html`<roster-account-notice part="notice" .me=${me} .lost=${lost} .welcome=${welcome} @dismiss=${this.handleNoticeDismiss}></roster-account-notice>`
        : nothing}
      ${manages
        ? this.renderList(account?.isAdmin)
        : me
          ? html`<roster-member-view part="member-view" .me=${me} .account=${account} .apiBase=${this.apiBase}></roster-member-view>`
          : html`<p role="status" class="description">${msg('Loading…')}</p>`}
      <div role="status" class="toast-region">${this.toast ? html`<p part="toast" class="toast">${this.toast}</p>` : nothing}</div>
    </section>`;
  }

  /**
   * The administrators' screen: header, table, and the dialogs the table's actions open. The table is
   * given the account this screen decided on, not left to follow the provider: after a switch to an
   * account the person does not administer, it must not load that account's list before it goes.
   */
  private renderList(admin?: boolean) {
    return html`<header part="header" class="header">
        <div>
          <h2 id="heading" part="heading">${msg('Users')}</h2>
          <p part="description" class="description">
            ${msg('Everyone who has access to this account or has been invited to it, with their state and groups.')}
          </p>
        </div>
        ${admin ? html`<button type="button" part="add-button" class="button primary" @click=${this.handleAddClick}>${msg('Add users')}</button>` : nothing}
      </header>
      <users-table
        part="users-table"
        exportparts=${TABLE_PARTS}
        .apiBase=${this.apiBase}
        .accountId=${this.api.accountId}
      ></users-table>
      <user-details-dialog part="details-dialog" .apiBase=${this.apiBase}></user-details-dialog>
      <remove-user-dialog part="remove-dialog" .apiBase=${this.apiBase} @user-removed=${this.handleUserChanged}></remove-user-dialog>
      <edit-user-dialog part="edit-dialog" .apiBase=${this.apiBase} @user-updated=${this.handleUserChanged}></edit-user-dialog>
      <block-user-dialog part="block-dialog" .apiBase=${this.apiBase} @user-blocked=${this.handleUserChanged} @user-unblocked=${this.handleUserChanged}></block-user-dialog>
      <add-users-dialog
        part="add-dialog"
        .apiBase=${this.apiBase}
        .accountId=${this.accountId}
        @users-invited=${this.handleUsersInvited}
        @view-user-request=${this.handleViewUser}
      ></add-users-dialog>`;
  }

  /** The person read the lost-account or welcome message: it goes (the provider forgets the loss for every element). */
  private handleNoticeDismiss() {
    this.welcome = undefined;
    const dismiss = this.api.context?.dismissLostAccount;
    if (dismiss) dismiss();
    else this.lostSeen = true;
  }

  /**
   * A name in the table (the person's page), or Remove, Edit groups, Block or Unblock in a row's menu
   * or on that page: the dialog that shows, or asks and does it, opens for that person, above the page.
   */
  private handlePersonRequest(event: RemoveUserRequestEvent | UserActionRequestEvent) {
    const tag = REQUEST_DIALOGS[event.type as keyof typeof REQUEST_DIALOGS];
    this.whenDefined(tag, () => {
      const dialog = this.renderRoot.querySelector(tag)!;
      dialog.accountId = event.detail.accountId;
      dialog.show(event.detail.userId);
    });
  }

  /** A dialog removed, edited, blocked or unblocked someone: say so, and show the rows as they now are. */
  private handleUserChanged(event: UserChangedEvent) {
    const { userName: name, accountName: account } = event;
    this.showToast(
      event.type === 'user-removed'
        ? msg(str`${name} was removed from ${account}`)
        : event.type === 'user-updated'
          ? msg(str`Groups of ${name} saved`)
          : event.type === 'user-blocked'
            ? msg(str`${name} was blocked in ${account}`)
            : msg(str`${name} was unblocked in ${account}`),
    );
    void this.table.refresh();
    void this.renderRoot.querySelector('user-details-dialog')!.refresh?.();
  }

  private handleAddClick() {
    this.whenDefined('add-users-dialog', () => this.addDialog.show());
  }

  /** Runs `use` once the dialog's element is defined: at once if it is, else after fetching its code. */
  private whenDefined(tag: keyof typeof DIALOG_MODULES, use: () => void) {
    if (customElements.get(tag)) {
      use();
      return;
    }
    DIALOG_MODULES[tag]().then(use, () => this.showToast(msg('This part of the screen could not be loaded. Try again.')));
  }

  private handleUsersInvited(event: UsersInvitedEvent) {
    const count = event.detail.userIds.length;
    this.showToast(plural(count, msg(str`${formatNumber(count)} person invited`), msg(str`${formatNumber(count)} people invited`)));
    void this.table.refresh();
  }

  /**
   * Shows the person in the table and moves focus to their row: searched for by email in all groups,
   * with the viewer's state filter widened only as far as an invitation needs (Invited and expired).
   * When the row is not there after all, focus goes to the search box, which shows what was searched.
   */
  private async handleViewUser(event: ViewUserRequestEvent) {
    const table = this.table;
    const shown = new Set<MembershipState>(table.states.length > 0 ? table.states : DEFAULT_LIST_STATES);
    shown.add('invited');
    shown.add('expired');
    table.states = MEMBERSHIP_STATES.filter((s) => shown.has(s));
    table.group = '';
    table.q = event.email;
    if (!(await table.focusUser(event.detail.userId))) table.focusSearch();
  }

  private handleLinkCopied(event: InvitationLinkCopiedEvent) {
    this.showToast(event.userName ? msg(str`Invitation link of ${event.userName} copied`) : msg('Invitation link copied'));
  }

  private handleInvitationResent(event: InvitationResentEvent) {
    this.showToast(event.userName ? msg(str`Invitation sent again to ${event.userName}`) : msg('Invitation sent again'));
    this.refreshTableAfter(event);
  }

  private handleInvitationRenewed(event: InvitationRenewedEvent) {
    this.showToast(event.userName ? msg(str`New invitation sent to ${event.userName}`) : msg('New invitation sent'));
    this.refreshTableAfter(event);
  }

  /** The table loads its rows again after its own invitation actions; after the person's page's, it is told to. */
  private refreshTableAfter(event: Event) {
    if (event.target !== this.table) void this.table.refresh();
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
