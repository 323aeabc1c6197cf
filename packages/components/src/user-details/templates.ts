import { msg } from '@lit/localize';
import type { UserDetails } from '@roster/shared';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, fullName } from '../internal/format.ts';
import { permissionList } from '../internal/permissions.ts';
import { stateLabel } from './labels.ts';

/*
 * The parts of `<user-details>` that are pure functions of the person. User text only ever goes
 * through Lit text bindings, so names and emails can never become markup.
 */

function initials(details: UserDetails): string {
  return (`${details.firstName.charAt(0)}${details.lastName.charAt(0)}` || details.email.charAt(0)).toUpperCase();
}

/** A broken picture URL falls back to the initials underneath instead of a broken-image icon. */
function handleAvatarError(event: Event) {
  (event.target as HTMLImageElement).hidden = true;
}

/** Picture or initials, name (the page's heading, focusable from script), email and state. */
export function identity(details: UserDetails) {
  return html`<header class="identity">
    <span class="avatar" part="avatar" aria-hidden="true">
      <span class="initials">${initials(details)}</span>
      ${details.avatarUrl ? html`<img src=${details.avatarUrl} alt="" @error=${handleAvatarError} />` : nothing}
    </span>
    <div class="who">
      <h2 id="name" part="name" tabindex="-1">${fullName(details)}</h2>
      <p class="email">${details.email}</p>
      <span class="badge state-${details.state}" part="badge">${stateLabel(details.state)}</span>
    </div>
  </header>`;
}

function dateRow(label: string, iso: string | null, format: (iso: string) => string = formatDate) {
  return iso ? html`<div class="row"><dt>${label}</dt><dd><time datetime=${iso}>${format(iso)}</time></dd></div>` : nothing;
}

/**
 * The user id (with its Copy button, `userId`) and the dates that apply: the invitation's expiry
 * while one is open or expired, joined, last sign-in (Never for someone who joined and has not signed
 * in since) and removed.
 */
export function datesList(details: UserDetails, userId: TemplateResult) {
  const invitationOpen = details.state === 'invited' || details.state === 'expired';
  return html`<dl part="dates" class="dates">
    <div class="row"><dt id="user-id-label">${msg('User id')}</dt><dd>${userId}</dd></div>
    ${dateRow(msg('Invited'), details.invitedAt)}
    ${invitationOpen ? dateRow(details.state === 'expired' ? msg('Invitation expired') : msg('Invitation expires'), details.expiresAt) : nothing}
    ${dateRow(msg('Joined'), details.joinedAt)}
    ${details.joinedAt && !details.lastSignInAt
      ? html`<div class="row"><dt>${msg('Last sign-in')}</dt><dd class="muted">${msg('Never')}</dd></div>`
      : dateRow(msg('Last sign-in'), details.lastSignInAt, formatDateTime)}
    ${dateRow(msg('Removed'), details.removedAt)}
  </dl>`;
}

/** Each group the person holds, with what it grants by label (the module id as secondary text). */
export function groupsSection(details: UserDetails) {
  return html`<section part="groups" class="section" aria-labelledby="groups-heading">
    <h3 id="groups-heading">${msg('Groups')}</h3>
    ${details.groups.length === 0
      ? html`<p class="muted">${msg('No groups')}</p>`
      : html`<ul class="groups">
          ${details.groups.map(
            (group) => html`<li class="group">
              <span class="group-name">${group.name}</span>
              <span class="grants">
                ${group.permissions.length > 0 ? html`${msg('Grants:')} ${permissionList(group.permissions)}` : msg('Grants no permissions.')}
              </span>
            </li>`,
          )}
        </ul>`}
  </section>`;
}

/** Everything the groups grant together: what the person may do in the account. */
export function permissionsSection(details: UserDetails) {
  return html`<section part="permissions" class="section" aria-labelledby="permissions-heading">
    <h3 id="permissions-heading">${msg('Permissions')}</h3>
    ${details.permissions.length === 0
      ? html`<p class="muted">${msg('No permissions: their groups grant nothing.')}</p>`
      : html`<ul class="permissions">
          ${details.permissions.map((permission) => html`<li>${permissionList([permission])}</li>`)}
        </ul>`}
  </section>`;
}
