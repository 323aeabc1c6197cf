import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { Me } from '@roster/shared';
import { LOCALES, MAX_NAME_LENGTH, type Locale } from '@roster/shared/values';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toApiError, type ApiError } from '../api/api-error.ts';
import type { RosterClient } from '../api/client.ts';
import { updateProfile } from '../api/profile-requests.ts';
import { getMe } from '../api/requests.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { ProfileUpdatedEvent } from '../events.ts';
import { loadingPlaceholder } from '../internal/member-details.ts';
import { LocaleController, usePersonLocale } from '../internal/locale.ts';
import { problemText } from '../internal/problem-text.ts';
import { accountsList } from './accounts-list.ts';
import { AvatarEditor } from './avatar-editor.ts';
import { fieldError, formError, serverFieldErrors, statusLine, textField } from './fields.ts';
import { PasswordChange } from './password-change.ts';
import { focusAfterRender, type ProfileHost } from './profile-host.ts';
import { userProfileStyles } from './user-profile.styles.ts';

type DetailsField = 'firstName' | 'lastName' | 'locale';
type DetailsDraft = Record<DetailsField, string>;
const DETAILS_FIELDS: readonly DetailsField[] = ['firstName', 'lastName', 'locale'];
const FIELD_IDS: Record<DetailsField, string> = { firstName: 'first-name', lastName: 'last-name', locale: 'locale' };

/** Each language in its own words ("Deutsch", "Français"), as people look for their own. */
function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/**
 * The signed-in person's own profile: their names and display language, their profile picture
 * (choose, preview, upload, remove), their password (only when they sign in with Roster's own: a
 * host's sign-in changes passwords itself) and the accounts and groups they belong to.
 * Needs no account: configure it with `api-base` or put it inside a `<roster-provider>` (whose
 * `getToken` it uses too). Bundle `user-profile.js`.
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @attr locale - The language to speak (`fr`, `de-CH`…); unset: the page's `lang`, else the signed-in person's (see the README's Languages).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`); unset: the provider's, else the page's
 *   `color-scheme`. Sets `--roster-color-scheme`.
 *
 * @fires profile-updated - {ProfileUpdatedEvent} Names, language or picture were saved; `detail` is `{ user }`, as the server now has them.
 *
 * @csspart base - The whole profile.
 * @csspart heading - The "My profile" title (an `<h2>`).
 * @csspart details-form - The names and language form.
 * @csspart password-form - The password change form.
 * @csspart field-error - The message under a field that needs attention.
 * @csspart password-checklist - The live list of the password rule's checks.
 * @csspart avatar - The picture, its preview, or the initials shown instead.
 * @csspart file-input - The picture file chooser.
 * @csspart accounts - The list of accounts; each is an `account` part.
 * @csspart account - One account with the person's groups there.
 * @csspart status - What the last save did (a polite live region).
 * @csspart error - A refusal or failure that concerns a whole form.
 * @csspart primary-button - Save, Upload and Change password.
 * @csspart secondary-button - Cancel and Remove picture.
 *
 * @cssprop --roster-color-scheme - `light`, `dark` or `light dark`.
 * @cssprop --roster-color-text - Text colour.
 * @cssprop --roster-color-text-muted - Secondary text.
 * @cssprop --roster-color-surface - The sections' background.
 * @cssprop --roster-color-surface-raised - Messages, initials and secondary buttons.
 * @cssprop --roster-color-border - Lines and control borders.
 * @cssprop --roster-color-accent - The main buttons.
 * @cssprop --roster-color-on-accent - Text on the main buttons.
 * @cssprop --roster-color-focus - Focus rings.
 * @cssprop --roster-color-danger - Errors.
 * @cssprop --roster-color-success - Met password checks.
 * @cssprop --roster-color-warning - Warnings.
 * @cssprop --roster-color-skeleton - Loading placeholders.
 * @cssprop --roster-shadow - The shadow of popups, menus and messages (`0 8px 24px rgb(0 0 0 / 0.2)`).
 * @cssprop --roster-font-family - Defaults to the host page's font.
 * @cssprop --roster-font-size - Base text size (0.875rem).
 * @cssprop --roster-radius - Corner radius (6px).
 * @cssprop --roster-spacing - Spacing unit (0.5rem).
 */
@customElement('user-profile')
@localized()
export class UserProfile extends LitElement implements ProfileHost {
  static override styles = userProfileStyles;

  /** Where the Roster BFF is mounted; overrides the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The language to speak; unset: the page's `lang`, else the signed-in person's display language. */
  @property() locale?: string;

  /** The person as the server last described them. */
  @state() private me?: Me;
  @state() private draft?: DetailsDraft;
  /** After the first attempt to save, the form's own checks show and follow the typing. */
  @state() private submitted = false;
  @state() private serverErrors: Partial<Record<DetailsField, string>> = {};
  @state() private busy = false;
  @state() private error?: string;
  /** The last save of the names and language succeeded (its words are chosen when shown: the language may just have changed). */
  @state() private saved = false;

  private readonly api = new RosterApiController(this);
  protected readonly language = new LocaleController(this);
  private readonly avatar = new AvatarEditor(this);
  private readonly password = new PasswordChange(this);

  private readonly meTask = new Task(this, {
    task: ([client], { signal }) => getMe(client, signal),
    args: () => [this.api.client] as const,
    onComplete: (me) => this.useMe(me),
  });

  /** @internal For the profile's sections (see profile-host.ts): the API client. */
  get client(): RosterClient {
    return this.api.client;
  }

  /** @internal For the profile's sections: takes the server's answer after a change and tells the page (`profile-updated`). */
  profileSaved(me: Me) {
    this.useMe(me);
    this.dispatchEvent(new ProfileUpdatedEvent(me.user));
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" part="heading">${msg('My profile')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    if (this.meTask.status === TaskStatus.ERROR) {
      return html`<div part="error" class="message error load-error" role="alert">
        <p>${problemText(toApiError(this.meTask.error), (serverText) => msg(str`Your profile could not be loaded: ${serverText}`))}</p>
        <button type="button" class="button retry" @click=${() => void this.meTask.run()}>${msg('Try again')}</button>
      </div>`;
    }
    const { me, draft } = this;
    if (!me || !draft) return loadingPlaceholder();
    return html`<div class="sections">
      ${this.renderDetails(me, draft)} ${this.avatar.render(me.user)}
      ${me.credentials === 'roster'
        ? this.password.render(me.user.email)
        : html`<section class="card" aria-labelledby="password-heading">
            <h3 id="password-heading">${msg('Password')}</h3>
            <p class="muted host-sign-in">${msg('You sign in through your organisation, so your password is changed there.')}</p>
          </section>`}
      ${accountsList(me)}
    </div>`;
  }

  private renderDetails(me: Me, draft: DetailsDraft) {
    const errors = this.visibleErrors(draft);
    const field = (name: 'firstName' | 'lastName', label: string, autocomplete: string) =>
      textField({ id: FIELD_IDS[name], name, label, value: draft[name], error: errors[name], autocomplete, maxlength: MAX_NAME_LENGTH });
    return html`<section class="card" aria-labelledby="details-heading">
      <h3 id="details-heading">${msg('Name and language')}</h3>
      <form part="details-form" novalidate @submit=${this.handleDetailsSubmit} @input=${this.handleDetailsInput}>
        <p class="email"><span class="muted">${msg('Email')}</span> ${me.user.email}</p>
        <div class="names">
          ${field('firstName', msg('First name'), 'given-name')} ${field('lastName', msg('Last name'), 'family-name')}
        </div>
        <div class="field">
          <label for=${FIELD_IDS.locale}>${msg('Display language')}</label>
          <select
            id=${FIELD_IDS.locale}
            name="locale"
            class="control"
            aria-describedby=${errors.locale ? `${FIELD_IDS.locale}-error` : nothing}
          >
            ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${draft.locale === locale}>${languageName(locale)}</option>`)}
          </select>
          ${fieldError(FIELD_IDS.locale, errors.locale)}
        </div>
        ${formError(this.error)}
        <div class="actions">
          <button type="submit" part="primary-button" class="button primary save" aria-disabled=${this.busy}>
            ${this.busy ? msg('Saving…') : msg('Save')}
          </button>
          ${statusLine('details-status', this.saved ? msg('Your name and language are saved.') : '')}
        </div>
      </form>
    </section>`;
  }

  private useMe(me: Me) {
    this.me = me;
    // A language just saved shows at once (unless the host or the page chose one).
    usePersonLocale(me.user.locale);
    this.draft = { firstName: me.user.firstName, lastName: me.user.lastName, locale: me.user.locale };
    this.submitted = false;
    this.serverErrors = {};
  }

  /** The server's refusals always; the form's own checks once the person tried to save. */
  private visibleErrors(draft: DetailsDraft): Partial<Record<DetailsField, string>> {
    if (!this.submitted) return this.serverErrors;
    const own: Partial<Record<DetailsField, string>> = {};
    if (!draft.firstName.trim()) own.firstName = msg('Enter your first name.');
    if (!draft.lastName.trim()) own.lastName = msg('Enter your last name.');
    return { ...this.serverErrors, ...own };
  }

  private handleDetailsInput(event: Event) {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const field = control.name as DetailsField;
    if (!this.draft || !DETAILS_FIELDS.includes(field)) return;
    this.draft = { ...this.draft, [field]: control.value };
    const { [field]: _answered, ...rest } = this.serverErrors;
    this.serverErrors = rest;
    this.saved = false;
  }

  private async handleDetailsSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { draft } = this;
    if (!draft || this.busy) return;
    this.submitted = true;
    this.error = undefined;
    this.saved = false;
    const errors = this.visibleErrors(draft);
    const first = DETAILS_FIELDS.find((name) => errors[name]);
    if (first) {
      await focusAfterRender(this, `#${FIELD_IDS[first]}`);
      return;
    }
    this.busy = true;
    try {
      const me = await updateProfile(this.client, {
        firstName: draft.firstName.trim(),
        lastName: draft.lastName.trim(),
        // The select offers only LOCALES.
        locale: draft.locale as Locale,
      });
      this.profileSaved(me);
      this.saved = true;
    } catch (error) {
      this.refused(toApiError(error));
    } finally {
      this.busy = false;
    }
  }

  private refused(error: ApiError) {
    const { byField, other } = serverFieldErrors(error.problem, DETAILS_FIELDS);
    this.serverErrors = byField;
    const first = DETAILS_FIELDS.find((name) => byField[name]);
    if (first) void focusAfterRender(this, `#${FIELD_IDS[first]}`);
    if (other.length > 0 || !first) this.error = problemText(error, (serverText) => msg(str`Your profile could not be saved: ${serverText}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-profile': UserProfile;
  }
}
