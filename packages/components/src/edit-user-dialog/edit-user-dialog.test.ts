import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Group, UserDetails, UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import './edit-user-dialog.ts';
import type { UserUpdatedEvent } from '../events.ts';
import { deepActiveElement } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { EditUserDialog } from './edit-user-dialog.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const $ = <T extends Element = HTMLElement>(element: EditUserDialog, selector: string) => shadowOf(element).querySelector<T>(selector);
const boxes = (element: EditUserDialog) => [...shadowOf(element).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const boxNamed = (element: EditUserDialog, name: string) =>
  boxes(element).find((box) => $(element, `label[for="${box.id}"]`)!.textContent!.trim() === name)!;
const ticked = (element: EditUserDialog) => boxes(element).filter((box) => box.checked).map((box) => $(element, `label[for="${box.id}"]`)!.textContent!.trim());
const textOf = (element: EditUserDialog, selector: string) => $(element, selector)?.textContent!.replace(/\s+/g, ' ').trim() ?? '';

describe('<edit-user-dialog>', () => {
  let acme: string;
  let groups: Group[];
  /** Active Acme people who are not administrators, one per test. */
  let people: UserListItem[];

  before(async () => {
    acme = accountOf(await api.signIn('admin@acme.test'), 'Acme Corp');
    groups = (await (await api.fetch(`/accounts/${acme}/groups`)).json()) as Group[];
    const active = await api.fetchUsers(acme, { state: 'active', limit: '100' });
    people = active.items.filter((u) => u.groups.length === 1 && !['Administrators', 'Finance'].includes(u.groups[0]!.name) && !u.email.startsWith('member@'));
    expect(people.length).to.be.greaterThan(3);
  });

  async function details(userId: string): Promise<UserDetails> {
    return (await (await api.fetch(`/accounts/${acme}/users/${userId}`)).json()) as UserDetails;
  }

  async function opened(user: UserListItem) {
    const element = await fixture<EditUserDialog>(html`<edit-user-dialog api-base=${api.base} account-id=${acme}></edit-user-dialog>`);
    element.show(user.id);
    await element.updateComplete;
    await waitUntil(() => boxes(element).length > 0, 'the groups did not load', { timeout: 5000 });
    return element;
  }

  it('lists every group with what it grants and how many hold it, ticks the person\'s own, and is axe clean', async () => {
    const user = people[0]!;
    const element = await opened(user);
    expect($<HTMLDialogElement>(element, 'dialog')!.open).to.equal(true);
    expect(deepActiveElement()).to.equal($(element, 'input[type="search"]'));
    expect(textOf(element, 'h2')).to.equal(`Edit groups of ${user.firstName} ${user.lastName}`);
    expect(ticked(element)).to.deep.equal([user.groups[0]!.name]);
    for (const group of groups) {
      const item = boxNamed(element, group.name).closest('li')!;
      const count = group.memberCount === 1 ? '1 person' : `${new Intl.NumberFormat().format(group.memberCount)} people`;
      expect(item.querySelector('.count')!.textContent).to.equal(count);
      // Labels first, the module id only as secondary text; the checkbox is described by them.
      const grants = item.querySelector('.grants')!.textContent!.replace(/\s+/g, ' ');
      for (const permission of group.permissions) expect(grants).to.contain(`${permission.label} (${permission.id})`);
      expect(boxNamed(element, group.name).getAttribute('aria-describedby')).to.equal(item.querySelector('.grants')!.id);
    }
    expect(textOf(element, '[part="summary"]')).to.equal('What changes Nothing changes yet.');
    expect($<HTMLButtonElement>(element, '.save')!.disabled).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('saves with the keyboard only: search, tick, the summary by label, Save; user-updated and the new groups', async () => {
    const user = people[1]!;
    const before = await details(user.id);
    const element = await opened(user);
    const finance = groups.find((g) => g.name === 'Finance')!;
    await sendKeys({ type: 'fin' });
    await waitUntil(() => boxes(element).length === 1, 'the search did not narrow the groups');
    expect(ticked(element)).to.deep.equal([]);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(boxNamed(element, 'Finance'));
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    const summary = textOf(element, '[part="summary"]');
    expect(summary).to.contain('Joins: Finance');
    const had = new Set(before.permissions.map((p) => p.id));
    for (const permission of finance.permissions.filter((p) => !had.has(p.id))) expect(summary).to.contain(`${permission.label} (${permission.id})`);
    expect(summary).not.to.contain('Leaves:');
    // Hidden by the search, the person's own group stays ticked.
    expect(textOf(element, 'legend')).to.equal(`Groups (2 of ${groups.length} chosen)`);

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.cancel'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.save'));
    const updated = oneEvent(element, 'user-updated') as Promise<UserUpdatedEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await updated;
    expect(event.detail).to.deep.equal({ accountId: acme, userId: user.id });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.userName).to.equal(`${user.firstName} ${user.lastName}`);
    expect(element.open).to.equal(false);
    const after = await details(user.id);
    expect(after.groups.map((g) => g.name).sort()).to.deep.equal([user.groups[0]!.name, 'Finance'].sort());
    expect(after.version).to.be.greaterThan(before.version);
  });

  it('refuses to save no group at all, says why beside the groups and focuses them; nothing is sent', async () => {
    const user = people[2]!;
    const before = await details(user.id);
    const element = await opened(user);
    boxNamed(element, user.groups[0]!.name).click();
    await element.updateComplete;
    expect(textOf(element, '[part="summary"]')).to.contain(`Leaves: ${user.groups[0]!.name}`);
    await element.updateComplete;
    $<HTMLButtonElement>(element, '.save')!.click();
    await waitUntil(() => $(element, '#groups-error'), 'no reason was given');
    expect($(element, '#groups-error')!.getAttribute('role')).to.equal('alert');
    expect(textOf(element, '#groups-error')).to.contain('Choose at least one group');
    expect(deepActiveElement()).to.equal(boxes(element)[0]);
    expect(boxes(element)[0]!.getAttribute('aria-invalid')).to.equal('true');
    expect(boxes(element)[0]!.getAttribute('aria-describedby')).to.contain('groups-error');
    await expect(element).to.be.accessible();
    expect(element.open).to.equal(true);
    expect((await details(user.id)).version).to.equal(before.version);
    // Ticking a group takes the reason away.
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect($(element, '#groups-error')).to.equal(null);
  });

  it('on a version conflict says someone else changed the person, shows their groups now, and Reload starts from them', async () => {
    const user = people.find((u) => !['Support', 'Read only'].includes(u.groups[0]!.name) && u.id !== people[1]!.id && u.id !== people[2]!.id)!;
    const element = await opened(user);
    boxNamed(element, 'Support').click();
    // Someone else gives the person Read only meanwhile.
    const readOnly = groups.find((g) => g.name === 'Read only')!;
    const current = await details(user.id);
    const elsewhere = await api.fetch(`/accounts/${acme}/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupIds: [readOnly.id], version: current.version }),
    });
    expect(elsewhere.status).to.equal(200);

    await element.updateComplete;
    $<HTMLButtonElement>(element, '.save')!.click();
    await waitUntil(() => $(element, '[part="conflict"]'), 'the conflict was not shown', { timeout: 5000 });
    const conflict = textOf(element, '[part="conflict"]');
    expect($(element, '[part="conflict"]')!.getAttribute('role')).to.equal('alert');
    expect(conflict).to.contain(`Someone else changed ${user.firstName} ${user.lastName} while you were editing; who changed what is not known.`);
    expect(conflict).to.contain('Their groups now: Read only.');
    expect(deepActiveElement()).to.equal($(element, '.reload'));
    expect($<HTMLButtonElement>(element, '.save')!.disabled).to.equal(true);
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(element, '[part="conflict"]') && boxes(element).length > 0, 'Reload did not load the person again', { timeout: 5000 });
    expect(ticked(element)).to.deep.equal(['Read only']);
    // Saving from the fresh version works.
    boxNamed(element, 'Support').click();
    const updated = oneEvent(element, 'user-updated');
    await element.updateComplete;
    $<HTMLButtonElement>(element, '.save')!.click();
    await updated;
    expect((await details(user.id)).groups.map((g) => g.name).sort()).to.deep.equal(['Read only', 'Support']);
  });

  it('shows other refusals inside the dialog as an alert', async () => {
    const admin = (await api.fetchUsers(acme, { q: 'admin@acme.test' })).items.find((u) => u.email === 'admin@acme.test')!;
    const element = await opened(admin);
    // The last-but-one administrator leaves Administrators: allowed while another stays, so block the other first.
    const others = (await api.fetchUsers(acme, { state: 'active', limit: '100' })).items.filter(
      (u) => u.id !== admin.id && u.groups.some((g) => g.name === 'Administrators'),
    );
    for (const other of others) expect((await api.fetch(`/accounts/${acme}/users/${other.id}/block`, { method: 'POST' })).status).to.equal(200);
    try {
      boxNamed(element, 'Administrators').click();
      if (!ticked(element).length) boxNamed(element, 'Read only').click();
      await element.updateComplete;
    $<HTMLButtonElement>(element, '.save')!.click();
      await waitUntil(() => $(element, '[part="error"][role="alert"]'), `the refusal was not shown: ${textOf(element, 'dialog')}`, { timeout: 5000 });
      expect(textOf(element, '[part="error"][role="alert"]')).to.contain('Make someone else an administrator first.');
      expect(element.open).to.equal(true);
    } finally {
      for (const other of others) await api.fetch(`/accounts/${acme}/users/${other.id}/unblock`, { method: 'POST' });
    }
  });
});
