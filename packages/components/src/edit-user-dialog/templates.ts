import { msg, str } from '@lit/localize';
import type { Group, Permission } from '@roster/shared';
import { html, nothing } from 'lit';
import { formatList, formatNumber, plural } from '../internal/format.ts';
import { permissionList } from '../internal/permissions.ts';
import type { GroupChanges } from './group-changes.ts';

/** "1 person", "12 people": how many hold the group now. */
export function memberCountText(count: number): string {
  return plural(count, msg(str`${formatNumber(count)} person`), msg(str`${formatNumber(count)} people`));
}

/** One group as a checkbox: its name, how many hold it, and what it grants (described by, not part of, its name). */
export function groupOption(group: Group, checked: boolean, disabled: boolean, invalid: boolean) {
  const grants = `grants-${group.id}`;
  return html`<li class="group">
    <input
      type="checkbox"
      id="group-${group.id}"
      data-group-id=${group.id}
      .checked=${checked}
      ?disabled=${disabled}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${invalid ? `${grants} groups-error` : grants}
    />
    <label for="group-${group.id}" class="group-name">${group.name}</label>
    <span class="count">${memberCountText(group.memberCount)}</span>
    <p id=${grants} class="grants">
      ${group.description ? html`<span class="description">${group.description}.</span>` : nothing}
      ${group.permissions.length > 0 ? html`${msg('Grants:')} ${permissionList(group.permissions)}` : msg('Grants no permissions.')}
    </p>
  </li>`;
}

function changeLine(label: string, items: readonly { id: string; name: string }[]) {
  return items.length > 0 ? html`<li><strong>${label}</strong> ${formatList(items.map((item) => item.name))}</li>` : nothing;
}

function permissionLine(label: string, permissions: readonly Permission[]) {
  return permissions.length > 0 ? html`<li><strong>${label}</strong> ${permissionList(permissions)}</li>` : nothing;
}

/** "What changes": the groups joined and left, and the permissions gained and lost, by label. */
export function changesSummary(changes: GroupChanges, changed: boolean) {
  return html`<section part="summary" class="summary" aria-labelledby="summary-heading" aria-live="polite">
    <h3 id="summary-heading">${msg('What changes')}</h3>
    ${changed
      ? html`<ul>
          ${changeLine(msg('Joins:'), changes.joined)} ${changeLine(msg('Leaves:'), changes.left)}
          ${permissionLine(msg('Gains:'), changes.gained)} ${permissionLine(msg('Loses:'), changes.lost)}
          ${changes.gained.length === 0 && changes.lost.length === 0
            ? html`<li class="muted">${msg('Their permissions stay the same.')}</li>`
            : nothing}
        </ul>`
      : html`<p class="muted">${msg('Nothing changes yet.')}</p>`}
  </section>`;
}
