import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('connectDatabase on PostgreSQL', () => {
  it('plans no parallel workers and no JIT compilation on any of its connections', async () => {
    // Ten at once, inside transactions, so each holds its own connection of the pool.
    const settings = await Promise.all(
      Array.from({ length: 10 }, () =>
        database.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ workers: string; jit: string; pid: number }>`
            select current_setting('max_parallel_workers_per_gather') as workers, current_setting('jit') as jit, pg_backend_pid() as pid`.execute(trx);
          await sql`select pg_sleep(0.05)`.execute(trx);
          return rows[0]!;
        }),
      ),
    );
    expect(new Set(settings.map((s) => s.pid)).size).toBe(10);
    expect(settings.map(({ workers, jit }) => ({ workers, jit }))).toEqual(Array(10).fill({ workers: '0', jit: 'off' }));
  });
});
