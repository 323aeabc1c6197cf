import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { passwordChecklistStyles } from '../internal/password-checklist.styles.ts';
import { tokens } from '../internal/tokens.ts';
import { waitingButtonStyles } from '../internal/waiting-buttons.styles.ts';

export const invitationResponseStyles = [
  tokens,
  baseStyles,
  waitingButtonStyles,
  passwordChecklistStyles,
  css`
    :host {
      display: block;
    }

    .card {
      max-width: 30rem;
      padding: calc(var(--_space) * 3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    h2 {
      margin: 0 0 calc(var(--_space) * 2);
      font-size: 1.25rem;
      line-height: 1.3;
    }

    /* The title takes focus when a screen opens; that is not a place to type, so no ring for a pointer. */
    h2:focus:not(:focus-visible) {
      outline: none;
    }

    p {
      margin: 0 0 var(--_space);
    }

    .muted {
      color: var(--_text-muted);
    }

    form {
      margin-top: calc(var(--_space) * 2);
    }

    .field {
      display: grid;
      gap: calc(var(--_space) / 2);
      margin-bottom: calc(var(--_space) * 2);
    }

    label {
      font-weight: 600;
    }

    .control {
      width: 100%;
    }

    .control[readonly] {
      background: var(--_surface-raised);
    }

    .control[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .names {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      column-gap: calc(var(--_space) * 2);
    }

    .field-error {
      margin: 0;
      color: var(--_danger);
    }

    .checkbox-field {
      grid-template-columns: auto 1fr;
      align-items: baseline;
      column-gap: var(--_space);
    }

    .checkbox-field label {
      font-weight: normal;
    }

    .checkbox-field .field-error {
      grid-column: 2;
    }

    input[type='checkbox'] {
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: var(--_accent);
    }

    a {
      color: var(--_accent);
    }

    .message {
      margin: calc(var(--_space) * 2) 0;
      padding: calc(var(--_space) * 1.5);
    }

    /* Signed in as someone else than the invitee: worth noticing, not an error. */
    .note {
      border-inline-start: 4px solid var(--_warning);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      margin-top: calc(var(--_space) * 3);
    }

    .bar {
      display: block;
      margin: var(--_space) 0;
    }

    .bar.title {
      width: 70%;
      height: 1.25rem;
      margin-bottom: calc(var(--_space) * 2);
    }

    .bar.short {
      width: 45%;
    }
  `,
];
