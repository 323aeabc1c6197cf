import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Me } from '@roster/shared';
import type { ReactiveControllerHost } from 'lit';
import { clientFor, DEFAULT_API_BASE, type RosterClient } from './client.ts';
import { rosterContext, type RosterContextValue } from './context.ts';
import { usePersonLocale } from '../internal/locale.ts';
import { getMe } from './requests.ts';

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

/**
 * (Kept beside the controller: in a module of its own, shared by `roster.js` and the lazily loaded
 * switcher, it would be one more chunk in the first load.)
 *
 * The signed-in person, for an element that needs to know who is looking: the provider's `me` when a
 * provider keeps the session (reading `GET /me` again could take its one-time `lostAccount`), else
 * read once by the element itself.
 */
export class SignedInPerson {
  private readonly task: Task<readonly [RosterClient, boolean], Me | undefined>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly api: RosterApiController,
  ) {
    this.task = new Task(host, {
      task: async ([client, alone], { signal }) => (alone ? getMe(client, signal) : undefined),
      args: () => [api.client, !api.context?.refreshMe] as const,
      // Alone, the element is the one that knows the person, so it passes their language on.
      onComplete: (me) => me && usePersonLocale(me.user.locale),
    });
  }

  /** Undefined while loading, null when the person could not be read (e.g. nobody is signed in). */
  get value(): Me | null | undefined {
    const context = this.api.context;
    if (context?.refreshMe) return context.me;
    return this.task.status === TaskStatus.ERROR ? null : this.task.value;
  }
}
