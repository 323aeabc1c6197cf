import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { baseStyles } from '../internal/base.styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { ModalDialogController } from '../internal/modal-dialog.ts';
import { tokens } from '../internal/tokens.ts';
import './user-details.ts';
import type { UserDetails } from './user-details.ts';

/**
 * The person's page as a modal dialog: `<user-details>` in a wide native `<dialog>` that fills a
 * phone's screen. `<users-settings>` opens it when a name is chosen in the table; the dialogs its
 * actions ask for open above it. Escape or Close closes it and gives focus back where it was.
 *
 * Open it with `show(userId)` or the `open` attribute; configure it with `api-base` / `account-id`,
 * or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account the person is seen in (default: the provider's).
 * @attr user-id - The person.
 * @attr open - Whether the dialog is shown (reflects).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @prop refresh - `refresh()` loads the person shown again (after a change).
 *
 * @fires edit-user-request - From the inner `<user-details>`; see there (likewise its other events).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The "User details" title.
 * @csspart close-button - The Close button.
 * @csspart details - The `<user-details>`; its own parts are not exported.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark` (the viewer's choice); unset: the page's `color-scheme`. The `theme` attribute sets it.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The dialog's background.
 * @cssprop --roster-color-surface-raised - Buttons, cards and messages.
 * @cssprop --roster-color-border - Its border.
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
 * @cssprop --roster-dialog-shadow - The dialog's shadow (`0 16px 48px rgb(0 0 0 / 0.25)`).
 * @cssprop --roster-color-backdrop - What covers the page behind the dialog (`rgb(0 0 0 / 0.4)`).
 * @cssprop --roster-font-family-mono - Identifiers and links (`ui-monospace, SFMono-Regular, Menlo, monospace`).
 */
@customElement('user-details-dialog')
@localized()
export class UserDetailsDialog extends LitElement {
  static override styles = [
    tokens,
    baseStyles,
    dialogStyles,
    css`
      dialog {
        width: min(60rem, calc(100vw - 1rem));
        max-height: calc(100dvh - 1rem);
        padding: calc(var(--_space) * 2);
        overflow-y: auto;
      }

      .top {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        margin-bottom: calc(var(--_space) * 2);
      }

      .title {
        margin: 0;
        color: var(--_text-muted);
        font-weight: 600;
      }
    `,
  ];

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account the person is seen in; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The person. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('.close') private closeButton!: HTMLButtonElement;
  @query('user-details') private details?: UserDetails;

  // Nothing here waits on a request: the actions that do run in their own dialogs, above this one.
  private readonly modal = new ModalDialogController(this, {
    focusInitial: () => this.closeButton.focus(),
    busy: () => false,
  });

  /** Opens the dialog, for `userId` when given. */
  show(userId?: string) {
    if (userId) this.userId = userId;
    this.open = true;
  }

  /** Closes the dialog; focus goes back where it was before it opened. */
  close() {
    this.modal.close();
  }

  /** Loads the person shown again; nothing when closed (opening loads afresh). */
  async refresh(): Promise<void> {
    await this.details?.refresh();
  }

  // The page is made when the dialog opens and dropped when it closes, so each opening reads afresh.
  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.modal.handleCancel} @close=${this.modal.handleClose}>
      <div class="top">
        <p id="title" part="title" class="title">${msg('User details')}</p>
        <button type="button" part="close-button" class="button close" @click=${this.close}>${msg('Close')}</button>
      </div>
      ${this.open
        ? html`<user-details part="details" .apiBase=${this.apiBase} .accountId=${this.accountId} .userId=${this.userId}></user-details>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-details-dialog': UserDetailsDialog;
  }
}
