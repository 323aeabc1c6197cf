import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiError } from '../api/api-error.ts';
import type { RosterClient } from '../api/client.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { loadMemberInAccount, type MemberInAccount } from './member-details.ts';
import { ModalDialogController } from './modal-dialog.ts';

/**
 * What the dialogs about one person of an account (edit, block, remove) share: the BFF, account,
 * person and account name they work with, `open`, a change under way (`busy`) and why it was refused
 * (`error`), the modal behaviour, and `show(userId)` / `close()`. Each opening (or `reload()`) counts
 * in `loads`, so the person is read afresh, and forgets the last refusal.
 * Each element documents these attributes in its own JSDoc, as it describes them to its hosts.
 */
export abstract class PersonDialog extends LitElement {
  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account the person is in; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** The person the dialog is about. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** The account's name as shown; looked up from the viewer's accounts when unset. */
  @property({ attribute: 'account-name' }) accountName?: string;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** A change is under way: the buttons are disabled and Escape does nothing. */
  @state() protected busy = false;
  /** Why the last change was refused. */
  @state() protected error?: ApiError;
  /** Counts the openings and reloads, so each one reads the person afresh. */
  @state() protected loads = 0;

  protected readonly api = new RosterApiController(this);
  protected readonly modal = new ModalDialogController(this, {
    focusInitial: () => this.focusInitial(),
    busy: () => this.busy,
  });

  /** Where focus goes when the dialog opens. */
  protected abstract focusInitial(): void;

  /** Opens the dialog, for `userId` when given. */
  show(userId?: string) {
    if (userId) this.userId = userId;
    this.open = true;
  }

  /** Closes the dialog (not while a change is under way). */
  close() {
    this.modal.close();
  }

  /** Reads the person again and forgets the last refusal. */
  protected reload() {
    this.error = undefined;
    this.loads += 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.reload();
  }

  /** What a task reading the person depends on: it runs again when any changes, and only while open. */
  // Typed here: the client's inferred type names the BFF's modules, which the published types cannot.
  protected get loadArgs(): readonly [RosterClient, string | undefined, string | undefined, string | undefined, number | false] {
    return [this.api.client, this.api.accountId, this.userId, this.accountName, this.open && this.loads] as const;
  }

  /** The person and the account's name, for the account and person of now (the provider's session gives the name). */
  protected loadMember(signal: AbortSignal): Promise<MemberInAccount> {
    return loadMemberInAccount(this.api.client, this.api.accountId!, this.userId!, this.accountName, signal, this.api.context?.me);
  }
}
