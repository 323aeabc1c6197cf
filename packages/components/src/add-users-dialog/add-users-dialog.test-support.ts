/**
 * What the `<add-users-dialog>` test files share: opening the dialog on a file's own BFF, reading its
 * steps, and typing or pasting as a person would. The tests invite into Globex (signed in as its only
 * administrator), each time fresh addresses no other test uses, so they do not depend on each other's order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { shadowOf, type TestApi } from '../test-support/test-api.ts';
import type { AddUsersDialog } from './add-users-dialog.ts';

export const $ = <T extends Element = HTMLElement>(element: AddUsersDialog, selector: string) => {
  const found = shadowOf(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <add-users-dialog>`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(element: AddUsersDialog, selector: string) => [...shadowOf(element).querySelectorAll<T>(selector)];
export const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
export const stepHeading = (element: AddUsersDialog) => text($(element, '.step-heading'));
export const entryLines = (element: AddUsersDialog) =>
  $$(element, '.entry').map((li) => [text(li.querySelector('.entry-email')!), text(li.querySelector('.entry-status')!)]);
export const resultLines = (element: AddUsersDialog) => $$(element, '.result').map((li) => text(li));
/** A fresh address for each run, so reruns against one database never collide. */
export const fresh = (name: string) => `new.${name}+${Math.random().toString(36).slice(2, 10)}@example.test`;

export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `target` has focus (a keyboard user's way to a button). */
export async function tabTo(target: Element, max = 12) {
  for (let i = 0; i < max && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), `Tab never reached ${target.outerHTML.slice(0, 80)}`).to.equal(target);
}

/**
 * `opened(template?, accountId?)`: the dialog, shown, on the BFF of `api` unless the template says
 * otherwise. The tests open it as Globex's administrator: signed in before the suite's tests, with
 * Globex's id handed to `useGlobex`.
 */
export function openerAsGlobexAdministrator(api: TestApi, useGlobex: (globex: string) => void) {
  signInFirst(api, 'owner@globex.test', 'Globex', useGlobex);
  return async function opened(template = html`<add-users-dialog api-base=${api.base}></add-users-dialog>`, accountId?: string): Promise<AddUsersDialog> {
    const element = await fixture<AddUsersDialog>(template);
    if (accountId) element.accountId = accountId;
    element.show();
    await element.updateComplete;
    return element;
  };
}

/** Like a paste: the whole text arrives in the focused field as one input. */
export function paste(value: string) {
  document.execCommand('insertText', false, value);
}
