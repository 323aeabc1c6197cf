import type { Kysely, Transaction } from 'kysely';
import { isRetryableConflict } from './failures.ts';
import type { DB } from './types.ts';

/** Tries of one transaction that keeps losing races; the last failure is then reported (503). */
const ATTEMPTS = 4;

/**
 * Every transaction of the BFF. Its work must only read and write the database (no email, no
 * request to anyone): a serialization failure or deadlock rolls it back whole, and it runs again
 * from the start, seeing what the winner committed — so the loser of a race gets the answer the
 * rules give (a 409 with a code), never a 500.
 */
export async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      // A short random pause so two retrying transactions do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
