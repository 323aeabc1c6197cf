/** What the browser tests read from a `<users-table>`. */
import { waitUntil } from '@open-wc/testing';
import type { UsersTable } from '../users-table/users-table.ts';
import { shadowOf } from './test-api.ts';

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

/** The table of a `<users-settings>`, once it shows one: after `GET /me` said the viewer administers the account. */
export async function settingsTable(settings: Element): Promise<UsersTable> {
  await waitUntil(() => settings.shadowRoot?.querySelector('users-table'), '<users-settings> showed no table', { timeout: 5000 });
  return settings.shadowRoot!.querySelector('users-table') as UsersTable;
}
