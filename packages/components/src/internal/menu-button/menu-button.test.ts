import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shadowOf } from '../../test-support/test-api.ts';
import './menu-button.ts';
import type { MenuButton, MenuItem } from './menu-button.ts';

const ITEMS: MenuItem[] = [
  { id: 'edit', label: 'Edit' },
  { id: 'block', label: 'Block' },
  { id: 'remove', label: 'Remove', danger: true },
];

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<roster-menu-button> (internal)', () => {
  it('moves between items with the arrows, Home and End, and chooses with Enter', async () => {
    const menu = await fixture<MenuButton>(html`<roster-menu-button label="Actions for Ada" .items=${ITEMS}></roster-menu-button>`);
    const trigger = shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    const items = [...shadowOf(menu).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const focused = () => items.indexOf(deepActiveElement() as HTMLElement);

    trigger.focus();
    await sendKeys({ press: 'ArrowDown' });
    await menu.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(focused()).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(1);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(2);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(0);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(2);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });

    const chosen = oneEvent(menu, 'menu-select');
    await sendKeys({ press: 'Enter' });
    expect((await chosen).detail).to.equal('block');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement()).to.equal(trigger);

    // ArrowUp opens on the last item.
    await sendKeys({ press: 'ArrowUp' });
    await menu.updateComplete;
    expect(focused()).to.equal(2);
    await expect(menu).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(deepActiveElement()).to.equal(trigger);
  });

  it('moves to the next item starting with a typed letter, round from the focused one', async () => {
    const items: MenuItem[] = [...ITEMS, { id: 'resend', label: 'Resend invitation' }];
    const menu = await fixture<MenuButton>(html`<roster-menu-button label="Actions for Ada" .items=${items}></roster-menu-button>`);
    const buttons = [...shadowOf(menu).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const focused = () => buttons.indexOf(deepActiveElement() as HTMLElement);
    menu.focus();
    expect(deepActiveElement()).to.equal(shadowOf(menu).querySelector('button[aria-haspopup="menu"]'));
    await sendKeys({ press: 'Enter' });
    await menu.updateComplete;
    expect(focused()).to.equal(0);
    await sendKeys({ press: 'r' });
    expect(focused()).to.equal(2);
    await sendKeys({ press: 'R' });
    expect(focused()).to.equal(3);
    await sendKeys({ press: 'r' });
    expect(focused()).to.equal(2);
    await sendKeys({ press: 'b' });
    expect(focused()).to.equal(1);
    // No item starts with it: focus stays.
    await sendKeys({ press: 'x' });
    expect(focused()).to.equal(1);
    await sendKeys({ press: 'Escape' });
  });

  it('in a grid cell leaves the arrow keys to the grid: only Enter and Space open it', async () => {
    const menu = await fixture<MenuButton>(html`<roster-menu-button grid-cell label="Actions for Ada" .items=${ITEMS}></roster-menu-button>`);
    const trigger = shadowOf(menu).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
    let reachedPage = 0;
    menu.addEventListener('keydown', () => reachedPage++);
    menu.focus();
    await sendKeys({ press: 'ArrowDown' });
    await menu.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(reachedPage).to.equal(1);
    await sendKeys({ press: 'Space' });
    await menu.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    // The open menu's keys stay in it.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    expect(reachedPage).to.equal(2);
    await sendKeys({ press: 'Escape' });
    expect(deepActiveElement()).to.equal(trigger);
  });

  it('opens above its button where there is no room below, and stays by it when a box around it scrolls', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="height: 200px; overflow: auto">
      <div style="height: ${innerHeight}px"></div>
      <roster-menu-button label="Actions for Ada" .items=${ITEMS}></roster-menu-button>
      <div style="height: ${innerHeight}px"></div>
    </div>`);
    const menu = box.querySelector<MenuButton>('roster-menu-button')!;
    await menu.updateComplete;
    const trigger = shadowOf(menu).querySelector<HTMLButtonElement>('button')!;
    const popup = shadowOf(menu).querySelector<HTMLElement>('[role="menu"]')!;
    // The button at the window's bottom edge: the menu goes above it, wholly on screen.
    box.style.position = 'fixed';
    box.style.top = `${innerHeight - 200}px`;
    box.scrollTop = innerHeight - 200 + trigger.offsetHeight;
    await menu.show();
    let button = trigger.getBoundingClientRect();
    let opened = popup.getBoundingClientRect();
    expect(opened.bottom).to.be.at.most(button.top);
    expect(opened.top).to.be.at.least(0);

    // The box scrolls: the menu moves with the button.
    box.scrollTop -= 30;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    button = trigger.getBoundingClientRect();
    opened = popup.getBoundingClientRect();
    expect(Math.round(button.top - opened.bottom)).to.equal(4);
    menu.hide();
  });
});
