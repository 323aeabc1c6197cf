import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatNumber } from '../../internal/format.ts';
import type { SummaryLine } from '../invitees.ts';
import { isRepeat, resultDetail, resultTag } from '../labels.ts';
import { stepHeading } from './frame.ts';

export interface SummaryStep {
  /** One line per address entered. */
  results: SummaryLine[];
  /** What the last "Copy link" did. */
  copyNote: string;
  /** "Copy link"; the button carries `data-link` and `data-email`. */
  onCopy: (event: Event) => void;
  /** "View user"; the button carries `data-user-id` and `data-email`. */
  onView: (event: Event) => void;
  onClose: () => void;
}

/** Step 5: what became of each address, with the invitation links. */
export function summaryStep(step: SummaryStep) {
  return html`<div class="step">
    ${stepHeading('summary')}
    <p>${resultCounts(step.results)}</p>
    <ul part="results" class="results">
      ${step.results.map((result, index) => resultItem(result, index, step))}
    </ul>
    <p class="copy-note" role="status">${step.copyNote}</p>
    <div class="actions">
      <button type="button" part="close-button" class="button primary close" @click=${step.onClose}>${msg('Close')}</button>
    </div>
  </div>`;
}

const RESULT_ICONS = { invited: '✓', already_member: '•', invalid: '✕', repeat: '=' } as const;

/** How many of each outcome, above the list; a repeated address is no "not invited" (it was, once). */
function resultCounts(results: SummaryLine[]) {
  const count = (kind: keyof typeof RESULT_ICONS) => results.filter((result) => resultKind(result) === kind).length;
  const [invited, members, notInvited, repeats] = [count('invited'), count('already_member'), count('invalid'), count('repeat')].map(formatNumber);
  return count('repeat') > 0
    ? msg(str`Invited: ${invited} · Already in the account: ${members} · Not invited: ${notInvited} · Listed twice: ${repeats}`)
    : msg(str`Invited: ${invited} · Already in the account: ${members} · Not invited: ${notInvited}`);
}

/** The outcome a line shows: its status, or `repeat` for a later line of an address already listed. */
function resultKind(result: SummaryLine): keyof typeof RESULT_ICONS {
  return isRepeat(result) ? 'repeat' : result.status;
}

/** One line; an invited person's shows their link, selectable, with Copy and View buttons. */
function resultItem(result: SummaryLine, index: number, on: Pick<SummaryStep, 'onCopy' | 'onView'>) {
  const kind = resultKind(result);
  return html`<li class="result result-${kind}">
    <div class="result-head">
      <span class="tag"><span aria-hidden="true">${RESULT_ICONS[kind]}</span> ${resultTag(result)}</span>
      <span id="result-${index}" class="result-email">${result.email}</span>
    </div>
    ${resultDetail(result) ? html`<p class="muted">${resultDetail(result)}</p>` : nothing}
    ${result.status === 'invited'
      ? html`<div class="link-row">
          <input
            part="link"
            class="control link"
            readonly
            aria-label=${msg(str`Invitation link for ${result.email}`)}
            .value=${result.link}
            @focus=${selectAll}
          />
          <button
            type="button"
            part="copy-button"
            class="button copy"
            aria-describedby="result-${index}"
            data-link=${result.link}
            data-email=${result.email}
            @click=${on.onCopy}
          >
            ${msg('Copy link')}
          </button>
          <button
            type="button"
            part="view-button"
            class="button"
            aria-describedby="result-${index}"
            data-user-id=${result.userId}
            data-email=${result.email}
            @click=${on.onView}
          >
            ${msg('View user')}
          </button>
        </div>`
      : nothing}
  </li>`;
}

/** The whole link is selected on focus, ready for a copy by hand. */
function selectAll(event: FocusEvent) {
  (event.target as HTMLInputElement).select();
}
