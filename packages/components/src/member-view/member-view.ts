import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { Me, MeAccount, MyAccess, Permission } from '@roster/shared';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { toApiError } from '../api/api-error.ts';
import { RosterApiController } from '../api/roster-api-controller.ts';
import { formatList } from '../internal/format.ts';
import { problemText } from '../internal/problem-text.ts';
import { getAdministrators, getMyAccess } from './member-requests.ts';
import { memberViewStyles } from './member-view.styles.ts';
// The notice rides in this bundle: `<users-settings>` loads both at once.
import './account-notice.ts';

/** The permission's label, with its description after it when the host gave one. */
function permissionText(permission: Permission) {
  return permission.description ? `${permission.label} — ${permission.description}` : permission.label;
}

/**
 * Internal to `<users-settings>` (bundle `member-view.js`, loaded when first needed): what a person who
 * does not administer the account sees instead of the list. A member: "You are a member of <account>",
 * their groups with what each grants, their permissions and the administrators to ask
 * (`GET /accounts/:id/my-access` and `/administrators`, both open to any member: nothing they send is
 * refused). A person in no account: "You don't belong to any account yet" and what to do.
 *
 * @internal
 *
 * @attr api-base - Where the Roster BFF is mounted (default: the provider's, else `/api`).
 * @prop me - The signed-in person.
 * @prop account - Their account shown (from `me.accounts`); unset: they are not a member of it (or of any).
 *
 * @csspart heading - The title (an `<h2>`).
 * @csspart groups - The list of their groups.
 * @csspart permissions - The list of their permissions.
 * @csspart administrators - Whom to ask.
 * @csspart retry-button - "Try again" after their access could not be loaded.
 *
 * @cssprop --roster-color-text-muted - The explanations' colour.
 */
@customElement('roster-member-view')
@localized()
export class RosterMemberView extends LitElement {
  static override styles = memberViewStyles;

  @property({ attribute: 'api-base' }) apiBase?: string;
  @property({ attribute: false }) me?: Me;
  @property({ attribute: false }) account?: MeAccount;

  /** The controller reads `accountId`: the account shown. */
  get accountId(): string | undefined {
    return this.account?.id;
  }

  private readonly api = new RosterApiController(this);

  private readonly accessTask = new Task(this, {
    task: async ([client, accountId], { signal }) => {
      if (!accountId) return undefined;
      const [access, { administrators }] = await Promise.all([getMyAccess(client, accountId, signal), getAdministrators(client, accountId, signal)]);
      return { access, administrators };
    },
    args: () => [this.api.client, this.account?.id] as const,
  });

  protected override render() {
    if (!this.me) return nothing;
    if (!this.account) return this.renderOutside();
    const name = this.account.name;
    return html`<div class="base">
      <h2 part="heading">${msg(str`You are a member of ${name}`)}</h2>
      <p class="muted">${msg('Only the administrators of this account manage its users. This is your own access to it.')}</p>
      ${this.renderAccess()}
    </div>`;
  }

  /** No account at all (the profile is the host's to place beside this), or not this one. */
  private renderOutside() {
    if (this.me!.accounts.length === 0) {
      return html`<div class="base">
        <h2 part="heading">${msg("You don't belong to any account yet")}</h2>
        <p class="muted">
          ${msg('When an administrator invites you to their account, you get an email with a link to join it. Until then there are no users to see here; your profile is yours to keep up to date.')}
        </p>
      </div>`;
    }
    return html`<div class="base">
      <h2 part="heading">${msg('You are not a member of this account')}</h2>
      <p class="muted">${msg('Switch to one of your accounts to see your access there.')}</p>
    </div>`;
  }

  private renderAccess() {
    if (this.accessTask.status === TaskStatus.ERROR) {
      const text = problemText(toApiError(this.accessTask.error), (serverText) => msg(str`Your access could not be loaded: ${serverText}`));
      return html`<div class="message error card" role="alert">
        <p>${text}</p>
        <p><button type="button" part="retry-button" class="button" @click=${() => this.accessTask.run()}>${msg('Try again')}</button></p>
      </div>`;
    }
    const loaded = this.accessTask.value;
    if (!loaded) return html`<p class="muted" role="status">${msg('Loading…')}</p>`;
    return html`${this.renderGroups(loaded.access)}
      <section aria-labelledby="permissions-heading">
        <h3 id="permissions-heading">${msg('Your permissions')}</h3>
        ${loaded.access.permissions.length > 0
          ? html`<ul part="permissions">${loaded.access.permissions.map((p) => html`<li>${permissionText(p)}</li>`)}</ul>`
          : html`<p class="muted">${msg('Your groups grant you no permissions in this account.')}</p>`}
      </section>
      <p part="administrators">
        ${loaded.administrators.length > 0
          ? msg(str`To change your access, ask an administrator: ${formatList(loaded.administrators.map((a) => `${a.firstName} ${a.lastName}`.trim()))}.`)
          : msg('This account has no active administrator to ask for a change.')}
      </p>`;
  }

  private renderGroups(access: MyAccess) {
    return html`<section aria-labelledby="groups-heading">
      <h3 id="groups-heading">${msg('Your groups')}</h3>
      ${access.groups.length > 0
        ? html`<ul part="groups">
            ${access.groups.map(
              (group) => html`<li class="card">
                <span class="name">${group.name}</span>
                <span class="muted">
                  ${group.permissions.length > 0
                    ? msg(str`grants ${formatList(group.permissions.map((p) => p.label))}`)
                    : msg('grants no permissions')}
                </span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('You are in no group of this account.')}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-member-view': RosterMemberView;
  }
}
