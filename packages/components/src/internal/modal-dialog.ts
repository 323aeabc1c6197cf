import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement } from './dom.ts';

/** An element that shows a native modal `<dialog>` while its `open` property is true. */
export interface ModalDialogHost extends ReactiveElement {
  open: boolean;
}

export interface ModalDialogOptions {
  /** Moves focus into the dialog once it is shown (its first field, a heading, a safe button). */
  focusInitial: () => void;
  /** A request is under way: the dialog may not close (Escape is refused, `close()` does nothing). */
  busy: () => boolean;
  /** After the dialog closed and gave focus back (e.g. to send a request the host must see afterwards). */
  afterClose?: () => void;
}

/**
 * What every Roster dialog does with its native `<dialog>`: shown modal when the host's `open` turns
 * true (remembering what had focus, then focusing inside), closed when it turns false, Escape refused
 * while busy, and focus given back to where it was when the dialog closes, however it closes.
 *
 * The host renders one `<dialog>` and binds `@cancel=${controller.handleCancel}` and
 * `@close=${controller.handleClose}` on it.
 */
export class ModalDialogController implements ReactiveController {
  /** What had focus before the dialog opened, to give it back on close. */
  private returnFocus?: HTMLElement;
  /** `open` as of the last update, so only a change of it shows or closes the dialog. */
  private wasOpen = false;

  constructor(
    private readonly host: ModalDialogHost,
    private readonly options: ModalDialogOptions,
  ) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  hostUpdated(): void {
    const { open } = this.host;
    if (open === this.wasOpen) return;
    this.wasOpen = open;
    const dialog = this.dialog;
    if (!dialog) return;
    if (open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
      this.options.focusInitial();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  /** Closes the dialog, unless a request is under way. */
  close(): void {
    if (!this.options.busy()) this.host.open = false;
  }

  // The listeners are arrow functions: Lit calls them with the host as `this`.

  /** Escape: refused while busy. */
  readonly handleCancel = (event: Event): void => {
    if (this.options.busy()) event.preventDefault();
  };

  /**
   * The dialog closed (Escape, a button, or `open` turned false): focus goes back where it was. The
   * event comes a task after the close, and may come after the dialog was opened again (`show()`
   * right after a change closed it): that late event closes nothing.
   */
  readonly handleClose = (): void => {
    if (this.dialog?.open) return;
    this.host.open = false;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
    this.options.afterClose?.();
  };
}
