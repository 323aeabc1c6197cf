import type { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { measure } from './measure.ts';
import { deepCursor, listGetter } from './users-list.ts';

export interface BenchAccount {
  id: string;
  members: number;
}

const SCENARIOS = [
  { name: 'first page', query: 'sort=name' },
  { name: 'page half-way deep', query: 'sort=name&cursor=' },
  { name: 'search "silva"', query: 'sort=name&q=silva' },
  { name: 'search "zq" (no match)', query: 'sort=name&q=zq' },
  // Its matches sit together at the end of name order, so a walk passes the rest first: its cost grows with the account.
  { name: 'search "jia" (a first name)', query: 'sort=name&q=jia' },
  { name: 'first page, sort=lastSignIn', query: 'sort=lastSignIn' },
];

/**
 * The same pages in accounts of growing size, all in one database (as tenants share one): p50 of
 * each, in ms. Flat rows mean the cost does not grow with the account.
 */
export async function benchGrowth(database: Database, app: ReturnType<typeof createApp>, secret: string, accounts: BenchAccount[]) {
  const cells: string[][] = SCENARIOS.map((s) => [s.name]);
  for (const account of accounts) {
    const { get } = await listGetter(app, account.id);
    const cursor = await deepCursor(database, account.id, 'name', Math.floor(account.members / 2), secret);
    for (const [i, scenario] of SCENARIOS.entries()) {
      const query = scenario.query.endsWith('cursor=') ? scenario.query + cursor : scenario.query;
      const { p50, p95 } = await measure(scenario.name, get(query), 100, 10);
      cells[i]!.push(`${p50.toFixed(2)} / ${p95.toFixed(2)}`);
    }
  }
  const header = ['p50 / p95 ms', ...accounts.map((a) => `${a.members.toLocaleString('en')} members`)];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(`\nGrowth — the same 25-row pages as the account grows (one database, ${database.kind})\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of cells) console.log(line(row));
}
