import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './invitation-response.ts';
import { testApi } from '../test-support/test-api.ts';
import { atEveryWidth, pageOverflow } from '../test-support/widths.ts';
import { invitationsOn, startRegistration } from './invitation-response.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);
const { inviteToGlobex, open, hooks } = invitationsOn(api);

/* The invitee's page is often opened on a phone, from the email. */
describe('<invitation-response> narrow', () => {
  hooks();
  after(() => setViewport({ width: 800, height: 600 }));

  it('the invitation and the registration form do not widen the page at 320, 375, 768 or 1440 px', async function () {
    // Inviting through the API, then opening the link, takes its time on a busy machine.
    this.timeout(30_000);
    const element = await open((await inviteToGlobex()).token);
    const fits = (what: string) =>
      atEveryWidth((width) => {
        expect(pageOverflow(), `${what} at ${width} px`).to.equal(0);
      });
    await fits('the invitation');
    await startRegistration(element);
    await fits('the registration form');
  });
});
