import type { CompiledQuery, Kysely, KyselyPlugin } from 'kysely';
import { createApp } from '../app.ts';
import type { DB } from '../db/types.ts';

/**
 * The SQL one HTTP request sends, in stages: statements the app ran side by side (they overlapped
 * in time, like a page and its count) share a stage, stages ran one after the other.
 */
export type CapturedRequest = CompiledQuery[][];

/** Runs `path` once through an app whose database records every compiled statement and when it ran. */
export async function captureRequestSql(
  db: Kysely<DB>,
  appOptions: Omit<Parameters<typeof createApp>[0], 'db'>,
  path: string,
  headers: Record<string, string>,
): Promise<CapturedRequest> {
  // Builders used as subqueries pass through transformQuery too; only statements that came back
  // with a result were sent.
  const log: { query: CompiledQuery; start: number; end: number }[] = [];
  const pending = new Map<unknown, { query: CompiledQuery; start: number }>();
  const recorder: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      pending.set(queryId, { query: db.getExecutor().compileQuery(node, queryId), start: performance.now() });
      return node;
    },
    async transformResult({ result, queryId }) {
      log.push({ ...pending.get(queryId)!, end: performance.now() });
      return result;
    },
  };
  const app = createApp({ ...appOptions, db: db.withPlugin(recorder) });
  const response = await app.request(path, { headers });
  if (response.status !== 200) throw new Error(`capture ${path}: ${response.status} ${await response.text()}`);
  const stages: CapturedRequest = [];
  let stageEnd = -Infinity;
  for (const entry of log.sort((a, b) => a.start - b.start)) {
    if (entry.start < stageEnd) stages.at(-1)!.push(entry.query);
    else stages.push([entry.query]);
    stageEnd = Math.max(stageEnd, entry.end);
  }
  return stages;
}

/** Sends the captured statements again, straight to the driver: no routing, validation, query building or JSON. */
export async function replay(db: Kysely<DB>, stages: CapturedRequest) {
  for (const stage of stages) await Promise.all(stage.map((query) => db.executeQuery(query)));
}
