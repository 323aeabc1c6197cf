import { msg, str } from '@lit/localize';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import { html, nothing } from 'lit';
import { formatNumber } from '../../internal/format.ts';
import { emailKey, type EmailEntry, type Lookups } from '../invitees.ts';
import { entryStatusLabel, memberStateLabel, skippedEntriesNote } from '../labels.ts';
import type { Refusal } from '../wizard.ts';
import { refusalNote, requestErrorNote, stepActions, stepHeading, type StepButtons } from './frame.ts';

export interface EmailsStep {
  /** The text as typed or pasted. */
  text: string;
  /** Every address of the text with its verdict. */
  entries: EmailEntry[];
  /** What the look-ahead has said so far, which marks people already in the account. */
  lookups: Lookups;
  /** Why Next is refused, when the step says so. */
  refusal: Refusal | undefined;
  /** Why the server's look-ahead failed, in words. */
  requestError: string | undefined;
  buttons: StepButtons;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/**
 * Step 1: the addresses, each checked on its own line as it is typed, and marked as soon as the
 * look-ahead says the person is already in the account.
 */
export function emailsStep(step: EmailsStep) {
  const { entries, refusal, requestError } = step;
  const marks = entries.map((entry) => entryMark(entry, step.lookups));
  const counts = { valid: 0, invalid: 0, duplicate: 0, member: 0 };
  for (const mark of marks) counts[mark.kind] += 1;
  const skipped = counts.invalid + counts.duplicate + counts.member;
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
      ${entryCounts(entries.length, counts)}
    </p>
    ${refusal ? refusalNote('emails-error', refusal) : nothing} ${entries.length === 0 ? nothing : entryList(marks)}
    ${counts.valid + counts.member > 0 && skipped > 0
      ? html`<p class="hint skipped-note">${skippedEntriesNote(counts.invalid, counts.duplicate, counts.member)}</p>`
      : nothing}
    ${requestError ? requestErrorNote(requestError) : nothing}
    ${stepActions('emails', 'next', step.buttons, refusal ? 'emails-error' : requestError ? 'request-error' : undefined)}
  </form>`;
}

const ENTRY_ICONS = { valid: '✓', invalid: '✕', duplicate: '=', member: '•' } as const;

/** How an address reads on this step: its own verdict, unless the look-ahead found the person in the account. */
interface EntryMark {
  email: string;
  kind: keyof typeof ENTRY_ICONS;
  label: string;
}

function entryMark(entry: EmailEntry, lookups: Lookups): EntryMark {
  const lookup = entry.status === 'valid' ? lookups.get(emailKey(entry.email)) : undefined;
  if (lookup?.status === 'already_member') return { email: entry.email, kind: 'member', label: memberStateLabel(lookup.state) };
  return { email: entry.email, kind: entry.status, label: entryStatusLabel(entry.status) };
}

/** The tally, read out as it changes; people already in the account are counted only once there are some. */
function entryCounts(total: number, counts: Record<EntryMark['kind'], number>): string {
  if (total === 0) return msg('No addresses yet.');
  const [valid, invalid, duplicate, member] = [counts.valid, counts.invalid, counts.duplicate, counts.member].map(formatNumber);
  return counts.member > 0
    ? msg(str`Valid: ${valid} · Already in the account: ${member} · Invalid: ${invalid} · Listed twice: ${duplicate}`)
    : msg(str`Valid: ${valid} · Invalid: ${invalid} · Listed twice: ${duplicate}`);
}

/** Each address on its own line, its verdict in words beside a mark and a colour. */
function entryList(marks: EntryMark[]) {
  return html`<ul part="email-list" class="entries" aria-label=${msg('Checked addresses')}>
    ${marks.map(
      (mark) => html`<li class="entry entry-${mark.kind}">
        <span class="icon" aria-hidden="true">${ENTRY_ICONS[mark.kind]}</span>
        <span class="entry-email">${mark.email}</span>
        <span class="entry-status">${mark.label}</span>
      </li>`,
    )}
  </ul>`;
}
