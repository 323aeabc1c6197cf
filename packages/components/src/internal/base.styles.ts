import { css } from 'lit';

/**
 * What every element shares: hidden-but-announced text, focus rings, plain form controls and buttons
 * (main and destructive, disabled), the boxed message (an error has the danger border) and the
 * skeleton bar with its pulse, and no motion at all for a viewer who prefers reduced motion. Elements add only their own spacing and sizes.
 */
export const baseStyles = css`
  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  .control {
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    cursor: pointer;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_on-accent);
  }

  /* aria-disabled (not disabled) keeps focus on the button; by default it reads as unavailable too. */
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .error {
    border-color: var(--_danger);
  }

  /* Loading placeholders: a bar of the skeleton colour that pulses, unless the viewer wants less motion. */
  .bar {
    height: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_skeleton);
    animation: pulse 1.2s ease-in-out infinite;
  }

  /* A short label in a rounded outline: the table's state badges, the wizard's result tags. */
  .badge,
  .tag {
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  /* One rule for every element and every part, so no animation or transition added later escapes it. */
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
