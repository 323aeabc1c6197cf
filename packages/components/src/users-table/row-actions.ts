import { msg, str } from '@lit/localize';
import type { MembershipState, UserListItem } from '@roster/shared';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toApiError, type ApiErrorCode } from '../api/api-error.ts';
import type { RosterApiController } from '../api/roster-api-controller.ts';
import { RemoveUserRequestEvent, UserActionRequestEvent, type UserActionRequest, type UserRef } from '../table-events.ts';
import type { MenuItem, MenuSelectEvent } from '../internal/menu-button/menu-button.ts';
import { fullName } from './cells.ts';
import { invitationActionLabel, type InvitationAction } from './labels.ts';

/** The actions besides Remove that the host carries out in a dialog (`<action>-user-request`); the invitation actions are done here. */
const REQUESTED_ACTIONS: readonly string[] = ['edit', 'block', 'unblock'];
/** Rows in these states have nothing left to act on, so they get no actions menu. */
const NO_ACTION_STATES: readonly MembershipState[] = ['removed', 'declined'];
/** Refusals of an invitation action that mean the row was out of date: it is loaded again. */
const STALE_ROW_CODES: readonly ApiErrorCode[] = ['invitation_expired', 'invitation_still_valid', 'not_invited'];

/** What the row actions need from the table. */
export interface RowActionsOptions {
  /** The client and account the rows belong to. */
  api: RosterApiController;
  /** The viewer's own user id, once known: nobody removes themselves. */
  viewerId: () => string | undefined;
  /** A row's person as last loaded. */
  userOf: (userId: string) => UserListItem | undefined;
  /** Loads the rows again, keeping them on screen meanwhile (the table's `refresh()`). */
  reload: () => Promise<void>;
  /** Everything that defines the list apart from the page: when it changes, an old failure is cleared. */
  listKey: () => string;
}

/**
 * The actions menu of each row and what its items do, and the person's name that opens their page
 * (`show-user-request`). Edit groups, Block, Unblock and Remove only ask
 * the host (`edit-user-request`, `block-user-request`, `unblock-user-request`, `remove-user-request`);
 * Copy invitation link, Resend invitation and Send new invitation are done here and reported as events
 * from the table, or, when they fail, as a message above the rows. That message is this controller's
 * own state: setting it asks the table to render again.
 */
export class RowActionsController implements ReactiveController {
  /** Why the last row action failed; cleared by the next one or when the list changes. */
  private error = '';
  /** The list the message is about. */
  private listKey?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowActionsOptions,
  ) {
    host.addController(this);
  }

  /** The list changed: a failure about the rows before is no longer worth showing. */
  hostUpdate(): void {
    const key = this.options.listKey();
    if (key === this.listKey) return;
    this.listKey = key;
    this.setError('');
  }

  /**
   * The row's actions menu; only the actions that apply to this person are offered: Edit groups to
   * everyone still in the account, Block to Active people but yourself, Unblock to Blocked ones,
   * Remove to everyone but yourself.
   */
  renderMenu(user: UserListItem) {
    const viewerId = this.options.viewerId();
    // Until the viewer is known nothing is offered: their own row must never offer Remove.
    if (!viewerId || NO_ACTION_STATES.includes(user.state)) return nothing;
    const actions: InvitationAction[] = user.state === 'invited' ? ['copy-link', 'resend'] : user.state === 'expired' ? ['renew'] : [];
    const self = user.id === viewerId;
    const items: MenuItem[] = [{ id: 'edit', label: msg('Edit groups') }, ...actions.map((id) => ({ id, label: invitationActionLabel(id) }))];
    // Only someone with access can lose it; a Blocked person is offered their access back instead.
    if (user.state === 'active' && !self) items.push({ id: 'block', label: msg('Block') });
    if (user.state === 'blocked') items.push({ id: 'unblock', label: msg('Unblock') });
    if (!self) items.push({ id: 'remove', label: msg('Remove'), danger: true });
    // grid-cell: the table's arrow keys move between its rows and controls (see row-focus.ts).
    return html`<roster-menu-button
        part="actions"
        exportparts="menu-button: actions-button, menu: actions-menu, menu-item: actions-menu-item"
        grid-cell
        data-user-id=${user.id}
        label=${msg(str`Actions for ${fullName(user)}`)}
        .items=${items}
        @menu-select=${this.handleSelect}
      ></roster-menu-button>${self ? html`<span class="muted self-note">${msg('You cannot block or remove yourself')}</span>` : nothing}`;
  }

  /** A person's name was chosen: the host is asked to show their page (`show-user-request`). */
  readonly handleShowClick = (event: Event) => {
    const userId = (event.currentTarget as HTMLElement).closest('tr')!.dataset.userId!;
    const accountId = this.options.api.accountId;
    if (accountId) this.host.dispatchEvent(new UserActionRequestEvent('show', { accountId, userId }));
  };

  /** Why the last action failed, announced as an alert; nothing when it did not. */
  renderError() {
    return this.error ? html`<p part="action-error" class="message error" role="alert">${this.error}</p>` : nothing;
  }

  // An arrow function: Lit would call a method with the table as `this`.
  private readonly handleSelect = (event: MenuSelectEvent) => {
    const userId = (event.currentTarget as HTMLElement).dataset.userId;
    const accountId = this.options.api.accountId;
    const user = userId ? this.options.userOf(userId) : undefined;
    if (!user || !accountId) return;
    const ref = { accountId, userId: user.id };
    const action = event.detail;
    if (action === 'remove') this.host.dispatchEvent(new RemoveUserRequestEvent(ref));
    else if (REQUESTED_ACTIONS.includes(action)) this.host.dispatchEvent(new UserActionRequestEvent(action as UserActionRequest, ref));
    else void this.runInvitationAction(action as InvitationAction, ref, fullName(user));
  };

  /**
   * Copy link, Resend or Send new: the outcome is an event for the host, or a message above the table.
   * They are done as on the person's page, by its code, which comes with the rows (`row-behaviour.ts`).
   */
  private async runInvitationAction(action: InvitationAction, ref: UserRef, name: string) {
    this.setError('');
    const { runInvitationAction, invitationActionError } = await import('./row-behaviour.ts');
    try {
      const outcome = await runInvitationAction(this.options.api.client, action, ref, name);
      // The link is still useful when the browser refuses the clipboard: show it to copy by hand.
      if (typeof outcome === 'string') return this.setError(msg(str`The browser did not allow copying. The invitation link of ${name} is ${outcome}`));
      this.host.dispatchEvent(outcome);
      if (action !== 'copy-link') await this.options.reload();
    } catch (error) {
      const apiError = toApiError(error);
      this.setError(invitationActionError(action, apiError, name));
      if (STALE_ROW_CODES.includes(apiError.code)) await this.options.reload();
    }
  }

  /** Like a Lit state property: the table renders again only when the message actually changes. */
  private setError(error: string) {
    if (error === this.error) return;
    this.error = error;
    this.host.requestUpdate();
  }
}
