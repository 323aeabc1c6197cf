import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const blockUserDialogStyles = [
  tokens,
  baseStyles,
  dialogStyles,
  css`
    .reason {
      border-color: var(--_danger);
    }
  `,
];
