import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { Group, InviteCheckResult } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { checkInvitees, inviteUsers, listGroups } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { UsersInvitedEvent, ViewUserRequestEvent } from '../events.ts';
import { deepActiveElement } from '../internal/dom.ts';
import { formatNumber } from '../internal/format.ts';
import { addUsersDialogStyles } from './add-users-dialog.styles.ts';
import {
  emailKey,
  isInvitable,
  parseEmailList,
  summaryLines,
  type EmailEntry,
  type Lookups,
  type PersonName,
  type SummaryLine,
} from './invitees.ts';
import { checkErrorMessage, missingNamesMessage, sendErrorMessage, skippedEntriesNote, stepLabel, STEPS, type Step } from './labels.ts';
import { entryList, personFields, resultCounts, resultItem } from './templates.ts';

/**
 * "Add users": a wizard that invites one or many people to an account — Email addresses → Names →
 * Groups → Overview → Summary. Pasted lists are split on commas, semicolons, spaces and new lines and
 * every address is checked on its own line with the server's rule; invalid ones are marked and left
 * out, and a repeated one is marked and invited once. Before the names step the server's look-ahead tells who already has a platform
 * identity (their names are shown read-only: people keep their own name) and who is already in the
 * account (said at once, and not invited again).
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
 * @csspart send-button - Send invitations.
 * @csspart close-button - Close, on the summary.
 *
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
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@localized()
@customElement('add-users-dialog')
export class AddUsersDialog extends LitElement {
  static override styles = addUsersDialogStyles;

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
  /** The look-ahead's answer for each valid address. */
  @state() private lookups: Lookups = new Map();
  /** The summary, one line per address entered. */
  @state() private results: SummaryLine[] = [];
  /** What the last "Copy link" did. */
  @state() private copyNote = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly api = new RosterApiController(this);
  /** `emailText` and its checked addresses, parsed once per change of the text. */
  private parsed: { text: string; entries: EmailEntry[] } = { text: '', entries: [] };
  /** What had focus before the dialog opened, to give it back on close. */
  private returnFocus?: HTMLElement;
  /** "View user" was chosen: the request goes out once the dialog has closed. */
  private pendingView?: ViewUserRequestEvent;

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
    if (!this.busy) this.open = false;
  }

  /** Every address of the email step with its verdict. */
  private get entries(): EmailEntry[] {
    if (this.parsed.text !== this.emailText) this.parsed = { text: this.emailText, entries: parseEmailList(this.emailText) };
    return this.parsed.entries;
  }

  /** The addresses the look-ahead is asked about: valid, each once. */
  private get invitees(): EmailEntry[] {
    return this.entries.filter((entry) => entry.status === 'valid');
  }

  private lookupOf(email: string): InviteCheckResult | undefined {
    return this.lookups.get(emailKey(email));
  }

  /** The addresses that will be sent: not in the account yet. */
  private get invitable(): EmailEntry[] {
    return this.invitees.filter((entry) => isInvitable(this.lookupOf(entry.email)));
  }

  /** New people, whose names the administrator must give. */
  private get newPeople(): EmailEntry[] {
    return this.invitees.filter((entry) => this.lookupOf(entry.email)?.status === 'new');
  }

  private get chosenGroups(): Group[] {
    return (this.groupsTask.value ?? []).filter((group) => this.groupIds.includes(group.id));
  }

  private nameOf(email: string): PersonName {
    return this.names.get(emailKey(email)) ?? { firstName: '', lastName: '' };
  }

  /** Why the email step cannot go on, if it cannot. */
  private get emailProblem(): string | undefined {
    const count = this.invitees.length;
    if (count > MAX_INVITEES) {
      return msg(str`You can invite up to ${formatNumber(MAX_INVITEES)} people at a time. Remove ${formatNumber(count - MAX_INVITEES)} of them.`);
    }
    if (count > 0) return undefined;
    return this.entries.length === 0 ? msg('Enter at least one email address.') : msg('None of these is a valid email address.');
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
      this.lookups = new Map();
      this.results = [];
      this.copyNote = '';
      this.pendingView = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && this.open && !this.dialog.open) {
      this.returnFocus = deepActiveElement();
      this.dialog.showModal();
      this.focusStep();
    } else if (changed.has('open') && !this.open && this.dialog.open) {
      this.dialog.close();
    } else if (changed.has('step')) {
      this.focusStep();
    }
  }

  /** Each step starts on its first field, or on its title when it has none to fill. */
  private focusStep() {
    const target = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]') ?? this.renderRoot.querySelector<HTMLElement>('.step-heading');
    target?.focus();
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="heading" @cancel=${this.handleCancel} @close=${this.handleClose}>
      <h2 id="heading" part="heading">${msg('Add users')}</h2>
      ${this.open ? html`${this.renderProgress()}${this.renderStep()}` : nothing}
    </dialog>`;
  }

  private renderProgress() {
    const current = STEPS.indexOf(this.step);
    return html`<ol part="steps" class="steps" aria-label=${msg('Steps')}>
      ${STEPS.map(
        (step, index) => html`<li class=${index < current ? 'done' : index === current ? 'current' : ''} aria-current=${index === current ? 'step' : nothing}>
          <span class="step-number" aria-hidden="true">${index < current ? '✓' : formatNumber(index + 1)}</span>
          ${stepLabel(step)}${index < current ? html`<span class="visually-hidden"> ${msg('(done)')}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderStepHeading() {
    const number = formatNumber(STEPS.indexOf(this.step) + 1);
    const total = formatNumber(STEPS.length);
    return html`<h3 part="step-heading" class="step-heading" tabindex="-1">
      <span class="visually-hidden">${msg(str`Step ${number} of ${total}:`)} </span>${stepLabel(this.step)}
    </h3>`;
  }

  private renderStep() {
    if (!this.api.accountId) {
      // Nothing failed: there is simply no account to invite to (a note, not an error).
      return html`<p part="error" class="message" role="status">${msg('No account is selected.')}</p>
        <div class="actions"><button type="button" part="close-button" class="button" @click=${this.close}>${msg('Close')}</button></div>`;
    }
    switch (this.step) {
      case 'emails':
        return this.renderEmailsStep();
      case 'details':
        return this.renderDetailsStep();
      case 'groups':
        return this.renderGroupsStep();
      case 'overview':
        return this.renderOverviewStep();
      case 'summary':
        return this.renderSummaryStep();
    }
  }

  /**
   * Cancel, Back (after the first step) and the step's main button, which submits its form (aria-disabled
   * keeps focus on it while busy); `refusal` is the id of the message saying why it was refused, if shown.
   */
  private renderActions(main: 'next' | 'send', refusal?: string) {
    return html`<div class="actions">
      <button type="button" part="cancel-button" class="button cancel" ?disabled=${this.busy} @click=${this.close}>${msg('Cancel')}</button>
      <span class="spacer"></span>
      ${this.step === 'emails'
        ? nothing
        : html`<button type="button" part="back-button" class="button back" ?disabled=${this.busy} @click=${this.handleBackClick}>${msg('Back')}</button>`}
      ${main === 'next'
        ? html`<button
            type="submit"
            part="next-button"
            class="button primary next"
            aria-disabled=${this.busy ? 'true' : 'false'}
            aria-describedby=${refusal ?? nothing}
          >
            ${this.busy ? msg('Checking…') : msg('Next')}
          </button>`
        : html`<button
            type="submit"
            part="send-button"
            class="button primary send"
            aria-disabled=${this.busy ? 'true' : 'false'}
            aria-describedby=${refusal ?? nothing}
          >
            ${this.busy ? msg('Sending…') : msg('Send invitations')}
          </button>`}
    </div>`;
  }

  private renderEmailsStep() {
    const problem = this.emailProblem;
    // Too many is said at once; "nothing valid yet" only after Next, not while the field is still empty.
    const shownProblem = problem && (this.attempted || this.invitees.length > MAX_INVITEES) ? problem : undefined;
    const counts = { valid: 0, invalid: 0, duplicate: 0 };
    for (const entry of this.entries) counts[entry.status] += 1;
    const skipped = counts.invalid + counts.duplicate;
    return html`<form class="step" novalidate @submit=${this.handleEmailsSubmit}>
      ${this.renderStepHeading()}
      <label for="emails" class="label">${msg('Who should be invited?')}</label>
      <p id="emails-hint" class="hint">
        ${msg(str`Type or paste up to ${formatNumber(MAX_INVITEES)} addresses, separated by commas, semicolons, spaces or new lines.`)}
      </p>
      <textarea
        id="emails"
        part="emails"
        class="control"
        rows="4"
        autocomplete="off"
        spellcheck="false"
        data-autofocus
        aria-describedby="emails-hint emails-count ${shownProblem ? 'emails-error' : ''}"
        aria-invalid=${shownProblem ? 'true' : 'false'}
        .value=${this.emailText}
        @input=${this.handleEmailsInput}
      ></textarea>
      <p id="emails-count" class="muted" role="status">
        ${this.entries.length === 0
          ? msg('No addresses yet.')
          : msg(str`Valid: ${formatNumber(counts.valid)} · Invalid: ${formatNumber(counts.invalid)} · Listed twice: ${formatNumber(counts.duplicate)}`)}
      </p>
      ${shownProblem ? html`<p id="emails-error" part="error" class="field-error refusal" role="alert" tabindex="-1">${shownProblem}</p>` : nothing}
      ${this.entries.length === 0 ? nothing : entryList(this.entries)}
      ${counts.valid > 0 && skipped > 0 ? html`<p class="hint skipped-note">${skippedEntriesNote(counts.invalid, counts.duplicate)}</p>` : nothing}
      ${this.requestError
        ? html`<p id="request-error" part="error" class="message error refusal" role="alert" tabindex="-1">${checkErrorMessage(this.requestError)}</p>`
        : nothing}
      ${this.renderActions('next', shownProblem ? 'emails-error' : this.requestError ? 'request-error' : undefined)}
    </form>`;
  }

  private renderDetailsStep() {
    const missing = this.attempted ? this.newPeople.filter((entry) => !isNamed(this.nameOf(entry.email))).length : 0;
    const nobody = this.attempted && this.invitable.length === 0;
    const firstNew = this.newPeople[0];
    return html`<form class="step" novalidate @submit=${this.handleDetailsSubmit}>
      ${this.renderStepHeading()}
      <p class="hint">${msg('Enter the first and last name of each new person. People who already have an account keep their own name.')}</p>
      ${missing > 0
        ? html`<p id="names-error" part="error" class="field-error refusal" role="alert" tabindex="-1">${missingNamesMessage(missing, this.newPeople.length)}</p>`
        : nothing}
      ${nobody
        ? html`<p id="nobody-error" part="error" class="field-error refusal" role="alert" tabindex="-1">
            ${msg('Nobody on this list can be invited. Go back and change the addresses.')}
          </p>`
        : nothing}
      <div part="names" class="people">
        ${this.invitees.map((entry, index) =>
          personFields({
            entry,
            index,
            lookup: this.lookupOf(entry.email),
            name: this.nameOf(entry.email),
            attempted: this.attempted,
            autofocus: entry === firstNew,
            onInput: this.handleNameInput,
          }),
        )}
      </div>
      ${this.renderActions('next', nobody ? 'nobody-error' : missing > 0 ? 'names-error' : undefined)}
    </form>`;
  }

  private renderGroupsStep() {
    const refused = this.attempted && this.chosenGroups.length === 0;
    return html`<form class="step" novalidate @submit=${this.handleGroupsSubmit}>
      ${this.renderStepHeading()} ${this.renderGroupChoice()} ${this.renderActions('next', refused ? 'groups-error' : undefined)}
    </form>`;
  }

  private renderGroupChoice() {
    if (this.groupsTask.status === TaskStatus.ERROR) {
      return html`<div part="error" class="message error" role="alert">
        <p>${msg(str`The groups could not be loaded: ${toApiError(this.groupsTask.error).message}`)}</p>
        <button type="button" class="button" @click=${this.handleRetryGroupsClick}>${msg('Try again')}</button>
      </div>`;
    }
    const groups = this.groupsTask.value;
    if (!groups) {
      return html`<p class="muted" role="status">${msg('Loading groups…')}</p>
        <span class="bar" aria-hidden="true"></span><span class="bar" aria-hidden="true"></span>`;
    }
    const query = this.groupQuery.trim().toLocaleLowerCase();
    const shown = query ? groups.filter((group) => `${group.name} ${group.description}`.toLocaleLowerCase().includes(query)) : groups;
    const chosen = this.chosenGroups;
    const missing = this.attempted && chosen.length === 0;
    return html`<div class="field search">
        <label for="group-search">${msg('Search groups')}</label>
        <input
          id="group-search"
          part="group-search"
          class="control"
          type="search"
          autocomplete="off"
          data-autofocus
          aria-controls="group-list"
          .value=${this.groupQuery}
          @input=${this.handleGroupSearchInput}
          @keydown=${this.handleGroupSearchKeydown}
        />
      </div>
      <fieldset id="group-list" part="groups" class="groups" aria-describedby=${missing ? 'groups-error groups-chosen' : 'groups-chosen'}>
        <legend>${msg('Invite them to these groups (at least one)')}</legend>
        ${shown.length === 0
          ? html`<p class="muted">${msg(str`No group matches “${this.groupQuery.trim()}”.`)}</p>`
          : shown.map(
              (group) => html`<label class="check">
                <input type="checkbox" value=${group.id} .checked=${this.groupIds.includes(group.id)} @change=${this.handleGroupChange} />
                <span><span class="group-name">${group.name}</span> <span class="muted">${group.description}</span></span>
              </label>`,
            )}
      </fieldset>
      <p id="groups-chosen" class="muted" role="status">
        ${chosen.length === 0 ? msg('No group chosen yet.') : msg(str`Chosen: ${chosen.map((group) => group.name).join(', ')}`)}
      </p>
      ${missing ? html`<p id="groups-error" part="error" class="field-error refusal" role="alert" tabindex="-1">${msg('Choose at least one group.')}</p>` : nothing}`;
  }

  private renderOverviewStep() {
    const invitable = this.invitable;
    // A repeated address is no one left out: it is invited once, on its first line.
    const leftOut = this.entries.filter((entry) => entry.status !== 'duplicate' && !invitable.includes(entry));
    return html`<form class="step" novalidate @submit=${this.handleSendSubmit}>
      ${this.renderStepHeading()}
      <p>
        ${invitable.length === 1
          ? msg('This person will get an email with a link to join:')
          : msg(str`These ${formatNumber(invitable.length)} people will each get an email with a link to join:`)}
      </p>
      <div class="table-wrap">
        <table part="overview" class="overview">
          <caption class="visually-hidden">${msg('People to invite')}</caption>
          <thead>
            <tr><th scope="col">${msg('Name')}</th><th scope="col">${msg('Email')}</th></tr>
          </thead>
          <tbody>
            ${invitable.map((entry) => html`<tr><td>${this.displayName(entry.email)}</td><td>${entry.email}</td></tr>`)}
          </tbody>
        </table>
      </div>
      <p><strong>${msg('Groups:')}</strong> ${this.chosenGroups.map((group) => group.name).join(', ')}</p>
      ${leftOut.length > 0
        ? html`<p class="muted">${msg('Not invited (invalid or already in the account):')} ${leftOut.map((entry) => entry.email).join(', ')}</p>`
        : nothing}
      ${this.requestError
        ? html`<p id="request-error" part="error" class="message error refusal" role="alert" tabindex="-1">${sendErrorMessage(this.requestError)}</p>`
        : nothing}
      ${this.renderActions('send', this.requestError ? 'request-error' : undefined)}
    </form>`;
  }

  /** The name a person will be known by: their own when they have an account, else the one typed. */
  private displayName(email: string): string {
    const lookup = this.lookupOf(email);
    const { firstName, lastName } = lookup?.status === 'known' ? lookup : this.nameOf(email);
    return `${firstName.trim()} ${lastName.trim()}`.trim();
  }

  private renderSummaryStep() {
    return html`<div class="step">
      ${this.renderStepHeading()}
      <p>${resultCounts(this.results)}</p>
      <ul part="results" class="results">
        ${this.results.map((result, index) => resultItem(result, index, { copy: this.handleCopyClick, view: this.handleViewClick }))}
      </ul>
      <p class="copy-note" role="status">${this.copyNote}</p>
      <div class="actions">
        <button type="button" part="close-button" class="button primary close" @click=${this.close}>${msg('Close')}</button>
      </div>
    </div>`;
  }

  private goTo(step: Step) {
    this.attempted = false;
    this.requestError = undefined;
    this.step = step;
  }

  private handleBackClick() {
    const index = STEPS.indexOf(this.step);
    if (index > 0 && !this.busy) this.goTo(STEPS[index - 1]!);
  }

  private handleEmailsInput(event: Event) {
    this.emailText = (event.target as HTMLTextAreaElement).value;
  }

  /** Asks the server who these people are before the names step, so it can show what it knows. */
  private async handleEmailsSubmit(event: SubmitEvent) {
    event.preventDefault();
    const accountId = this.api.accountId;
    if (this.busy || !accountId) return;
    if (this.emailProblem) {
      this.attempted = true;
      await this.focusRefusal();
      return;
    }
    this.busy = true;
    this.requestError = undefined;
    try {
      const { results } = await checkInvitees(this.api.client, accountId, this.invitees.map((entry) => entry.email));
      this.lookups = new Map(results.map((result) => [emailKey(result.email), result]));
      this.goTo('details');
    } catch (error) {
      this.requestError = toApiError(error);
    } finally {
      this.busy = false;
    }
    if (this.requestError) await this.focusRefusal();
  }

  private handleNameInput(event: Event) {
    const input = event.target as HTMLInputElement;
    const { email, field } = input.dataset as { email: string; field: keyof PersonName };
    this.names = new Map(this.names).set(emailKey(email), { ...this.nameOf(email), [field]: input.value });
  }

  private async handleDetailsSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.invitable.length > 0 && this.newPeople.every((entry) => isNamed(this.nameOf(entry.email)))) {
      this.goTo('groups');
      return;
    }
    this.attempted = true;
    await this.focusRefusal();
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

  private handleGroupSearchInput(event: Event) {
    this.groupQuery = (event.target as HTMLInputElement).value;
  }

  /** Enter in the search box filters; it does not leave the step. */
  private handleGroupSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') event.preventDefault();
  }

  private handleGroupChange(event: Event) {
    const input = event.target as HTMLInputElement;
    const others = this.groupIds.filter((id) => id !== input.value);
    this.groupIds = input.checked ? [...others, input.value] : others;
  }

  private handleRetryGroupsClick() {
    void this.groupsTask.run();
  }

  private async handleGroupsSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.chosenGroups.length > 0) {
      this.goTo('overview');
      return;
    }
    this.attempted = true;
    await this.focusRefusal();
  }

  private async handleSendSubmit(event: SubmitEvent) {
    event.preventDefault();
    const accountId = this.api.accountId;
    if (!accountId || this.busy) return;
    const { entries, lookups } = this;
    // People with an account keep their own name, so only new people's names are sent.
    const invitees = this.invitable.map(({ email }) => {
      if (this.lookupOf(email)?.status !== 'new') return { email };
      const { firstName, lastName } = this.nameOf(email);
      return { email, firstName: firstName.trim(), lastName: lastName.trim() };
    });
    this.busy = true;
    this.requestError = undefined;
    try {
      const { results } = await inviteUsers(this.api.client, accountId, { invitees, groupIds: this.chosenGroups.map((group) => group.id) });
      this.results = summaryLines(entries, lookups, results);
      this.step = 'summary';
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
  }

  private async handleCopyClick(event: Event) {
    const { link, email } = (event.currentTarget as HTMLElement).dataset;
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      this.copyNote = msg(str`The link for ${email} is copied.`);
    } catch {
      this.copyNote = msg('The browser did not allow copying. Select the link and copy it yourself.');
    }
  }

  /** "View user": closes, then asks the screen around to show that person (see `handleClose`). */
  private handleViewClick(event: Event) {
    const { userId, email } = (event.currentTarget as HTMLElement).dataset;
    const accountId = this.api.accountId;
    if (!userId || !accountId) return;
    this.pendingView = new ViewUserRequestEvent({ accountId, userId }, email ?? '');
    this.open = false;
  }

  private handleCancel(event: Event) {
    if (this.busy) event.preventDefault();
  }

  /** Gives focus back; a "View user" request goes out after that, so where the host then moves focus wins. */
  private handleClose() {
    this.open = false;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
    const view = this.pendingView;
    this.pendingView = undefined;
    if (view) this.dispatchEvent(view);
  }
}

function isNamed(name: PersonName): boolean {
  return Boolean(name.firstName.trim() && name.lastName.trim());
}

declare global {
  interface HTMLElementTagNameMap {
    'add-users-dialog': AddUsersDialog;
  }
}
