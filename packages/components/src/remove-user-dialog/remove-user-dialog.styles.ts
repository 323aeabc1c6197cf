import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { permissionStyles } from '../internal/permissions.ts';
import { tokens } from '../internal/tokens.ts';

export const removeUserDialogStyles = [
  tokens,
  baseStyles,
  dialogStyles,
  permissionStyles,
  css`
    h3 {
      margin: calc(var(--_space) * 2) 0 var(--_space);
      font-size: 1rem;
    }

    ul {
      margin: 0;
      padding-inline-start: calc(var(--_space) * 2.5);
    }

    li {
      margin-bottom: calc(var(--_space) / 2);
    }

    .reason {
      border-color: var(--_danger);
    }
  `,
];
