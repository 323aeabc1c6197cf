import type { InviteCheckResult } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emailKey, type Lookups } from './invitees.ts';

/** Asks the server about some addresses; undefined when there is no account to ask about. */
export type CheckRequest = (emails: string[], signal: AbortSignal) => Promise<{ results: InviteCheckResult[] }> | undefined;

/** How long typing pauses before the addresses are checked: one request per pause, not per key. */
export const LOOK_AHEAD_DELAY_MS = 300;

/**
 * The wizard's look-ahead: what the server knows of each valid address (new, has a sign-in, already
 * in the account in which state). It runs while the email step is being typed — after a pause, and
 * only for addresses not asked about yet — so the step can say at once who is already a member; Next
 * asks for whatever is still missing and waits for it.
 *
 * A newer question cancels the one under way (its answer would be about addresses no longer typed),
 * and answers are kept per address for the whole opening, so going back and forth asks nothing twice.
 */
export class LookAheadController implements ReactiveController {
  private known = new Map<string, InviteCheckResult>();
  private timer?: ReturnType<typeof setTimeout>;
  private underWay?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: CheckRequest,
  ) {
    host.addController(this);
  }

  /** The answers so far, by email key. */
  get lookups(): Lookups {
    return this.known;
  }

  /** Forgets every answer and cancels what is pending (a new opening starts afresh). */
  reset(): void {
    this.cancel();
    this.known = new Map();
  }

  /** The addresses changed: checks the new ones once typing pauses. */
  schedule(emails: string[]): void {
    this.cancel();
    const missing = this.missing(emails);
    // More than the server takes at once is refused on the step itself; nothing to ask then.
    if (missing.length === 0 || emails.length > MAX_INVITEES) return;
    this.timer = setTimeout(() => {
      // A check in the background that fails says nothing: Next asks again and says why.
      this.check(missing).catch(() => undefined);
    }, LOOK_AHEAD_DELAY_MS);
  }

  /** Next: checks at once whatever has no answer yet; a failure is thrown for the step to show. */
  async checkNow(emails: string[]): Promise<void> {
    this.cancel();
    const missing = this.missing(emails);
    if (missing.length > 0) await this.check(missing);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private missing(emails: string[]): string[] {
    return emails.filter((email) => !this.known.has(emailKey(email)));
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.underWay?.abort();
    this.underWay = undefined;
  }

  private async check(emails: string[]): Promise<void> {
    const controller = new AbortController();
    this.underWay = controller;
    const answer = this.request(emails, controller.signal);
    if (!answer) return;
    try {
      const { results } = await answer;
      if (controller.signal.aborted) return;
      this.known = new Map(this.known);
      for (const result of results) this.known.set(emailKey(result.email), result);
      this.host.requestUpdate();
    } catch (error) {
      // Cancelled because the addresses changed: the newer question answers instead.
      if (!controller.signal.aborted) throw error;
    } finally {
      if (this.underWay === controller) this.underWay = undefined;
    }
  }
}
