import { msg, str } from '@lit/localize';
import type { AuditEvent } from '@roster/shared';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toApiError } from '../api/api-error.ts';
import { listUserHistory } from '../api/audit-requests.ts';
import type { RosterClient } from '../api/client.ts';
import { formatDateTime, formatList } from '../internal/format.ts';
import { problemText } from '../internal/problem-text.ts';

/** How many events a page of the history shows. */
export const HISTORY_PAGE_SIZE = 10;

/** Which person's history, through which client. */
export interface HistorySource {
  client: RosterClient;
  accountId: string;
  userId: string;
}

/**
 * The person's history from the audit endpoint, newest first, a page at a time: `reload()` starts
 * over from the newest, `loadOlder()` appends the next page by its cursor. A failure of either is
 * shown in place of what it would have loaded, with Try again; the events already shown stay.
 */
export class HistoryController implements ReactiveController {
  private events: AuditEvent[] = [];
  private nextCursor: string | null = null;
  private loading = false;
  private failure = '';
  /** The id of the first event of the page "Show older" brought, to move focus to it. */
  private focusEventId?: string;
  /** Each reload aborts the requests of the one before: a late answer about the old list is dropped. */
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: () => HistorySource | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  hostUpdated(): void {
    if (!this.focusEventId) return;
    const item = this.host.shadowRoot?.querySelector<HTMLElement>(`[data-event-id="${this.focusEventId}"]`);
    this.focusEventId = undefined;
    item?.focus();
  }

  /** The newest page again (after a change, or to try again). */
  reload(): Promise<void> {
    return this.load(undefined);
  }

  /** The page after the last one shown. */
  loadOlder(): Promise<void> {
    return this.nextCursor ? this.load(this.nextCursor) : Promise.resolve();
  }

  private async load(cursor: string | undefined) {
    const source = this.source();
    if (!source) return;
    if (!cursor) this.abort?.abort();
    const abort = cursor && this.abort ? this.abort : new AbortController();
    this.abort = abort;
    this.loading = true;
    this.failure = '';
    if (!cursor) this.events = [];
    this.host.requestUpdate();
    try {
      const page = await listUserHistory(source.client, source.accountId, source.userId, { cursor, limit: HISTORY_PAGE_SIZE }, abort.signal);
      if (abort.signal.aborted) return;
      this.events = [...this.events, ...page.items];
      this.nextCursor = page.nextCursor;
      if (cursor) this.focusEventId = page.items[0]?.id;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = problemText(toApiError(error), (serverText) => msg(str`The history could not be loaded: ${serverText}`));
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  render() {
    const empty = this.events.length === 0;
    return html`<section part="history" class="section history" aria-labelledby="history-heading" aria-busy=${this.loading ? 'true' : 'false'}>
      <h3 id="history-heading">${msg('History')}</h3>
      ${empty && !this.loading && !this.failure ? html`<p class="muted">${msg('Nothing has been recorded for this person yet.')}</p>` : nothing}
      ${empty ? nothing : html`<ol class="events">${this.events.map(eventItem)}</ol>`}
      ${this.loading ? html`<p class="muted" role="status">${msg('Loading the history…')}</p>` : nothing}
      ${this.failure
        ? html`<div class="message error history-error" role="alert">
            <p>${this.failure}</p>
            <button type="button" class="button" @click=${() => (this.events.length > 0 ? this.loadOlder() : this.reload())}>${msg('Try again')}</button>
          </div>`
        : nothing}
      ${this.nextCursor && !this.loading && !this.failure
        ? html`<button type="button" part="older-button" class="button older" @click=${() => this.loadOlder()}>${msg('Show older')}</button>`
        : nothing}
    </section>`;
  }
}

interface GroupRef {
  name: string;
}

/** The group names of an event's data (`groups`, `groupsBefore`, `groupsAfter`), as one phrase. */
function groupNames(value: unknown): string {
  const names = Array.isArray(value) ? (value as GroupRef[]).map((group) => group.name) : [];
  return names.length > 0 ? formatList(names) : msg('no groups');
}

/** What happened, in words. */
function actionText(event: AuditEvent): string {
  switch (event.action) {
    case 'user.invited':
      return event.data.reinvited ? msg('Invited again') : msg('Invited');
    case 'invitation.resent':
      return msg('Invitation sent again');
    case 'invitation.renewed':
      return msg('New invitation sent');
    case 'invitation.accepted':
      return msg('Accepted the invitation');
    case 'invitation.declined':
      return msg('Declined the invitation');
    case 'user.groups_changed':
      return msg('Groups changed');
    case 'user.blocked':
      return msg('Blocked');
    case 'user.unblocked':
      return msg('Unblocked');
    case 'user.removed':
      return msg('Removed');
    default:
      return event.action;
  }
}

/** Who did it: the person (the invitee accepting or declining is "themselves"), the host's platform, or someone since deleted. */
function actorText(event: AuditEvent): string {
  if (event.actor && event.actor.id === event.subject?.id) return msg('by themselves');
  if (event.actor) return msg(str`by ${event.actor.name || event.actor.email}`);
  return event.data.actor === 'service' ? msg('by the platform') : msg('by someone no longer known');
}

/** The groups the event was about: before and after a change, those given with an invitation, those lost with a removal. */
function groupDetail(event: AuditEvent) {
  const { data } = event;
  switch (event.action) {
    case 'user.groups_changed':
      return html`<p class="event-groups">
        <span>${msg(str`Before: ${groupNames(data.groupsBefore)}`)}</span>
        <span>${msg(str`After: ${groupNames(data.groupsAfter)}`)}</span>
      </p>`;
    case 'user.invited':
      return html`<p class="event-groups">${msg(str`Groups: ${groupNames(data.groups)}`)}</p>`;
    case 'user.removed':
      return html`<p class="event-groups">${msg(str`Groups held: ${groupNames(data.groups)}`)}</p>`;
    default:
      return nothing;
  }
}

function eventItem(event: AuditEvent) {
  // Focusable from script only: "Show older" moves focus to the first event it brought.
  return html`<li class="event" part="history-event" data-event-id=${event.id} tabindex="-1">
    <p class="event-line"><strong class="event-action">${actionText(event)}</strong> <span class="event-actor">${actorText(event)}</span></p>
    ${groupDetail(event)}
    <time class="event-time muted" datetime=${event.at}>${formatDateTime(event.at)}</time>
  </li>`;
}
