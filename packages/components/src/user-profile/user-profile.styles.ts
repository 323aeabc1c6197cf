import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { passwordChecklistStyles } from '../internal/password-checklist.styles.ts';
import { tokens } from '../internal/tokens.ts';
import { waitingButtonStyles } from '../internal/waiting-buttons.styles.ts';

export const userProfileStyles = [
  tokens,
  baseStyles,
  waitingButtonStyles,
  passwordChecklistStyles,
  css`
    :host {
      display: block;
    }

    h2 {
      margin: 0 0 calc(var(--_space) * 2);
      font-size: 1.25rem;
      line-height: 1.3;
    }

    h3 {
      margin: 0 0 calc(var(--_space) * 1.5);
      font-size: 1rem;
    }

    p {
      margin: 0 0 var(--_space);
    }

    .muted {
      color: var(--_text-muted);
    }

    .sections {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
      gap: calc(var(--_space) * 2);
      align-items: start;
    }

    .card {
      min-width: 0;
      padding: calc(var(--_space) * 2.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
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

    .control[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .names {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      column-gap: calc(var(--_space) * 2);
    }

    .email {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      overflow-wrap: anywhere;
    }

    .field-error {
      margin: 0;
      color: var(--_danger);
    }

    .message {
      margin: 0 0 calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.5);
    }

    .load-error p {
      margin-bottom: var(--_space);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    .status {
      margin: 0;
      color: var(--_text-muted);
    }

    .picture-row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
      align-items: flex-start;
    }

    /* One column no wider than the card: a file input's text would otherwise widen it past a phone's
       screen. */
    .picture-controls {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
      flex: 1 1 14rem;
      min-width: 0;
    }

    .picture-controls p {
      margin: 0;
    }

    figure {
      display: grid;
      gap: calc(var(--_space) / 2);
      justify-items: center;
      margin: 0;
    }

    figcaption {
      font-size: 0.75rem;
    }

    .avatar {
      display: grid;
      place-items: center;
      flex: none;
      width: 6rem;
      height: 6rem;
      border: 1px solid var(--_border);
      border-radius: 50%;
      object-fit: cover;
      background: var(--_surface-raised);
    }

    .initials {
      margin: 0;
      font-size: 2rem;
      font-weight: 600;
      color: var(--_text-muted);
    }

    .no-preview {
      font-size: 0.75rem;
      text-align: center;
    }

    input[type='file'] {
      max-width: 100%;
    }

    input[type='file']::file-selector-button {
      min-height: 2.25rem;
      margin-inline-end: var(--_space);
      padding: 0 calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }

    .accounts {
      display: grid;
      gap: calc(var(--_space) * 1.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .account {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    .account-name {
      font-weight: 600;
    }

    .admin {
      color: var(--_accent);
    }

    .account .groups {
      flex-basis: 100%;
      margin: 0;
    }
  `,
];
