import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { permissionStyles } from '../internal/permissions.ts';
import { tokens } from '../internal/tokens.ts';

export const editUserDialogStyles = [
  tokens,
  baseStyles,
  dialogStyles,
  permissionStyles,
  css`
    dialog {
      width: min(38rem, calc(100vw - 2rem));
    }

    .search-label {
      display: block;
      margin-bottom: calc(var(--_space) / 2);
      font-weight: 600;
    }

    .search {
      width: 100%;
      margin-bottom: calc(var(--_space) * 2);
    }

    .groups-field {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    legend {
      padding: 0;
      margin-bottom: var(--_space);
      font-weight: 600;
    }

    .groups {
      max-height: min(20rem, 45vh);
      margin: 0;
      padding: 0;
      overflow-y: auto;
      list-style: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .group {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: baseline;
      column-gap: var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
    }

    .group + .group {
      border-top: 1px solid var(--_border);
    }

    .group input {
      width: 1rem;
      height: 1rem;
      margin: 0;
    }

    .group-name {
      font-weight: 600;
      cursor: pointer;
    }

    .count,
    .grants {
      color: var(--_text-muted);
      font-size: 0.875rem;
    }

    .count {
      white-space: nowrap;
    }

    .grants {
      grid-column: 2 / -1;
      margin: 0;
    }

    .summary {
      margin-top: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }

    h3 {
      margin: 0 0 var(--_space);
      font-size: 1rem;
    }

    .summary ul {
      margin: 0;
      padding-inline-start: calc(var(--_space) * 2.5);
    }

    .conflict p:last-of-type {
      margin-bottom: var(--_space);
    }
  `,
];
