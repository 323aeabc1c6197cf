/**
 * Helpers for the browser tests, which run against the real BFF mounted at /api by
 * web-test-runner.config.ts. Not part of the bundle (only `*.test.ts` import it).
 */
import { waitUntil } from '@open-wc/testing';
import type { Me, UserListPage } from '@roster/shared';
import type { UsersTable } from '../users-table/users-table.ts';

export const DEMO_PASSWORD = 'Roster!demo1';

export async function signIn(email: string): Promise<Me> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Me;
}

export async function signOut(): Promise<void> {
  const response = await fetch('/api/session', { method: 'DELETE' });
  if (!response.ok) throw new Error(`Signing out failed: ${response.status}`);
}

/** The signed-in administrator's account, as the API lists it (for comparing with the table). */
export function accountOf(me: Me, name: string): string {
  const account = me.accounts.find((a) => a.name === name);
  if (!account) throw new Error(`${me.user.email} is not in ${name}`);
  return account.id;
}

/** A users page straight from the API, to check the table against. */
export async function fetchUsers(accountId: string, query: Record<string, string> = {}): Promise<UserListPage> {
  const response = await fetch(`/api/accounts/${accountId}/users?${new URLSearchParams(query)}`);
  if (!response.ok) throw new Error(`GET users failed: ${response.status}`);
  return (await response.json()) as UserListPage;
}

export function shadowOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

export function isBusy(table: UsersTable): boolean {
  return shadowOf(table).querySelector('table')?.getAttribute('aria-busy') === 'true';
}

/** Waits until the table shows a settled result: rows, the empty state or an error. */
export async function settled(table: UsersTable): Promise<void> {
  await table.updateComplete;
  await waitUntil(
    () => !isBusy(table) && Boolean(shadowOf(table).querySelector('tbody tr, [part="message"]')),
    'the users table did not finish loading',
    { timeout: 5000 },
  );
}

export function dataRows(table: UsersTable): HTMLTableRowElement[] {
  return [...shadowOf(table).querySelectorAll<HTMLTableRowElement>('tbody tr[part="row"]')];
}

export function emails(table: UsersTable): string[] {
  return dataRows(table).map((row) => row.querySelector('.email')?.textContent?.trim() ?? '');
}

export function rangeText(table: UsersTable): string {
  return shadowOf(table).querySelector('.range')?.textContent?.trim() ?? '';
}

export function messageText(table: UsersTable): string {
  return shadowOf(table).querySelector('[part="message"]')?.textContent?.trim() ?? '';
}
