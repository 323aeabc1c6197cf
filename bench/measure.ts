export interface Row {
  name: string;
  p50?: number;
  p95?: number;
  runs?: number;
  ratio?: number;
  /** Throughput rows: how many per second. */
  perSecond?: number;
  /** Throughput rows: CPU milliseconds the serving process spent per request. */
  cpuMs?: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Times `run` after a warm-up; milliseconds. */
export async function measure(name: string, run: () => Promise<void>, runs = 200, warmup = 20) {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), runs } satisfies Row;
}

/**
 * Times two things in turns (a, b, a, b…) after a warm-up, so both see the same load on a shared
 * machine and the ratio of their p50s is fair even when absolute times drift; milliseconds.
 */
export async function measurePair(a: { name: string; run: () => Promise<void> }, b: { name: string; run: () => Promise<void> }, runs = 200, warmup = 20) {
  for (let i = 0; i < warmup; i++) {
    await a.run();
    await b.run();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [side, { run }] of [a, b].entries()) {
      const start = performance.now();
      await run();
      times[side]!.push(performance.now() - start);
    }
  }
  return times.map((sideTimes, side) => {
    sideTimes.sort((x, y) => x - y);
    return { name: [a, b][side]!.name, p50: quantile(sideTimes, 0.5), p95: quantile(sideTimes, 0.95), runs } satisfies Row;
  }) as [Row & { p50: number }, Row & { p50: number }];
}

export function printTable(title: string, rows: Row[]) {
  const fmt = (n: number | undefined, digits = 2) => (n === undefined ? '' : n.toFixed(digits));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${title}\n`);
  const withCpu = rows.some((row) => row.cpuMs !== undefined);
  console.log(`${'scenario'.padEnd(width)} | p50 ms  | p95 ms  | runs | ratio | per s${withCpu ? ' | cpu ms/req' : ''}`);
  console.log(`${'-'.repeat(width)}-|---------|---------|------|-------|------${withCpu ? '-|-----------' : ''}`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)} | ${fmt(row.p50).padStart(7)} | ${fmt(row.p95).padStart(7)} | ${String(row.runs ?? '').padStart(4)} | ${fmt(row.ratio).padStart(5)} | ${fmt(row.perSecond, 0).padStart(5)}${withCpu ? ` | ${fmt(row.cpuMs)}` : ''}`,
    );
  }
}
