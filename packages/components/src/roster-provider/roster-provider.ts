import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clientFor, DEFAULT_API_BASE, type GetToken } from '../api/client.ts';
import { rosterContext } from '../api/context.ts';
import { rosterProviderStyles } from './roster-provider.styles.ts';

/**
 * Gives the API client and the active account to every Roster element inside it, so a host configures
 * them once: `<roster-provider api-base="/api" account-id="…"><users-settings></users-settings></roster-provider>`.
 * Changing an attribute re-provides, and the elements below reload.
 *
 * @attr api-base - Where the Roster BFF is mounted (default `/api`).
 * @attr account-id - The account whose users the elements manage.
 * @prop getToken - The host's sign-in: a function giving a bearer token, called before each request
 *   (so short-lived tokens refresh); the elements then send no cookies. Unset: Roster's session cookie.
 *
 * @slot - The Roster elements (and anything else) that use this configuration.
 */
@customElement('roster-provider')
export class RosterProvider extends LitElement {
  static override styles = rosterProviderStyles;

  /** Where the Roster BFF is mounted. */
  @property({ attribute: 'api-base' }) apiBase = DEFAULT_API_BASE;

  /** The account whose users the elements manage. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Gives the host's bearer token for each request; unset, the elements use Roster's session cookie. */
  @property({ attribute: false }) getToken?: GetToken;

  private readonly provider = new ContextProvider(this, { context: rosterContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('accountId') || changed.has('getToken')) {
      const client = clientFor(this.apiBase || DEFAULT_API_BASE, this.getToken);
      this.provider.setValue({ client, accountId: this.accountId || undefined });
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-provider': RosterProvider;
  }
}
