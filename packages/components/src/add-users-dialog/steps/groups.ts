import { msg, str } from '@lit/localize';
import type { Group } from '@roster/shared';
import { html, nothing } from 'lit';
import type { Refusal } from '../wizard.ts';
import { refusalNote, stepActions, stepHeading, type StepButtons } from './frame.ts';

export interface GroupsStep {
  /** The account's groups; undefined while they load. */
  groups: Group[] | undefined;
  /** Why the groups could not be loaded, in the server's words. */
  loadError: string | undefined;
  query: string;
  /** Chosen group ids; a choice stays when the search hides its checkbox. */
  groupIds: string[];
  chosenGroups: Group[];
  /** Why Next is refused, when the step says so. */
  refusal: Refusal | undefined;
  buttons: StepButtons;
  onSearchInput: (event: Event) => void;
  /** A checkbox changed; its value is the group id. */
  onGroupChange: (event: Event) => void;
  onRetry: () => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** Step 3: the groups to invite everyone to, found with a search box. */
export function groupsStep(step: GroupsStep) {
  return html`<form class="step" novalidate @submit=${step.onSubmit}>
    ${stepHeading('groups')} ${groupChoice(step)} ${stepActions('groups', 'next', step.buttons, step.refusal ? 'groups-error' : undefined)}
  </form>`;
}

function groupChoice(step: GroupsStep) {
  const { groups, chosenGroups, refusal } = step;
  if (step.loadError !== undefined) {
    return html`<div part="error" class="message error" role="alert">
      <p>${msg(str`The groups could not be loaded: ${step.loadError}`)}</p>
      <button type="button" class="button" @click=${step.onRetry}>${msg('Try again')}</button>
    </div>`;
  }
  if (!groups) {
    return html`<p class="muted" role="status">${msg('Loading groups…')}</p>
      <span class="bar" aria-hidden="true"></span><span class="bar" aria-hidden="true"></span>`;
  }
  const shown = matchingGroups(groups, step.query);
  return html`<div class="field search">
      <label for="group-search">${msg('Search groups')}</label>
      <input
        id="group-search"
        part="group-search"
        class="control"
        type="search"
        autocomplete="off"
        data-autofocus
        aria-controls="group-list"
        .value=${step.query}
        @input=${step.onSearchInput}
        @keydown=${keepEnterInSearch}
      />
    </div>
    <fieldset id="group-list" part="groups" class="groups" aria-describedby=${refusal ? 'groups-error groups-chosen' : 'groups-chosen'}>
      <legend>${msg('Invite them to these groups (at least one)')}</legend>
      ${shown.length === 0
        ? html`<p class="muted">${msg(str`No group matches “${step.query.trim()}”.`)}</p>`
        : shown.map(
            (group) => html`<label class="check">
              <input type="checkbox" value=${group.id} .checked=${step.groupIds.includes(group.id)} @change=${step.onGroupChange} />
              <span><span class="group-name">${group.name}</span> <span class="muted">${group.description}</span></span>
            </label>`,
          )}
    </fieldset>
    <p id="groups-chosen" class="muted" role="status">
      ${chosenGroups.length === 0 ? msg('No group chosen yet.') : msg(str`Chosen: ${chosenGroups.map((group) => group.name).join(', ')}`)}
    </p>
    ${refusal ? refusalNote('groups-error', refusal) : nothing}`;
}

/** The groups whose name or description contains the search, ignoring case. */
function matchingGroups(groups: Group[], query: string): Group[] {
  const needle = query.trim().toLocaleLowerCase();
  return needle ? groups.filter((group) => `${group.name} ${group.description}`.toLocaleLowerCase().includes(needle)) : groups;
}

/** Enter in the search box filters; it does not leave the step. */
function keepEnterInSearch(event: KeyboardEvent) {
  if (event.key === 'Enter') event.preventDefault();
}
