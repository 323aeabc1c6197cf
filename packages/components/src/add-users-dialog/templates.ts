import { msg, str } from '@lit/localize';
import type { InviteCheckResult } from '@roster/shared';
import { html, nothing } from 'lit';
import { formatNumber } from '../internal/format.ts';
import type { EmailEntry, PersonName, SummaryLine } from './invitees.ts';
import { entryStatusLabel, invalidReasonDetail, isRepeat, memberStateDetail, resultDetail, resultTag } from './labels.ts';

/*
 * The wizard's lists, as functions of what they show. User text only goes through Lit text bindings,
 * so addresses and names never become markup. Listeners are called with the dialog as `this`.
 */

const ENTRY_ICONS = { valid: '✓', invalid: '✕', duplicate: '=' } as const;
const RESULT_ICONS = { invited: '✓', already_member: '•', invalid: '✕', repeat: '=' } as const;

/** Each address of the email step on its own line, its verdict in words beside a mark and a colour. */
export function entryList(entries: EmailEntry[]) {
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

export interface PersonFields {
  entry: EmailEntry;
  /** Its position, which makes the fields' ids. */
  index: number;
  lookup: InviteCheckResult | undefined;
  /** What was typed for a new person. */
  name: PersonName;
  /** Next was pressed: empty names are marked. */
  attempted: boolean;
  /** The first field the administrator has to fill. */
  autofocus: boolean;
  onInput: (event: Event) => void;
}

/** A new person gets name fields; someone with an account their own name, read-only; anyone else why they are left out. */
export function personFields(person: PersonFields) {
  const { entry, index, lookup } = person;
  if (lookup?.status === 'new' || lookup?.status === 'known') {
    const known = lookup.status === 'known' ? lookup : undefined;
    return html`<fieldset class="person" aria-describedby=${known ? `known-${index}` : nothing}>
      <legend class="person-email">${entry.email}</legend>
      ${nameField(person, 'firstName', known?.firstName)} ${nameField(person, 'lastName', known?.lastName)}
      ${known ? html`<p id="known-${index}" class="person-note muted">${msg('Has an account and keeps their own name.')}</p>` : nothing}
    </fieldset>`;
  }
  return html`<div class="person person-left-out">
    <span class="person-email">${entry.email}</span>
    <span class="person-note">
      <span class="tag">${lookup?.status === 'already_member' ? msg('Already in the account') : msg('Not invited')}</span>
      ${lookup?.status === 'already_member' ? memberStateDetail(lookup.state) : lookup?.status === 'invalid' ? invalidReasonDetail(lookup.reason) : nothing}
    </span>
  </div>`;
}

/** An editable, required name; or, given `known`, the person's own name, read-only. */
function nameField(person: PersonFields, field: keyof PersonName, known: string | undefined) {
  const id = `${field}-${person.index}`;
  const value = known ?? person.name[field];
  const missing = known === undefined && person.attempted && !value.trim();
  return html`<div class="field">
    <label for=${id}>${field === 'firstName' ? msg('First name') : msg('Last name')}</label>
    <input
      id=${id}
      class="control"
      type="text"
      maxlength="100"
      autocomplete="off"
      ?readonly=${known !== undefined}
      ?required=${known === undefined}
      ?data-autofocus=${person.autofocus && field === 'firstName'}
      data-email=${person.entry.email}
      data-field=${field}
      aria-invalid=${missing ? 'true' : 'false'}
      aria-describedby=${missing ? `${id}-error` : nothing}
      .value=${value}
      @input=${person.onInput}
    />
    ${missing ? html`<span id="${id}-error" class="field-error">${field === 'firstName' ? msg('Enter a first name.') : msg('Enter a last name.')}</span>` : nothing}
  </div>`;
}

/** How many of each outcome, above the summary list; a repeated address is no "not invited" (it was, once). */
export function resultCounts(results: SummaryLine[]) {
  const count = (kind: keyof typeof RESULT_ICONS) => results.filter((result) => resultKind(result) === kind).length;
  const [invited, members, notInvited, repeats] = [count('invited'), count('already_member'), count('invalid'), count('repeat')].map(formatNumber);
  return count('repeat') > 0
    ? msg(str`Invited: ${invited} · Already in the account: ${members} · Not invited: ${notInvited} · Listed twice: ${repeats}`)
    : msg(str`Invited: ${invited} · Already in the account: ${members} · Not invited: ${notInvited}`);
}

/** The outcome a summary line shows: its status, or `repeat` for a later line of an address already listed. */
function resultKind(result: SummaryLine): keyof typeof RESULT_ICONS {
  return isRepeat(result) ? 'repeat' : result.status;
}

/** One summary line; an invited person's shows their link, selectable, with Copy and View buttons. */
export function resultItem(result: SummaryLine, index: number, on: { copy: (event: Event) => void; view: (event: Event) => void }) {
  const kind = resultKind(result);
  return html`<li class="result result-${kind}">
    <div class="result-head">
      <span class="tag"><span aria-hidden="true">${RESULT_ICONS[kind]}</span> ${resultTag(result)}</span>
      <span id="result-${index}" class="result-email">${result.email}</span>
    </div>
    <p class="muted">${resultDetail(result)}</p>
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
            @click=${on.copy}
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
            @click=${on.view}
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
