import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { UserDetails, UserListItem } from '@roster/shared';
import { sendKeys } from '@web/test-runner-commands';
import './block-user-dialog.ts';
import type { UserBlockedEvent, UserUnblockedEvent } from '../events.ts';
import { deepActiveElement } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import type { BlockUserDialog } from './block-user-dialog.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

const $ = <T extends Element = HTMLElement>(element: BlockUserDialog, selector: string) => shadowOf(element).querySelector<T>(selector);
const textOf = (element: BlockUserDialog, selector: string) => $(element, selector)?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
const confirmButton = (element: BlockUserDialog) => $<HTMLButtonElement>(element, '.confirm')!;

describe('<block-user-dialog>', () => {
  let acme: string;
  let viewerId: string;
  let everyone: UserListItem[];

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    viewerId = me.user.id;
    everyone = (await api.fetchUsers(acme, { state: 'invited,active', limit: '100' })).items;
  });

  const someone = (state: string) => everyone.find((u) => u.state === state && u.id !== viewerId && !u.groups.some((g) => g.name === 'Administrators'))!;

  async function details(userId: string): Promise<UserDetails> {
    return (await (await api.fetch(`/accounts/${acme}/users/${userId}`)).json()) as UserDetails;
  }

  async function opened(userId: string) {
    const element = await fixture<BlockUserDialog>(html`<block-user-dialog api-base=${api.base} account-id=${acme}></block-user-dialog>`);
    element.show(userId);
    await element.updateComplete;
    await waitUntil(() => $(element, '[part="consequence"], [role="alert"]'), 'the details did not load', { timeout: 5000 });
    return element;
  }

  it('blocks and then unblocks with the keyboard, naming the person, the account and the consequence; axe clean', async () => {
    const user = someone('active');
    const name = `${user.firstName} ${user.lastName}`;
    const element = await opened(user.id);
    expect(deepActiveElement()).to.equal($(element, '.cancel'));
    expect(textOf(element, 'h2')).to.equal(`Block ${name}?`);
    expect(textOf(element, '[part="consequence"]')).to.equal(
      `${name} (${user.email}) will have no access to Acme Corp until unblocked; their sign-in, groups and other accounts stay.`,
    );
    expect($(element, 'dialog')!.getAttribute('aria-describedby')).to.equal('consequence');
    expect(confirmButton(element).textContent!.trim()).to.equal('Block');
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(confirmButton(element));
    const blocked = oneEvent(element, 'user-blocked') as Promise<UserBlockedEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await blocked;
    expect(event.detail).to.deep.equal({ accountId: acme, userId: user.id });
    expect(event.bubbles && event.composed).to.equal(true);
    expect([event.userName, event.accountName]).to.deep.equal([name, 'Acme Corp']);
    expect(element.open).to.equal(false);
    expect((await details(user.id)).state).to.equal('blocked');

    // Opened again, it asks the other way round.
    element.show();
    await waitUntil(() => textOf(element, 'h2') === `Unblock ${name}?`, 'it did not ask to unblock', { timeout: 5000 });
    expect(textOf(element, '[part="consequence"]')).to.equal(`${name} (${user.email}) will have access to Acme Corp again.`);
    expect(confirmButton(element).textContent!.trim()).to.equal('Unblock');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    const unblocked = oneEvent(element, 'user-unblocked') as Promise<UserUnblockedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await unblocked).detail).to.deep.equal({ accountId: acme, userId: user.id });
    expect((await details(user.id)).state).to.equal('active');
  });

  it('stays open when shown again right after it closed (the native close event comes a task later)', async () => {
    const element = await opened(someone('active').id);
    element.close();
    await element.updateComplete;
    element.show();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([element.open, $<HTMLDialogElement>(element, 'dialog')!.open]).to.deep.equal([true, true]);
    await waitUntil(() => $(element, '[part="consequence"]'), 'the details did not load again', { timeout: 5000 });
  });

  it('says why yourself and Invited people cannot be blocked, with Block disabled', async () => {
    const self = await opened(viewerId);
    expect(textOf(self, '[part="reason"]')).to.equal('You cannot block yourself.');
    expect(confirmButton(self).disabled).to.equal(true);

    const invited = someone('invited');
    const element = await opened(invited.id);
    expect(textOf(element, '[part="reason"]')).to.contain('Remove them instead: their invitation is withdrawn and its link stops working.');
    expect(confirmButton(element).disabled).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows a refusal that arrived meanwhile inside the dialog, with focus back on Cancel', async () => {
    const user = everyone.filter((u) => u.state === 'active' && u.id !== viewerId && !u.groups.some((g) => g.name === 'Administrators'))[1]!;
    const element = await opened(user.id);
    // Someone else blocks the person first.
    expect((await api.fetch(`/accounts/${acme}/users/${user.id}/block`, { method: 'POST' })).status).to.equal(200);
    confirmButton(element).click();
    await waitUntil(() => $(element, '[part="error"][role="alert"]'), 'the refusal was not shown', { timeout: 5000 });
    expect(textOf(element, '[part="error"]')).to.equal('This person is already blocked');
    expect(deepActiveElement()).to.equal($(element, '.cancel'));
    expect(confirmButton(element).disabled).to.equal(true);
  });
});
