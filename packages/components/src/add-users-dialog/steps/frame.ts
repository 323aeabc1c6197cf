import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatNumber, plural } from '../../internal/format.ts';
import { refusalMessage, stepLabel } from '../labels.ts';
import { previousStep, STEPS, type Refusal, type Step } from '../wizard.ts';

/*
 * What every step shares: the list of steps, the step's title, why Next was refused, and the buttons.
 * Each step's template, in this folder, is a function of plain inputs and handlers. User text only goes
 * through Lit text bindings, so addresses and names never become markup.
 */

/** The list of steps above the current one, the steps done ticked. */
export function progress(current: Step) {
  const currentIndex = STEPS.indexOf(current);
  return html`<ol part="steps" class="steps" aria-label=${msg('Steps')}>
    ${STEPS.map(
      (step, index) => html`<li class=${index < currentIndex ? 'done' : index === currentIndex ? 'current' : ''} aria-current=${index === currentIndex ? 'step' : nothing}>
        <span class="step-number" aria-hidden="true">${index < currentIndex ? '✓' : formatNumber(index + 1)}</span>
        ${stepLabel(step)}${index < currentIndex ? html`<span class="visually-hidden"> ${msg('(done)')}</span>` : nothing}
      </li>`,
    )}
  </ol>`;
}

/** The step's title; it takes focus when the step has no field to start on. */
export function stepHeading(step: Step) {
  const number = formatNumber(STEPS.indexOf(step) + 1);
  const total = formatNumber(STEPS.length);
  return html`<h3 part="step-heading" class="step-heading" tabindex="-1">
    <span class="visually-hidden">${msg(str`Step ${number} of ${total}:`)} </span>${stepLabel(step)}
  </h3>`;
}

/** Why Next was refused, under the fields; `.refusal` is where the dialog moves focus when no field is to blame. */
export function refusalNote(id: string, refusal: Refusal) {
  return html`<p id=${id} part="error" class="field-error refusal" role="alert" tabindex="-1">${refusalMessage(refusal)}</p>`;
}

/** Why the server refused the look-ahead or the sending; focused like a refusal. */
export function requestErrorNote(message: string) {
  return html`<p id="request-error" part="error" class="message error refusal" role="alert" tabindex="-1">${message}</p>`;
}

/** What a step's buttons need from the dialog. */
export interface StepButtons {
  /** A request is under way: Cancel and Back are disabled and the main button says so. */
  busy: boolean;
  onCancel: () => void;
  onBack: () => void;
}

/**
 * Cancel, Back (after the first step) and the step's main button, which submits its form (aria-disabled
 * keeps focus on it while busy); `refusal` is the id of the message saying why it was refused, if shown;
 * `sending` how many invitations Send sends.
 */
export function stepActions(step: Step, main: 'next' | 'send', buttons: StepButtons, refusal?: string, sending = 0) {
  const { busy } = buttons;
  return html`<div class="actions">
    <button type="button" part="cancel-button" class="button cancel" ?disabled=${busy} @click=${buttons.onCancel}>${msg('Cancel')}</button>
    <span class="spacer"></span>
    ${previousStep(step)
      ? html`<button type="button" part="back-button" class="button back" ?disabled=${busy} @click=${buttons.onBack}>${msg('Back')}</button>`
      : nothing}
    <button
      type="submit"
      part="${main}-button"
      class="button primary ${main}"
      aria-disabled=${busy ? 'true' : 'false'}
      aria-describedby=${refusal ?? nothing}
    >
      ${mainButtonLabel(main, busy, sending)}
    </button>
  </div>`;
}

/** Next checks the addresses (on the first step) before it goes on; Send says how many invitations it sends. */
function mainButtonLabel(main: 'next' | 'send', busy: boolean, sending: number): string {
  if (main === 'next') return busy ? msg('Checking…') : msg('Next');
  if (busy) return msg('Sending…');
  return plural(sending, msg('Send invitation'), msg(str`Send ${formatNumber(sending)} invitations`));
}
