/** What the browser tests do with a `<users-table>` row's actions menu. */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { UsersTable } from '../users-table/users-table.ts';
import { shadowOf } from './test-api.ts';
import { dataRows } from './users-table.ts';

export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function rowByEmail(table: UsersTable, email: string): HTMLTableRowElement | undefined {
  return dataRows(table).find((row) => row.querySelector('.email')!.textContent === email);
}

export const badgeOf = (row: HTMLTableRowElement) => row.querySelector('[part="badge"]')!.textContent!.trim();
/** The groups cell as read: one name, or "N groups: A, B". */
export const groupsOf = (row: HTMLTableRowElement) => row.cells[4]!.textContent!.replace(/\s+/g, ' ').trim();

function triggerOf(row: HTMLTableRowElement): HTMLButtonElement | null {
  const menu = row.querySelector('roster-menu-button');
  return menu ? shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]') : null;
}

/** The labels a row's menu offers; empty when the row has no menu. */
export function menuLabels(row: HTMLTableRowElement): string[] {
  const menu = row.querySelector('roster-menu-button');
  if (!menu) return [];
  return [...shadowOf(menu).querySelectorAll<HTMLElement>('[role="menuitem"]')].map((item) => item.textContent!.trim());
}

/** Opens the row's menu with the keyboard and presses Enter on `label`, reached with the arrow keys. */
export async function chooseWithKeyboard(row: HTMLTableRowElement, label: string) {
  const trigger = triggerOf(row);
  if (!trigger) throw new Error('the row has no actions menu');
  const labels = menuLabels(row);
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`the menu offers ${labels.join(', ')}, not ${label}`);
  trigger.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitem', 'the menu did not open');
  for (let i = 0; i < index; i += 1) await sendKeys({ press: 'ArrowDown' });
  if (deepActiveElement()!.textContent!.trim() !== label) throw new Error(`the arrows did not reach ${label}`);
  await sendKeys({ press: 'Enter' });
}
