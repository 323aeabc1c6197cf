import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { UserDetails } from '@roster/shared';
import { html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { removeUser } from '../api/requests.ts';
import { UserRemovedEvent } from '../events.ts';
import { formatDate, fullName } from '../internal/format.ts';
import { loadingPlaceholder } from '../internal/member-details.ts';
import { PersonDialog } from '../internal/person-dialog.ts';
import { permissionList } from '../internal/permissions.ts';
import { problemText } from '../internal/problem-text.ts';
import { removeUserDialogStyles } from './remove-user-dialog.styles.ts';

/**
 * Confirms the removal of one person from an account. Shows what the administrator must review
 * first: the groups the person will lose and the permissions each grants. Removal ends the membership
 * in this account only; the person's identity and other accounts stay.
 *
 * Open it with `show(userId)` or the `open` attribute; configure it with `api-base` / `account-id`,
 * or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account to remove the person from (default: the provider's).
 * @attr user-id - The person to remove.
 * @attr account-name - The account's name as shown; looked up in `GET /me` when unset.
 * @attr open - Whether the dialog is shown (reflects).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires user-removed - {UserRemovedEvent} The person was removed; `detail` is `{ accountId, userId }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The "Remove …?" title.
 * @csspart groups - The list of groups and their permissions.
 * @csspart reason - Why the person cannot be removed, when they cannot.
 * @csspart error - The message of a failed load or a refused removal.
 * @csspart cancel-button - The Cancel button.
 * @csspart remove-button - The destructive Remove button.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The dialog's background.
 * @cssprop --roster-color-surface-raised - Messages and the Cancel button.
 * @cssprop --roster-color-border - Lines and button borders.
 * @cssprop --roster-color-accent - Links, main buttons and selection.
 * @cssprop --roster-color-on-accent - Text on the Remove button.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - The Remove button and errors.
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
 * @cssprop --roster-font-family-mono - Identifiers and links (`ui-monospace, SFMono-Regular, Menlo, monospace`).
 */
@customElement('remove-user-dialog')
@localized()
export class RemoveUserDialog extends PersonDialog {
  static override styles = removeUserDialogStyles;

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
    // A refusal (4xx) will not change by trying again; a network failure may.
    const refused = this.error !== undefined && this.error.status >= 400 && this.error.status < 500;
    const canRemove = Boolean(details?.removal.allowed) && !refused && !this.busy;
    return html`<dialog part="dialog" aria-labelledby="heading" @cancel=${this.modal.handleCancel} @close=${this.modal.handleClose}>
      <h2 id="heading" part="heading">${details ? msg(str`Remove ${fullName(details)}?`) : msg('Remove user?')}</h2>
      ${loadError
        ? html`<p part="error" class="message error" role="alert">${msg(str`The details could not be loaded: ${loadError.message}`)}</p>`
        : details
          ? this.renderDetails(details, loaded.accountName)
          : loadingPlaceholder()}
      ${this.error ? html`<p part="error" class="message error" role="alert">${problemText(this.error)}</p>` : nothing}
      <div class="actions">
        <button type="button" part="cancel-button" class="button cancel" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel')}</button>
        <button type="button" part="remove-button" class="button danger remove" ?disabled=${!canRemove} @click=${this.handleRemoveClick}>
          ${this.busy ? msg('Removing…') : msg('Remove')}
        </button>
      </div>
    </dialog>`;
  }

  private renderDetails(details: UserDetails, account: string) {
    const name = fullName(details);
    // Someone who never joined loses no access: what ends is the offer, and the link in their email.
    const invited = details.state === 'invited' || details.state === 'expired';
    return html`<p>
        ${invited
          ? msg(str`The invitation of ${name} (${details.email}) to ${account} is withdrawn: its link stops working.`)
          : msg(str`${name} (${details.email}) will no longer have access to ${account}.`)}
        ${details.joinedAt
          ? html`<span class="muted">${msg('Member since')} <time datetime=${details.joinedAt}>${formatDate(details.joinedAt)}</time>.</span>`
          : nothing}
      </p>
      <h3>${invited ? msg('Groups they were invited to') : msg('Groups they will lose')}</h3>
      ${details.groups.length === 0
        ? html`<p class="muted">${msg('They are in no groups.')}</p>`
        : html`<ul part="groups" class="groups">
              ${details.groups.map(
                (group) => html`<li>
                  <strong class="group-name">${group.name}</strong>:
                  ${group.permissions.length > 0 ? permissionList(group.permissions) : msg('no permissions')}
                </li>`,
              )}
            </ul>
            ${invited
              ? nothing
              : html`<p class="all-permissions">${msg('All permissions they lose:')} ${permissionList(details.permissions)}</p>`}`}
      <p class="muted">${msg(str`Their sign-in and their other accounts stay; they can be invited to ${account} again.`)}</p>
      ${details.removal.allowed ? nothing : html`<p part="reason" class="message reason">${reasonMessage(details, account)}</p>`}`;
  }

  private async handleRemoveClick() {
    const accountId = this.api.accountId;
    const { userId } = this;
    const details = this.detailsTask.value?.details;
    if (!accountId || !userId || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const result = await removeUser(this.api.client, accountId, userId);
      this.busy = false;
      this.open = false;
      this.dispatchEvent(
        new UserRemovedEvent({ accountId, userId }, { userName: details ? fullName(details) : '', accountName: result.accountName }),
      );
    } catch (error) {
      this.busy = false;
      this.error = toApiError(error);
      await this.updateComplete;
      this.cancelButton.focus();
    }
  }
}

function reasonMessage(details: UserDetails, account: string): string {
  const name = fullName(details);
  switch (details.removal.reason) {
    case 'self':
      return msg('You cannot remove yourself.');
    case 'last_administrator':
      return msg(str`${name} is the last administrator of ${account}. Make someone else an administrator first.`);
    case 'already_removed':
      return msg(str`${name} has already been removed from ${account}.`);
    default:
      return msg('You cannot remove this person.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'remove-user-dialog': RemoveUserDialog;
  }
}
