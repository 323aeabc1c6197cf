import { msg, str } from '@lit/localize';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import { html, nothing } from 'lit';
import { formatNumber } from '../../internal/format.ts';
import type { EmailEntry } from '../invitees.ts';
import { entryStatusLabel, skippedEntriesNote } from '../labels.ts';
import type { Refusal } from '../wizard.ts';
import { refusalNote, requestErrorNote, stepActions, stepHeading, type StepButtons } from './frame.ts';

export interface EmailsStep {
  /** The text as typed or pasted. */
  text: string;
  /** Every address of the text with its verdict. */
  entries: EmailEntry[];
  /** Why Next is refused, when the step says so. */
  refusal: Refusal | undefined;
  /** Why the server's look-ahead failed, in words. */
  requestError: string | undefined;
  buttons: StepButtons;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** Step 1: the addresses, each checked on its own line as it is typed. */
export function emailsStep(step: EmailsStep) {
  const { entries, refusal, requestError } = step;
  const counts = { valid: 0, invalid: 0, duplicate: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  const skipped = counts.invalid + counts.duplicate;
  return html`<form class="step" novalidate @submit=${step.onSubmit}>
    ${stepHeading('emails')}
    <label for="emails" class="label">${msg('Who should be invited?')}</label>
    <p id="emails-hint" class="hint">
      ${msg(str`Type or paste up to ${formatNumber(MAX_INVITEES)} addresses, separated by commas, semicolons, spaces or new lines.`)}
    </p>
    <textarea
      id="emails"
      part="emails"
      class="control"
      rows="4"
      autocomplete="off"
      spellcheck="false"
      data-autofocus
      aria-describedby="emails-hint emails-count ${refusal ? 'emails-error' : ''}"
      aria-invalid=${refusal ? 'true' : 'false'}
      .value=${step.text}
      @input=${step.onInput}
    ></textarea>
    <p id="emails-count" class="muted" role="status">
      ${entries.length === 0
        ? msg('No addresses yet.')
        : msg(str`Valid: ${formatNumber(counts.valid)} · Invalid: ${formatNumber(counts.invalid)} · Listed twice: ${formatNumber(counts.duplicate)}`)}
    </p>
    ${refusal ? refusalNote('emails-error', refusal) : nothing} ${entries.length === 0 ? nothing : entryList(entries)}
    ${counts.valid > 0 && skipped > 0 ? html`<p class="hint skipped-note">${skippedEntriesNote(counts.invalid, counts.duplicate)}</p>` : nothing}
    ${requestError ? requestErrorNote(requestError) : nothing}
    ${stepActions('emails', 'next', step.buttons, refusal ? 'emails-error' : requestError ? 'request-error' : undefined)}
  </form>`;
}

const ENTRY_ICONS = { valid: '✓', invalid: '✕', duplicate: '=' } as const;

/** Each address on its own line, its verdict in words beside a mark and a colour. */
function entryList(entries: EmailEntry[]) {
  return html`<ul part="email-list" class="entries" aria-label=${msg('Checked addresses')}>
    ${entries.map(
      (entry) => html`<li class="entry entry-${entry.status}">
        <span class="icon" aria-hidden="true">${ENTRY_ICONS[entry.status]}</span>
        <span class="entry-email">${entry.email}</span>
        <span class="entry-status">${entryStatusLabel(entry.status)}</span>
      </li>`,
    )}
  </ul>`;
}
