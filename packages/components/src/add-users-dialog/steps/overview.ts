import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatNumber, plural } from '../../internal/format.ts';
import { displayName, invitableEntries } from '../invitees.ts';
import type { Draft } from '../wizard.ts';
import { requestErrorNote, stepActions, stepHeading, type StepButtons } from './frame.ts';

export interface OverviewStep {
  draft: Draft;
  /** Why the sending was refused, in words. */
  requestError: string | undefined;
  buttons: StepButtons;
  onSubmit: (event: SubmitEvent) => void;
}

/** Step 4: who will be invited to which groups, and who is left out, before Send. */
export function overviewStep(step: OverviewStep) {
  const { entries, lookups, names, chosenGroups } = step.draft;
  const invitable = invitableEntries(entries, lookups);
  // A repeated address is no one left out: it is invited once, on its first line.
  const leftOut = entries.filter((entry) => entry.status !== 'duplicate' && !invitable.includes(entry));
  return html`<form class="step" novalidate @submit=${step.onSubmit}>
    ${stepHeading('overview')}
    <p>
      ${plural(
        invitable.length,
        msg('This person will get an email with a link to join:'),
        msg(str`These ${formatNumber(invitable.length)} people will each get an email with a link to join:`),
      )}
    </p>
    <div class="table-wrap">
      <table part="overview" class="overview">
        <caption class="visually-hidden">${msg('People to invite')}</caption>
        <thead>
          <tr><th scope="col">${msg('Name')}</th><th scope="col">${msg('Email')}</th></tr>
        </thead>
        <tbody>
          ${invitable.map((entry) => html`<tr><td>${displayName(entry.email, lookups, names) || msg('Their own name')}</td><td>${entry.email}</td></tr>`)}
        </tbody>
      </table>
    </div>
    <p><strong>${msg('Groups:')}</strong> ${chosenGroups.map((group) => group.name).join(', ')}</p>
    ${leftOut.length > 0
      ? html`<p class="muted">${msg('Not invited (invalid or already in the account):')} ${leftOut.map((entry) => entry.email).join(', ')}</p>`
      : nothing}
    ${step.requestError ? requestErrorNote(step.requestError) : nothing}
    ${stepActions('overview', 'send', step.buttons, step.requestError ? 'request-error' : undefined, invitable.length)}
  </form>`;
}
