import { ContextProvider } from '@lit/context';
import type { Me } from '@roster/shared';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { clientFor, DEFAULT_API_BASE, type GetToken, type RosterClient } from '../api/client.ts';
import { rosterContext } from '../api/context.ts';
import { getMe, setActiveAccount } from '../api/requests.ts';
import { LocaleController, usePersonLocale } from '../internal/locale.ts';
import { rosterProviderStyles } from './roster-provider.styles.ts';

/**
 * Gives the API client, the signed-in person's session and the active account to every Roster element
 * inside it, so a host configures them once: `<roster-provider api-base="/api"><users-settings></users-settings></roster-provider>`.
 * It reads `GET /me` once (again when `api-base` or `getToken` change) and provides it as `me`; the
 * account is `account-id` when the host sets it, else the person's active account. `switchAccount()`
 * (used by `<account-switcher>`) and `refreshMe()` are provided too, and every element below reloads
 * when the account changes. Changing an attribute re-provides.
 *
 * @attr api-base - Where the Roster BFF is mounted (default `/api`).
 * @attr account-id - The account whose users the elements manage; unset: the person's active account
 *   (`me.activeAccountId`), which follows a switch. Set, it wins: the host decides (listen to `account-switched`).
 * @attr locale - The language every element inside speaks (`fr`, `de-CH`…); unset: the page's `lang`,
 *   else the signed-in person's display language (see the README's Languages).
 * @attr theme - `light`, `dark` or `auto` (the viewer's `prefers-color-scheme`) for every Roster element inside;
 *   unset: the page's `color-scheme`. It sets `--roster-color-scheme`, which an element's own `theme` overrides.
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

  /** The account whose users the elements manage; unset: the person's active account. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Gives the host's bearer token for each request; unset, the elements use Roster's session cookie. */
  @property({ attribute: false }) getToken?: GetToken;

  /** The language the elements speak; unset: the page's `lang`, else the signed-in person's. */
  @property() locale?: string;

  /**
   * The signed-in person (`GET /me`): unset while loading, null when it could not be read. Its
   * `lostAccount` is kept from the one answer that carried it until the person dismisses the message.
   * A host that signs people in itself sets it from the sign-in's answer (which is a `/me` too, and
   * may be the one that says an account was lost), and to null when they sign out.
   */
  @property({ attribute: false }) me?: Me | null;

  private client!: RosterClient;
  private readonly provider = new ContextProvider(this, { context: rosterContext });
  protected readonly language = new LocaleController(this);

  constructor() {
    super();
    // A profile saved below: every element shows the person's new name, picture and language.
    this.addEventListener('profile-updated', ({ detail }) => void (this.me &&= { ...this.me, user: detail.user }));
  }

  private reading?: Promise<void>;

  /**
   * Reads `GET /me` again (e.g. after the profile changed); a failure keeps the last answer. Calls
   * while a read is under way share it (a host's first call meets the provider's own).
   */
  readonly refreshMe = () =>
    (this.reading ??= this.take(getMe(this.client))
      .catch(() => void (this.me ||= null))
      .finally(() => (this.reading = undefined)));

  /** Makes the account the active one; rejects (an `ApiError`) when the server refuses. */
  readonly switchAccount = (accountId: string) => this.take(setActiveAccount(this.client, accountId));

  private async take(answer: Promise<Me>) {
    const me = await answer;
    this.me = { ...me, lostAccount: me.lostAccount ?? this.me?.lostAccount ?? null };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('getToken')) {
      this.client = clientFor(this.apiBase || DEFAULT_API_BASE, this.getToken);
      void this.refreshMe();
    }
    if (changed.has('me')) usePersonLocale(this.me?.user.locale);
    this.provider.setValue({
      client: this.client,
      accountId: this.accountId || this.me?.activeAccountId || undefined,
      me: this.me,
      switchAccount: this.switchAccount,
      refreshMe: this.refreshMe,
      dismissLostAccount: () => void (this.me &&= { ...this.me, lostAccount: null }),
    });
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
