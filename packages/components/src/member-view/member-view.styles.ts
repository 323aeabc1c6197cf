import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const memberViewStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: block;
    }

    .base {
      display: grid;
      gap: calc(var(--_space) * 2);
      max-width: 48rem;
    }

    h2 {
      margin: 0;
      font-size: 1.5rem;
      line-height: 1.25;
    }

    h3 {
      margin: 0 0 var(--_space);
      font-size: 1rem;
    }

    p {
      margin: 0;
    }

    .muted {
      color: var(--_text-muted);
    }

    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: var(--_space);
    }

    .card {
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }

    .name {
      font-weight: 600;
    }
  `,
];

export const accountNoticeStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: block;
    }

    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space) calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }

    .notice.lost {
      border-inline-start-color: var(--_warning);
    }

    p {
      margin: 0;
    }
  `,
];
