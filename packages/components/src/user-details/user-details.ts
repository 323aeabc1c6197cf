import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { UserDetails as Details } from '@roster/shared';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { getUserDetails } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { RemoveUserRequestEvent, UserActionRequestEvent, type UserRef } from '../events.ts';
import { copyText } from '../internal/clipboard.ts';
import { deepActiveElement } from '../internal/dom.ts';
import { fullName } from '../internal/format.ts';
import { loadingPlaceholder } from '../internal/member-details.ts';
import { problemText } from '../internal/problem-text.ts';
import { invitationActionError, type InvitationAction } from './labels.ts';
import { HistoryController } from './history.ts';
import { actionsOf, missingActionsNote, runInvitationAction, type DetailsAction } from './actions.ts';
import { datesList, groupsSection, identity, permissionsSection } from './templates.ts';
import { userDetailsStyles } from './user-details.styles.ts';

/**
 * One person's page in an account: who they are (picture or initials, name, email, state), the
 * dates that apply (invited, joined, last sign-in, invitation expiry, removed), their user id with a
 * Copy button, their groups each with what it grants, the union of those permissions, their history
 * (the account's audit events about them, newest first, "Show older" for more) and the actions that
 * apply to them.
 *
 * Edit groups, Block, Unblock and Remove only ask the host, with the same events as the users table's
 * row menu (`<users-settings>` answers by opening the dialog, then calls `refresh()`); Copy invitation
 * link, Resend invitation and Send new invitation are done here, like in the row menu, and reported
 * with the same events. Only the actions that apply are shown. Administrators only: the BFF refuses
 * everyone else.
 *
 * Configure it with `api-base`, `account-id` and `user-id`, or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account the person is seen in (default: the provider's).
 * @attr user-id - The person.
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @prop refresh - `refresh()` loads the person and their history again (after a change).
 *
 * @fires edit-user-request - {UserActionRequestEvent} Edit groups was chosen; `detail` is `{ accountId, userId }`.
 * @fires block-user-request - {UserActionRequestEvent} Block was chosen.
 * @fires unblock-user-request - {UserActionRequestEvent} Unblock was chosen.
 * @fires remove-user-request - {RemoveUserRequestEvent} Remove was chosen.
 * @fires invitation-link-copied - {InvitationLinkCopiedEvent} The person's invitation link is on the clipboard.
 * @fires invitation-resent - {InvitationResentEvent} Their invitation was emailed again and its expiry reset.
 * @fires invitation-renewed - {InvitationRenewedEvent} Their expired invitation was replaced by a new one.
 *
 * @csspart base - The wrapper of everything.
 * @csspart avatar - The picture, or the initials under it.
 * @csspart name - The person's name (an `<h2>`).
 * @csspart badge - Their state.
 * @csspart actions - The row of action buttons.
 * @csspart action-button - Each action button (Remove also has `danger`).
 * @csspart action-error - Why an invitation action failed.
 * @csspart actions-note - Why Block and Remove are missing, on your own page (or for the only administrator).
 * @csspart dates - The list of dates.
 * @csspart user-id - The user id.
 * @csspart copy-button - The Copy button of the user id.
 * @csspart groups - The groups, each with what it grants.
 * @csspart permissions - The union of the groups' permissions.
 * @csspart history - The history section.
 * @csspart history-event - One event of the history.
 * @csspart older-button - "Show older".
 * @csspart error - Why the person could not be loaded.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text (permission ids, dates of events).
 * @cssprop --roster-color-surface - Background of buttons and the avatar's ring.
 * @cssprop --roster-color-surface-raised - Sections and buttons.
 * @cssprop --roster-color-border - Lines and button borders.
 * @cssprop --roster-color-accent - Edit groups, the Invited badge.
 * @cssprop --roster-color-on-accent - Text on Edit groups and Remove.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Remove, the Blocked badge and errors.
 * @cssprop --roster-color-success - The Active badge.
 * @cssprop --roster-color-warning - The Invitation expired badge.
 * @cssprop --roster-color-skeleton - Loading placeholders, the initials' background.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 * @cssprop --roster-font-family-mono - Identifiers and links (`ui-monospace, SFMono-Regular, Menlo, monospace`).
 */
@customElement('user-details')
@localized()
export class UserDetails extends LitElement {
  static override styles = userDetailsStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account the person is seen in; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The person. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** What the Copy button of the user id last did, said politely. */
  @state() private copyStatus = '';
  /** Why the last invitation action failed. */
  @state() private actionError = '';
  /** An invitation action is under way: its button waits. */
  @state() private runningAction?: InvitationAction;
  /** Counts `refresh()` calls, so each one reads the person afresh. */
  @state() private loads = 0;

  private readonly api = new RosterApiController(this);

  private readonly detailsTask = new Task(this, {
    task: async ([client, accountId, userId], { signal }) => {
      if (!accountId || !userId) return initialState;
      return getUserDetails(client, accountId, userId, signal);
    },
    args: () => [this.api.client, this.api.accountId, this.userId, this.loads] as const,
  });

  private readonly history = new HistoryController(this, () => {
    const accountId = this.api.accountId;
    return accountId && this.userId ? { client: this.api.client, accountId, userId: this.userId } : undefined;
  });

  /** What the history was last loaded for, so it loads again only when the person (or a refresh) changes. */
  private historyKey = '';

  /** Loads the person and their history again, e.g. after a dialog changed them. */
  async refresh(): Promise<void> {
    this.loads += 1;
    await this.updateComplete;
    await this.detailsTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.keepFocus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userId')) {
      this.copyStatus = '';
      this.actionError = '';
    }
    // Before rendering, so the history shows as loading in the same update.
    const key = `${this.api.accountId}|${this.userId}|${this.loads}`;
    if (key === this.historyKey || !this.api.accountId || !this.userId) return;
    this.historyKey = key;
    void this.history.reload();
  }

  protected override render() {
    const loading = this.detailsTask.status === TaskStatus.PENDING || this.detailsTask.status === TaskStatus.INITIAL;
    // While a refresh runs, the person as last read stays on screen.
    const details = this.detailsTask.value;
    if (this.detailsTask.status === TaskStatus.ERROR) return this.renderLoadError();
    if (!details) return html`<div part="base" class="base" aria-busy=${loading ? 'true' : 'false'}>${loadingPlaceholder()}</div>`;
    return html`<article part="base" class="base" aria-labelledby="name">
      ${identity(details)} ${this.renderActions(details)}
      <div class="columns">
        <div class="column">
          <section class="section" aria-labelledby="dates-heading">
            <h3 id="dates-heading">${msg('Details')}</h3>
            ${datesList(details, this.renderUserId(details))}
          </section>
          ${groupsSection(details)} ${permissionsSection(details)}
        </div>
        <div class="column">${this.history.render()}</div>
      </div>
    </article>`;
  }

  private renderLoadError() {
    const error = toApiError(this.detailsTask.error);
    const text =
      error.code === 'not_found'
        ? msg('This person was not found in this account.')
        : error.code === 'forbidden'
          ? msg('You need administrator rights to see this person.')
          : problemText(error, (serverText) => msg(str`The person could not be loaded: ${serverText}`));
    return html`<div part="base" class="base">
      <div part="error" class="message error load-error" role="alert">
        <p>${text}</p>
        <button type="button" class="button" @click=${this.refresh}>${msg('Try again')}</button>
      </div>
    </div>`;
  }

  private renderUserId(details: Details) {
    return html`<span class="user-id-line">
      <code part="user-id" class="user-id">${details.id}</code>
      <button type="button" part="copy-button" class="button small" aria-describedby="user-id-label" @click=${this.handleCopyId}>
        ${msg('Copy')}
      </button>
      <span class="copy-status muted" role="status">${this.copyStatus}</span>
    </span>`;
  }

  /** The buttons are one list rendered by position, so one that changes (Block → Unblock) keeps focus. */
  private renderActions(details: Details) {
    const actions = actionsOf(details);
    const note = missingActionsNote(details);
    return html`${actions.length > 0
        ? html`<div part="actions" class="actions" role="group" aria-label=${msg('Actions')}>
            ${actions.map(
              (action) =>
                html`<button
                  type="button"
                  part="action-button ${action.id === 'remove' ? 'danger' : ''}"
                  class="button ${action.id === 'remove' ? 'danger' : action.id === 'edit' ? 'primary' : ''}"
                  data-action=${action.id}
                  aria-disabled=${this.runningAction === action.id ? 'true' : 'false'}
                  @click=${() => this.handleAction(details, action.id)}
                >
                  ${action.label}
                </button>`,
            )}
          </div>`
        : nothing}
      ${note ? html`<p part="actions-note" class="muted actions-note">${note}</p>` : nothing}
      ${this.actionError ? html`<p part="action-error" class="message error action-error" role="alert">${this.actionError}</p>` : nothing}`;
  }

  private async handleCopyId() {
    const id = this.detailsTask.value?.id;
    if (!id) return;
    // Cleared first, so copying twice announces it twice.
    this.copyStatus = '';
    await this.updateComplete;
    this.copyStatus = (await copyText(id)) ? msg('Copied') : msg('The browser did not allow copying; select the id to copy it.');
  }

  private async handleAction(details: Details, action: DetailsAction) {
    const accountId = this.api.accountId;
    if (!accountId || this.runningAction) return;
    const ref: UserRef = { accountId, userId: details.id };
    this.actionError = '';
    if (action === 'remove') return void this.dispatchEvent(new RemoveUserRequestEvent(ref));
    if (action === 'edit' || action === 'block' || action === 'unblock') return void this.dispatchEvent(new UserActionRequestEvent(action, ref));
    const name = fullName(details);
    this.runningAction = action;
    try {
      const outcome = await runInvitationAction(this.api.client, action, ref, name);
      if (typeof outcome === 'string') {
        this.actionError = msg(str`The browser did not allow copying. The invitation link of ${name} is ${outcome}`);
      } else {
        this.dispatchEvent(outcome);
        if (action !== 'copy-link') await this.refresh();
      }
    } catch (error) {
      this.actionError = invitationActionError(action, toApiError(error), name);
      // Out of date (expired, renewed or ended meanwhile): show the person as they are now.
      await this.refresh();
    } finally {
      this.runningAction = undefined;
    }
  }

  /**
   * When the focused button went away with a refresh (its action no longer applies: the person was
   * removed, an invitation renewed), focus goes to the name rather than being lost on the page.
   */
  private keepFocus() {
    const focused = deepActiveElement();
    if (!focused || focused === document.body) this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-details': UserDetails;
  }
}
