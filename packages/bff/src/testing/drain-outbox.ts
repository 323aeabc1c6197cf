import type { OutboxWorker } from '../mail/outbox-worker.ts';

/**
 * Lets each worker claim and send batches side by side until the outbox has nothing due (bounded:
 * a hundred batches each); how many emails each claimed.
 */
export async function drainOutbox(workers: OutboxWorker[]): Promise<number[]> {
  return Promise.all(
    workers.map(async (worker) => {
      let claimed = 0;
      for (let round = 0; round < 100; round++) {
        const batch = await worker.deliverDue();
        if (batch === 0) return claimed;
        claimed += batch;
      }
      throw new Error('the outbox never drained');
    }),
  );
}
