import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { deepActiveElement } from '../internal/dom.ts';

/**
 * "Discard the invitations you are preparing?": asked when the wizard is about to close (Escape,
 * Cancel) with something typed, so nothing is thrown away by a slip of a key. It is a small modal
 * `<dialog role="alertdialog">` inside the wizard's own, on top of it: focus starts on the safe
 * answer, Keep editing (Escape in the question means that too) gives focus back to where it was,
 * Discard lets the wizard close, which gives focus back to what opened it.
 *
 * The host renders `render()` inside its dialog while it is open, binds `handleKeydown` and
 * `handleCancel` on that dialog (in place of `ModalDialogController.handleCancel`), and closes through
 * `requestClose()`.
 */
export class DiscardQuestion implements ReactiveController {
  /** The question is shown. */
  asking = false;
  /** What had focus when the question was asked, to go back to on Keep editing. */
  private returnFocus?: HTMLElement;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {
      /** Closing now would throw something away. */
      needed: () => boolean;
      /** A request is under way: the wizard does not close at all. */
      busy: () => boolean;
      /** Closes the wizard. */
      close: () => void;
      /** Where focus goes on Keep editing when what had it is gone. */
      focusFallback: () => void;
    },
  ) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.discard-question');
  }

  /** Cancel or Close: closes the wizard, or asks first when that would throw something away. */
  requestClose(): void {
    if (this.options.busy()) return;
    if (this.options.needed()) this.ask();
    else this.options.close();
  }

  private ask(): void {
    if (this.asking) return;
    this.returnFocus = deepActiveElement();
    this.asking = true;
    this.host.requestUpdate();
  }

  /** Forgets the question (the wizard closed or opened afresh). */
  reset(): void {
    this.asking = false;
    this.returnFocus = undefined;
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    if (!this.asking || !dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('.keep')?.focus();
  }

  render() {
    if (!this.asking) return nothing;
    return html`<dialog
      class="discard-question"
      role="alertdialog"
      aria-labelledby="discard-heading"
      aria-describedby="discard-detail"
      @close=${this.handleClose}
    >
      <h3 id="discard-heading" class="discard-heading">${msg('Discard the invitations you are preparing?')}</h3>
      <p id="discard-detail">${msg('The addresses, names and groups entered so far will be lost.')}</p>
      <div class="actions">
        <button type="button" part="keep-editing-button" class="button keep" @click=${this.handleKeepClick}>${msg('Keep editing')}</button>
        <button type="button" part="discard-button" class="button danger discard" @click=${this.handleDiscardClick}>${msg('Discard')}</button>
      </div>
    </dialog>`;
  }

  // The listeners are arrow functions: Lit calls them with the host as `this`.

  /**
   * Escape on the wizard asks first. It is caught on keydown, before it becomes the dialog's `cancel`:
   * Chromium lets a page refuse `cancel` only once per user action, so a second Escape would close unasked.
   * Escape in the question itself is the question's own (Keep editing).
   */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.asking || this.options.busy() || !this.options.needed()) return;
    event.preventDefault();
    this.ask();
  };

  /** The wizard's `cancel` (Escape not caught above, a phone's back gesture): refused while busy, else asks first. */
  readonly handleCancel = (event: Event): void => {
    if (this.options.busy()) {
      event.preventDefault();
    } else if (this.options.needed()) {
      event.preventDefault();
      this.ask();
    }
  };

  private readonly handleKeepClick = () => this.dialog?.close('keep');

  private readonly handleDiscardClick = () => this.dialog?.close('discard');

  /** The question closed: by Discard, or kept (Keep editing, or Escape, which closes it with no answer). */
  private readonly handleClose = (event: Event) => {
    // The wizard's own dialog hears no `close` of this one (it does not bubble), but stay sure it is ours.
    event.stopPropagation();
    const discard = (event.target as HTMLDialogElement).returnValue === 'discard';
    const target = this.returnFocus;
    this.reset();
    this.host.requestUpdate();
    if (discard) {
      this.options.close();
    } else {
      if (target?.isConnected) target.focus();
      else this.options.focusFallback();
    }
  };
}
