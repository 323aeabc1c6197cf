import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { clientFor, DEFAULT_API_BASE, type RosterClient } from './client.ts';
import { rosterContext, type RosterContextValue } from './context.ts';

/** An element that can be configured directly (`api-base`, `account-id`) or by a provider. */
export interface RosterApiHost extends ReactiveControllerHost, HTMLElement {
  apiBase?: string;
  accountId?: string;
}

/**
 * Resolves the client and account an element works with: its own `api-base` / `account-id` when set,
 * otherwise the nearest `<roster-provider>`'s (kept up to date, the host re-renders on change).
 */
export class RosterApiController {
  private readonly consumer: ContextConsumer<typeof rosterContext, RosterApiHost>;

  constructor(private readonly host: RosterApiHost) {
    this.consumer = new ContextConsumer(host, { context: rosterContext, subscribe: true });
  }

  get client(): RosterClient {
    if (this.host.apiBase) return clientFor(this.host.apiBase);
    return this.consumer.value?.client ?? clientFor(DEFAULT_API_BASE);
  }

  /** The provider's whole value (its session: `me`, `switchAccount`…), if there is a provider. */
  get context(): RosterContextValue | undefined {
    return this.consumer.value;
  }

  get accountId(): string | undefined {
    return this.host.accountId || this.consumer.value?.accountId || undefined;
  }
}
