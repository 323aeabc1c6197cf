import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import './add-users-dialog.ts';
import { signInFirst } from '../test-support/sign-in-first.ts';
import { testApi } from '../test-support/test-api.ts';
import type { AddUsersDialog } from './add-users-dialog.ts';
import { $, $$, deepActiveElement, entryLines, fresh, paste, stepHeading, tabTo, text } from './add-users-dialog.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
let acme: string;
// Acme's demo people are in every state (see db/seed.ts): an active member, live and expired invitations, blocked people.
signInFirst(api, 'admin@acme.test', 'Acme Corp', (id) => (acme = id));
const ACTIVE = 'member@acme.test';
const INVITED = 'kenji.rossi11@acme.test';
const EXPIRED = 'noah.brown3@acme.test';
const BLOCKED = 'mateo.patel5@acme.test';

async function opened(): Promise<AddUsersDialog> {
  const element = await fixture<AddUsersDialog>(html`<add-users-dialog api-base=${api.base} account-id=${acme}></add-users-dialog>`);
  element.show();
  await element.updateComplete;
  return element;
}

/** Calls of the look-ahead while `run` runs; each held until `release` (or passed straight on with `hold: false`). */
async function watchingChecks(hold: boolean, run: (calls: { body: string; signal?: AbortSignal | null; release: () => void }[]) => Promise<void>) {
  const realFetch = window.fetch;
  const calls: { body: string; signal?: AbortSignal | null; release: () => void }[] = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (!request.url.includes('/invitations/check')) return realFetch(input, init);
    let release = () => {};
    const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    calls.push({ body: await request.clone().text(), signal: request.signal, release: () => release() });
    await released;
    return realFetch(request);
  };
  try {
    await run(calls);
  } finally {
    window.fetch = realFetch;
  }
}

/* Step 1 says at once who is already in the account, and in which state; Send counts its invitations. */
describe('<add-users-dialog> step 1 marks', () => {
  it('marks an active member, an invited, an expired and a blocked person as they are typed, each in one phrase', async function () {
    this.timeout(20_000);
    const element = await opened();
    const newcomer = fresh('nia');
    await sendKeys({ type: `${ACTIVE}, ${INVITED}, ${EXPIRED}\n${BLOCKED} ${newcomer}` });
    await waitUntil(() => entryLines(element)[3]?.[1] === 'Blocked in this account', 'step 1 never marked the people in the account', { timeout: 5000 });
    expect(stepHeading(element)).to.contain('Email addresses');
    expect(entryLines(element)).to.deep.equal([
      [ACTIVE, 'Already a member'],
      [INVITED, 'Already invited'],
      [EXPIRED, 'Invitation expired: can be renewed'],
      [BLOCKED, 'Blocked in this account'],
      [newcomer, 'Valid'],
    ]);
    expect($$(element, '.entry-member')).to.have.length(4);
    expect($(element, '.entry-member .icon').textContent).to.equal('•');
    expect(text($(element, '#emails-count'))).to.equal('Valid: 1 · Already in the account: 4 · Invalid: 0 · Listed twice: 0');
    expect(text($(element, '.skipped-note'))).to.equal('People already in the account are not invited again.');
    await expect(element).to.be.accessible();

    // Next goes on without asking again, and the names step says the same in the same words, once.
    await watchingChecks(false, async (calls) => {
      await tabTo($(element, 'button.next'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => stepHeading(element).includes('Names'), 'the names step did not show', { timeout: 5000 });
      expect(calls).to.have.length(0);
    });
    expect($$(element, '.person-left-out').map(text)).to.deep.equal([
      `${ACTIVE} Already a member`,
      `${INVITED} Already invited Use Resend invitation in the users list.`,
      `${EXPIRED} Invitation expired: can be renewed Use Send new invitation in the users list.`,
      `${BLOCKED} Blocked in this account Use Unblock in the users list to let them back in.`,
    ]);
    // The newcomer is fifth on the list: their first name is the first field to fill.
    expect(deepActiveElement()).to.equal($(element, '#firstName-4'));

    // On to the overview by keyboard: one person, so Send says "Send invitation".
    await sendKeys({ type: 'Nia' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'North' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('#group-search'), 'the groups did not load', { timeout: 5000 });
    await element.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await tabTo($(element, 'button.next'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepHeading(element).includes('Overview'), 'the overview did not show');
    expect(text($(element, 'button.send'))).to.equal('Send invitation');
  });

  it('checks after a pause in the typing, and cancels a check whose addresses changed meanwhile', async function () {
    this.timeout(20_000);
    const element = await opened();
    await watchingChecks(true, async (calls) => {
      paste(ACTIVE);
      paste(`, ${INVITED}`);
      await element.updateComplete;
      // Nothing is asked before the pause.
      expect(calls).to.have.length(0);
      await waitUntil(() => calls.length === 1, 'nothing was asked after the pause', { timeout: 3000 });
      expect(JSON.parse(calls[0]!.body)).to.deep.equal({ emails: [ACTIVE, INVITED] });

      // The list changes while the answer is still out: that question is cancelled and a new one asked.
      paste(`, ${EXPIRED}`);
      await waitUntil(() => calls.length === 2, 'the changed list was not asked about', { timeout: 3000 });
      expect(calls[0]!.signal?.aborted).to.equal(true);
      expect(JSON.parse(calls[1]!.body)).to.deep.equal({ emails: [ACTIVE, INVITED, EXPIRED] });
      calls[0]!.release();
      calls[1]!.release();
      await waitUntil(() => entryLines(element)[2]?.[1] === 'Invitation expired: can be renewed', 'the newer answer was not shown', { timeout: 5000 });
      expect(entryLines(element).map(([, mark]) => mark)).to.deep.equal(['Already a member', 'Already invited', 'Invitation expired: can be renewed']);

      // Answers are kept per address: adding one asks only about that one.
      paste(`, ${BLOCKED}`);
      await waitUntil(() => calls.length === 3, 'the added address was not asked about', { timeout: 3000 });
      expect(JSON.parse(calls[2]!.body)).to.deep.equal({ emails: [BLOCKED] });
      calls[2]!.release();
      await waitUntil(() => entryLines(element)[3]?.[1] === 'Blocked in this account', 'the added address was not marked', { timeout: 5000 });
    });
  });
});
