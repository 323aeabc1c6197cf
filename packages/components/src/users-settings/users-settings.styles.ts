import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const usersSettingsStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: block;
    }

    .base {
      display: grid;
      gap: calc(var(--_space) * 3);
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: calc(var(--_space) * 2);
    }

    .primary {
      font-weight: 600;
    }

    h2 {
      margin: 0;
      font-size: 1.5rem;
      line-height: 1.25;
    }

    .toast {
      margin: 0;
      position: fixed;
      z-index: 10;
      inset-block-end: calc(var(--_space) * 3);
      inset-inline-start: 50%;
      translate: -50% 0;
      max-width: calc(100vw - 2rem);
      padding: var(--_space) calc(var(--_space) * 2);
      border-radius: var(--_radius);
      background: var(--_text);
      color: var(--_surface);
      box-shadow: var(--_shadow);
    }

    .description {
      margin: var(--_space) 0 0;
      color: var(--_text-muted);
    }
  `,
];
