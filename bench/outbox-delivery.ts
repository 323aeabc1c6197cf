import { sql } from 'kysely';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { createOutboxWorker, type OutboxWorker } from '../packages/bff/src/mail/outbox-worker.ts';
import { smtpTransport } from '../packages/bff/src/mail/transports.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../packages/bff/src/testing/loopback-smtp.ts';
import type { Row } from './measure.ts';

const EMAILS = 2_000;

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

async function queueInvitations(database: Database, count: number) {
  await sql`
    insert into outbox (kind, recipient, locale, payload, created_at, next_attempt_at)
    select 'invitation', 'invitee' || g || '@bench.test', (array['en', 'fr'])[g % 2 + 1],
           jsonb_build_object('invitationId', gen_random_uuid(), 'linkVersion', 1, 'firstName', 'Ann',
             'accountName', 'Bench Corp', 'inviterName', 'Bench Admin', 'expiresAt', '2030-01-01T00:00:00.000Z'),
           now(), now()
    from generate_series(1, ${count}) g`.execute(database.db);
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
