import { sql } from 'kysely';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { createOutboxWorker, type OutboxWorker } from '../packages/bff/src/mail/outbox-worker.ts';
import { smtpTransport } from '../packages/bff/src/mail/transports.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../packages/bff/src/testing/loopback-smtp.ts';
import type { Row } from './measure.ts';

const EMAILS = 1_500;

/**
 * Emails per second from the outbox to a real SMTP server on loopback: EMAILS invitations (English
 * and French, each with its link signed at send time) drained by one worker, then by two side by side.
 */
export async function benchOutboxDelivery(database: Database, secret: string): Promise<Row[]> {
  const smtp = await startLoopbackSmtp();
  try {
    // Warm-up, which also sends what the removal bench queued.
    await deliverAll(database, smtp, secret, 1, 0);
    const rows: Row[] = [];
    for (const workers of [1, 2]) {
      await queueInvitations(database, EMAILS);
      const seconds = await deliverAll(database, smtp, secret, workers, EMAILS);
      rows.push({ name: `deliver ${EMAILS.toLocaleString('en')} emails to loopback SMTP, ${workers} worker${workers > 1 ? 's' : ''}`, perSecond: EMAILS / seconds });
    }
    return rows;
  } finally {
    await smtp.close();
  }
}

/**
 * Invitation emails for the bench account's live invitations (the seed has 2,000; the removal bench
 * may have revoked a few), so the worker finds each one still offered and really sends it.
 */
async function queueInvitations(database: Database, count: number) {
  const { numAffectedRows } = await sql`
    insert into outbox (kind, recipient, locale, payload, created_at, next_attempt_at)
    select 'invitation', i.email, (array['en', 'fr'])[row_number() over () % 2 + 1],
           jsonb_build_object('invitationId', i.id, 'linkVersion', i.link_version, 'firstName', 'Ann',
             'accountName', 'Bench Corp', 'inviterName', 'Bench Admin', 'expiresAt', i.expires_at),
           now(), now()
    from (select id, email, link_version, expires_at from invitations
          where state = 'pending' and expires_at > now() limit ${count}) i`.execute(database.db);
  if (Number(numAffectedRows) !== count) throw new Error(`outbox bench: only ${numAffectedRows} live invitations to email`);
}

/** Seconds until `workers` workers, each with its own SMTP connections, find nothing left to send. */
async function deliverAll(database: Database, smtp: LoopbackSmtp, secret: string, workers: number, expected: number) {
  const receivedBefore = smtp.received.length;
  const running = Array.from({ length: workers }, () => {
    const transport = smtpTransport(smtp.url);
    const worker = createOutboxWorker({ db: database.db, transport, secret, publicUrl: 'http://localhost:8787' });
    return { worker, transport };
  });
  const start = performance.now();
  await Promise.all(running.map(({ worker }) => drain(worker)));
  const seconds = (performance.now() - start) / 1000;
  for (const { transport } of running) await transport.close();
  const delivered = smtp.received.length - receivedBefore;
  if (expected > 0 && delivered !== expected) throw new Error(`outbox bench: ${delivered} emails arrived, ${expected} expected`);
  return seconds;
}

async function drain(worker: OutboxWorker) {
  // Bounded: each round sends a batch of 20, and there are at most a few thousand emails.
  for (let round = 0; round < 10_000; round++) if ((await worker.deliverDue()) === 0) return;
  throw new Error('outbox bench: the outbox never drained');
}
