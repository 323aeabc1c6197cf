import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../index.ts';
import './account-switcher.ts';
import type { AccountSwitchedEvent } from '../events.ts';
import type { RosterProvider } from '../roster-provider/roster-provider.ts';
import { recordFetches } from '../test-support/fetch-log.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { UsersSettings } from '../users-settings/users-settings.ts';
import type { AccountSwitcher } from './account-switcher.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const asAdmin = () => 'test:admin@acme.test';
const asMember = () => 'test:member@acme.test';

const trigger = (switcher: AccountSwitcher) => shadowOf(switcher).querySelector<HTMLButtonElement>('[part="button"]');
const search = (switcher: AccountSwitcher) => shadowOf(switcher).querySelector<HTMLInputElement>('[part="search"]');
const options = (switcher: AccountSwitcher) => [...shadowOf(switcher).querySelectorAll<HTMLElement>('[role="option"]')];
const optionNames = (switcher: AccountSwitcher) => options(switcher).map((o) => o.querySelector('.option-name')!.textContent!.trim());
/** The option the combobox points at (virtual focus). */
const activeName = (switcher: AccountSwitcher) => {
  const id = search(switcher)!.getAttribute('aria-activedescendant');
  return id ? shadowOf(switcher).getElementById(id)?.querySelector('.option-name')?.textContent?.trim() : undefined;
};

async function mounted(getToken: () => string) {
  const provider = await fixture<RosterProvider>(
    html`<roster-provider api-base=${api.base} .getToken=${getToken}><account-switcher></account-switcher><users-settings></users-settings></roster-provider>`,
  );
  const switcher = provider.querySelector('account-switcher')!;
  return { provider, switcher, settings: provider.querySelector('users-settings') as UsersSettings };
}

describe('<account-switcher>', () => {
  let acme: string;
  let globex: string;
  let teams: string[];

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    globex = accountOf(me, 'Globex');
    // The administrator of Acme Corp (a member of Globex) joins 200 more: 202 accounts.
    teams = await api.joinManyAccounts('admin@acme.test', 200);
    await api.signOut();
  });

  afterEach(async () => {
    // Each test starts in Acme Corp, whatever the previous one switched to.
    await api.fetch('/me/active-account', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${asAdmin()}` },
      body: JSON.stringify({ accountId: acme }),
    });
  });

  it('renders nothing for a person in one account', async () => {
    const { switcher, settings } = await mounted(asMember);
    // The member view is there: the session has loaded.
    await waitUntil(() => shadowOf(settings).querySelector('roster-member-view'), 'the session did not load');
    await switcher.updateComplete;
    expect(trigger(switcher)).to.equal(null);
    expect(shadowOf(switcher).childElementCount).to.equal(0);
  });

  it('shows the current account, lists all 202 with their role, and filters by name as the person types', async () => {
    const { switcher } = await mounted(asAdmin);
    await waitUntil(() => trigger(switcher), 'no switcher button');
    expect(trigger(switcher)!.textContent).to.contain('Acme Corp');
    trigger(switcher)!.click();
    await waitUntil(() => search(switcher), 'the popup did not open');
    expect(options(switcher)).to.have.length(202);
    const acmeOption = options(switcher).find((o) => o.textContent!.includes('Acme Corp'))!;
    expect(acmeOption.querySelector('[part="hint"]')!.textContent!.trim()).to.equal('Administrator, current');
    expect(options(switcher).find((o) => o.textContent!.includes('Globex'))!.querySelector('[part="hint"]')!.textContent!.trim()).to.equal('Member');
    // Virtual focus: the box keeps focus, the current account is the active option.
    expect(shadowOf(switcher).activeElement).to.equal(search(switcher));
    expect(activeName(switcher)).to.equal('Acme Corp');

    await sendKeys({ type: 'team 13' });
    await switcher.updateComplete;
    expect(optionNames(switcher)).to.deep.equal(['Team 130', 'Team 131', 'Team 132', 'Team 133', 'Team 134', 'Team 135', 'Team 136', 'Team 137', 'Team 138', 'Team 139']);
    expect(shadowOf(switcher).querySelector('[role="status"]')!.textContent!.trim()).to.equal('10 accounts');
    await sendKeys({ type: 'x' });
    await switcher.updateComplete;
    expect(options(switcher)).to.have.length(0);
    expect(shadowOf(switcher).querySelector('.empty')!.textContent).to.contain('No account matches');
    await expect(switcher).to.be.accessible();
  });

  it('works by keyboard alone: opens, moves with arrows, Home and End, switches with Enter; every element under the provider follows', async () => {
    const { provider, switcher, settings } = await mounted(asAdmin);
    await waitUntil(() => trigger(switcher), 'no switcher button');
    // Acme Corp: the administrators' list.
    await waitUntil(() => shadowOf(settings).querySelector('users-table'), 'no users table in Acme Corp');
    const log = recordFetches();
    try {
      trigger(switcher)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadowOf(switcher).activeElement === search(switcher), 'the search box did not get focus');
      await sendKeys({ type: 'Team 02' });
      await switcher.updateComplete;
      expect(activeName(switcher)).to.equal('Team 020');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await switcher.updateComplete;
      expect(activeName(switcher)).to.equal('Team 022');
      await sendKeys({ press: 'End' });
      await switcher.updateComplete;
      expect(activeName(switcher)).to.equal('Team 029');
      await sendKeys({ press: 'ArrowDown' }); // stays on the last
      await sendKeys({ press: 'ArrowUp' });
      await switcher.updateComplete;
      expect(activeName(switcher)).to.equal('Team 028');
      await sendKeys({ press: 'Home' });
      await switcher.updateComplete;
      expect(activeName(switcher)).to.equal('Team 020');
      await sendKeys({ press: 'ArrowDown' });

      const switched = oneEvent(provider, 'account-switched') as Promise<AccountSwitchedEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await switched;
      expect(event.detail).to.deep.equal({ accountId: teams[20], previousAccountId: acme });
      expect(event.bubbles && event.composed).to.equal(true);
      // Closed, focus back on the button, which names the new account.
      await switcher.updateComplete;
      expect(search(switcher)).to.equal(null);
      expect(shadowOf(switcher).activeElement).to.equal(trigger(switcher));
      expect(trigger(switcher)!.textContent).to.contain('Team 021');
      // The screen below follows without a page load: a plain member of Team 021 sees the member view.
      await waitUntil(() => shadowOf(settings).querySelector('roster-member-view'), 'users-settings did not follow the switch', { timeout: 5000 });
      expect(shadowOf(settings).querySelector('users-table')).to.equal(null);
      expect(log.answers.some((a) => a.method === 'PUT' && a.url.endsWith('/me/active-account') && a.status === 200)).to.equal(true);
      expect(log.refused()).to.deep.equal([]);
    } finally {
      log.stop();
    }
    // The server remembers it.
    const me = await (await api.fetch('/me', { headers: { authorization: `Bearer ${asAdmin()}` } })).json();
    expect(me.activeAccountId).to.equal(teams[20]);
  });

  it('Escape closes and gives focus back; choosing the current account changes nothing', async () => {
    const { provider, switcher } = await mounted(asAdmin);
    await waitUntil(() => trigger(switcher), 'no switcher button');
    let switches = 0;
    provider.addEventListener('account-switched', () => switches++);
    trigger(switcher)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => search(switcher), 'ArrowDown did not open');
    await sendKeys({ press: 'Escape' });
    await switcher.updateComplete;
    expect(search(switcher)).to.equal(null);
    expect(shadowOf(switcher).activeElement).to.equal(trigger(switcher));

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => search(switcher), 'Enter did not open');
    await sendKeys({ press: 'Enter' }); // the active option is the current account
    await switcher.updateComplete;
    expect(search(switcher)).to.equal(null);
    expect(switches).to.equal(0);
    expect(trigger(switcher)!.textContent).to.contain('Acme Corp');
  });

  it('opens its list inside the window, also when it sits at the end of a phone’s header', async () => {
    await setViewport({ width: 375, height: 700 });
    const provider = await fixture<RosterProvider>(
      html`<roster-provider api-base=${api.base} .getToken=${asAdmin}
        ><div style="display: flex; justify-content: flex-end"><account-switcher></account-switcher></div
      ></roster-provider>`,
    );
    const switcher = provider.querySelector('account-switcher')!;
    await waitUntil(() => trigger(switcher), 'no switcher button');
    trigger(switcher)!.click();
    await waitUntil(() => search(switcher), 'the popup did not open');
    const popup = shadowOf(switcher).querySelector('.popup')!.getBoundingClientRect();
    expect(popup.left).to.be.at.least(0);
    expect(popup.right).to.be.at.most(375);
    expect(document.documentElement.scrollWidth).to.equal(375);
    await setViewport({ width: 800, height: 600 });
  });

  it('switches by mouse too, and the provider then provides the new account', async () => {
    const { switcher } = await mounted(asAdmin);
    await waitUntil(() => trigger(switcher), 'no switcher button');
    trigger(switcher)!.click();
    await waitUntil(() => search(switcher), 'the popup did not open');
    const switched = oneEvent(switcher, 'account-switched');
    options(switcher).find((o) => o.textContent!.includes('Globex'))!.click();
    await switched;
    // The provider's value, as an element below reads it (the context protocol's request).
    const value = await new Promise<{ accountId?: string }>((resolve) =>
      switcher.dispatchEvent(
        Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
          context: 'roster-context',
          contextTarget: switcher,
          callback: (v: { accountId?: string }) => resolve(v),
          subscribe: false,
        }),
      ),
    );
    expect(value.accountId).to.equal(globex);
    expect(trigger(switcher)!.textContent).to.contain('Globex');
  });
});
