import { msg, str } from '@lit/localize';
import type { UserListItem } from '@roster/shared';
import { html, nothing } from 'lit';
import { formatDate, formatDateTime, formatDaysFromNow, fullName } from '../internal/format.ts';
import { stateLabel } from './labels.ts';

/**
 * Cell templates of one users-table row. Pure functions of the item: user text only ever goes
 * through Lit text bindings, so names and emails can never become markup.
 */

export { fullName };

function initials(user: UserListItem): string {
  const letters = `${user.firstName.charAt(0)}${user.lastName.charAt(0)}` || user.email.charAt(0);
  return letters.toUpperCase();
}

/** A broken avatar URL falls back to the initials underneath instead of a broken-image icon. */
function handleAvatarError(event: Event) {
  (event.target as HTMLImageElement).hidden = true;
}

export function userCell(user: UserListItem) {
  return html`<div class="user">
    <span class="avatar" part="avatar" aria-hidden="true">
      <span class="initials">${initials(user)}</span>
      ${user.avatarUrl
        ? html`<img src=${user.avatarUrl} alt="" loading="lazy" @error=${handleAvatarError} />`
        : nothing}
    </span>
    <span class="identity">
      <span class="name">${fullName(user)}</span>
      <span class="user-id"><span class="visually-hidden">${msg('User id')} </span>${user.id}</span>
    </span>
  </div>`;
}

export function stateCell(user: UserListItem, now: number) {
  if (user.state === 'active') {
    return html`<span class="badge state-active" part="badge">${stateLabel('active')}</span>
      ${user.joinedAt
        ? html`<span class="joined">${msg('Joined')} <time datetime=${user.joinedAt}>${formatDate(user.joinedAt)}</time></span>`
        : nothing}`;
  }
  if (user.state === 'invited' && user.expiresAt) {
    const expires = formatDaysFromNow(user.expiresAt, now);
    return html`<span class="badge state-invited" part="badge">${msg(str`Invited — expires ${expires}`)}</span>`;
  }
  return html`<span class="badge state-${user.state}" part="badge">${stateLabel(user.state)}</span>`;
}

export function lastSignInCell(user: UserListItem) {
  return user.lastSignInAt
    ? html`<time datetime=${user.lastSignInAt}>${formatDateTime(user.lastSignInAt)}</time>`
    : html`<span class="muted">${msg('Never')}</span>`;
}

/**
 * One group is named; several read "N groups" and are focusable so keyboard users get the names too:
 * the names are in the cell for screen readers (visually hidden) and in the shared tooltip on
 * hover and focus, which the table drives from the `data-names` attribute.
 */
export function groupsCell(user: UserListItem) {
  const { groups } = user;
  if (groups.length === 0) return html`<span class="muted">${msg('No groups')}</span>`;
  if (groups.length === 1) return html`${groups[0].name}`;
  const names = groups.map((group) => group.name).join(', ');
  return html`<span class="group-count" part="group-count" tabindex="0" data-names=${names}
    >${msg(str`${groups.length} groups`)}<span class="visually-hidden">: ${names}</span></span
  >`;
}

/** A placeholder row while a page loads; the table itself carries `aria-busy`. */
export function skeletonRow() {
  return html`<tr class="skeleton" part="row skeleton-row" aria-hidden="true">
    <td><div class="user"><span class="avatar"></span><span class="bar wide"></span></div></td>
    <td><span class="bar wide"></span></td>
    <td><span class="bar"></span></td>
    <td><span class="bar"></span></td>
    <td><span class="bar short"></span></td>
    <td></td>
  </tr>`;
}
