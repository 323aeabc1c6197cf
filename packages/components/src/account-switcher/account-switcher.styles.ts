import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const accountSwitcherStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: inline-block;
      position: relative;
    }

    .trigger {
      max-width: 100%;
    }

    .trigger-label {
      color: var(--_text-muted);
    }

    .current,
    .option-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .current {
      font-weight: 600;
    }

    .popup {
      position: absolute;
      z-index: 20;
      inset-block-start: calc(100% + 4px);
      inset-inline-start: 0;
      width: min(22rem, calc(100vw - 2rem));
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: var(--_shadow);
    }

    .popup.from-end {
      inset-inline-start: auto;
      inset-inline-end: 0;
    }

    .search {
      width: 100%;
    }

    .listbox {
      max-height: min(20rem, 60vh);
      overflow-y: auto;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .option {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      padding: var(--_space);
      border-radius: var(--_radius);
      cursor: pointer;
    }

    .option:hover {
      background: var(--_surface-raised);
    }

    /* The active option (virtual focus): the focus colour, as a real focus ring would be. */
    .option.active {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
      background: var(--_surface-raised);
    }

    .option[aria-selected='true'] .option-name {
      font-weight: 600;
    }

    .hint {
      flex: none;
      color: var(--_text-muted);
      font-size: 0.75rem;
    }

    .empty,
    .problem {
      margin: 0;
      padding: var(--_space);
    }

    .problem {
      color: var(--_danger);
    }
  `,
];
