import { css } from 'lit';
import { baseStyles } from '../base.styles.ts';
import { tokens } from '../tokens.ts';

export const menuButtonStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: inline-block;
    }

    .trigger {
      min-width: 2.25rem;
      justify-content: center;
      padding: 0 var(--_space);
      letter-spacing: 0.1em;
    }

    /* The menu lives in the top layer so the table's scroll box cannot clip it. */
    .menu {
      position: fixed;
      inset: auto;
      margin: 0;
      min-width: 10rem;
      padding: calc(var(--_space) / 2) 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: var(--_shadow);
    }

    .item {
      display: block;
      width: 100%;
      padding: var(--_space) calc(var(--_space) * 2);
      border: none;
      background: none;
      text-align: start;
      white-space: nowrap;
      cursor: pointer;
    }

    .item:hover,
    .item:focus {
      background: var(--_surface-raised);
    }

    /* Inside the item: the menu's edges would cut a ring drawn outside it. */
    .item:focus-visible {
      outline-offset: -2px;
    }

    .item.danger {
      color: var(--_danger);
    }
  `,
];
