import type { Problem } from '@roster/shared';
import { html, nothing } from 'lit';

/*
 * The labelled fields of the profile's forms, with the message under a field that needs attention
 * (`<id>-error`, named by the control's aria-describedby, so it is read with the field).
 */

export interface TextFieldOptions {
  id: string;
  /** The draft property it edits; the form's input listener reads it from the control's `name`. */
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  autocomplete: string;
  maxlength: number;
  type?: 'text' | 'password';
  /** More ids that describe the field (a hint, the password checklist). */
  describedBy?: string;
}

export function textField(options: TextFieldOptions) {
  const { id, error } = options;
  const describedBy = [error ? `${id}-error` : '', options.describedBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    <input
      id=${id}
      name=${options.name}
      class="control"
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete}
      maxlength=${options.maxlength}
      required
      .value=${options.value}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    />
    ${fieldError(id, error)}
  </div>`;
}

export function fieldError(id: string, error: string | undefined) {
  return error ? html`<p id="${id}-error" part="field-error" class="field-error">${error}</p>` : nothing;
}

/** A refusal that concerns the whole form: announced at once. */
export function formError(error: string | undefined) {
  return error ? html`<p part="error" class="message error" role="alert">${error}</p>` : nothing;
}

/**
 * What the last save did, said politely beside the form's button. Always in the page, even empty,
 * so screen readers announce what it later says.
 */
export function statusLine(id: string, text: string) {
  return html`<p id=${id} part="status" class="status" role="status">${text}</p>`;
}

/** The server's per-field refusals (problem+json `errors`) for the fields a form has; the rest apart. */
export function serverFieldErrors<F extends string>(problem: Problem | undefined, fields: readonly F[]) {
  const byField: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const { path, message } of problem?.errors ?? []) {
    if ((fields as readonly string[]).includes(path)) byField[path as F] = message;
    else other.push(message);
  }
  return { byField, other };
}
