/**
 * The Users screen inside a React app and a Vue app, as a person uses them: the apps are built (by
 * `npm run build`, with Roster's bundles), served by the demo server over a seeded database, and
 * driven in Chromium. Each signs in, shows Roster's table inside the framework's own tree, and
 * renders Roster's events in its own log; no page breaks its Content-Security-Policy.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHost } from '../packages/bff/src/demo-host.ts';
import { DEMO_PASSWORD, seedDemo } from '../packages/bff/src/db/seed.ts';
import { appOn } from '../packages/bff/src/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../packages/bff/src/testing/test-database.ts';
import { findChromiumPath } from '../scripts/chromium-path.mjs';

const root = new URL('..', import.meta.url).pathname;

let database: TestDatabase;
let server: ServerType;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const [, made] = await Promise.all([
    promisify(execFile)('node', ['scripts/build.mjs'], { cwd: root }),
    (async () => {
      const created = await createTestDatabase();
      await seedDemo(created.db);
      return created;
    })(),
  ]);
  database = made;
  server = serve({ fetch: demoHost(appOn(database), null).fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: findChromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await database?.close();
});

interface Watched {
  page: Page;
  /** Every `securitypolicyviolation` the page saw, and every console line about the policy. */
  violations: string[];
}

/** A fresh page (no cookies) that records what the Content-Security-Policy refused. */
async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

async function signIn(page: Page) {
  await page.getByLabel('Email').fill('admin@acme.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The app's own root element: Roster's screen must be rendered inside it, by the framework. */
const APPS = [
  { name: 'React', path: '/react/', root: '#root', action: 'Remove', logged: (person: string) => `${person} was removed from Acme Corp` },
  { name: 'Vue', path: '/vue/', root: '#app', action: 'Block', logged: (person: string) => `${person} was blocked in Acme Corp` },
] as const;

describe.each(APPS)('the Users screen in the $name app', (app) => {
  it(`signs in, lists the people, and logs the event of ${app.action} in the app's own words`, async () => {
    const { page, violations } = await watchedPage();
    const answer = await page.goto(`${origin}${app.path}`);
    const policy = answer!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

    await signIn(page);
    // Roster's rows, inside the framework's root, next to the log the framework renders.
    const rows = page.locator(`${app.root} roster-provider users-settings tr[part="row"]`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    const log = page.getByRole('complementary', { name: `Activity (rendered by ${app.name})` });
    await expect.poll(() => log.textContent()).toContain('Nothing yet');

    // Someone active who is not the administrator themself, through the row menu and the dialog.
    const row = rows.filter({ has: page.locator('.badge.state-active') }).filter({ hasNot: page.locator('.self-note') }).first();
    const person = (await row.locator('button[part="name"]').textContent())!.trim();
    await row.getByRole('button', { name: `Actions for ${person}` }).click();
    await page.getByRole('menuitem', { name: app.action }).click();
    await page.getByRole('dialog').getByRole('button', { name: app.action, exact: true }).click();

    const entries = () => log.getByRole('listitem').allTextContents();
    await expect.poll(entries, { timeout: 10_000 }).toEqual([expect.stringContaining(app.logged(person))]);

    // To Globex and back with Roster's switcher: the app logs both and its own heading follows the
    // provider's person (ending in Acme Corp, where the next test starts: the choice is remembered).
    const heading = page.locator(`${app.root} h1`);
    for (const account of ['Globex', 'Acme Corp']) {
      await page.locator('account-switcher [part="button"]').click();
      await page.getByRole('option', { name: new RegExp(`^${account}`) }).click();
      await expect.poll(() => heading.textContent()).toBe(`Settings · ${account}`);
    }
    await expect.poll(entries).toEqual([
      expect.stringContaining('Switched to Acme Corp'),
      expect.stringContaining('Switched to Globex'),
      expect.stringContaining(app.logged(person)),
    ]);

    // A reload finds the session of the cookie: the screen again, no sign-in form, a fresh log.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    await expect.poll(() => log.textContent()).toContain('Nothing yet');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

it('would notice a violation: an inline script is refused, and the watcher reports it', async () => {
  const { page, violations } = await watchedPage();
  await page.goto(`${origin}/vue/`);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return 'inlineScriptRan' in window;
  });
  expect(ran).toBe(false);
  // Both ways of hearing of it: the event (from any shadow root too) and the console.
  await expect
    .poll(() => violations)
    .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/Content Security Policy/)]));
  await page.context().close();
});
