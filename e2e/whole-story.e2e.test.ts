/**
 * The whole story, end to end, as people do it: Chromium (Debian's, driven by playwright-core)
 * against the demo exactly as `npm start` serves it, on a fresh data directory. An administrator
 * invites two people, they join from the demo mailbox, and the administrator edits, blocks,
 * unblocks and removes them, switches account and changes the display language. Once at a wide
 * screen and once at a phone's width. A failure keeps screenshots of every open page in
 * `.tmp/e2e-failures/`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromiumPath } from '../scripts/chromium-path.mjs';
import { startDemoServer, type DemoServer } from './demo-server.ts';

const NEW_PASSWORD = 'Joined!2026';
const FAILURES = join(import.meta.dirname, '..', '.tmp', 'e2e-failures');

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: await findChromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

const SCREENS = [
  { name: 'wide', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 812 } },
];

describe.each(SCREENS)('the whole story at $name width', ({ name, viewport }) => {
  let server: DemoServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** A new browser window (its own cookies, as a private window has). */
  async function openWindow(): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: server.url });
    const page = await context.newPage();
    pages.push(page);
    return page;
  }

  async function keepScreenshots(step: string) {
    await mkdir(FAILURES, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const file = join(FAILURES, `${name}-${step}-${index}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`Kept a screenshot of the failure: ${file}`);
    }
  }

  test('invite, join, edit, block, unblock, remove, switch account, change language', async () => {
    let step = 'start';
    try {
      step = 'sign-in';
      const admin = await openWindow();
      await admin.goto('/');
      await admin.getByRole('button', { name: 'admin@acme.test' }).click();
      await admin.getByRole('button', { name: 'Sign in' }).click();
      const table = admin.locator('users-table');
      await table.getByRole('button', { name: 'Actions for Alex Morgan' }).waitFor();

      step = 'invite';
      await admin.getByRole('button', { name: 'Add users' }).click();
      const wizard = admin.getByRole('dialog', { name: 'Add users' });
      await wizard.getByLabel('Who should be invited?').fill('ada@example.test, grace@example.test');
      await wizard.getByRole('button', { name: 'Next' }).click();
      for (const [index, [first, last]] of [['Ada', 'Lovelace'], ['Grace', 'Hopper']].entries()) {
        await wizard.getByLabel('First name').nth(index).fill(first!);
        await wizard.getByLabel('Last name').nth(index).fill(last!);
      }
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('checkbox', { name: /^Sales/ }).check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByRole('button', { name: 'Send 2 invitations' }).click();
      await wizard.getByText('Invited: 2 · Already in the account: 0 · Not invited: 0').waitFor();
      await wizard.getByRole('button', { name: 'Close' }).click();

      for (const [email, fullName] of [['ada@example.test', 'Ada Lovelace'], ['grace@example.test', 'Grace Hopper']]) {
        step = `join-${email}`;
        const link = await invitationLinkFromMailbox(admin, email!);
        const invitee = await openWindow();
        await invitee.goto(link);
        await invitee.getByRole('button', { name: 'Accept' }).click();
        expect(await invitee.getByLabel('First name').inputValue()).toBe(fullName!.split(' ')[0]);
        await invitee.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
        await invitee.getByLabel('Confirm password').fill(NEW_PASSWORD);
        await invitee.getByRole('checkbox', { name: 'I agree to the terms of use' }).check();
        await invitee.getByRole('button', { name: 'Join Acme Corp' }).click();
        await invitee.getByText('Welcome to Acme Corp!').waitFor();
      }

      step = 'active';
      await search(admin, 'example.test');
      await showsText(person(admin, 'Ada Lovelace'), 'Active');
      await showsText(person(admin, 'Grace Hopper'), 'Active');

      step = 'edit-groups';
      await chooseAction(admin, 'Ada Lovelace', 'Edit groups');
      const edit = admin.getByRole('dialog', { name: 'Edit groups of Ada Lovelace' });
      await edit.getByRole('checkbox', { name: /^Finance/ }).check();
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      await showsText(person(admin, 'Ada Lovelace'), '2 groups');

      step = 'block';
      await confirmAction(admin, 'Ada Lovelace', 'Block');
      await showsText(person(admin, 'Ada Lovelace'), 'Blocked');

      step = 'unblock';
      await confirmAction(admin, 'Ada Lovelace', 'Unblock');
      await showsText(person(admin, 'Ada Lovelace'), 'Active');

      step = 'remove';
      await confirmAction(admin, 'Grace Hopper', 'Remove');
      await expect.poll(() => admin.locator('users-table').getByRole('button', { name: 'Actions for Grace Hopper' }).count()).toBe(0);

      step = 'removal-email';
      await mailboxEntry(admin, 'grace@example.test', 'removed you from Acme Corp').waitFor();

      step = 'switch-account';
      await switchAccount(admin, 'Globex');
      await admin.getByRole('heading', { name: 'You are a member of Globex' }).waitFor();

      step = 'display-language';
      await admin.getByRole('button', { name: /Alex Morgan/ }).click();
      await admin.getByRole('link', { name: 'My profile' }).click();
      const profile = admin.locator('user-profile');
      await profile.getByLabel('Display language').selectOption('fr');
      await profile.getByRole('button', { name: 'Save' }).first().click();
      // Saving the person's language switches the screen at once, no reload.
      await profile.getByText('Votre nom et votre langue sont enregistrés.').waitFor();
      await profile.getByRole('heading', { name: 'Mon profil' }).waitFor();
      await admin.getByRole('link', { name: 'Settings › Users' }).click();
      await admin.getByRole('heading', { name: 'Vous êtes membre de Globex' }).waitFor();
    } catch (error) {
      await keepScreenshots(step);
      throw error;
    }
  });
});

/** The link of the newest invitation email to `email`, as the demo mailbox on the page shows it. */
async function invitationLinkFromMailbox(page: Page, email: string): Promise<string> {
  const entry = mailboxEntry(page, email, 'invited you to join Acme Corp');
  await entry.waitFor();
  const href = await entry.getByRole('link', { name: /\/invite\// }).first().getAttribute('href');
  if (!href) throw new Error(`The invitation email to ${email} has no link`);
  return href;
}

/** An email in the demo mailbox (the page refreshes it every few seconds; the outbox sends a moment after the change). */
function mailboxEntry(page: Page, email: string, subject: string) {
  return page.locator('#mailbox li').filter({ hasText: `— to ${email}` }).filter({ hasText: subject }).first();
}

/** Waits until the locator's text contains `text` (the table reloads after each change). */
async function showsText(locator: Locator, text: string) {
  await expect.poll(() => locator.textContent(), { timeout: 15_000 }).toContain(text);
}

async function search(page: Page, term: string) {
  await page.locator('users-table').getByRole('searchbox', { name: 'Search users' }).fill(term);
}

/** A person's row (a card at a phone's width): what holds their Actions button. */
function person(page: Page, fullName: string) {
  return page
    .locator('users-table')
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Actions for ${fullName}` }) });
}

async function chooseAction(page: Page, fullName: string, action: string) {
  await page.locator('users-table').getByRole('button', { name: `Actions for ${fullName}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** Block, Unblock or Remove from the row menu, confirmed in its dialog ("Block Ada Lovelace?"), which then closes. */
async function confirmAction(page: Page, fullName: string, action: string) {
  await chooseAction(page, fullName, action);
  const dialog = page.getByRole('dialog', { name: `${action} ${fullName}?` });
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function switchAccount(page: Page, accountName: string) {
  await page.locator('account-switcher').getByRole('button', { name: /^Account/ }).click();
  await page.locator('account-switcher').getByRole('option', { name: new RegExp(`^${accountName}`) }).click();
}
