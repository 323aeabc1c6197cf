import { localized, msg } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { AcceptInvitation, InvitationView } from '@roster/shared';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { acceptInvitation, declineInvitation, emailInvitation, getInvitation, signIn, signOut } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { InvitationAcceptedEvent, InvitationDeclinedEvent } from '../events.ts';
import { signInRefusal } from '../internal/sign-in-refusal.ts';
import { LocaleController } from '../internal/locale.ts';
import { problemText } from '../internal/problem-text.ts';
import { FIELD_IDS, registrationForm, signInForm } from './forms.ts';
import { invitationResponseStyles } from './invitation-response.styles.ts';
import {
  REGISTRATION_FIELDS,
  registrationErrors,
  serverFieldErrors,
  type FieldErrors,
  type RegistrationDraft,
  type RegistrationField,
} from './registration.ts';
import {
  declinedScreen,
  declineScreen,
  emailLinkScreen,
  expiredScreen,
  joinedScreen,
  loadErrorScreen,
  loadingScreen,
  switchPersonScreen,
  unusableLinkScreen,
  welcomeScreen,
  type Busy,
  type ScreenState,
  type Viewer,
} from './screens.ts';

/**
 * Where the invitee is: the welcome, one of the ways to accept (register, have the emailed link sent
 * to register with, sign in, sign out of someone else's session), the decline confirmation, or an
 * end screen.
 */
type Step = 'welcome' | 'register' | 'email-link' | 'sign-in' | 'switch-person' | 'decline' | 'joined' | 'declined' | 'expired' | 'invalid';

/**
 * The invitee's side of an invitation, opened from the emailed link: a welcome naming the account
 * and the inviter, then Accept (a new person registers; a person with a sign-in signs in) or Decline,
 * and a clear end screen — joined, declined, or a link that has expired or no longer works (with what to do
 * when it was already accepted: sign in). A new person registers only through the emailed link: on a
 * link an administrator copied, Accept offers to email the invitation, whose link proves the address
 * is theirs. When someone other than the invitee is signed in on the browser, the welcome and the
 * Decline confirmation say whose invitation it is.
 * Needs no account and no `<roster-provider>`: give it the link's `token` (and `api-base`).
 *
 * @attr token - The invitation token: the last path segment of the link (`…/invite/<token>`).
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr terms-url - Where the terms of use can be read; the registration form links to it when set.
 * @attr locale - The language to speak (`fr`, `de-CH`…); unset: the page's `lang`, else the signed-in person's (see the README's Languages).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
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
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The card's background.
 * @cssprop --roster-color-surface-raised - Read-only fields, messages and secondary buttons.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - The main button and checkbox.
 * @cssprop --roster-color-on-accent - Text on the main and destructive buttons.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Errors and the Decline confirmation.
 * @cssprop --roster-color-success - Met password checks.
 * @cssprop --roster-color-warning - Warnings.
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@customElement('invitation-response')
@localized()
export class InvitationResponse extends LitElement {
  static override styles = invitationResponseStyles;

  /** The invitation token from the link. */
  @property() token?: string;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Where the terms of use can be read. */
  @property({ attribute: 'terms-url' }) termsUrl?: string;

  /** The language to speak; unset: the page's `lang`, else the signed-in person's display language. */
  @property() locale?: string;

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

  /** The invitation was emailed again at this person's request (the copied link's way to register). */
  @state() private emailed = false;

  @state() private signInPassword = '';
  @state() private signInError?: string;

  private readonly api = new RosterApiController(this);
  protected readonly language = new LocaleController(this);
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
      this.emailed = false;
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
    if (!this.token || this.step === 'invalid') return unusableLinkScreen();
    if (this.step === 'expired') return expiredScreen();
    if (this.invitationTask.status === TaskStatus.ERROR) {
      const error = toApiError(this.invitationTask.error);
      if (error.code === 'not_found') return unusableLinkScreen();
      if (error.code === 'invitation_expired') return expiredScreen();
      return loadErrorScreen(problemText(error), this.handleRetryClick);
    }
    const view = this.invitationTask.status === TaskStatus.COMPLETE ? this.invitationTask.value : undefined;
    if (!view) return loadingScreen();
    const screen: ScreenState = { view, viewer: this.viewerOf(view), busy: this.busy, actionError: this.actionError };
    switch (this.step) {
      case 'welcome':
        return welcomeScreen(screen, { onAccept: this.handleAcceptClick, onDecline: this.handleDeclineClick });
      case 'register':
        return registrationForm(screen, {
          draft: this.draft!,
          errors: this.visibleErrors(),
          termsUrl: this.termsUrl,
          onInput: this.handleDraftInput,
          onSubmit: this.handleRegisterSubmit,
          onBack: this.handleBackClick,
        });
      case 'email-link':
        return emailLinkScreen(screen, {
          emailed: this.emailed,
          onEmail: this.handleEmailClick,
          onSignIn: this.handleSignInInsteadClick,
          onBack: this.handleBackClick,
        });
      case 'sign-in':
        return signInForm(screen, {
          password: this.signInPassword,
          error: this.signInError,
          onInput: this.handleSignInInput,
          onSubmit: this.handleSignInSubmit,
          onBack: this.handleBackClick,
        });
      case 'switch-person':
        return switchPersonScreen(screen, { onSignOut: this.handleSignOutClick, onBack: this.handleBackClick });
      case 'decline':
        return declineScreen(screen, { onConfirm: this.handleConfirmDeclineClick, onBack: this.handleBackClick });
      case 'joined':
        return joinedScreen(view);
      case 'declined':
        return declinedScreen(view);
    }
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

  // The listeners (`handle…`) are arrow functions: the screens are plain functions, so `this` must
  // already be the element when they pass them on.

  private readonly handleRetryClick = async () => {
    await this.invitationTask.run();
    // The button went with the error screen: the screen that replaced it takes focus.
    this.focusAfterRender('#heading');
  };

  private readonly handleAcceptClick = () => {
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    if (view.hasIdentity === false) this.startRegistration(view);
    // A copied link does not say whether the address has a sign-in: the email step offers both ways.
    else if (view.hasIdentity === null) this.go('email-link');
    else if (this.viewerOf(view) === 'someone_else') this.go('switch-person');
    else if (this.viewerOf(view) === 'anonymous') this.go('sign-in');
    else void this.accept({});
  };

  /** Registration, on the emailed link; on a copied one, the way to the emailed link first. */
  private startRegistration(view: InvitationView) {
    if (!view.canRegister) return this.go('email-link');
    this.draft ??= { firstName: view.firstName, lastName: view.lastName, password: '', confirm: '', acceptTerms: false };
    this.go('register');
  }

  private readonly handleSignInInsteadClick = () => {
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    this.go(this.viewerOf(view) === 'someone_else' ? 'switch-person' : 'sign-in');
  };

  private readonly handleEmailClick = async () => {
    const token = this.token;
    if (!token || this.busy) return;
    this.busy = 'email';
    this.actionError = undefined;
    try {
      await emailInvitation(this.api.client, token);
      this.emailed = true;
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'rate_limited') {
        this.actionError = msg('The invitation cannot be emailed again yet. Look for it in your mailbox (and its spam folder), or try again later.');
      } else this.handleRefusal(apiError);
    } finally {
      this.busy = undefined;
    }
    // The button is gone once the email is sent: the message that replaced it is read from the heading on.
    this.focusAfterRender('#heading');
  };

  private readonly handleDeclineClick = () => {
    if (!this.busy) this.go('decline');
  };

  private readonly handleBackClick = () => {
    if (!this.busy) this.go('welcome');
  };

  private readonly handleDraftInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const field = input.name as RegistrationField;
    if (!this.draft || !REGISTRATION_FIELDS.includes(field)) return;
    this.draft = { ...this.draft, [field]: input.type === 'checkbox' ? input.checked : input.value };
    if (field in this.serverErrors) {
      // The server's refusal was about what was typed before.
      const { [field]: _answered, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
  };

  private readonly handleRegisterSubmit = async (event: SubmitEvent) => {
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
  };

  private readonly handleSignInInput = (event: Event) => {
    this.signInPassword = (event.target as HTMLInputElement).value;
    this.signInError = undefined;
  };

  private readonly handleSignInSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    // Signed in already when only the accept failed last time: just accept again.
    if (this.viewerOf(view) !== 'invitee' && !(await this.signInAsInvitee(view.email))) return;
    await this.accept({});
  };

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
      const refusal = signInRefusal(apiError);
      if (apiError.code === 'invalid_credentials') this.signInError = msg('That password is not right.');
      else if (refusal) this.signInError = refusal;
      else this.actionError = problemText(apiError);
      this.focusAfterRender('#password');
      return false;
    } finally {
      this.busy = undefined;
    }
    this.signInPassword = '';
    this.viewer = 'invitee';
    return true;
  }

  private readonly handleSignOutClick = async () => {
    const view = this.invitationTask.value;
    if (!view || this.busy) return;
    this.busy = 'sign-out';
    this.actionError = undefined;
    try {
      await signOut(this.api.client);
      this.viewer = 'anonymous';
      if (view.hasIdentity === false) this.startRegistration(view);
      else this.go('sign-in');
    } catch (error) {
      this.actionError = problemText(toApiError(error));
    } finally {
      this.busy = undefined;
    }
  };

  private readonly handleConfirmDeclineClick = async () => {
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
  };

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
      case 'emailed_link_required':
        return this.go('email-link');
      case 'invalid_parameters': {
        const { fields, other } = serverFieldErrors(error.problem);
        this.serverErrors = fields;
        this.actionError = other.join(' ') || undefined;
        const first = REGISTRATION_FIELDS.find((field) => fields[field]);
        if (first) this.focusAfterRender(`#${FIELD_IDS[first]}`);
        return;
      }
      default:
        this.actionError = problemText(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-response': InvitationResponse;
  }
}
