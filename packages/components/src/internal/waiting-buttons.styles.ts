import { css } from 'lit';

/**
 * For elements whose buttons are aria-disabled only while a request runs: they read as waiting, not
 * as unavailable. Use after `baseStyles`; kept apart from them so the Users screen's first load,
 * which needs none, does not carry them.
 */
export const waitingButtonStyles = css`
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
`;
