import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { UserListItem } from '@roster/shared';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// Only the screen, as roster.js ships it: the dialogs load on first use.
import '../users-settings/users-settings.ts';
import '../roster-provider/roster-provider.ts';
import '../account-switcher/account-switcher.ts';
import type { AddUsersDialog } from '../add-users-dialog/add-users-dialog.ts';
import { fresh, paste, stepHeading } from '../add-users-dialog/add-users-dialog.test-support.ts';
import { chooseWithKeyboard, rowByEmail } from '../test-support/row-menu.ts';
import { accountOf, shadowOf, testApi } from '../test-support/test-api.ts';
import { settingsTable, settled } from '../test-support/users-table.ts';
import { atEveryWidth, pageOverflow } from '../test-support/widths.ts';
import type { UsersSettings } from './users-settings.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/** Lower than most phones held upright, so the taller dialogs must scroll inside themselves. */
const HEIGHT = 640;

/** The open native `<dialog>` of one of the screen's dialog elements (the last one: the discard question sits in the wizard's). */
async function openDialogOf(settings: UsersSettings, tag: string): Promise<HTMLDialogElement> {
  const open = () => {
    // Not upgraded (no shadow root) until its module has loaded.
    const root = shadowOf(settings).querySelector(tag)?.shadowRoot;
    return root ? [...root.querySelectorAll<HTMLDialogElement>('dialog[open]')].at(-1) : undefined;
  };
  await waitUntil(open, `${tag} did not open`, { timeout: 5000 });
  return open()!;
}

/** The page is no wider than the viewport at each width; `check` adds what else must hold there. */
function noOverflowAtEveryWidth(what: string, check: (width: number) => void = () => undefined) {
  return atEveryWidth((width) => {
    expect(pageOverflow(), `${what} at ${width} px`).to.equal(0);
    check(width);
  }, HEIGHT);
}

/**
 * At each width the dialog lies within the viewport, nothing in it is off to the side, a tall one
 * scrolls inside itself, and the page behind does not scroll sideways.
 */
function fitsEveryWidth(dialog: HTMLDialogElement, what: string) {
  return noOverflowAtEveryWidth(what, (width) => {
    const at = `${what} at ${width} px`;
    const box = dialog.getBoundingClientRect();
    expect(box.left, at).to.be.at.least(0);
    expect(box.right, at).to.be.at.most(width);
    expect(box.top, at).to.be.at.least(0);
    expect(box.bottom, at).to.be.at.most(HEIGHT);
    expect(dialog.scrollWidth, at).to.be.at.most(dialog.clientWidth);
    if (dialog.scrollHeight > dialog.clientHeight) expect(getComputedStyle(dialog).overflowY, at).to.be.oneOf(['auto', 'scroll']);
  });
}

describe('<users-settings> narrow: the screen and every dialog fit from 320 px up', () => {
  let acme: string;
  let someone: UserListItem;

  before(async () => {
    const me = await api.signIn('admin@acme.test');
    acme = accountOf(me, 'Acme Corp');
    const active = (await api.fetchUsers(acme, { state: 'active', limit: '100' })).items;
    someone = active.find((u) => u.id !== me.user.id && u.groups.length > 1)!;
  });
  after(() => setViewport({ width: 800, height: 600 }));

  async function screen() {
    await setViewport({ width: 320, height: HEIGHT });
    const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
    const table = await settingsTable(settings);
    table.q = someone.email;
    await settled(table);
    await waitUntil(() => rowByEmail(table, someone.email)?.querySelector('roster-menu-button'), `${someone.email} has no menu`, { timeout: 5000 });
    return { settings, row: () => rowByEmail(table, someone.email)! };
  }

  it('the screen: its header and the list do not widen the page at any width', async function () {
    this.timeout(20_000);
    const { settings } = await screen();
    const header = shadowOf(settings).querySelector<HTMLElement>('[part="header"]')!;
    await noOverflowAtEveryWidth('the screen', (width) => expect(header.scrollWidth, `the header at ${width} px`).to.be.at.most(header.clientWidth));
  });

  it('the account switcher, open, stays on screen', async function () {
    this.timeout(20_000);
    await setViewport({ width: 320, height: HEIGHT });
    const provider = await fixture(html`<roster-provider api-base=${api.base}><account-switcher></account-switcher><users-settings></users-settings></roster-provider>`);
    const switcher = provider.querySelector('account-switcher')!;
    await waitUntil(() => switcher.shadowRoot?.querySelector('[part="button"]'), 'no switcher button', { timeout: 5000 });
    shadowOf(switcher).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await waitUntil(() => shadowOf(switcher).querySelector('[part="popup"]'), 'the switcher did not open');
    const popup = shadowOf(switcher).querySelector('[part="popup"]')!;
    await noOverflowAtEveryWidth('the open switcher', (width) => {
      const box = popup.getBoundingClientRect();
      expect(box.left, `the switcher at ${width} px`).to.be.at.least(0);
      expect(box.right, `the switcher at ${width} px`).to.be.at.most(width);
    });
  });

  it('the add users wizard on each step, and the discard question', async function () {
    this.timeout(40_000);
    const { settings } = await screen();
    shadowOf(settings).querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
    const dialog = await openDialogOf(settings, 'add-users-dialog');
    const wizard = shadowOf(settings).querySelector('add-users-dialog') as AddUsersDialog;
    await fitsEveryWidth(dialog, 'the emails step');
    await setViewport({ width: 320, height: HEIGHT });
    shadowOf(wizard).querySelector('textarea')!.focus();
    paste(`${fresh('narrow-one')} ${fresh('narrow-two')} not-an-address`);
    await wizard.updateComplete;
    await fitsEveryWidth(dialog, 'the checked addresses');

    // Escape with addresses typed asks first.
    await sendKeys({ press: 'Escape' });
    const question = await openDialogOf(settings, 'add-users-dialog');
    expect(question.getAttribute('role')).to.equal('alertdialog');
    await fitsEveryWidth(question, 'the discard question');
    question.querySelector<HTMLButtonElement>('.keep')!.click();
    await waitUntil(() => shadowOf(wizard).querySelectorAll('dialog[open]').length === 1, 'the question did not close');

    const next = () => shadowOf(wizard).querySelector<HTMLButtonElement>('button.next')!.click();
    next();
    await waitUntil(() => stepHeading(wizard).includes('Names'), 'the names step did not show', { timeout: 5000 });
    await fitsEveryWidth(dialog, 'the names step');
    for (const input of shadowOf(wizard).querySelectorAll<HTMLInputElement>('input[id^="firstName-"], input[id^="lastName-"]')) {
      input.value = 'Narrow';
      input.dispatchEvent(new Event('input'));
    }
    next();
    await waitUntil(() => shadowOf(wizard).querySelector('.groups input'), 'the groups did not load', { timeout: 5000 });
    await fitsEveryWidth(dialog, 'the groups step');
    shadowOf(wizard).querySelector<HTMLInputElement>('.groups input')!.click();
    next();
    await waitUntil(() => shadowOf(wizard).querySelector('.overview'), 'the overview did not show', { timeout: 5000 });
    await fitsEveryWidth(dialog, 'the overview');
  });

  it('edit groups, block and remove, from the row menu', async function () {
    this.timeout(30_000);
    for (const [label, tag] of [
      ['Edit groups', 'edit-user-dialog'],
      ['Block', 'block-user-dialog'],
      ['Remove', 'remove-user-dialog'],
    ] as const) {
      const { settings, row } = await screen();
      await chooseWithKeyboard(row(), label);
      const dialog = await openDialogOf(settings, tag);
      // Loaded: no placeholder bars left.
      await waitUntil(() => dialog.querySelector('h2') && !dialog.querySelector('.bar'), `${tag} did not load`, { timeout: 5000 });
      await fitsEveryWidth(dialog, tag);
      await sendKeys({ press: 'Escape' });
    }
  });

  it('the person’s page', async function () {
    this.timeout(20_000);
    const { settings, row } = await screen();
    row().querySelector<HTMLButtonElement>('[part="name"]')!.click();
    const dialog = await openDialogOf(settings, 'user-details-dialog');
    const page = dialog.querySelector('user-details')!;
    await waitUntil(() => shadowOf(page).querySelector('[part~="action-button"]'), 'the page did not load', { timeout: 5000 });
    await fitsEveryWidth(dialog, 'the person’s page');
  });

  describe('for a member', () => {
    before(() => api.signIn('member@acme.test'));

    it('the member view does not widen the page', async function () {
      this.timeout(20_000);
      await setViewport({ width: 320, height: HEIGHT });
      const settings = await fixture<UsersSettings>(html`<users-settings api-base=${api.base} account-id=${acme}></users-settings>`);
      await waitUntil(() => shadowOf(settings).querySelector('roster-member-view')?.shadowRoot?.querySelector('[part="administrators"]'), 'the member view did not load', {
        timeout: 5000,
      });
      await noOverflowAtEveryWidth('the member view');
    });
  });
});
