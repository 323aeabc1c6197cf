import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { menuButtonStyles } from './menu-button.styles.ts';

/** One entry of a {@link MenuButton}. */
export interface MenuItem {
  /** Reported in `menu-select`'s detail. */
  id: string;
  label: string;
  /** Shown in the danger colour (destructive actions). */
  danger?: boolean;
}

/**
 * `menu-select`: an item was chosen; `detail` is its id. Does not bubble: the element that renders the
 * menu listens on it.
 */
export class MenuSelectEvent extends CustomEvent<string> {
  static readonly eventName = 'menu-select';

  constructor(id: string) {
    super(MenuSelectEvent.eventName, { detail: id });
  }
}

/**
 * Internal: a menu button (WAI-ARIA menu button pattern). Opens on click, Enter, Space and ArrowDown
 * (ArrowUp opens on the last item); arrows, Home and End move between items, and typing a letter moves
 * to the next item starting with it; Escape closes and gives focus back to the button; Tab and a click
 * outside close it. Choosing an item returns focus to the button first, then fires `menu-select`.
 * The keys pressed in the open menu are its own: they do not reach the page.
 *
 * Focus is delegated to the button, so a `tabindex` on the element is the button's (a grid's roving
 * tabindex sets it there).
 *
 * @attr grid-cell - In a grid cell: the arrow keys are the grid's (they move between cells), so only
 *   click, Enter and Space open the menu.
 *
 * @internal
 *
 * @fires menu-select - {MenuSelectEvent} An item was chosen.
 *
 * @csspart menu-button - The button that opens the menu.
 * @csspart menu - The popup list.
 * @csspart menu-item - Each item.
 */
@customElement('roster-menu-button')
export class MenuButton extends LitElement {
  static override styles = menuButtonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The accessible name of the button (e.g. "Actions for Ada Lovelace"). */
  @property() label = '';

  /** What the button shows; hidden from assistive technology, which hears `label`. */
  @property() text = '•••';

  @property({ attribute: false }) items: MenuItem[] = [];

  /** In a grid cell: the arrow keys move between cells instead of opening the menu. */
  @property({ type: Boolean, attribute: 'grid-cell' }) gridCell = false;

  @state() private open = false;

  @query('.trigger') private trigger!: HTMLButtonElement;
  @query('.menu') private menu!: HTMLElement;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(false);
  }

  protected override render() {
    return html`<button
        type="button"
        part="menu-button"
        class="button trigger"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${this.label}
        @click=${this.handleTriggerClick}
        @keydown=${this.handleTriggerKeydown}
      >
        <span aria-hidden="true">${this.text}</span>
      </button>
      <div id="menu" part="menu" class="menu" role="menu" aria-label=${this.label} popover="manual" @keydown=${this.handleMenuKeydown}>
        ${this.items.map(
          (item) => html`<button
            type="button"
            part="menu-item"
            class="item ${item.danger ? 'danger' : ''}"
            role="menuitem"
            tabindex="-1"
            data-id=${item.id}
            @click=${this.handleItemClick}
          >
            ${item.label}
          </button>`,
        )}
      </div>`;
  }

  /** Opens the menu and focuses its first (or last) item. */
  async show(focus: 'first' | 'last' = 'first') {
    if (this.items.length === 0) return;
    this.open = true;
    await this.updateComplete;
    if (!this.menu.matches(':popover-open')) this.menu.showPopover();
    this.place();
    const items = this.menuItems;
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
    this.listen(true);
  }

  /**
   * Puts the open menu by its button, its end aligned with the button's and inside the viewport (the
   * button may be scrolled partly out of a wide table), below it or, where there is no room below,
   * above it. Called again on every scroll and resize, so it stays with its row.
   */
  private readonly place = () => {
    const rect = this.trigger.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height, style } = this.menu;
    const below = rect.bottom + 4;
    style.top = `${below + height > innerHeight && rect.top - 4 - height > 0 ? rect.top - 4 - height : below}px`;
    style.left = `${Math.max(4, Math.min(rect.right, document.documentElement.clientWidth - 4) - width)}px`;
  };

  /** While open: a press elsewhere closes the menu, a scroll or resize moves it. */
  private listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('pointerdown', this.handleOutsidePointerDown);
    // Capture: the scroll of any box (the table's own) does not bubble.
    window[method]('scroll', this.place, true);
    window[method]('resize', this.place);
  }

  /** Closes the menu; `restoreFocus` puts focus back on the button. */
  hide(restoreFocus = false) {
    if (this.open && this.menu.matches(':popover-open')) this.menu.hidePopover();
    this.open = false;
    this.listen(false);
    if (restoreFocus) this.trigger.focus();
  }

  private get menuItems(): HTMLElement[] {
    return [...this.menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private handleTriggerClick() {
    if (this.open) this.hide(true);
    else void this.show();
  }

  private handleTriggerKeydown(event: KeyboardEvent) {
    // Enter and Space also click the button; handling them here gives one open, not a toggle.
    if (['Enter', ' ', ...(this.gridCell ? [] : ['ArrowDown', 'ArrowUp'])].includes(event.key)) {
      event.preventDefault();
      void this.show(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  }

  private handleMenuKeydown(event: KeyboardEvent) {
    // A grid around the menu must not move focus out of it with the arrows.
    event.stopPropagation();
    const items = this.menuItems;
    const index = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        return this.hide(true);
      case 'Tab':
        // Back to the button, so the browser's Tab moves on from there in the page's order.
        return this.hide(true);
    }
    // Typeahead: the next item (after the focused one, round) whose label starts with the letter typed.
    const letter = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey ? event.key.toLowerCase() : '';
    const match = letter && [...items.slice(index + 1), ...items.slice(0, index + 1)].find((item) => item.textContent!.trim().toLowerCase().startsWith(letter));
    if (match) move(items.indexOf(match));
  }

  private handleItemClick(event: Event) {
    const id = (event.currentTarget as HTMLElement).dataset.id!;
    this.hide(true);
    this.dispatchEvent(new MenuSelectEvent(id));
  }

  private readonly handleOutsidePointerDown = (event: Event) => {
    if (!event.composedPath().includes(this)) this.hide();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-menu-button': MenuButton;
  }
}
