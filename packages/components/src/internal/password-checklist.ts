import { msg } from '@lit/localize';
import { PASSWORD_CHECKS, type PasswordCheckId } from '@roster/shared/values';
import { html } from 'lit';

/*
 * The live checklist of the shared password rule, for every form that sets a password (registering
 * from an invitation, changing it in the profile): one list, one wording, the server's own checks.
 */

/** How each check of the password rule reads in the checklist. */
export function passwordCheckLabel(id: PasswordCheckId): string {
  switch (id) {
    case 'length':
      return msg('At least 8 characters');
    case 'lower':
      return msg('A lower-case letter');
    case 'upper':
      return msg('An upper-case letter');
    case 'digit':
      return msg('A digit');
    case 'special':
      return msg('A special character (not a letter or a digit)');
  }
}

/**
 * Each check of the shared rule, met or not, in words (the marks are decoration). A change is
 * announced politely, the whole item at once, so a screen reader says which check changed.
 * The list's id is `password-rules`: the password field names it in `aria-describedby`.
 */
export function passwordChecklist(password: string, failed: boolean) {
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
