import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { permissionStyles } from '../internal/permissions.ts';
import { tokens } from '../internal/tokens.ts';
import { waitingButtonStyles } from '../internal/waiting-buttons.styles.ts';

export const userDetailsStyles = [
  tokens,
  baseStyles,
  waitingButtonStyles,
  permissionStyles,
  css`
    :host {
      display: block;
    }

    .base {
      display: grid;
      gap: calc(var(--_space) * 2);
      min-width: 0;
    }

    p {
      margin: 0;
    }

    .identity {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 2);
      min-width: 0;
    }

    .avatar {
      position: relative;
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 4rem;
      height: 4rem;
      overflow: hidden;
      border-radius: 50%;
      background: var(--_skeleton);
      font-size: 1.25rem;
      font-weight: 600;
    }

    .avatar img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }

    .who {
      display: grid;
      justify-items: start;
      gap: calc(var(--_space) / 2);
      min-width: 0;
    }

    h2 {
      margin: 0;
      font-size: 1.375rem;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }

    h2:focus {
      outline: none;
    }

    h2:focus-visible {
      outline: 2px solid var(--_focus);
    }

    h3 {
      margin: 0 0 var(--_space);
      font-size: 1rem;
    }

    .email {
      color: var(--_text-muted);
      overflow-wrap: anywhere;
    }

    .badge {
      color: var(--_text-muted);
    }

    .state-active {
      color: var(--_success);
    }

    .state-invited {
      color: var(--_accent);
    }

    .state-expired {
      color: var(--_warning);
      border-style: dashed;
    }

    .state-blocked {
      color: var(--_danger);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .actions-note {
      margin: var(--_space) 0 0;
    }

    .message {
      padding: calc(var(--_space) * 1.5);
    }

    .load-error,
    .history-error {
      display: grid;
      justify-items: start;
      gap: var(--_space);
    }

    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      align-items: start;
      gap: calc(var(--_space) * 2);
    }

    .column {
      display: grid;
      gap: calc(var(--_space) * 2);
      min-width: 0;
    }

    .section {
      min-width: 0;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    /* One grid for all rows, so the terms share one column as wide as the longest. */
    .dates {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: var(--_space) calc(var(--_space) * 2);
      margin: 0;
    }

    .row {
      display: contents;
    }

    dt {
      color: var(--_text-muted);
    }

    dd {
      margin: 0;
      min-width: 0;
    }

    .user-id-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    .user-id {
      font-family: var(--roster-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }

    .button.small {
      min-height: 1.75rem;
      padding: 0 var(--_space);
      font-size: 0.8125rem;
    }

    .muted,
    .copy-status {
      color: var(--_text-muted);
    }

    ul,
    ol {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .group {
      display: grid;
    }

    .group-name {
      font-weight: 600;
    }

    .grants {
      color: var(--_text-muted);
    }

    .event {
      display: grid;
      gap: calc(var(--_space) / 4);
      padding-block-end: var(--_space);
      border-bottom: 1px solid var(--_border);
    }

    .event:last-child {
      border-bottom: 0;
    }

    .event:focus {
      outline: none;
    }

    .event:focus-visible {
      outline: 2px solid var(--_focus);
    }

    .event-groups {
      display: grid;
      color: var(--_text-muted);
    }

    .event-time {
      font-size: 0.8125rem;
    }

    .older {
      margin-top: var(--_space);
    }

    .loading {
      display: grid;
      gap: var(--_space);
    }
  `,
];
