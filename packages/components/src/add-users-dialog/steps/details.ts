import { msg } from '@lit/localize';
import type { InviteCheckResult } from '@roster/shared';
import { html, nothing } from 'lit';
import { emailKey, newPeople, typedName, validEntries, type EmailEntry, type PersonName } from '../invitees.ts';
import { invalidReasonDetail, memberStateDetail, memberStateLabel } from '../labels.ts';
import type { Draft, Refusal } from '../wizard.ts';
import { refusalNote, stepActions, stepHeading, type StepButtons } from './frame.ts';

export interface DetailsStep {
  draft: Draft;
  /** Next was pressed: empty names are marked. */
  attempted: boolean;
  /** Why Next is refused, when the step says so. */
  refusal: Refusal | undefined;
  buttons: StepButtons;
  /** A name field changed; it carries `data-email` and `data-field`. */
  onNameInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** Step 2, "Names": name fields for new people, the others' own names or why they are left out. */
export function detailsStep(step: DetailsStep) {
  const { entries, lookups, names } = step.draft;
  const { refusal } = step;
  const firstNew = newPeople(entries, lookups)[0];
  const refusalId = refusal?.reason === 'nobody_invitable' ? 'nobody-error' : 'names-error';
  return html`<form class="step" novalidate @submit=${step.onSubmit}>
    ${stepHeading('details')}
    <p class="hint">${msg('Enter the first and last name of each new person. People who already have an account keep their own name.')}</p>
    ${refusal ? refusalNote(refusalId, refusal) : nothing}
    <div part="names" class="people">
      ${validEntries(entries).map((entry, index) =>
        personFields({
          entry,
          index,
          lookup: lookups.get(emailKey(entry.email)),
          name: typedName(names, entry.email),
          attempted: step.attempted,
          autofocus: entry === firstNew,
          onInput: step.onNameInput,
        }),
      )}
    </div>
    ${stepActions('details', 'next', step.buttons, refusal ? refusalId : undefined)}
  </form>`;
}

interface PersonFields {
  entry: EmailEntry;
  /** Its position, which makes the fields' ids. */
  index: number;
  lookup: InviteCheckResult | undefined;
  /** What was typed for a new person. */
  name: PersonName;
  attempted: boolean;
  /** The first field the administrator has to fill. */
  autofocus: boolean;
  onInput: (event: Event) => void;
}

/**
 * A new person gets name fields; someone with an account their own name, read-only, or only that
 * they keep it when this administrator may not see it; anyone else why they are left out.
 */
function personFields(person: PersonFields) {
  const { entry, index, lookup } = person;
  if (lookup?.status === 'known' && lookup.firstName === null) {
    return html`<div class="person person-unseen">
      <span class="person-email">${entry.email}</span>
      <span class="person-note muted">${msg('Already has a sign-in and keeps their own name.')}</span>
    </div>`;
  }
  if (lookup?.status === 'new' || lookup?.status === 'known') {
    const known = lookup.status === 'known' ? lookup : undefined;
    return html`<fieldset class="person" aria-describedby=${known ? `known-${index}` : nothing}>
      <legend class="person-email">${entry.email}</legend>
      ${nameField(person, 'firstName', known?.firstName ?? undefined)} ${nameField(person, 'lastName', known?.lastName ?? undefined)}
      ${known ? html`<p id="known-${index}" class="person-note muted">${msg('Has an account and keeps their own name.')}</p>` : nothing}
    </fieldset>`;
  }
  return html`<div class="person person-left-out">
    <span class="person-email">${entry.email}</span>
    <span class="person-note">
      <span class="tag">${lookup?.status === 'already_member' ? memberStateLabel(lookup.state) : msg('Not invited')}</span>
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
