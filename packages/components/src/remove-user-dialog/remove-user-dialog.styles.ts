import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const removeUserDialogStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: contents;
    }

    dialog {
      width: min(32rem, calc(100vw - 2rem));
      padding: calc(var(--_space) * 3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }

    h2 {
      margin: 0 0 calc(var(--_space) * 2);
      font-size: 1.25rem;
      line-height: 1.3;
    }

    h3 {
      margin: calc(var(--_space) * 2) 0 var(--_space);
      font-size: 1rem;
    }

    p {
      margin: 0 0 var(--_space);
    }

    ul {
      margin: 0;
      padding-inline-start: calc(var(--_space) * 2.5);
    }

    li {
      margin-bottom: calc(var(--_space) / 2);
    }

    .muted {
      color: var(--_text-muted);
    }

    .permission {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 0.8125rem;
    }

    .message {
      margin: calc(var(--_space) * 2) 0 0;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }

    .error,
    .reason {
      border-color: var(--_danger);
    }

    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--_space);
      margin-top: calc(var(--_space) * 3);
    }

    .danger {
      border-color: var(--_danger);
      background: var(--_danger);
      color: var(--_on-accent);
    }

    .bar {
      display: block;
      height: 0.75rem;
      margin: var(--_space) 0;
      border-radius: var(--_radius);
      background: var(--_skeleton);
      animation: pulse 1.2s ease-in-out infinite;
    }

    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .bar {
        animation: none;
      }
    }
  `,
];
