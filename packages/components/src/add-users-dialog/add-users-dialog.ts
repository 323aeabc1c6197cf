import { localized, msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { Group } from '@roster/shared';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { checkInvitees, inviteUsers, listGroups } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { UsersInvitedEvent } from '../events.ts';
import { ModalDialogController } from '../internal/modal-dialog.ts';
import { addUsersDialogStyles } from './add-users-dialog.styles.ts';
import { DiscardQuestion } from './discard-question.ts';
import { discardQuestionStyles } from './discard-question.styles.ts';
import {
  emailKey,
  inviteesToSend,
  parseEmailList,
  summaryLines,
  typedName,
  validEntries,
  type EmailEntry,
  type PersonName,
  type SummaryLine,
} from './invitees.ts';
import { checkErrorMessage, sendErrorMessage } from './labels.ts';
import { LookAheadController } from './look-ahead.ts';
import { SummaryActions } from './summary-actions.ts';
import { detailsStep } from './steps/details.ts';
import { emailsStep } from './steps/emails.ts';
import { progress, type StepButtons } from './steps/frame.ts';
import { groupsStep } from './steps/groups.ts';
import { overviewStep } from './steps/overview.ts';
import { summaryStep } from './steps/summary.ts';
import { nextStep, previousStep, refusal, shownRefusal, type Draft, type Step } from './wizard.ts';

/**
 * "Add users": a wizard that invites one or many people to an account — Email addresses → Names →
 * Groups → Overview → Summary. Pasted lists are split on commas, semicolons, spaces and new lines and
 * every address is checked on its own line with the server's rule; invalid ones are marked and left
 * out, and a repeated one is marked and invited once. While the addresses are typed, the server's look-ahead
 * tells who is already in the account, and in which state (marked at once, and not invited again), and
 * who already has a platform identity (their names are shown read-only: people keep their own name).
 *
 * Closing it (Escape, Cancel) with something typed asks "Discard the invitations you are preparing?"
 * first: Keep editing goes back to where focus was, Discard closes.
 *
 * When Next is refused, focus moves to what explains why (the message, or the first field to fix),
 * so it is scrolled into view and read out.
 *
 * Open it with `show()` or the `open` attribute; each opening starts afresh. Configure it with
 * `api-base` / `account-id`, or put it inside a `<roster-provider>`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr account-id - The account to invite people to (default: the provider's).
 * @attr open - Whether the dialog is shown (reflects).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires users-invited - {UsersInvitedEvent} Invitations were sent and at least one person was invited;
 *   `detail` is `{ accountId, userIds }` of the invited people.
 * @fires view-user-request - {ViewUserRequestEvent} "View user" was chosen on the summary; fired once the
 *   dialog has closed and given focus back, so the host can move focus to the person; `detail` is `{ accountId, userId }`, `email` the person's. `<users-settings>` shows them in its table.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The "Add users" title.
 * @csspart steps - The list of steps, the current one marked.
 * @csspart step-heading - The current step's title.
 * @csspart emails - The email addresses text area.
 * @csspart email-list - The checked addresses, one per line.
 * @csspart names - The name fields of all people.
 * @csspart group-search - The group search box.
 * @csspart groups - The group checkboxes.
 * @csspart overview - The table of people to invite.
 * @csspart results - The summary list, one line per address.
 * @csspart link - An invitation link on the summary.
 * @csspart copy-button - A "Copy link" button.
 * @csspart view-button - A "View user" button (the summary of an invited person).
 * @csspart error - A failed load or a refused sending.
 * @csspart cancel-button - Cancel.
 * @csspart back-button - Back.
 * @csspart next-button - Next.
 * @csspart send-button - Send invitation(s).
 * @csspart keep-editing-button - Keep editing, in the discard question.
 * @csspart discard-button - Discard, in the discard question.
 * @csspart close-button - Close, on the summary.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Hints and secondary text.
 * @cssprop --roster-color-surface - The dialog's background.
 * @cssprop --roster-color-surface-raised - Messages and buttons.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - The current step and the main button.
 * @cssprop --roster-color-on-accent - Text on the main button.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Invalid addresses and errors.
 * @cssprop --roster-color-success - Valid addresses and invited people.
 * @cssprop --roster-color-warning - Repeated addresses and people already in the account.
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
@customElement('add-users-dialog')
@localized()
export class AddUsersDialog extends LitElement {
  static override styles = [addUsersDialogStyles, discardQuestionStyles];

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The account to invite people to; overrides the provider's. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private step: Step = 'emails';
  /** The email step's text as typed or pasted. */
  @state() private emailText = '';
  /** Names by email key, kept while the administrator goes back and forth. */
  @state() private names = new Map<string, PersonName>();
  /** Chosen group ids; a choice stays when the search hides its checkbox. */
  @state() private groupIds: string[] = [];
  @state() private groupQuery = '';
  /** Next was pressed with something missing: the step now says what. */
  @state() private attempted = false;
  /** The look-ahead or the invitations are under way: nothing else can be done, Escape included. */
  @state() private busy = false;
  /** Why the look-ahead or the sending failed. */
  @state() private requestError?: ApiError;
  /** The summary, one line per address entered. */
  @state() private results: SummaryLine[] = [];

  private readonly api = new RosterApiController(this);
  private readonly summary = new SummaryActions(this, { accountId: () => this.api.accountId, close: () => (this.open = false) });
  private readonly modal = new ModalDialogController(this, {
    focusInitial: () => this.focusStep(),
    busy: () => this.busy,
    afterClose: () => this.summary.sendPendingView(),
  });
  /** What the server knows of each address, asked while the email step is typed. */
  private readonly lookAhead = new LookAheadController(this, (emails, signal) => {
    const accountId = this.api.accountId;
    return accountId ? checkInvitees(this.api.client, accountId, emails, signal) : undefined;
  });
  /** Asked before closing throws away what was typed: Cancel, Close and Escape go through it. */
  private readonly discard = new DiscardQuestion(this, {
    needed: () => this.hasUnsavedInput,
    busy: () => this.busy,
    close: () => this.modal.close(),
    focusFallback: () => this.focusStep(),
  });
  /** `emailText` and its checked addresses, parsed once per change of the text. */
  private parsed: { text: string; entries: EmailEntry[] } = { text: '', entries: [] };

  /** The account's groups, loaded afresh at each opening. */
  private readonly groupsTask = new Task(this, {
    task: ([client, accountId, open], { signal }) => (open && accountId ? listGroups(client, accountId, signal) : initialState),
    args: () => [this.api.client, this.api.accountId, this.open] as const,
  });

  /** Opens the dialog on its first step. */
  show() {
    this.open = true;
  }

  /** Closes the dialog (not while a request is under way). */
  close() {
    this.modal.close();
  }

  /** Every address of the email step with its verdict. */
  private get entries(): EmailEntry[] {
    if (this.parsed.text !== this.emailText) this.parsed = { text: this.emailText, entries: parseEmailList(this.emailText) };
    return this.parsed.entries;
  }

  private get chosenGroups(): Group[] {
    return (this.groupsTask.value ?? []).filter((group) => this.groupIds.includes(group.id));
  }

  /** Everything entered so far, as the wizard's rules and the steps read it. */
  private get draft(): Draft {
    return { entries: this.entries, lookups: this.lookAhead.lookups, names: this.names, chosenGroups: this.chosenGroups };
  }

  /** Something was typed or chosen that closing would throw away (the summary's invitations are sent). */
  private get hasUnsavedInput(): boolean {
    return this.step !== 'summary' && (this.emailText.trim() !== '' || this.names.size > 0 || this.groupIds.length > 0);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open) {
      this.step = 'emails';
      this.emailText = '';
      this.names = new Map();
      this.groupIds = [];
      this.groupQuery = '';
      this.attempted = false;
      this.requestError = undefined;
      this.lookAhead.reset();
      this.discard.reset();
      this.results = [];
      this.summary.reset();
    }
  }

  protected override updated(changed: PropertyValues): void {
    // An opening focuses its first step itself (see `modal`).
    if (changed.has('step') && !changed.has('open')) this.focusStep();
  }

  /** Each step starts on its first field, or on its title when it has none to fill. */
  private focusStep() {
    const target = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]') ?? this.renderRoot.querySelector<HTMLElement>('.step-heading');
    target?.focus();
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="heading" @keydown=${this.discard.handleKeydown} @cancel=${this.discard.handleCancel} @close=${this.modal.handleClose}>
      <h2 id="heading" part="heading">${msg('Add users')}</h2>
      ${this.open ? html`${progress(this.step)}${this.renderStep()}${this.discard.render()}` : nothing}
    </dialog>`;
  }

  private renderStep() {
    if (!this.api.accountId) {
      // Nothing failed: there is simply no account to invite to (a note, not an error).
      return html`<p part="error" class="message" role="status">${msg('No account is selected.')}</p>
        <div class="actions"><button type="button" part="close-button" class="button" @click=${this.handleCloseClick}>${msg('Close')}</button></div>`;
    }
    const draft = this.draft;
    const refusal = shownRefusal(this.step, draft, this.attempted);
    const buttons: StepButtons = { busy: this.busy, onCancel: this.handleCloseClick, onBack: this.handleBackClick };
    switch (this.step) {
      case 'emails':
        return emailsStep({
          text: this.emailText,
          entries: draft.entries,
          lookups: draft.lookups,
          refusal,
          requestError: this.requestError && checkErrorMessage(this.requestError),
          buttons,
          onInput: this.handleEmailsInput,
          onSubmit: this.handleNextSubmit,
        });
      case 'details':
        return detailsStep({ draft, attempted: this.attempted, refusal, buttons, onNameInput: this.handleNameInput, onSubmit: this.handleNextSubmit });
      case 'groups':
        return groupsStep({
          groups: this.groupsTask.value,
          loadError: this.groupsTask.status === TaskStatus.ERROR ? toApiError(this.groupsTask.error).message : undefined,
          query: this.groupQuery,
          groupIds: this.groupIds,
          chosenGroups: draft.chosenGroups,
          refusal,
          buttons,
          onSearchInput: this.handleGroupSearchInput,
          onGroupChange: this.handleGroupChange,
          onRetry: this.handleRetryGroupsClick,
          onSubmit: this.handleNextSubmit,
        });
      case 'overview':
        return overviewStep({
          draft,
          requestError: this.requestError && sendErrorMessage(this.requestError),
          buttons,
          onSubmit: this.handleSendSubmit,
        });
      case 'summary':
        return summaryStep({
          results: this.results,
          copyNote: this.summary.copyNote,
          onCopy: this.summary.handleCopyClick,
          onView: this.summary.handleViewClick,
          onClose: this.handleCloseClick,
        });
    }
  }

  private goTo(step: Step) {
    this.attempted = false;
    this.requestError = undefined;
    this.step = step;
  }

  /**
   * Next (or Send) was refused: focus goes to what explains why — the first field to fix (its message is read
   * with it), else the step's message — so it is scrolled into view and read, not left above the fold.
   */
  private async focusRefusal() {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('.people input[aria-invalid="true"]');
    (field ?? this.renderRoot.querySelector<HTMLElement>('.refusal'))?.focus();
  }

  // Handlers given to the step templates are arrow functions, so they keep `this` wherever they are bound.

  private readonly handleCloseClick = () => this.discard.requestClose();

  private readonly handleBackClick = () => {
    const previous = previousStep(this.step);
    if (previous && !this.busy) this.goTo(previous);
  };

  /** Next on the email, names and groups steps: refused with a reason, or on to the next step. */
  private readonly handleNextSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    if (refusal(this.step, this.draft)) {
      this.attempted = true;
      await this.focusRefusal();
    } else if (this.step === 'emails') {
      await this.checkBeforeNames();
    } else {
      this.goTo(nextStep(this.step));
    }
  };

  /** Next on the email step: the look-ahead's answers for every address, asked now for any still missing. */
  private async checkBeforeNames() {
    this.busy = true;
    this.requestError = undefined;
    const emails = validEntries(this.entries).map((entry) => entry.email);
    try {
      await this.lookAhead.checkNow(emails);
      // Typed on meanwhile, the list may hold addresses not asked about: Next is pressed again for those.
      const answered = validEntries(this.entries).every((entry) => this.lookAhead.lookups.has(emailKey(entry.email)));
      if (answered) this.goTo(nextStep('emails'));
    } catch (error) {
      this.requestError = toApiError(error);
    } finally {
      this.busy = false;
    }
    if (this.requestError) await this.focusRefusal();
  }

  private readonly handleSendSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const accountId = this.api.accountId;
    if (!accountId || this.busy) return;
    const { entries } = this;
    const { lookups } = this.lookAhead;
    const invitees = inviteesToSend(entries, lookups, this.names);
    this.busy = true;
    this.requestError = undefined;
    try {
      const { results } = await inviteUsers(this.api.client, accountId, { invitees, groupIds: this.chosenGroups.map((group) => group.id) });
      this.results = summaryLines(entries, lookups, results);
      this.step = nextStep('overview');
      const userIds = results.flatMap((result) => (result.status === 'invited' ? [result.userId] : []));
      if (userIds.length > 0) this.dispatchEvent(new UsersInvitedEvent({ accountId, userIds }));
    } catch (error) {
      this.requestError = toApiError(error);
      // A group deleted meanwhile: the list on the groups step should show what is left.
      if (this.requestError.code === 'unknown_group') void this.groupsTask.run();
    } finally {
      this.busy = false;
    }
    if (this.requestError) await this.focusRefusal();
  };

  private readonly handleEmailsInput = (event: Event) => {
    this.emailText = (event.target as HTMLTextAreaElement).value;
    if (!this.busy) this.lookAhead.schedule(validEntries(this.entries).map((entry) => entry.email));
  };

  private readonly handleNameInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const { email, field } = input.dataset as { email: string; field: keyof PersonName };
    this.names = new Map(this.names).set(emailKey(email), { ...typedName(this.names, email), [field]: input.value });
  };

  private readonly handleGroupSearchInput = (event: Event) => {
    this.groupQuery = (event.target as HTMLInputElement).value;
  };

  private readonly handleGroupChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const others = this.groupIds.filter((id) => id !== input.value);
    this.groupIds = input.checked ? [...others, input.value] : others;
  };

  private readonly handleRetryGroupsClick = () => {
    void this.groupsTask.run();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'add-users-dialog': AddUsersDialog;
  }
}
