import { msg, str } from '@lit/localize';
import type { Me } from '@roster/shared';
import { html, nothing } from 'lit';
import { formatList } from '../internal/format.ts';

/** The accounts the person is an active member of, with their groups there and whether they administer it. */
export function accountsList(me: Me) {
  return html`<section class="card" aria-labelledby="accounts-heading">
    <h3 id="accounts-heading">${msg('Accounts and groups')}</h3>
    ${me.accounts.length === 0
      ? html`<p class="muted">${msg('You belong to no account yet.')}</p>`
      : html`<ul part="accounts" class="accounts">
          ${me.accounts.map(
            (account) => html`<li part="account" class="account">
              <span class="account-name">${account.name}</span>
              ${account.isAdmin ? html`<span class="badge admin">${msg('Administrator')}</span>` : nothing}
              ${account.id === me.activeAccountId ? html`<span class="tag current">${msg('Current account')}</span>` : nothing}
              <p class="muted groups">
                ${account.groups.length === 0
                  ? msg('No groups')
                  : msg(str`Groups: ${formatList(account.groups.map((group) => group.name))}`)}
              </p>
            </li>`,
          )}
        </ul>`}
  </section>`;
}
