import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../roster-provider/roster-provider.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import { atEveryWidth, pageOverflow } from '../test-support/widths.ts';
import './user-profile.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/* The profile on a phone: nothing in it (the file input's text) is wider than its card or the screen. */
describe('<user-profile> narrow', () => {
  before(async function () {
    this.timeout(30_000);
    await api.signIn('admin@acme.test');
  });
  after(() => setViewport({ width: 800, height: 600 }));

  it('does not widen the page at 320, 375, 768 or 1440 px; each card holds its content', async () => {
    // In a page like the demo's: its padding and its font (whose file input text is wider than the default's).
    const host = await fixture<HTMLElement>(
      html`<div style="padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5"><user-profile api-base=${api.base}></user-profile></div>`,
    );
    const element = host.querySelector('user-profile')!;
    await waitUntil(() => shadowOf(element).querySelector('form'), 'the profile did not load', { timeout: 5000 });
    await atEveryWidth((width) => {
      expect(pageOverflow(), `at ${width} px`).to.equal(0);
      for (const card of shadowOf(element).querySelectorAll<HTMLElement>('.card')) {
        const right = card.getBoundingClientRect().right;
        for (const inside of card.querySelectorAll('*')) expect(inside.getBoundingClientRect().right, `${inside.tagName} ${inside.id} at ${width} px`).to.be.at.most(right);
      }
    });
  });
});
