/** What the `<user-profile>` browser tests share. Only `*.test.ts` import this file. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { shadowOf, type TestApi } from '../test-support/test-api.ts';
import './user-profile.ts';
import type { UserProfile } from './user-profile.ts';

export { deepActiveElement } from '../test-support/row-menu.ts';

export const $ = <T extends Element = HTMLElement>(element: Element, selector: string) => shadowOf(element).querySelector<T>(selector)!;
export const textOf = (element: Element, selector: string) => shadowOf(element).querySelector(selector)?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
export const input = (element: Element, id: string) => $<HTMLInputElement>(element, `#${id}`);
/** The message under a field, or undefined when it has none. */
export const errorOf = (element: Element, id: string) => shadowOf(element).querySelector(`#${id}-error`)?.textContent!.trim();

/** A `<user-profile>` of the file's own BFF, once the person is loaded. */
export async function openProfile(api: TestApi): Promise<UserProfile> {
  const element = await fixture<UserProfile>(html`<user-profile api-base=${api.base}></user-profile>`);
  await waitUntil(() => shadowOf(element).querySelector('form, [role="alert"]'), 'the profile did not load', { timeout: 5000 });
  return element;
}

/** The person as the server now has them. */
export async function meOf(api: TestApi) {
  const response = await api.fetch('/me');
  if (!response.ok) throw new Error(`GET /me failed: ${response.status}`);
  return ((await response.json()) as import('@roster/shared').Me).user;
}
