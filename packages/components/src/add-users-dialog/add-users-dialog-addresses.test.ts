import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { $, $$, deepActiveElement, entryLines, fresh, openerAsGlobexAdministrator, paste, stepHeading, text } from './add-users-dialog.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
let globex: string;
const opened = openerAsGlobexAdministrator(api, (id) => (globex = id));

/* Step 1: checking the pasted addresses, and why Next cannot go on. */
describe('<add-users-dialog>', () => {
  it('checks each pasted address on its own line, in words and not only colour', async () => {
    const element = await opened(undefined, globex);
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(true);
    expect(element.hasAttribute('open')).to.equal(true);
    const textarea = $<HTMLTextAreaElement>(element, 'textarea');
    expect(deepActiveElement()).to.equal(textarea);
    expect(stepHeading(element)).to.equal('Step 1 of 5: Email addresses');
    expect($(element, '[aria-current="step"]').textContent).to.contain('Email addresses');

    paste('ada@example.test; not-an-email\nADA@example.test,  bob@example.test');
    await element.updateComplete;
    expect(entryLines(element)).to.deep.equal([
      ['ada@example.test', 'Valid'],
      ['not-an-email', 'Not a valid email address'],
      ['ADA@example.test', 'Listed twice: invited once'],
      ['bob@example.test', 'Valid'],
    ]);
    const invalid = $$(element, '.entry')[1]!;
    expect(invalid.classList.contains('entry-invalid')).to.equal(true);
    expect(invalid.querySelector('.icon')!.textContent).to.equal('✕');
    expect(text($(element, '#emails-count'))).to.equal('Valid: 2 · Invalid: 1 · Listed twice: 1');
    expect(textarea.getAttribute('aria-describedby')).to.contain('emails-count');
    // The note agrees with the tags: invalid addresses are left out, a repeated one is invited once.
    expect(text($(element, '.skipped-note'))).to.equal(
      'Invalid addresses are left out: correct them, or go on without them. An address listed twice is invited once.',
    );

    // Only a repeat: nothing is left out, so the note says only that.
    $<HTMLTextAreaElement>(element, 'textarea').select();
    paste('ada@example.test ADA@example.test');
    await element.updateComplete;
    expect(text($(element, '.skipped-note'))).to.equal('An address listed twice is invited once.');
    await expect(element).to.be.accessible();
  });

  it('explains why Next cannot go on: no valid address, or more than 50; focus goes to the explanation, in view', async () => {
    const element = await opened(undefined, globex);
    const textarea = $<HTMLTextAreaElement>(element, 'textarea');
    const next = $<HTMLButtonElement>(element, 'button.next');
    next.click();
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Email addresses');
    expect(text($(element, '#emails-error'))).to.equal('Enter at least one email address.');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('emails-error');
    await waitUntil(() => deepActiveElement() === $(element, '#emails-error'), 'focus did not move to the message');

    textarea.focus();
    paste(Array.from({ length: 51 }, (_, i) => `person${i}@example.test`).join('\n'));
    await element.updateComplete;
    expect(text($(element, '#emails-error'))).to.equal('You can invite up to 50 people at a time. Remove 1 of them.');
    // Next is at the end of the long list, the message above it: pressing Next brings the message to focus and into view.
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    expect(dialog.scrollHeight).to.be.greaterThan(dialog.clientHeight);
    next.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(stepHeading(element)).to.contain('Email addresses');
    const error = $(element, '#emails-error');
    await waitUntil(() => deepActiveElement() === error, 'focus stayed on Next');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(next.getAttribute('aria-describedby')).to.equal('emails-error');
    const [box, shown] = [dialog.getBoundingClientRect(), error.getBoundingClientRect()];
    expect(shown.top).to.be.at.least(box.top);
    expect(shown.bottom).to.be.at.most(box.bottom);
    await expect(element).to.be.accessible();
  });

  it('moves focus to the message when the server cannot check the addresses', async () => {
    const element = await opened(undefined, globex);
    paste(fresh('jon'));
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/invitations/check') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    try {
      const next = $<HTMLButtonElement>(element, 'button.next');
      next.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadowOf(element).querySelector('#request-error'), 'no message', { timeout: 5000 });
      const error = $(element, '#request-error');
      await waitUntil(() => deepActiveElement() === error, 'focus stayed on Next');
      expect(text(error)).to.equal('The server could not be reached. Check your connection and try again.');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(next.getAttribute('aria-describedby')).to.equal('request-error');
      expect(stepHeading(element)).to.contain('Email addresses');
    } finally {
      window.fetch = realFetch;
    }
  });
});
