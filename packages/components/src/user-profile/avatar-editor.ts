import { msg, str } from '@lit/localize';
import type { Me } from '@roster/shared';
import { html, nothing, type ReactiveController } from 'lit';
import { toApiError, type ApiError } from '../api/api-error.ts';
import { removeAvatar, uploadAvatar } from '../api/profile-requests.ts';
import { problemText } from '../internal/problem-text.ts';
import { formError, statusLine } from './fields.ts';
import { focusAfterRender, type ProfileHost } from './profile-host.ts';

/** The formats the server takes (it checks the bytes; this only narrows the file chooser). */
const ACCEPTED_TYPES = 'image/png,image/jpeg,image/webp';

/** "AL" for Ada Lovelace; the email's first letter for someone without names. */
export function initials(user: Me['user']): string {
  const letters = [user.firstName, user.lastName].map((name) => name.trim().charAt(0)).join('');
  return (letters || user.email.charAt(0)).toLocaleUpperCase();
}

/**
 * The profile picture section of `<user-profile>`: choose a file, see it before it is saved
 * (an object URL, never sent anywhere), then Upload or Cancel; Remove goes back to initials.
 */
export class AvatarEditor implements ReactiveController {
  private file?: File;
  private previewUrl?: string;
  /** The chosen file could not be shown (not a picture the browser reads). */
  private previewFailed = false;
  private busy?: 'upload' | 'remove';
  private error?: string;
  private status = '';

  constructor(private readonly host: ProfileHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.forgetFile();
  }

  render(user: Me['user']) {
    const chosen = Boolean(this.file);
    return html`<section class="card" aria-labelledby="picture-heading">
      <h3 id="picture-heading">${msg('Profile picture')}</h3>
      <div class="picture-row">
        ${this.renderPicture(user)}
        <div class="picture-controls">
          <label for="avatar-file">${msg('Choose a picture')}</label>
          <input
            id="avatar-file"
            part="file-input"
            type="file"
            accept=${ACCEPTED_TYPES}
            aria-describedby="avatar-hint"
            ?disabled=${this.busy !== undefined}
            @change=${this.handleFileChange}
          />
          <p id="avatar-hint" class="muted">${msg('PNG, JPEG or WebP, at most 1 MB. It is cropped to a square.')}</p>
          ${formError(this.error)}
          <div class="actions">
            ${chosen
              ? html`<button type="button" part="primary-button" class="button primary upload" aria-disabled=${this.busy !== undefined} @click=${this.handleUploadClick}>
                    ${this.busy === 'upload' ? msg('Uploading…') : msg('Upload')}
                  </button>
                  <button type="button" part="secondary-button" class="button cancel" aria-disabled=${this.busy !== undefined} @click=${this.handleCancelClick}>
                    ${msg('Cancel')}
                  </button>`
              : user.avatarUrl
                ? html`<button type="button" part="secondary-button" class="button remove" aria-disabled=${this.busy !== undefined} @click=${this.handleRemoveClick}>
                    ${this.busy === 'remove' ? msg('Removing…') : msg('Remove picture')}
                  </button>`
                : nothing}
            ${statusLine('avatar-status', this.status)}
          </div>
        </div>
      </div>
    </section>`;
  }

  private renderPicture(user: Me['user']) {
    if (this.previewUrl && !this.previewFailed) {
      return html`<figure class="picture-frame">
        <img part="avatar" class="avatar preview" src=${this.previewUrl} alt=${msg('Preview of the chosen picture')} @error=${this.handlePreviewError} />
        <figcaption class="muted">${msg('Not saved yet')}</figcaption>
      </figure>`;
    }
    if (this.previewUrl) return html`<p class="avatar initials muted no-preview">${msg('No preview')}</p>`;
    return user.avatarUrl
      ? html`<img part="avatar" class="avatar" src=${user.avatarUrl} alt=${msg('Your picture')} />`
      : html`<span part="avatar" class="avatar initials" role="img" aria-label=${msg(str`No picture: your initials, ${initials(user)}`)}>${initials(user)}</span>`;
  }

  private forgetFile() {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.file = undefined;
    this.previewUrl = undefined;
    this.previewFailed = false;
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#avatar-file');
    if (input) input.value = '';
  }

  private readonly handleFileChange = (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.file = file;
    this.previewUrl = file ? URL.createObjectURL(file) : undefined;
    this.previewFailed = false;
    this.error = undefined;
    this.status = '';
    this.host.requestUpdate();
  };

  private readonly handlePreviewError = () => {
    this.previewFailed = true;
    this.host.requestUpdate();
  };

  private readonly handleCancelClick = () => {
    if (this.busy) return;
    this.forgetFile();
    this.error = undefined;
    this.host.requestUpdate();
    void focusAfterRender(this.host, '#avatar-file');
  };

  private readonly handleUploadClick = () => {
    const file = this.file;
    if (!file || this.busy) return;
    void this.change('upload', () => uploadAvatar(this.host.client, file), msg('Your new picture is saved.'));
  };

  private readonly handleRemoveClick = () => {
    if (!this.busy) void this.change('remove', () => removeAvatar(this.host.client), msg('Your picture is removed; your initials show instead.'));
  };

  private async change(busy: 'upload' | 'remove', request: () => Promise<Me>, done: string) {
    this.busy = busy;
    this.error = undefined;
    this.status = '';
    this.host.requestUpdate();
    try {
      const me = await request();
      this.forgetFile();
      this.status = done;
      this.host.profileSaved(me);
    } catch (error) {
      this.error = avatarRefusal(toApiError(error));
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
    // Upload, Cancel and Remove come and go with the picture: the file chooser stays.
    if (!this.error) await focusAfterRender(this.host, '#avatar-file');
  }
}

function avatarRefusal(error: ApiError): string {
  switch (error.code) {
    case 'image_too_large':
      return msg('This picture is larger than 1 MB. Choose a smaller one.');
    case 'unsupported_image':
      return msg('This file is not a PNG, JPEG or WebP picture. Choose another.');
    case 'invalid_image':
      return msg('This picture cannot be read: it may be damaged or too large in pixels. Choose another.');
    default:
      return problemText(error, (serverText) => msg(str`The picture could not be saved: ${serverText}`));
  }
}
