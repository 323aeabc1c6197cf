import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clientFor, DEFAULT_API_BASE } from '../api/client.ts';
import { rosterContext } from '../api/context.ts';
import { rosterProviderStyles } from './roster-provider.styles.ts';

/**
 * Gives the API client and the active account to every Roster element inside it, so a host configures
 * them once: `<roster-provider api-base="/api" account-id="…"><users-settings></users-settings></roster-provider>`.
 * Changing an attribute re-provides, and the elements below reload.
 *
 * @attr api-base - Where the Roster BFF is mounted (default `/api`).
 * @attr account-id - The account whose users the elements manage.
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

  private readonly provider = new ContextProvider(this, { context: rosterContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('accountId')) {
      this.provider.setValue({ client: clientFor(this.apiBase || DEFAULT_API_BASE), accountId: this.accountId || undefined });
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
