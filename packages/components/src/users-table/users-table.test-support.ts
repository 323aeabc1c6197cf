/** What the `<users-table>` test files share: finding parts of the table and driving its controls. */
import { fixture, type html } from '@open-wc/testing';
import { shadowOf } from '../test-support/test-api.ts';
import { settled } from '../test-support/users-table.ts';
import type { UsersTable } from './users-table.ts';

export const $ = <T extends Element = HTMLElement>(table: UsersTable, selector: string) => {
  const element = shadowOf(table).querySelector<T>(selector);
  if (!element) throw new Error(`${selector} not found in <users-table>`);
  return element;
};
export const sortButton = (table: UsersTable, key: string) => $<HTMLButtonElement>(table, `button[data-sort="${key}"]`);
export const headerOf = (table: UsersTable, key: string) => sortButton(table, key).closest('th')!;

export async function loadedTable(template: ReturnType<typeof html>): Promise<UsersTable> {
  const table = await fixture<UsersTable>(template);
  await settled(table);
  return table;
}

export async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
