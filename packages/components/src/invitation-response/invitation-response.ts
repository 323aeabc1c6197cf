import { localized, msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { AcceptInvitation, InvitationView } from '@roster/shared';
import { PASSWORD_CHECKS } from '@roster/shared/values';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/api-error.ts';
import { acceptInvitation, declineInvitation, getInvitation, signIn, signOut } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { InvitationAcceptedEvent, InvitationDeclinedEvent } from '../events.ts';
import { formatDateTime } from '../internal/format.ts';
import { invitationResponseStyles } from './invitation-response.styles.ts';
import {
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  passwordCheckLabel,
  REGISTRATION_FIELDS,
  registrationErrors,
  serverFieldErrors,
  type FieldErrors,
  type RegistrationDraft,
  type RegistrationField,
} from './registration.ts';

/**
 * Where the invitee is: the welcome, one of the ways to accept (register, sign in, sign out of
 * someone else's session), the decline confirmation, or an end screen.
 */
type Step = 'welcome' | 'register' | 'sign-in' | 'switch-person' | 'decline' | 'joined' | 'declined' | 'expired' | 'invalid';
type Viewer = InvitationView['viewer'];
type Busy = 'accept' | 'sign-in' | 'sign-out' | 'decline';

/** The id of each registration field's control (its error is `<id>-error`). */
const FIELD_IDS: Record<RegistrationField, string> = {
  firstName: 'first-name',
  lastName: 'last-name',
  password: 'password',
  confirm: 'confirm',
  acceptTerms: 'terms',
};

/**
 * The invitee's side of an invitation, opened from the emailed link: a welcome naming the account
 * and the inviter, then Accept (a new person registers; a person with a sign-in signs in) or Decline,
 * and a clear end screen — joined, declined, or a link that has expired or no longer works (with what to do
 * when it was already accepted: sign in). When someone other than the invitee is signed in on the
 * browser, the welcome and the Decline confirmation say whose invitation it is.
 * Needs no account and no `<roster-provider>`: give it the link's `token` (and `api-base`).
 *
 * @attr token - The invitation token: the last path segment of the link (`…/invite/<token>`).
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr terms-url - Where the terms of use can be read; the registration form links to it when set.
 *
 * @fires invitation-accepted - {InvitationAcceptedEvent} The person joined and is signed in with that account active; `detail` is `{ accountId, userId }`.
 * @fires invitation-declined - {InvitationDeclinedEvent} The person declined; `detail` is `{ accountId, userId }`.
 *
 * @csspart card - The box around every screen.
 * @csspart heading - The title of each screen (an `<h2>`).
 * @csspart form - The registration and sign-in forms.
 * @csspart field-error - The message under a field that needs attention.
 * @csspart password-checklist - The live list of the password rule's checks.
 * @csspart error - A refusal or failure that concerns the whole screen.
 * @csspart note - The warning, on the welcome and Decline screens, that the browser is signed in as another person
 *   than the invitee (the link may have been forwarded or opened on a shared browser).
 * @csspart primary-button - The main action of a screen (Accept, Join, Sign out, Try again).
 * @csspart secondary-button - Decline and Back.
 * @csspart decline-button - The destructive confirmation of Decline.
 *
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The card's background.
 * @cssprop --roster-color-surface-raised - Read-only fields, messages and secondary buttons.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - The main button and checkbox.
 * @cssprop --roster-color-on-accent - Text on the main and destructive buttons.
 * @cssprop --roster-color-success - Met password checks.
 * @cssprop --roster-color-danger - Errors and the Decline confirmation.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@localized()
@customElement('invitation-response')
export class InvitationResponse extends LitElement {
  static override styles = invitationResponseStyles;

  /** The invitation token from the link. */
  @property() token?: string;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Where the terms of use can be read. */
  @property({ attribute: 'terms-url' }) termsUrl?: string;

  @state() private step: Step = 'welcome';
  /** Who is signed in, once this screen changed it (signed in or out) or the server said otherwise. */
  @state() private viewer?: Viewer;
  @state() private busy?: Busy;
  /** A refusal or failure shown for the whole screen. */
  @state() private actionError?: string;

  @state() private draft?: RegistrationDraft;
  /** After the first attempt to submit, the form's own checks are shown and follow the typing. */
  @state() private submitted = false;
  @state() private serverErrors: FieldErrors = {};

  @state() private signInPassword = '';
  @state() private signInError?: string;

  private readonly api = new RosterApiController(this);
  /** What to focus once the next render is done (the new screen's heading or first field). */
  private pendingFocus?: string;

  private readonly invitationTask = new Task(this, {
    task: async ([client, token], { signal }) => (token ? getInvitation(client, token, signal) : initialState),
    args: () => [this.api.client, this.token] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another link is another invitation: start over.
    if (changed.has('token') && changed.get('token') !== undefined) {
      this.step = 'welcome';
      this.viewer = undefined;
      this.busy = undefined;
      this.actionError = undefined;
      this.draft = undefined;
      this.submitted = false;
      this.serverErrors = {};
      this.signInPassword = '';
      this.signInError = undefined;
    }
  }

  protected override updated(): void {
    if (!this.pendingFocus) return;
    this.renderRoot.querySelector<HTMLElement>(this.pendingFocus)?.focus();
    this.pendingFocus = undefined;
  }

  protected override render() {
    return html`<div part="card" class="card">${this.renderScreen()}</div>`;
  }

  private renderScreen() {
    if (!this.token || this.step === 'invalid') return this.renderUnusableLink();
    if (this.step === 'expired') return this.renderExpired();
    if (this.invitationTask.status === TaskStatus.ERROR) {
      const error = toApiError(this.invitationTask.error);
      if (error.code === 'not_found') return this.renderUnusableLink();
      if (error.code === 'invitation_expired') return this.renderExpired();
      return this.renderLoadError(error);
    }
    const view = this.invitationTask.status === TaskStatus.COMPLETE ? this.invitationTask.value : undefined;
    if (!view) return this.renderLoading();
    switch (this.step) {
      case 'welcome':
        return this.renderWelcome(view);
      case 'register':
        return this.renderRegister(view);
      case 'sign-in':
        return this.renderSignIn(view);
      case 'switch-person':
        return this.renderSwitchPerson(view);
      case 'decline':
        return this.renderDecline(view);
      case 'joined':
        return this.renderEnd(msg(str`You joined ${view.accountName}`), msg(str`You are signed in as ${view.email}.`));
      case 'declined':
        return this.renderEnd(
          msg('You declined the invitation'),
          msg(str`You did not join ${view.accountName}. If you change your mind, ask your administrator for a new invitation.`),
        );
    }
  }

  private renderLoading() {
    return html`<div class="loading">
      <p class="visually-hidden" role="status">${msg('Loading the invitation…')}</p>
      <span class="bar title" aria-hidden="true"></span>
      <span class="bar" aria-hidden="true"></span>
      <span class="bar short" aria-hidden="true"></span>
    </div>`;
  }

  private renderLoadError(error: ApiError) {
    return html`${this.heading(msg('The invitation could not be loaded'))}
      <p part="error" class="message error" role="alert">${errorMessage(error)}</p>
      <div class="actions">
        <button type="button" part="primary-button" class="button primary retry" @click=${this.handleRetryClick}>${msg('Try again')}</button>
      </div>`;
  }

  private renderExpired() {
    return this.renderEnd(
      msg('This invitation has expired'),
      msg('Invitations are valid for a limited time. Ask your administrator for a new invitation.'),
    );
  }

  /**
   * A link that no longer works. People often open it again after joining, so that case comes first:
   * signing in reaches the account (the element knows no page to link to; the host does).
   */
  private renderUnusableLink() {
    return html`${this.heading(msg('This invitation link does not work'))}
      <p>${msg('The link no longer works: it may have been used already, withdrawn, or copied incompletely.')}</p>
      <p>${msg('If you already accepted this invitation, sign in to reach the account.')}</p>
      <p>${msg('Otherwise, ask your administrator for a new invitation.')}</p>`;
  }

  private renderEnd(title: string, text: string) {
    return html`${this.heading(title)}
      <p>${text}</p>`;
  }

  private renderWelcome(view: InvitationView) {
    const viewer = this.viewerOf(view);
    return html`${this.heading(
        view.inviterName
          ? msg(str`${view.inviterName} invited you to join ${view.accountName}`)
          : msg(str`You are invited to join ${view.accountName}`),
      )}
      ${viewer === 'someone_else'
        ? // Whoever is signed in here may not be the invitee: say so before they accept or decline for someone else.
          html`<p part="note" class="message note">
            <strong>${msg('You are signed in as another person.')}</strong> ${msg(str`This invitation is for ${view.email}.`)}
          </p>`
        : html`<p>${msg(str`The invitation is for ${view.email}.`)}</p>`}
      <p class="muted">${msg(str`It is valid until ${formatDateTime(view.expiresAt)}.`)}</p>
      ${this.renderActionError()}
      <div class="actions">
        <button type="button" part="primary-button" class="button primary accept" aria-disabled=${this.busy !== undefined} @click=${this.handleAcceptClick}>
          ${this.busy === 'accept' ? msg('Joining…') : viewer === 'invitee' ? msg('Accept and join') : msg('Accept')}
        </button>
        <button type="button" part="secondary-button" class="button decline" aria-disabled=${this.busy !== undefined} @click=${this.handleDeclineClick}>
          ${msg('Decline')}
        </button>
      </div>`;
  }

  private renderRegister(view: InvitationView) {
    const draft = this.draft!;
    const errors = this.visibleErrors();
    return html`${this.heading(msg(str`Join ${view.accountName}`))}
      <p>${msg('Choose the name others will see and a password for signing in.')}</p>
      ${this.viewerOf(view) === 'someone_else'
        ? html`<p class="message">${msg(str`Someone else is signed in on this browser. Joining signs you in as ${view.email} instead.`)}</p>`
        : nothing}
      <form part="form" novalidate @submit=${this.handleRegisterSubmit} @input=${this.handleDraftInput}>
        ${this.renderReadOnlyEmail(view)}
        <div class="names">
          ${this.renderTextField('firstName', msg('First name'), errors, { autocomplete: 'given-name', maxlength: NAME_MAX_LENGTH })}
          ${this.renderTextField('lastName', msg('Last name'), errors, { autocomplete: 'family-name', maxlength: NAME_MAX_LENGTH })}
        </div>
        ${this.renderTextField('password', msg('Password'), errors, {
          type: 'password',
          autocomplete: 'new-password',
          maxlength: PASSWORD_MAX_LENGTH,
          describedBy: 'password-rules',
        })}
        ${this.renderChecklist(draft.password, Boolean(errors.password))}
        ${this.renderTextField('confirm', msg('Confirm password'), errors, { type: 'password', autocomplete: 'new-password', maxlength: PASSWORD_MAX_LENGTH })}
        <div class="field checkbox-field">
          <input
            id="terms"
            name="acceptTerms"
            type="checkbox"
            required
            .checked=${draft.acceptTerms}
            aria-invalid=${errors.acceptTerms ? 'true' : 'false'}
            aria-describedby=${errors.acceptTerms ? 'terms-error' : nothing}
          />
          <label for="terms">
            ${this.termsUrl
              ? msg(html`I agree to the <a href=${this.termsUrl} target="_blank" rel="noopener">terms of use</a>`)
              : msg('I agree to the terms of use')}
          </label>
          ${errors.acceptTerms ? html`<p id="terms-error" part="field-error" class="field-error">${errors.acceptTerms}</p>` : nothing}
        </div>
        ${this.renderActionError()}
        <div class="actions">
          <button type="submit" part="primary-button" class="button primary join" aria-disabled=${this.busy !== undefined}>
            ${this.busy === 'accept' ? msg('Joining…') : msg(str`Join ${view.accountName}`)}
          </button>
          ${this.renderBackButton()}
        </div>
      </form>`;
  }

  private renderTextField(
    field: Exclude<RegistrationField, 'acceptTerms'>,
    label: string,
    errors: FieldErrors,
    options: { type?: string; autocomplete: string; maxlength: number; describedBy?: string },
  ) {
    const id = FIELD_IDS[field];
    const error = errors[field];
    const describedBy = [error ? `${id}-error` : '', options.describedBy ?? ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${field}
        class="control"
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete}
        maxlength=${options.maxlength}
        required
        .value=${this.draft![field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
      />
      ${error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  /**
   * Each check of the shared rule, met or not, in words (the marks are decoration). A change is
   * announced politely, the whole item at once, so a screen reader says which check changed.
   */
  private renderChecklist(password: string, failed: boolean) {
    return html`<div class="rules">
      <p id="password-rules-label" class="muted">${msg('Your password needs:')}</p>
      <ul id="password-rules" part="password-checklist" class="checklist" aria-labelledby="password-rules-label" aria-live="polite">
        ${PASSWORD_CHECKS.map((check) => {
          const met = check.test(password);
          return html`<li class=${met ? 'met' : failed ? 'failed' : 'unmet'} data-check=${check.id} aria-atomic="true">
            <span class="mark" aria-hidden="true">${met ? '✓' : failed ? '✕' : '○'}</span>
            <span>${passwordCheckLabel(check.id)}</span>
            <span class="visually-hidden">${met ? msg('(met)') : msg('(not met)')}</span>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderSignIn(view: InvitationView) {
    return html`${this.heading(msg(str`Sign in to join ${view.accountName}`))}
      <p>${msg(str`${view.email} already has a sign-in. Enter its password to accept the invitation.`)}</p>
      <form part="form" novalidate @submit=${this.handleSignInSubmit}>
        ${this.renderReadOnlyEmail(view)}
        <div class="field">
          <label for="password">${msg('Password')}</label>
          <input
            id="password"
            name="password"
            class="control"
            type="password"
            autocomplete="current-password"
            maxlength=${PASSWORD_MAX_LENGTH}
            required
            .value=${this.signInPassword}
            aria-invalid=${this.signInError ? 'true' : 'false'}
            aria-describedby=${this.signInError ? 'password-error' : nothing}
            @input=${this.handleSignInInput}
          />
          ${this.signInError ? html`<p id="password-error" part="field-error" class="field-error">${this.signInError}</p>` : nothing}
        </div>
        ${this.renderActionError()}
        <div class="actions">
          <button type="submit" part="primary-button" class="button primary join" aria-disabled=${this.busy !== undefined}>
            ${this.busy === 'sign-in' ? msg('Signing in…') : this.busy === 'accept' ? msg('Joining…') : msg('Sign in and join')}
          </button>
          ${this.renderBackButton()}
        </div>
      </form>`;
  }

  private renderSwitchPerson(view: InvitationView) {
    return html`${this.heading(msg('You are signed in as another person'))}
      <p>${msg(str`This invitation is for ${view.email}. To accept it, sign out, then sign in as ${view.email}.`)}</p>
      ${this.renderActionError()}
      <div class="actions">
        <button type="button" part="primary-button" class="button primary sign-out" aria-disabled=${this.busy !== undefined} @click=${this.handleSignOutClick}>
          ${this.busy === 'sign-out' ? msg('Signing out…') : msg('Sign out')}
        </button>
        ${this.renderBackButton()}
      </div>`;
  }

  private renderDecline(view: InvitationView) {
    return html`${this.heading(msg(str`Decline the invitation to ${view.accountName}?`))}
      <p>${msg(str`This declines the invitation for ${view.email}.`)}</p>
      ${this.viewerOf(view) === 'someone_else'
        ? html`<p part="note" class="message note">
            ${msg(str`You are signed in as another person. Decline only if you are ${view.email}, or that person asked you to.`)}
          </p>`
        : nothing}
      <p>${msg(str`The administrators will see that ${view.email} declined, and this link will stop working.`)}</p>
      ${this.renderActionError()}
      <div class="actions">
        <button type="button" part="decline-button" class="button danger confirm-decline" aria-disabled=${this.busy !== undefined} @click=${this.handleConfirmDeclineClick}>
          ${this.busy === 'decline' ? msg('Declining…') : msg('Decline invitation')}
        </button>
        ${this.renderBackButton()}
      </div>`;
  }

  /** The invited email, for reading and for password managers, which file the new password under it. */
  private renderReadOnlyEmail(view: InvitationView) {
    return html`<div class="field">
      <label for="email">${msg('Email')}</label>
      <input id="email" class="control" type="email" autocomplete="username" readonly .value=${view.email} />
    </div>`;
  }

  private renderBackButton() {
    return html`<button type="button" part="secondary-button" class="button back" aria-disabled=${this.busy !== undefined} @click=${this.handleBackClick}>
      ${msg('Back')}
    </button>`;
  }

  private renderActionError() {
    return this.actionError ? html`<p part="error" class="message error" role="alert">${this.actionError}</p>` : nothing;
  }

  /** Every screen's title; focusable so a new screen can take focus and be announced. */
  private heading(text: string) {
    return html`<h2 id="heading" part="heading" tabindex="-1">${text}</h2>`;
  }

  private viewerOf(view: InvitationView): Viewer {
    return this.viewer ?? view.viewer;
  }

  /** The server's refusals always; the form's own checks (which say it in our words) once the person tried to submit. */
  private visibleErrors(): FieldErrors {
    return this.submitted ? { ...this.serverErrors, ...registrationErrors(this.draft!) } : this.serverErrors;
  }

  private go(step: Step) {
    this.step = step;
    this.actionError = undefined;
    this.focusAfterRender(step === 'register' ? `#${FIELD_IDS.firstName}` : step === 'sign-in' ? '#password' : '#heading');
  }

  private focusAfterRender(selector: string) {
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  private async handleRetryClick() {
    await this.invitationTask.run();
    // The button went with the error screen: the screen that replaced it takes focus.
    this.focusAfterRender('#heading');
  }

  private handleAcceptClick() {
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    if (!view.hasIdentity) this.startRegistration(view);
    else if (this.viewerOf(view) === 'someone_else') this.go('switch-person');
    else if (this.viewerOf(view) === 'anonymous') this.go('sign-in');
    else void this.accept({});
  }

  private startRegistration(view: InvitationView) {
    this.draft ??= { firstName: view.firstName, lastName: view.lastName, password: '', confirm: '', acceptTerms: false };
    this.go('register');
  }

  private handleDeclineClick() {
    if (!this.busy) this.go('decline');
  }

  private handleBackClick() {
    if (!this.busy) this.go('welcome');
  }

  private handleDraftInput(event: Event) {
    const input = event.target as HTMLInputElement;
    const field = input.name as RegistrationField;
    if (!this.draft || !REGISTRATION_FIELDS.includes(field)) return;
    this.draft = { ...this.draft, [field]: input.type === 'checkbox' ? input.checked : input.value };
    if (field in this.serverErrors) {
      // The server's refusal was about what was typed before.
      const { [field]: _answered, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
  }

  private async handleRegisterSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.draft || this.busy) return;
    this.submitted = true;
    const errors = registrationErrors(this.draft);
    const first = REGISTRATION_FIELDS.find((field) => errors[field]);
    if (first) {
      // Nothing is sent; the first field to fix takes focus and its message is read with it.
      this.focusAfterRender(`#${FIELD_IDS[first]}`);
      return;
    }
    const { firstName, lastName, password } = this.draft;
    await this.accept({ registration: { firstName: firstName.trim(), lastName: lastName.trim(), password, acceptTerms: true } });
  }

  private handleSignInInput(event: Event) {
    this.signInPassword = (event.target as HTMLInputElement).value;
    this.signInError = undefined;
  }

  private async handleSignInSubmit(event: SubmitEvent) {
    event.preventDefault();
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    // Signed in already when only the accept failed last time: just accept again.
    if (this.viewerOf(view) !== 'invitee' && !(await this.signInAsInvitee(view.email))) return;
    await this.accept({});
  }

  /** Signs in with the typed password; says why under the field when that did not work. */
  private async signInAsInvitee(email: string): Promise<boolean> {
    if (!this.signInPassword) {
      this.signInError = msg('Enter your password.');
      this.focusAfterRender('#password');
      return false;
    }
    this.busy = 'sign-in';
    this.actionError = undefined;
    try {
      await signIn(this.api.client, { email, password: this.signInPassword });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'invalid_credentials') this.signInError = msg('That password is not right.');
      else if (apiError.code === 'too_many_attempts') this.signInError = msg(str`Too many failed sign-ins. ${apiError.message}`);
      else this.actionError = errorMessage(apiError);
      this.focusAfterRender('#password');
      return false;
    } finally {
      this.busy = undefined;
    }
    this.signInPassword = '';
    this.viewer = 'invitee';
    return true;
  }

  private async handleSignOutClick() {
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    this.busy = 'sign-out';
    this.actionError = undefined;
    try {
      await signOut(this.api.client);
      this.viewer = 'anonymous';
      this.go(view.hasIdentity ? 'sign-in' : 'register');
    } catch (error) {
      this.actionError = errorMessage(toApiError(error));
    } finally {
      this.busy = undefined;
    }
  }

  private async handleConfirmDeclineClick() {
    const token = this.token;
    if (!token || this.busy) return;
    this.busy = 'decline';
    this.actionError = undefined;
    try {
      const declined = await declineInvitation(this.api.client, token);
      this.go('declined');
      this.dispatchEvent(new InvitationDeclinedEvent(declined));
    } catch (error) {
      this.handleRefusal(toApiError(error));
    } finally {
      this.busy = undefined;
    }
  }

  private async accept(body: AcceptInvitation) {
    const token = this.token;
    if (!token) return;
    this.busy = 'accept';
    this.actionError = undefined;
    try {
      const accepted = await acceptInvitation(this.api.client, token, body);
      this.go('joined');
      this.dispatchEvent(new InvitationAcceptedEvent(accepted));
    } catch (error) {
      this.handleRefusal(toApiError(error));
    } finally {
      this.busy = undefined;
    }
  }

  /**
   * A refused accept or decline. The link's own state ends the flow; a sign-in the page did not know
   * about (signed out elsewhere, or in as someone else) leads to the step that fixes it; the rest is
   * shown on the current screen, which stays usable for another try.
   */
  private handleRefusal(error: ApiError) {
    const view = this.invitationTask.value;
    switch (error.code) {
      case 'not_found':
        return this.go('invalid');
      case 'invitation_expired':
        return this.go('expired');
      case 'sign_in_required':
        this.viewer = 'anonymous';
        return this.go('sign-in');
      case 'signed_in_as_someone_else':
        this.viewer = 'someone_else';
        return this.go('switch-person');
      case 'registration_required':
        if (view) this.startRegistration(view);
        return;
      case 'invalid_parameters': {
        const { fields, other } = serverFieldErrors(error.problem);
        this.serverErrors = fields;
        this.actionError = other.join(' ') || undefined;
        const first = REGISTRATION_FIELDS.find((field) => fields[field]);
        if (first) this.focusAfterRender(`#${FIELD_IDS[first]}`);
        return;
      }
      default:
        this.actionError = errorMessage(error);
    }
  }
}

/** Our words when the server could not be reached; the server's own explanation otherwise. */
function errorMessage(error: ApiError): string {
  if (error.code === 'network_error') return msg('The server could not be reached. Check your connection and try again.');
  return error.message;
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal_error', String(error), 0);
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-response': InvitationResponse;
  }
}
