import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { UserDetails } from '@roster/shared';
import { html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { setUserBlocked } from '../api/membership-requests.ts';
import { UserBlockedEvent, UserUnblockedEvent } from '../events.ts';
import { formatList, fullName } from '../internal/format.ts';
import { loadingPlaceholder } from '../internal/member-details.ts';
import { PersonDialog } from '../internal/person-dialog.ts';
import { problemText } from '../internal/problem-text.ts';
import { blockUserDialogStyles } from './block-user-dialog.styles.ts';

/**
 * Confirms blocking or unblocking one person in an account, naming the person, the account and the
 * consequence. Which of the two it asks follows the person's state: a Blocked person is offered
 * Unblock, anyone else Block. A blocked person keeps their sign-in, their groups and their other
 * accounts, but has no access to this account until unblocked.
 *
 * Open it with `show(userId)` or the `open` attribute; configure it with `api-base` / `account-id`,
 * or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account to block the person in (default: the provider's).
 * @attr user-id - The person to block or unblock.
 * @attr account-name - The account's name as shown; looked up in `GET /me` when unset.
 * @attr open - Whether the dialog is shown (reflects).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires user-blocked - {UserBlockedEvent} The person was blocked; `detail` is `{ accountId, userId }`.
 * @fires user-unblocked - {UserUnblockedEvent} The person was unblocked; `detail` is `{ accountId, userId }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The "Block …?" or "Unblock …?" title.
 * @csspart consequence - What blocking or unblocking does.
 * @csspart reason - Why the person cannot be blocked, when they cannot.
 * @csspart error - The message of a failed load or a refused change.
 * @csspart cancel-button - The Cancel button.
 * @csspart confirm-button - The Block (destructive) or Unblock button.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The dialog's background.
 * @cssprop --roster-color-surface-raised - Messages and the Cancel button.
 * @cssprop --roster-color-border - Lines and button borders.
 * @cssprop --roster-color-accent - The Unblock button.
 * @cssprop --roster-color-on-accent - Text on the Block and Unblock buttons.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - The Block button and errors.
 * @cssprop --roster-color-success - Success.
 * @cssprop --roster-color-warning - Warnings.
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 * @cssprop --roster-dialog-shadow - The dialog's shadow (`0 16px 48px rgb(0 0 0 / 0.25)`).
 * @cssprop --roster-color-backdrop - What covers the page behind the dialog (`rgb(0 0 0 / 0.4)`).
 */
@customElement('block-user-dialog')
@localized()
export class BlockUserDialog extends PersonDialog {
  static override styles = blockUserDialogStyles;

  @query('.cancel') private cancelButton!: HTMLButtonElement;

  /** Opening starts on Cancel, the safe choice. */
  protected override focusInitial() {
    this.cancelButton.focus();
  }

  /** The person's details and, unless `account-name` is set, the account's name. */
  private readonly detailsTask = new Task(this, {
    task: async ([, accountId, userId, , load], { signal }) => (load && accountId && userId ? this.loadMember(signal) : initialState),
    args: () => this.loadArgs,
  });

  protected override render() {
    const loaded = this.detailsTask.status === TaskStatus.COMPLETE ? this.detailsTask.value : undefined;
    const details = loaded?.details;
    const loadError = this.detailsTask.status === TaskStatus.ERROR ? toApiError(this.detailsTask.error) : undefined;
    const unblocking = details?.state === 'blocked';
    // A refusal (4xx) will not change by trying again; a network failure may.
    const refused = this.error !== undefined && this.error.status >= 400 && this.error.status < 500;
    const allowed = unblocking || Boolean(details?.blocking.allowed);
    const canConfirm = Boolean(details) && allowed && !refused && !this.busy;
    const name = details ? fullName(details) : '';
    return html`<dialog part="dialog" aria-labelledby="heading" aria-describedby=${details ? 'consequence' : nothing} @cancel=${this.modal.handleCancel} @close=${this.modal.handleClose}>
      <h2 id="heading" part="heading">
        ${!details ? msg('Block user?') : unblocking ? msg(str`Unblock ${name}?`) : msg(str`Block ${name}?`)}
      </h2>
      ${loadError
        ? html`<p part="error" class="message error" role="alert">${msg(str`The details could not be loaded: ${loadError.message}`)}</p>`
        : details
          ? this.renderConsequence(details, loaded.accountName, unblocking)
          : loadingPlaceholder()}
      ${this.error ? html`<p part="error" class="message error" role="alert">${problemText(this.error)}</p>` : nothing}
      <div class="actions">
        <button type="button" part="cancel-button" class="button cancel" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel')}</button>
        <button
          type="button"
          part="confirm-button"
          class="button confirm ${unblocking ? 'primary' : 'danger'}"
          ?disabled=${!canConfirm}
          @click=${this.handleConfirmClick}
        >
          ${unblocking ? (this.busy ? msg('Unblocking…') : msg('Unblock')) : this.busy ? msg('Blocking…') : msg('Block')}
        </button>
      </div>
    </dialog>`;
  }

  private renderConsequence(details: UserDetails, account: string, unblocking: boolean) {
    const name = fullName(details);
    const groups = formatList(details.groups.map((group) => group.name));
    return html`<p id="consequence" part="consequence">
        ${unblocking
          ? msg(str`${name} (${details.email}) will have access to ${account} again.`)
          : msg(str`${name} (${details.email}) will have no access to ${account} until unblocked; their sign-in, groups and other accounts stay.`)}
      </p>
      ${details.groups.length > 0
        ? html`<p class="muted">${unblocking ? msg(str`Their groups, unchanged: ${groups}.`) : msg(str`Their groups, kept while blocked: ${groups}.`)}</p>`
        : nothing}
      ${unblocking || details.blocking.allowed
        ? nothing
        : html`<p part="reason" class="message reason">${blockingReason(details, account)}</p>`}`;
  }

  private async handleConfirmClick() {
    const accountId = this.api.accountId;
    const { userId } = this;
    const loaded = this.detailsTask.value;
    if (!accountId || !userId || !loaded || this.busy) return;
    const block = loaded.details.state !== 'blocked';
    this.busy = true;
    this.error = undefined;
    try {
      await setUserBlocked(this.api.client, accountId, userId, block);
      this.busy = false;
      this.open = false;
      const names = [fullName(loaded.details), loaded.accountName] as const;
      this.dispatchEvent(block ? new UserBlockedEvent({ accountId, userId }, ...names) : new UserUnblockedEvent({ accountId, userId }, ...names));
    } catch (error) {
      this.busy = false;
      this.error = toApiError(error);
      await this.updateComplete;
      this.cancelButton.focus();
    }
  }
}

function blockingReason(details: UserDetails, account: string): string {
  const name = fullName(details);
  switch (details.blocking.reason) {
    case 'self':
      return msg('You cannot block yourself.');
    case 'last_administrator':
      return msg(str`${name} is the last administrator of ${account}. Make someone else an administrator first.`);
    case 'invited':
      return msg(str`${name} has not joined ${account} yet. Remove them instead: their invitation is withdrawn and its link stops working.`);
    case 'already_removed':
      return msg(str`${name} is no longer in ${account}.`);
    default:
      return msg('You cannot block this person.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'block-user-dialog': BlockUserDialog;
  }
}
