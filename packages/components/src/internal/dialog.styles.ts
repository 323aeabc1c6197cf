import { css } from 'lit';

/**
 * What Roster's modal dialogs share: the native `<dialog>` box and backdrop, the title, messages and
 * the row of buttons at the end. Use after `tokens` and `baseStyles`.
 */
export const dialogStyles = css`
  :host {
    display: contents;
  }

  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--roster-dialog-shadow, 0 16px 48px rgb(0 0 0 / 0.25));
  }

  dialog::backdrop {
    background: var(--roster-color-backdrop, rgb(0 0 0 / 0.4));
  }

  h2 {
    margin: 0 0 calc(var(--_space) * 2);
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p {
    margin: 0 0 var(--_space);
  }

  .muted {
    color: var(--_text-muted);
  }

  .message {
    margin: calc(var(--_space) * 2) 0 0;
    padding: calc(var(--_space) * 1.5);
  }

  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 3);
  }

  .bar {
    display: block;
    margin: var(--_space) 0;
  }
`;
