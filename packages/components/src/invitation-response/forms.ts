import { msg, str } from '@lit/localize';
import type { InvitationView } from '@roster/shared';
// The server's own limits, so typing cannot run past them.
import { MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH } from '@roster/shared/values';
import { html, nothing } from 'lit';
import { passwordChecklist } from '../internal/password-checklist.ts';
import { type FieldErrors, type RegistrationDraft, type RegistrationField } from './registration.ts';
import { actionErrorMessage, backButton, heading, type ScreenState } from './screens.ts';

/*
 * The two ways to accept that ask for input: registering a new person, and signing in as the invitee.
 * Functions of what they show; the element keeps the typing and passes its listeners in, bound to itself.
 */

/** The id of each registration field's control (its error is `<id>-error`), for focusing the first to fix. */
export const FIELD_IDS: Record<RegistrationField, string> = {
  firstName: 'first-name',
  lastName: 'last-name',
  password: 'password',
  confirm: 'confirm',
  acceptTerms: 'terms',
};

export interface RegistrationInputs {
  draft: RegistrationDraft;
  /** The message under each field that needs attention now. */
  errors: FieldErrors;
  /** Where the terms of use can be read; a link above the checkbox leads there when set. */
  termsUrl: string | undefined;
  /** Listens on the whole form: each control's `name` is its field. */
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onBack: () => void;
}

export function registrationForm(screen: ScreenState, form: RegistrationInputs) {
  const { view, viewer, busy, actionError } = screen;
  const { draft, errors, termsUrl } = form;
  return html`${heading(msg(str`Join ${view.accountName}`))}
    <p>${msg('Choose the name others will see and a password for signing in.')}</p>
    ${viewer === 'someone_else'
      ? html`<p class="message">${msg(str`Someone else is signed in on this browser. Joining signs you in as ${view.email} instead.`)}</p>`
      : nothing}
    <form part="form" novalidate @submit=${form.onSubmit} @input=${form.onInput}>
      ${readOnlyEmail(view)}
      <div class="names">
        ${textField(form, 'firstName', msg('First name'), { autocomplete: 'given-name', maxlength: MAX_NAME_LENGTH })}
        ${textField(form, 'lastName', msg('Last name'), { autocomplete: 'family-name', maxlength: MAX_NAME_LENGTH })}
      </div>
      ${textField(form, 'password', msg('Password'), {
        type: 'password',
        autocomplete: 'new-password',
        maxlength: MAX_PASSWORD_LENGTH,
        describedBy: 'password-rules',
      })}
      ${passwordChecklist(draft.password, Boolean(errors.password))}
      ${textField(form, 'confirm', msg('Confirm password'), { type: 'password', autocomplete: 'new-password', maxlength: MAX_PASSWORD_LENGTH })}
      ${termsUrl
        ? // A paragraph of its own, not in the checkbox's label (a link there would also toggle it).
          html`<p><a class="terms-link" href=${termsUrl} target="_blank" rel="noopener">${msg('Read the terms of use')}</a></p>`
        : nothing}
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
        <label for="terms">${msg('I agree to the terms of use')}</label>
        ${errors.acceptTerms ? html`<p id="terms-error" part="field-error" class="field-error">${errors.acceptTerms}</p>` : nothing}
      </div>
      ${actionErrorMessage(actionError)}
      <div class="actions">
        <button type="submit" part="primary-button" class="button primary join" aria-disabled=${busy !== undefined}>
          ${busy === 'accept' ? msg('Joining…') : msg(str`Join ${view.accountName}`)}
        </button>
        ${backButton(busy, form.onBack)}
      </div>
    </form>`;
}

export interface SignInInputs {
  /** What was typed; the control's id is `password`. */
  password: string;
  /** Why the sign-in did not work, under the field. */
  error: string | undefined;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onBack: () => void;
}

export function signInForm({ view, busy, actionError }: ScreenState, form: SignInInputs) {
  return html`${heading(msg(str`Sign in to join ${view.accountName}`))}
    <p>${msg(str`${view.email} already has a sign-in. Enter its password to accept the invitation.`)}</p>
    <form part="form" novalidate @submit=${form.onSubmit}>
      ${readOnlyEmail(view)}
      <div class="field">
        <label for="password">${msg('Password')}</label>
        <input
          id="password"
          name="password"
          class="control"
          type="password"
          autocomplete="current-password"
          maxlength=${MAX_PASSWORD_LENGTH}
          required
          .value=${form.password}
          aria-invalid=${form.error ? 'true' : 'false'}
          aria-describedby=${form.error ? 'password-error' : nothing}
          @input=${form.onInput}
        />
        ${form.error ? html`<p id="password-error" part="field-error" class="field-error">${form.error}</p>` : nothing}
      </div>
      ${actionErrorMessage(actionError)}
      <div class="actions">
        <button type="submit" part="primary-button" class="button primary join" aria-disabled=${busy !== undefined}>
          ${busy === 'sign-in' ? msg('Signing in…') : busy === 'accept' ? msg('Joining…') : msg('Sign in and join')}
        </button>
        ${backButton(busy, form.onBack)}
      </div>
    </form>`;
}

function textField(
  form: RegistrationInputs,
  field: Exclude<RegistrationField, 'acceptTerms'>,
  label: string,
  options: { type?: string; autocomplete: string; maxlength: number; describedBy?: string },
) {
  const id = FIELD_IDS[field];
  const error = form.errors[field];
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
      .value=${form.draft[field]}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    />
    ${error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing}
  </div>`;
}

/** The invited email, for reading and for password managers, which file the new password under it. */
function readOnlyEmail(view: InvitationView) {
  return html`<div class="field">
    <label for="email">${msg('Email')}</label>
    <input id="email" class="control" type="email" autocomplete="username" readonly .value=${view.email} />
  </div>`;
}
