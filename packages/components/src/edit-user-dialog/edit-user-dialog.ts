import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { Group, UserDetails } from '@roster/shared';
import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { editUser } from '../api/membership-requests.ts';
import { getUserDetails, listGroups } from '../api/requests.ts';
import { UserUpdatedEvent } from '../events.ts';
import { formatList, fullName } from '../internal/format.ts';
import { loadingPlaceholder, type MemberInAccount } from '../internal/member-details.ts';
import { PersonDialog } from '../internal/person-dialog.ts';
import { problemText } from '../internal/problem-text.ts';
import { editUserDialogStyles } from './edit-user-dialog.styles.ts';
import { groupChanges, hasChanges, matchingGroups } from './group-changes.ts';
import { changesSummary, groupOption } from './templates.ts';

/** What the dialog edits: the person as read (their `version` goes back with the save) and the account's groups. */
interface Editing extends MemberInAccount {
  groups: Group[];
  /** The ids of the groups the person held when read. */
  held: ReadonlySet<string>;
}

/**
 * Edits one person's groups in an account: the account's groups as checkboxes (searchable), each
 * with what it grants and how many people hold it, at least one required, and a summary of what
 * saving changes. Name and email are the person's own and not edited here. When someone else changed
 * the person meanwhile (409 `version_conflict`), it says so, shows their groups as they are now and
 * offers to reload.
 *
 * Open it with `show(userId)` or the `open` attribute; configure it with `api-base` / `account-id`,
 * or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account whose groups are edited (default: the provider's).
 * @attr user-id - The person to edit.
 * @attr account-name - The account's name as shown; looked up in `GET /me` when unset.
 * @attr open - Whether the dialog is shown (reflects).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires user-updated - {UserUpdatedEvent} The person's groups were saved; `detail` is `{ accountId, userId }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The "Edit groups of …" title.
 * @csspart search - The field that narrows the groups shown.
 * @csspart groups - The list of group checkboxes.
 * @csspart summary - What saving changes: groups joined and left, permissions gained and lost.
 * @csspart conflict - The message that someone else changed the person, with Reload.
 * @csspart reload-button - The Reload button of that message.
 * @csspart error - A failed load, a refused save, or the missing group.
 * @csspart cancel-button - The Cancel button.
 * @csspart save-button - The Save button.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text (counts, what a group grants).
 * @cssprop --roster-color-surface - The dialog's background.
 * @cssprop --roster-color-surface-raised - Messages, the summary and the Cancel button.
 * @cssprop --roster-color-border - Lines and button borders.
 * @cssprop --roster-color-accent - The Save button.
 * @cssprop --roster-color-on-accent - Text on the Save button.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Errors.
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
@customElement('edit-user-dialog')
@localized()
export class EditUserDialog extends PersonDialog {
  static override styles = editUserDialogStyles;

  /** The ids of the groups ticked now. */
  @state() private chosen: ReadonlySet<string> = new Set();
  /** What the search field holds: only matching groups are shown (ticked ones that are hidden stay ticked). */
  @state() private filter = '';
  /** Save was pressed with no group ticked. */
  @state() private noGroup = false;
  /** The person as they are now, after a save was refused because someone else changed them. */
  @state() private conflict?: UserDetails;

  @query('input[type="search"]') private searchField!: HTMLInputElement;

  /** Opening starts in the search field. */
  protected override focusInitial() {
    this.searchField.focus();
  }

  /** The person and the account's groups; once read, the ticks start from the groups the person holds. */
  private readonly editTask = new Task(this, {
    task: async ([client, accountId, userId, , load], { signal }) => {
      if (!load || !accountId || !userId) return initialState;
      const [member, groups] = await Promise.all([this.loadMember(signal), listGroups(client, accountId, signal)]);
      const editing: Editing = { ...member, groups, held: new Set(member.details.groups.map((group) => group.id)) };
      return editing;
    },
    args: () => this.loadArgs,
    onComplete: (editing) => {
      if (editing) this.chosen = editing.held;
    },
  });

  /** Reads the person and the groups again and forgets what was ticked, typed and refused. */
  protected override reload() {
    Object.assign(this, { chosen: new Set(), conflict: undefined, noGroup: false, filter: '' });
    super.reload();
  }

  protected override render() {
    const editing = this.editTask.status === TaskStatus.COMPLETE ? this.editTask.value : undefined;
    const loadError = this.editTask.status === TaskStatus.ERROR ? toApiError(this.editTask.error) : undefined;
    const name = editing ? fullName(editing.details) : '';
    const changes = editing ? groupChanges(editing.groups, editing.held, this.chosen) : undefined;
    const changed = changes !== undefined && hasChanges(changes);
    const refused = this.error?.code === 'already_removed';
    return html`<dialog part="dialog" aria-labelledby="heading" @cancel=${this.modal.handleCancel} @close=${this.modal.handleClose}>
      <h2 id="heading" part="heading">${editing ? msg(str`Edit groups of ${name}`) : msg('Edit groups')}</h2>
      ${editing
        ? html`<p class="muted">
            ${msg(str`${editing.details.email} in ${editing.accountName}. Name and email are the person's own and are not edited here.`)}
          </p>`
        : nothing}
      <label for="search" class="search-label">${msg('Find a group')}</label>
      <input
        id="search"
        part="search"
        class="control search"
        type="search"
        autocomplete="off"
        .value=${this.filter}
        ?disabled=${this.busy}
        @input=${this.handleFilterInput}
      />
      ${loadError
        ? html`<p part="error" class="message error" role="alert">${msg(str`The details could not be loaded: ${problemText(loadError)}`)}</p>`
        : editing && changes
          ? html`${this.renderGroups(editing)} ${changesSummary(changes, changed)}`
          : loadingPlaceholder()}
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${this.error ? html`<p part="error" class="message error" role="alert">${problemText(this.error)}</p>` : nothing}
      <div class="actions">
        <button type="button" part="cancel-button" class="button cancel" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel')}</button>
        <button
          type="button"
          part="save-button"
          class="button primary save"
          ?disabled=${!changed || this.busy || Boolean(this.conflict) || refused}
          @click=${this.handleSaveClick}
        >
          ${this.busy ? msg('Saving…') : msg('Save')}
        </button>
      </div>
    </dialog>`;
  }

  private renderGroups(editing: Editing) {
    const shown = matchingGroups(editing.groups, this.filter);
    // Not disabled by a conflict: the list stays reachable (it scrolls), and the message says the ticks will not be saved.
    const disabled = this.busy;
    return html`<fieldset class="groups-field" @change=${this.handleGroupChange}>
      <legend>${msg(str`Groups (${this.chosen.size} of ${editing.groups.length} chosen)`)}</legend>
      ${shown.length > 0
        ? html`<ul part="groups" class="groups">
            ${shown.map((group) => groupOption(group, this.chosen.has(group.id), disabled, this.noGroup))}
          </ul>`
        : html`<p class="muted">${msg(str`No group matches “${this.filter.trim()}”.`)}</p>`}
      ${this.noGroup
        ? html`<p id="groups-error" part="error" class="message error" role="alert">
            ${msg('Choose at least one group: everyone in an account belongs to at least one. To take all access away, block or remove the person instead.')}
          </p>`
        : nothing}
    </fieldset>`;
  }

  private renderConflict(current: UserDetails) {
    const groups = formatList(current.groups.map((group) => group.name));
    return html`<div part="conflict" class="message error conflict" role="alert">
      <p>
        ${msg(str`Someone else changed ${fullName(current)} while you were editing; who changed what is not known.`)}
        ${current.groups.length > 0 ? msg(str`Their groups now: ${groups}.`) : msg('They are now in no groups.')}
      </p>
      <p>${msg('Reload to start again from their groups as they are now. Your choices here are not saved.')}</p>
      <button type="button" part="reload-button" class="button reload" @click=${this.handleReloadClick}>${msg('Reload')}</button>
    </div>`;
  }

  private handleFilterInput(event: Event) {
    this.filter = (event.target as HTMLInputElement).value;
  }

  private handleGroupChange(event: Event) {
    const box = event.target as HTMLInputElement;
    const id = box.dataset.groupId;
    if (!id) return;
    const chosen = new Set(this.chosen);
    if (box.checked) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
    if (chosen.size > 0) this.noGroup = false;
  }

  private async handleReloadClick() {
    this.reload();
    await this.editTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.searchField.focus();
  }

  private async handleSaveClick() {
    const accountId = this.api.accountId;
    const { userId } = this;
    const editing = this.editTask.value;
    if (!accountId || !userId || !editing || this.busy) return;
    if (this.chosen.size === 0) return this.refuseNoGroup();
    this.busy = true;
    this.error = undefined;
    try {
      await editUser(this.api.client, accountId, userId, { groupIds: [...this.chosen], version: editing.details.version });
      this.busy = false;
      this.open = false;
      this.dispatchEvent(new UserUpdatedEvent({ accountId, userId }, fullName(editing.details), editing.accountName));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'version_conflict') await this.showConflict(accountId, userId, apiError);
      else this.error = apiError;
      this.busy = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.conflict ? '.reload' : '.cancel')?.focus();
    }
  }

  /** Save with no group: refused here, with the reason next to the groups and focus on the first of them. */
  private async refuseNoGroup() {
    this.noGroup = true;
    this.filter = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }

  /** Reads the person as they are now, to show their groups beside the offer to reload. */
  private async showConflict(accountId: string, userId: string, refusal: ApiError) {
    try {
      this.conflict = await getUserDetails(this.api.client, accountId, userId);
    } catch {
      this.error = refusal;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'edit-user-dialog': EditUserDialog;
  }
}
