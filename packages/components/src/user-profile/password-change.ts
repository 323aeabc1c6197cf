import { msg, str } from '@lit/localize';
import { failedPasswordChecks, MAX_PASSWORD_LENGTH } from '@roster/shared/values';
import { html } from 'lit';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { changePassword } from '../api/profile-requests.ts';
import { passwordChecklist } from '../internal/password-checklist.ts';
import { problemText } from '../internal/problem-text.ts';
import { signInRefusal } from '../internal/sign-in-refusal.ts';
import { formError, serverFieldErrors, statusLine, textField } from './fields.ts';
import { focusAfterRender, type ProfileHost } from './profile-host.ts';

type PasswordField = 'currentPassword' | 'newPassword';
const PASSWORD_FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword'];
const FIELD_IDS: Record<PasswordField, string> = { currentPassword: 'current-password', newPassword: 'password' };

/**
 * The password section of `<user-profile>`, for people who sign in with Roster's own password: the
 * current one and a new one, with the shared rule's live checklist. Other sessions end on success.
 */
export class PasswordChange {
  private draft: Record<PasswordField, string> = { currentPassword: '', newPassword: '' };
  /** After the first attempt to submit, the form's own checks show and follow the typing. */
  private submitted = false;
  private serverErrors: Partial<Record<PasswordField, string>> = {};
  private busy = false;
  private error?: string;
  private status = '';

  constructor(private readonly host: ProfileHost) {}

  render(email: string) {
    const errors = this.visibleErrors();
    return html`<section class="card" aria-labelledby="password-heading">
      <h3 id="password-heading">${msg('Password')}</h3>
      <form part="password-form" novalidate @submit=${this.handleSubmit} @input=${this.handleInput}>
        <!-- For password managers, which file the new password under the person's email. -->
        <input type="email" autocomplete="username" .value=${email} hidden />
        ${textField({
          id: FIELD_IDS.currentPassword,
          name: 'currentPassword',
          label: msg('Current password'),
          value: this.draft.currentPassword,
          error: errors.currentPassword,
          type: 'password',
          autocomplete: 'current-password',
          maxlength: MAX_PASSWORD_LENGTH,
        })}
        ${textField({
          id: FIELD_IDS.newPassword,
          name: 'newPassword',
          label: msg('New password'),
          value: this.draft.newPassword,
          error: errors.newPassword,
          type: 'password',
          autocomplete: 'new-password',
          maxlength: MAX_PASSWORD_LENGTH,
          describedBy: 'password-rules',
        })}
        ${passwordChecklist(this.draft.newPassword, Boolean(errors.newPassword))}
        ${formError(this.error)}
        <div class="actions">
          <button type="submit" part="primary-button" class="button primary change-password" aria-disabled=${this.busy}>
            ${this.busy ? msg('Changing…') : msg('Change password')}
          </button>
          ${statusLine('password-status', this.status)}
        </div>
      </form>
    </section>`;
  }

  /** The server's refusals always; the form's own checks once the person tried to submit. */
  private visibleErrors(): Partial<Record<PasswordField, string>> {
    if (!this.submitted) return this.serverErrors;
    const own: Partial<Record<PasswordField, string>> = {};
    if (!this.draft.currentPassword) own.currentPassword = msg('Enter your current password.');
    if (failedPasswordChecks(this.draft.newPassword).length > 0) own.newPassword = msg('The new password does not meet every requirement in the list.');
    return { ...this.serverErrors, ...own };
  }

  private readonly handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const field = input.name as PasswordField;
    if (!PASSWORD_FIELDS.includes(field)) return;
    this.draft = { ...this.draft, [field]: input.value };
    // The server's refusal was about what was typed before.
    const { [field]: _answered, ...rest } = this.serverErrors;
    this.serverErrors = rest;
    this.status = '';
    this.host.requestUpdate();
  };

  private readonly handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    this.submitted = true;
    this.error = undefined;
    this.status = '';
    const first = PASSWORD_FIELDS.find((field) => this.visibleErrors()[field]);
    if (first) {
      // Nothing is sent; the first field to fix takes focus and its message is read with it.
      this.host.requestUpdate();
      await focusAfterRender(this.host, `#${FIELD_IDS[first]}`);
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      await changePassword(this.host.client, this.draft);
      this.draft = { currentPassword: '', newPassword: '' };
      this.submitted = false;
      this.status = msg('Your password is changed. You were signed out on every other device and browser.');
    } catch (error) {
      this.refused(toApiError(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };

  private refused(error: ApiError) {
    if (error.code === 'wrong_password') {
      this.serverErrors = { currentPassword: msg('This is not your current password.') };
      void focusAfterRender(this.host, `#${FIELD_IDS.currentPassword}`);
      return;
    }
    const { byField, other } = serverFieldErrors(error.problem, PASSWORD_FIELDS);
    this.serverErrors = byField;
    const first = PASSWORD_FIELDS.find((field) => byField[field]);
    if (first) void focusAfterRender(this.host, `#${FIELD_IDS[first]}`);
    if (other.length > 0 || !first) this.error = signInRefusal(error) ?? problemText(error, (serverText) => msg(str`The password could not be changed: ${serverText}`));
  }
}
