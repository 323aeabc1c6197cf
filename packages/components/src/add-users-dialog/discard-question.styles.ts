import { css } from 'lit';

/** The discard question: a small box on top of the wizard, its title the size of a step's. */
export const discardQuestionStyles = css`
  dialog.discard-question {
    width: min(24rem, calc(100vw - 3rem));
  }

  .discard-heading {
    margin: 0 0 var(--_space);
    font-size: 1.0625rem;
  }
`;
