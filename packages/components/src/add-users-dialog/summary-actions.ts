import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import { ViewUserRequestEvent } from '../events.ts';
import { copyText } from '../internal/clipboard.ts';

/**
 * What the summary's buttons do: "Copy link" (and what it did, for the live note) and "View user",
 * whose request goes out only once the dialog has closed and given focus back, so where the host then
 * moves focus wins.
 */
export class SummaryActions {
  /** What the last "Copy link" did. */
  copyNote = '';
  /** "View user" was chosen: the request goes out once the dialog has closed. */
  private pendingView?: ViewUserRequestEvent;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: { accountId: () => string | undefined; close: () => void },
  ) {}

  /** A new opening: nothing copied, nobody to view. */
  reset(): void {
    this.copyNote = '';
    this.pendingView = undefined;
  }

  /** The dialog closed and gave focus back: the host may now be asked to show the person. */
  sendPendingView(): void {
    const view = this.pendingView;
    this.pendingView = undefined;
    if (view) this.host.dispatchEvent(view);
  }

  // The listeners are arrow functions, so they keep `this` wherever they are bound.

  /** "Copy link"; the button carries `data-link` and `data-email`. */
  readonly handleCopyClick = async (event: Event) => {
    const { link, email } = (event.currentTarget as HTMLElement).dataset;
    if (!link) return;
    this.copyNote = (await copyText(link))
      ? msg(str`The link for ${email} is copied.`)
      : msg('The browser did not allow copying. Select the link and copy it yourself.');
    this.host.requestUpdate();
  };

  /** "View user": closes, then asks the screen around to show that person (see `sendPendingView`). */
  readonly handleViewClick = (event: Event) => {
    const { userId, email } = (event.currentTarget as HTMLElement).dataset;
    const accountId = this.options.accountId();
    if (!userId || !accountId) return;
    this.pendingView = new ViewUserRequestEvent({ accountId, userId }, email ?? '');
    this.options.close();
  };
}
