import { css } from 'lit';

/** The look of `passwordChecklist` (see password-checklist.ts): met checks in the success colour. */
export const passwordChecklistStyles = css`
  .rules {
    margin: calc(var(--_space) * -1) 0 calc(var(--_space) * 2);
  }

  .rules p {
    margin-bottom: calc(var(--_space) / 2);
  }

  .checklist {
    display: grid;
    gap: calc(var(--_space) / 4);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .checklist li {
    display: flex;
    gap: var(--_space);
    color: var(--_text-muted);
  }

  .checklist .met {
    color: var(--_text);
  }

  .mark {
    width: 1em;
    text-align: center;
  }

  .met .mark {
    color: var(--_success);
  }

  .failed .mark {
    color: var(--_danger);
  }
`;
