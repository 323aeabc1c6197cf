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

    h2 {
      margin: 0;
      font-size: 1.5rem;
      line-height: 1.25;
    }

    .description {
      margin: var(--_space) 0 0;
      color: var(--_text-muted);
    }
  `,
];
