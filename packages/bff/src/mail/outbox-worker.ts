import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import * as queries from './outbox-delivery.queries.ts';
import type { ClaimedEmail } from './outbox-delivery.queries.ts';
import { isInvitationEmail, readOutboxEmail } from './emails.ts';
import { renderEmail } from './templates/index.ts';
import { isPermanentRefusal, type MailTransport } from './transports.ts';
import { webhookTransport } from './webhook-transport.ts';
import { readWebhookPayload, WEBHOOK_KIND } from './webhooks.ts';

export interface OutboxWorkerOptions {
  db: Kysely<DB>;
  transport: MailTransport;
  /** Signs invitation links: the BFF's secret. */
  secret: string;
  /** Base of invitation links; its host names the Message-IDs and the default sender. */
  publicUrl: string;
  /** The From header; `Roster <no-reply@host of publicUrl>` by default. */
  from?: string;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /** Rows claimed at a time. 20 by default. */
  batchSize?: number;
  /** Emails of one batch in flight at once. 5 by default (the SMTP pool's size). */
  concurrency?: number;
  /** How long a claim lasts; past it, the row is someone else's to send. 2 minutes by default. */
  leaseMs?: number;
  /** Pause when nothing is due. 1 second by default. */
  pollIntervalMs?: number;
  /** Attempts before an email is given up on as dead. 10 by default (about 3 hours of retries). */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt up to `maxRetryDelayMs`. 30 seconds by default. */
  retryDelayMs?: number;
  /** 1 hour by default. */
  maxRetryDelayMs?: number;
  /** Jitter source in [0, 1); Math.random by default. */
  random?: () => number;
  /** Signs webhooks (`whsec_…`, ROSTER_WEBHOOK_SECRET); webhook rows go dead without it. */
  webhookSecret?: string;
  /** Where failures are reported: ids, kinds and the server's answer, never links or secrets. */
  log?: (message: string) => void;
}

export interface OutboxWorker {
  /** Claims one batch of due emails and sends it; resolves with how many were claimed. */
  deliverDue(): Promise<number>;
  /** Keeps delivering until `stop()`. */
  start(): void;
  /**
   * Stops taking work: emails being sent are finished and recorded, claimed ones not yet started
   * are handed back at once. Resolves when nothing is in flight.
   */
  stop(): Promise<void>;
}

const DEFAULTS = {
  batchSize: 20,
  concurrency: 5,
  leaseMs: 2 * 60_000,
  pollIntervalMs: 1_000,
  maxAttempts: 10,
  retryDelayMs: 30_000,
  maxRetryDelayMs: 60 * 60_000,
};

/** Longest pause after the database failed to answer, however many times in a row. */
const MAX_IDLE_AFTER_ERRORS_MS = 30_000;

/**
 * Sends what the outbox holds (DESIGN.md: written in the same transaction as the change). Delivery is
 * at least once: a worker dying between the SMTP server's "accepted" and recording it means the row
 * is sent again after its lease, with the same Message-ID so that the receiving side can tell.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport } = options;
  const settings = {
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    retryDelayMs: options.retryDelayMs ?? DEFAULTS.retryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
  };
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? ((message: string) => console.error(`[roster] outbox: ${message}`));
  const domain = new URL(options.publicUrl).hostname || 'roster';
  const from = options.from ?? `Roster <no-reply@${domain}>`;
  const links = { secret: options.secret, publicUrl: options.publicUrl };
  const webhooks = options.webhookSecret ? webhookTransport({ secret: options.webhookSecret, now }) : null;

  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const inFlight = new Set<Promise<number>>();

  /** Doubles from retryDelayMs, capped, with ±25% jitter so failed emails do not retry in lockstep. */
  const retryDelay = (attempt: number) => {
    const base = Math.min(settings.maxRetryDelayMs, settings.retryDelayMs * 2 ** (attempt - 1));
    return Math.round(base * (0.75 + random() * 0.5));
  };

  /** An invitation email whose invitation is no longer offered at its link is not sent at all. */
  async function isWithdrawnOffer(row: ClaimedEmail) {
    let email;
    try {
      email = readOutboxEmail(row);
    } catch {
      return false; // a malformed row is left to rendering, which marks it dead with the reason
    }
    if (!isInvitationEmail(email)) return false;
    const { invitationId, linkVersion } = email.payload;
    return !(await queries.isInvitationStillOffered(db, { invitationId, linkVersion, now: now() }));
  }
  /** The row's one send, by its channel: a webhook to its receiver, anything else an email. */
  function prepare(row: ClaimedEmail): () => Promise<void> {
    if (row.kind === WEBHOOK_KIND) {
      const { id, body } = readWebhookPayload(row.payload);
      if (!webhooks) throw new Error('no webhook secret is configured (ROSTER_WEBHOOK_SECRET)');
      return () => webhooks.send({ url: row.recipient, id, body: JSON.stringify(body) });
    }
    const content = renderEmail(row, links);
    return () => transport.send({ messageId: row.messageId, from, to: row.recipient, ...content });
  }

  async function deliver(email: ClaimedEmail) {
    const label = `${email.kind === WEBHOOK_KIND ? 'webhook' : 'email'} ${email.id} (${email.kind}), attempt ${email.attempts}/${settings.maxAttempts}`;
    if (email.attempts > settings.maxAttempts) {
      // Its last attempt was claimed and never settled: the worker died or hung mid-send.
      const error = 'No attempt left: the last one never finished (the worker stopped while sending).';
      await queries.markDead(db, email, { at: now(), error });
      log(`${label}: dead. ${error}`);
      return;
    }

    if (await isWithdrawnOffer(email)) {
      await queries.markWithdrawn(db, email, now());
      return;
    }

    let send: () => Promise<void>;
    try {
      send = prepare(email);
    } catch (error) {
      // A row that cannot become an email (or a webhook) never will: no point retrying.
      await queries.markDead(db, email, { at: now(), error: `Cannot be written: ${describe(error)}` });
      log(`${label}: dead, cannot be written: ${describe(error)}`);
      return;
    }

    try {
      await send();
    } catch (error) {
      const reason = describe(error);
      if (isPermanentRefusal(error) || email.attempts >= settings.maxAttempts) {
        await queries.markDead(db, email, { at: now(), error: reason });
        log(`${label}: dead. ${reason}`);
      } else {
        const at = new Date(now().getTime() + retryDelay(email.attempts));
        await queries.scheduleRetry(db, email, { at, error: reason });
        log(`${label} failed, next try at ${at.toISOString()}. ${reason}`);
      }
      return;
    }
    await queries.markSent(db, email, now());
  }

  async function deliverBatch(): Promise<number> {
    const claimedAt = now();
    const batch = await queries.claimDueEmails(db, {
      now: claimedAt,
      leaseUntil: new Date(claimedAt.getTime() + settings.leaseMs),
      limit: settings.batchSize,
      messageIdDomain: domain,
    });
    const queue = [...batch];
    const failures: unknown[] = [];
    const lane = async () => {
      while (queue.length > 0 && !stopping && failures.length === 0) {
        // Only the database throws here (send failures are recorded): stop taking emails whose
        // outcome could not be recorded either.
        await deliver(queue.shift()!).catch((error: unknown) => failures.push(error));
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, batch.length) }, lane));
    // Left over when stopping or failing: hand them back rather than leave them to their lease.
    for (const email of queue) await queries.releaseClaim(db, email);
    if (failures.length > 0) throw failures[0];
    return batch.length;
  }

  function deliverDue(): Promise<number> {
    const run = deliverBatch();
    inFlight.add(run);
    return run.finally(() => inFlight.delete(run));
  }

  async function run() {
    let failuresInARow = 0;
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = await deliverDue();
        if (failuresInARow > 0) log(`the outbox is reachable again after ${failuresInARow} failed tries`);
        failuresInARow = 0;
      } catch (error) {
        // Once per outage, not once per poll: the log of a long outage stays readable.
        if (failuresInARow === 0) log(`cannot read or update the outbox, retrying with growing pauses: ${describe(error)}`);
        failuresInARow++;
      }
      // A full batch suggests more is due: go on at once. Otherwise wait, longer while the database fails.
      if (claimed < settings.batchSize && !stopping) {
        await sleep(Math.min(settings.pollIntervalMs * 2 ** failuresInARow, Math.max(settings.pollIntervalMs, MAX_IDLE_AFTER_ERRORS_MS)));
      }
    }
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  return {
    deliverDue,
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** One line, bounded, for last_error and the log. SMTP answers carry no credentials. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500);
}
