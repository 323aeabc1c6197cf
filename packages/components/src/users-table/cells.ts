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

/**
 * A broken avatar URL falls back to the initials underneath instead of a broken-image icon. The rows
 * are not keyed, so an image hidden for one person is shown again when the next person's loads.
 */
function handleAvatarLoadOrError(event: Event) {
  (event.target as HTMLImageElement).hidden = event.type === 'error';
}

/**
 * The person: their picture and name, the name a button that asks for their page (`onShow`); "(you)"
 * on the viewer's own row.
 */
export function userCell(user: UserListItem, self: boolean, onShow: (event: Event) => void) {
  return html`<div class="user">
    <span class="avatar" part="avatar" aria-hidden="true">
      <span class="initials">${initials(user)}</span>
      ${user.avatarUrl
        ? html`<img src=${user.avatarUrl} alt="" loading="lazy" @load=${handleAvatarLoadOrError} @error=${handleAvatarLoadOrError} />`
        : nothing}
    </span>
    <button type="button" part="name" class="name" @click=${onShow}>${fullName(user)}</button>
    ${self ? html`<span class="muted">${msg('(you)')}</span>` : nothing}
  </div>`;
}

/**
 * The state, and under it the date the State / Joined column sorts by: when the person joined, else
 * (invitations, declined ones) when they were invited.
 */
export function stateCell(user: UserListItem, now: number) {
  const badge =
    user.state === 'invited' && user.expiresAt
      ? msg(str`Invited — expires ${formatDaysFromNow(user.expiresAt, now)}`)
      : stateLabel(user.state);
  const date = user.joinedAt ?? user.invitedAt;
  return html`<span class="badge state-${user.state}" part="badge">${badge}</span>
    <span class="date">${user.joinedAt ? msg('Joined') : msg('Invited')} <time datetime=${date}>${formatDate(date)}</time></span>`;
}

export function lastSignInCell(user: UserListItem) {
  return user.lastSignInAt
    ? html`<time datetime=${user.lastSignInAt}>${formatDateTime(user.lastSignInAt)}</time>`
    : html`<span class="muted">${msg('Never')}</span>`;
}

/**
 * One group is named; several read "N groups" and are focusable (a control of the grid) so keyboard users get the names too:
 * the names are in the cell for screen readers (visually hidden) and in the shared tooltip on
 * hover and focus, which the table drives from the `data-names` attribute.
 */
export function groupsCell(user: UserListItem) {
  const { groups } = user;
  if (groups.length === 0) return html`<span class="muted">${msg('No groups')}</span>`;
  if (groups.length === 1) return html`${groups[0].name}`;
  const names = groups.map((group) => group.name).join(', ');
  return html`<span class="group-count" part="group-count" data-names=${names}
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
