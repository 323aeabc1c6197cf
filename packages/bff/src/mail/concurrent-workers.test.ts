import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { PUBLIC_URL, TEST_SECRET } from '../testing/fixtures.ts';
import { drainOutbox } from '../testing/drain-outbox.ts';
import { startLoopbackSmtp } from '../testing/loopback-smtp.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { enqueueEmail } from './outbox.queries.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { smtpTransport } from './transports.ts';

const EMAILS = 300;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// On PostgreSQL (CI's second run, with DATABASE_URL) the two workers really race through a pool
// of connections; on PGlite, one serialized connection, their claims interleave.
it('two workers on one database never send the same email twice', async () => {
  const { db } = database;
  const now = new Date();
  for (let i = 0; i < EMAILS; i++) {
    await enqueueEmail(db, {
      kind: 'user-removed',
      recipient: `person${i}@example.test`,
      locale: 'en',
      payload: { firstName: `Person ${i}`, accountName: 'Acme', groupNames: [] },
      now,
    });
  }
  const smtp = await startLoopbackSmtp();
  // Small batches: many claims from each worker, racing for the same rows.
  const workers = [0, 1].map(() => {
    const transport = smtpTransport(smtp.url);
    const worker = createOutboxWorker({ db, transport, secret: TEST_SECRET, publicUrl: PUBLIC_URL, batchSize: 5 });
    return { worker, transport };
  });
  try {
    const claimed = await drainOutbox(workers.map((w) => w.worker));

    expect(claimed[0]).toBeGreaterThan(0);
    expect(claimed[1]).toBeGreaterThan(0);
    expect(claimed[0]! + claimed[1]!).toBe(EMAILS);
    expect(smtp.received).toHaveLength(EMAILS);
    const recipients = new Set(smtp.received.map((m) => m.to[0]));
    expect(recipients.size).toBe(EMAILS);
    const messageIds = new Set(await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.raw)).messageId)));
    expect(messageIds.size).toBe(EMAILS);

    const unsent = await db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toEqual([]);
    const retried = await db.selectFrom('outbox').select('id').where('attempts', '<>', 1).execute();
    expect(retried).toEqual([]);
  } finally {
    for (const { transport } of workers) await transport.close();
    await smtp.close();
  }
});
