import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AuditPage, Group, UserDetails as Details, UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import './user-details.ts';
import type { UserActionRequestEvent } from '../events.ts';
import { deepActiveElement } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { UserDetails } from './user-details.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const $ = <T extends Element = HTMLElement>(element: UserDetails, selector: string) => shadowOf(element).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(element: UserDetails, selector: string) => [...shadowOf(element).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const actionLabels = (element: UserDetails) => $$(element, '[part~="action-button"]').map(text);
/** The dates list as `term: value` lines. */
const dateLines = (element: UserDetails) => $$(element, '[part="dates"] .row').map((row) => `${text(row.querySelector('dt'))}: ${text(row.querySelector('dd'))}`);
const eventsOf = (element: UserDetails) => $$(element, '[part="history-event"]');
const mediumDate = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));

describe('<user-details>', () => {
  let acme: string;
  let viewerId: string;
  let viewerName: string;
  let everyone: UserListItem[];
  let groups: Group[];

  before(async function () {
    this.timeout(30_000);
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    viewerId = me.user.id;
    viewerName = `${me.user.firstName} ${me.user.lastName}`;
    everyone = (await api.fetchUsers(acme, { state: 'invited,expired,active,blocked,removed,declined', limit: '100' })).items;
    groups = (await (await api.fetch(`/accounts/${acme}/groups`)).json()) as Group[];
  });

  /** People of a state who are neither the viewer nor administrators, in the list's order. */
  const people = (state: string) => everyone.filter((u) => u.state === state && u.id !== viewerId && !u.groups.some((g) => g.name === 'Administrators'));
  const groupId = (name: string) => groups.find((g) => g.name === name)!.id;

  async function details(userId: string): Promise<Details> {
    return (await (await api.fetch(`/accounts/${acme}/users/${userId}`)).json()) as Details;
  }

  async function history(userId: string): Promise<AuditPage> {
    return (await (await api.fetch(`/accounts/${acme}/audit?userId=${userId}&limit=100`)).json()) as AuditPage;
  }

  /** Sets the person's groups through the API, as another administrator would. */
  async function setGroups(userId: string, names: string[]) {
    const { version } = await details(userId);
    const response = await api.fetch(`/accounts/${acme}/users/${userId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupIds: names.map(groupId), version }),
    });
    expect(response.status, `PATCH groups ${names.join(', ')}`).to.equal(200);
  }

  async function shown(userId: string) {
    const element = await fixture<UserDetails>(html`<user-details api-base=${api.base} account-id=${acme} user-id=${userId}></user-details>`);
    await waitUntil(() => $(element, '[part="name"], [part="error"]'), 'the person did not load', { timeout: 5000 });
    if ($(element, '[part="name"]')) {
      await waitUntil(() => $(element, '[part="history"]')?.getAttribute('aria-busy') === 'false', 'the history did not load', { timeout: 5000 });
    }
    return element;
  }

  it('shows who they are, their state, dates, id, groups with what each grants and the union of permissions; axe clean', async () => {
    const user = people('active').find((u) => u.groups.length === 1 && u.groups[0]!.name === 'Sales')!;
    await setGroups(user.id, ['Sales', 'Support']);
    const person = await details(user.id);
    const element = await shown(user.id);

    expect(text($(element, 'h2[part="name"]'))).to.equal(`${user.firstName} ${user.lastName}`);
    expect(text($(element, '.email'))).to.equal(user.email);
    expect(text($(element, '[part="badge"]'))).to.equal('Active');
    const signIn = person.lastSignInAt
      ? `Last sign-in: ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(person.lastSignInAt))}`
      : 'Last sign-in: Never';
    expect(dateLines(element)).to.deep.equal([
      `User id: ${user.id} Copy`,
      `Invited: ${mediumDate(person.invitedAt)}`,
      `Joined: ${mediumDate(person.joinedAt!)}`,
      signIn,
    ]);
    expect($(element, '[part="dates"] time')!.getAttribute('datetime')).to.equal(person.invitedAt);
    expect(text($(element, '[part="user-id"]'))).to.equal(user.id);

    expect($$(element, '[part="groups"] .group').map(text)).to.deep.equal([
      'Sales Grants: Orders (orders), Product catalogue (catalog)',
      'Support Grants: Orders (orders), Support desk (support)',
    ]);
    // Each permission once, by label, with its module id as secondary text.
    expect($$(element, '[part="permissions"] li').map(text)).to.deep.equal(['Orders (orders)', 'Product catalogue (catalog)', 'Support desk (support)']);
    expect($(element, '[part="permissions"] .permission')!.getAttribute('title')).to.equal('Orders, quotes and customers');
    await expect(element).to.be.accessible();
  });

  it('offers only the actions that apply, as the row menu does, and the dates of each state', async () => {
    const cases: [UserListItem, string[]][] = [
      [everyone.find((u) => u.id === viewerId)!, ['Edit groups']],
      [people('active')[0]!, ['Edit groups', 'Block', 'Remove']],
      [people('blocked')[0]!, ['Edit groups', 'Unblock', 'Remove']],
      [people('invited')[0]!, ['Edit groups', 'Copy invitation link', 'Resend invitation', 'Remove']],
      [people('expired')[0]!, ['Edit groups', 'Send new invitation', 'Remove']],
      [people('removed')[0]!, []],
      [people('declined')[0]!, []],
    ];
    for (const [user, labels] of cases) {
      const element = await shown(user.id);
      expect(actionLabels(element), `${user.state} ${user.email}`).to.deep.equal(labels);
      const terms = dateLines(element).map((line) => line.split(':')[0]);
      if (user.state === 'invited') expect(terms).to.include('Invitation expires').and.not.include('Joined');
      if (user.state === 'expired') expect(terms).to.include('Invitation expired');
      if (user.state === 'removed') expect(terms).to.include('Removed');
    }
    // On your own page, as on your own row, a note says why Block and Remove are missing; nowhere else.
    expect(text($(await shown(viewerId), '[part="actions-note"]'))).to.equal('You cannot block or remove yourself');
    expect($(await shown(people('active')[0]!.id), '[part="actions-note"]')).to.equal(null);
  });

  it('asks the host for Edit groups, Block and Remove with the row menu’s events, and copies the id, all by keyboard', async () => {
    const user = people('active')[1]!;
    const element = await shown(user.id);
    const ref = { accountId: acme, userId: user.id };

    // From the page before it, Tab reaches the first action.
    const start = document.createElement('button');
    start.textContent = 'before';
    element.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    expect(text(deepActiveElement())).to.equal('Edit groups');
    for (const [label, type] of [
      ['Edit groups', 'edit-user-request'],
      ['Block', 'block-user-request'],
      ['Remove', 'remove-user-request'],
    ] as const) {
      expect(text(deepActiveElement())).to.equal(label);
      const requested = oneEvent(element, type) as Promise<UserActionRequestEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await requested;
      expect(event.detail).to.deep.equal(ref);
      expect(event.bubbles && event.composed).to.equal(true);
      await sendKeys({ press: 'Tab' });
    }
    // Nothing was changed: the page only asks.
    expect((await details(user.id)).state).to.equal('active');

    expect(deepActiveElement()).to.equal($(element, '[part="copy-button"]'));
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    const realWriteText = clipboard.writeText;
    clipboard.writeText = async (value: string) => void copied.push(value);
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(element, '.copy-status')) === 'Copied', 'no "Copied"');
    } finally {
      clipboard.writeText = realWriteText;
    }
    expect(copied).to.deep.equal([user.id]);
    expect($(element, '.copy-status')!.getAttribute('role')).to.equal('status');

    // A browser that refuses the clipboard is said so, not "Copied".
    clipboard.writeText = async () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    try {
      $<HTMLButtonElement>(element, '[part="copy-button"]')!.click();
      await waitUntil(() => text($(element, '.copy-status')).startsWith('The browser did not allow copying'), 'the refusal was not said');
    } finally {
      clipboard.writeText = realWriteText;
    }
    start.remove();
  });

  it('shows the history newest first in words, groups before and after, and pages older events by keyboard', async () => {
    const user = people('active').find((u) => u.groups.length === 1 && u.groups[0]!.name === 'Finance') ?? people('active')[2]!;
    // 13 changes: a page of 10, then 3 older.
    const sequence = ['Sales', 'Support', 'Read only'];
    for (let i = 0; i < 13; i += 1) await setGroups(user.id, [sequence[i % 3]!]);
    const recorded = (await history(user.id)).items;
    expect(recorded.length).to.equal(13);

    const element = await shown(user.id);
    expect(eventsOf(element)).to.have.length(10);
    const newest = eventsOf(element)[0]!;
    expect(text(newest.querySelector('.event-line'))).to.equal(`Groups changed by ${viewerName}`);
    // The last change went from Read only (the 12th) to Sales (the 13th).
    expect(text(newest.querySelector('.event-groups'))).to.equal('Before: Read only After: Sales');
    expect(newest.querySelector('time')!.getAttribute('datetime')).to.equal(recorded[0]!.at);
    expect(eventsOf(element).map((item) => item.dataset.eventId)).to.deep.equal(recorded.slice(0, 10).map((event) => event.id));
    await expect(element).to.be.accessible();

    $<HTMLButtonElement>(element, '[part="older-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => eventsOf(element).length === 13, 'the older events did not load', { timeout: 5000 });
    expect(eventsOf(element).map((item) => item.dataset.eventId)).to.deep.equal(recorded.map((event) => event.id));
    // Focus moves to the first event the page brought; nothing older is left to show.
    await waitUntil(() => deepActiveElement() === eventsOf(element)[10], 'focus did not move to the first older event');
    expect($(element, '[part="older-button"]')).to.equal(null);
    // The oldest change: from Finance, the person's group in the demo data, to Sales.
    if (user.groups[0]!.name === 'Finance') expect(text(eventsOf(element)[12]!.querySelector('.event-groups'))).to.equal('Before: Finance After: Sales');
  });

  it('says when nothing is recorded yet, and when the history fails, with Try again', async () => {
    const user = people('active').find((u) => u.id !== people('active')[2]!.id && u.groups[0]?.name !== 'Sales')!;
    expect((await history(user.id)).items, 'a person the demo data gives no history').to.deep.equal([]);
    const quiet = await shown(user.id);
    expect(text($(quiet, '[part="history"] p.muted'))).to.equal('Nothing has been recorded for this person yet.');

    // The audit request fails once (the server is gone for it); the person's details still show.
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/audit') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    let element: UserDetails;
    try {
      element = await shown(user.id);
    } finally {
      window.fetch = realFetch;
    }
    expect(text($(element, '[part="name"]'))).to.equal(`${user.firstName} ${user.lastName}`);
    const alert = $(element, '[part="history"] [role="alert"]')!;
    expect(text(alert.querySelector('p'))).to.equal('The server could not be reached. Check your connection and try again.');
    await setGroups(user.id, ['Read only']);
    alert.querySelector('button')!.click();
    await waitUntil(() => eventsOf(element).length === 1, 'Try again did not load the history', { timeout: 5000 });
    expect(text(eventsOf(element)[0]!.querySelector('.event-line'))).to.equal(`Groups changed by ${viewerName}`);
  });

  it('refresh() shows a change made elsewhere: the state, the actions and the new event', async () => {
    const user = people('active')[3]!;
    const element = await shown(user.id);
    expect(actionLabels(element)).to.deep.equal(['Edit groups', 'Block', 'Remove']);
    expect((await api.fetch(`/accounts/${acme}/users/${user.id}/block`, { method: 'POST' })).status).to.equal(200);
    await element.refresh();
    await waitUntil(() => text(eventsOf(element)[0]?.querySelector('.event-line')) === `Blocked by ${viewerName}`, 'the history did not load again', {
      timeout: 5000,
    });
    expect(text($(element, '[part="badge"]'))).to.equal('Blocked');
    expect(actionLabels(element)).to.deep.equal(['Edit groups', 'Unblock', 'Remove']);
  });

  it('resends an invitation itself, reports it with the row menu’s event and shows the new event', async () => {
    const user = people('invited')[1]!;
    const element = await shown(user.id);
    const resent = oneEvent(element, 'invitation-resent');
    [...$$<HTMLButtonElement>(element, '[part~="action-button"]')].find((button) => text(button) === 'Resend invitation')!.click();
    expect((await resent).detail).to.deep.equal({ accountId: acme, userId: user.id });
    await waitUntil(() => eventsOf(element).length === 1, 'the new event is not shown', { timeout: 5000 });
    expect(text(eventsOf(element)[0]!.querySelector('.event-line'))).to.equal(`Invitation sent again by ${viewerName}`);
  });

  it('says so when the person is not in the account', async () => {
    const element = await shown('00000000-0000-4000-8000-000000000000');
    expect(text($(element, '[part="error"] p'))).to.equal('This person was not found in this account.');
    await expect(element).to.be.accessible();
  });
});
