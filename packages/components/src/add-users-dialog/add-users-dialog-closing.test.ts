import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import type { AddUsersDialog } from './add-users-dialog.ts';
import { $, deepActiveElement, entryLines, fresh, openerAsGlobexAdministrator, stepHeading, tabTo, text } from './add-users-dialog.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
let globex: string;
openerAsGlobexAdministrator(api, (id) => (globex = id));

const question = (element: AddUsersDialog) => shadowOf(element).querySelector<HTMLDialogElement>('dialog.discard-question');

/** The dialog beside the button that opened it, opened from it with focus there, as a host page would. */
async function openedFromButton() {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><button type="button">Add</button><add-users-dialog api-base=${api.base} account-id=${globex}></add-users-dialog></div>`,
  );
  const opener = wrapper.querySelector('button')!;
  const element = wrapper.querySelector('add-users-dialog')!;
  opener.focus();
  element.show();
  await element.updateComplete;
  return { opener, element };
}

/** Types an address on step 1 and goes on to the names step, by keyboard. */
async function toNamesStep(element: AddUsersDialog, email: string) {
  await sendKeys({ type: email });
  await tabTo($(element, 'button.next'));
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
}

/* Closing with something typed asks first; with nothing typed it just closes. */
describe('<add-users-dialog> closing', () => {
  it('asks on Escape on step 2 with something typed; Keep editing (or Escape) keeps the draft and the focus', async function () {
    this.timeout(20_000);
    const { element } = await openedFromButton();
    const email = fresh('kim');
    await toNamesStep(element, email);
    await sendKeys({ type: 'Kim' });
    const firstName = $<HTMLInputElement>(element, '#firstName-0');

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    const asked = question(element)!;
    expect(element.open, 'Escape closed the wizard unasked').to.equal(true);
    expect(asked.open).to.equal(true);
    expect(asked.getAttribute('role')).to.equal('alertdialog');
    expect(text(asked.querySelector('#discard-heading')!)).to.equal('Discard the invitations you are preparing?');
    expect([...asked.querySelectorAll('button')].map(text)).to.deep.equal(['Keep editing', 'Discard']);
    expect(deepActiveElement(), 'focus starts on the safe answer').to.equal(asked.querySelector('button.keep'));
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !question(element), 'Keep editing left the question open');
    expect(element.open).to.equal(true);
    expect(stepHeading(element)).to.contain('Names');
    expect(firstName.value).to.equal('Kim');
    expect(deepActiveElement(), 'focus went back to the field').to.equal(firstName);

    // Escape in the question is Keep editing too; a second Escape on the wizard asks again.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => question(element)?.open, 'the second Escape did not ask');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !question(element), 'Escape left the question open');
    expect(element.open).to.equal(true);
    expect(deepActiveElement()).to.equal(firstName);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => question(element)?.open, 'the third Escape did not ask');
    expect(element.open).to.equal(true);
  });

  it('Discard closes, gives focus back to the opener, and the next opening is empty', async function () {
    this.timeout(20_000);
    const { opener, element } = await openedFromButton();
    await toNamesStep(element, fresh('lou'));
    await tabTo($(element, 'button.cancel'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => question(element)?.open, 'Cancel did not ask');
    const discard = question(element)!.querySelector('button.discard')!;
    await tabTo(discard, 3);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !element.open, 'Discard did not close the wizard');
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
    expect(document.activeElement).to.equal(opener);

    element.show();
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Email addresses');
    expect($<HTMLTextAreaElement>(element, 'textarea').value).to.equal('');
    expect(entryLines(element)).to.deep.equal([]);
    expect(question(element)).to.equal(null);
  });

  it('asks on step 1 too once an address is typed, and Cancel with nothing typed closes unasked', async () => {
    const { opener, element } = await openedFromButton();
    await sendKeys({ type: 'a' });
    await tabTo($(element, 'button.cancel'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => question(element)?.open, 'Cancel did not ask');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !question(element), 'Keep editing left the question open');
    expect(deepActiveElement(), 'focus went back to Cancel').to.equal($(element, 'button.cancel'));

    // Emptied again: nothing to lose, so Cancel just closes.
    $<HTMLTextAreaElement>(element, 'textarea').focus();
    await sendKeys({ press: 'Backspace' });
    await tabTo($(element, 'button.cancel'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !element.open, 'Cancel did not close');
    expect(question(element)).to.equal(null);
    expect(document.activeElement).to.equal(opener);
  });
});
