import { localized, msg, str } from '@lit/localize';
import type { Me, MeAccount } from '@roster/shared';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { accountNoticeStyles } from './member-view.styles.ts';

/** Why the active account moved, in the person's words: where they were, and where they now are. */
export function lostAccountText(me: Me, lost: NonNullable<Me['lostAccount']>): string {
  const lostName = lost.name;
  const now = me.accounts.find((a) => a.id === me.activeAccountId)?.name;
  if (lost.reason === 'blocked') {
    return now
      ? msg(str`You were blocked in ${lostName}; you are now in ${now}.`)
      : msg(str`You were blocked in ${lostName}; you no longer belong to any account.`);
  }
  return now
    ? msg(str`You were removed from ${lostName}; you are now in ${now}.`)
    : msg(str`You were removed from ${lostName}; you no longer belong to any account.`);
}

/**
 * Internal to `<users-settings>` (bundle `member-view.js`): the message after the person's active
 * account was lost ("You were removed from Acme Corp; you are now in Globex"), and the welcome to an
 * account they just joined, with a Dismiss button.
 *
 * @prop me - The signed-in person.
 * @prop lost - The account they lost, from `me.lostAccount`; null: none.
 * @prop welcome - The account they just joined; unset: no welcome.
 *
 * @internal
 *
 * @fires dismiss - The person chose Dismiss (does not bubble): the host stops showing the notice.
 *
 * @csspart notice - The message and its button.
 * @csspart dismiss-button - The Dismiss button.
 *
 * @cssprop --roster-color-accent - The welcome's edge.
 * @cssprop --roster-color-warning - The lost-account message's edge.
 */
@customElement('roster-account-notice')
@localized()
export class RosterAccountNotice extends LitElement {
  static override styles = accountNoticeStyles;

  @property({ attribute: false }) me?: Me;
  @property({ attribute: false }) lost: Me['lostAccount'] = null;
  @property({ attribute: false }) welcome?: MeAccount;

  protected override render() {
    if (!this.me || (!this.lost && !this.welcome)) return nothing;
    const welcomeName = this.welcome?.name ?? '';
    return html`<div part="notice" class="notice ${this.lost ? 'lost' : ''}" role="status">
      <div>
        ${this.lost ? html`<p>${lostAccountText(this.me, this.lost)}</p>` : nothing}
        ${this.welcome ? html`<p><strong>${msg(str`Welcome to ${welcomeName}!`)}</strong></p>` : nothing}
      </div>
      <button type="button" part="dismiss-button" class="button" @click=${this.handleDismissClick}>${msg('Dismiss')}</button>
    </div>`;
  }

  private handleDismissClick() {
    this.dispatchEvent(new Event('dismiss'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-account-notice': RosterAccountNotice;
  }
}
