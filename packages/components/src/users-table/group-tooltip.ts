import { html, type ReactiveController, type ReactiveElement } from 'lit';

/**
 * The one tooltip of the table that names the groups of an "N groups" cell: shown on hover and on
 * keyboard focus, hidden when the pointer or focus leaves, and on Escape in the table body without
 * moving focus (WCAG 1.4.13). It lives in the top layer (a popover) so the table's scroll box cannot
 * clip it.
 *
 * Works on the table's markup: a cell's trigger is `.group-count` with the names in `data-names`, and
 * the element renders `render()` once. It listens on the element's shadow root while connected.
 */
export class GroupTooltipController implements ReactiveController {
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.removeEventListener(type, listener);
  }

  /** Hover and keyboard focus show and hide it alike. */
  private listeners(): [string, EventListener][] {
    return [
      ['mouseover', this.handleShow],
      ['focusin', this.handleShow],
      ['mouseout', this.handleHide],
      ['focusout', this.handleHide],
      ['keydown', this.handleKeydown as EventListener],
    ];
  }

  render() {
    return html`<div class="tooltip" part="tooltip" popover="manual" aria-hidden="true"></div>`;
  }

  private get tooltip(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  // The listeners are arrow functions, so they keep `this` as listeners of another object.

  private readonly handleShow = (event: Event) => {
    const trigger = (event.target as Element).closest<HTMLElement>('.group-count');
    const tooltip = this.tooltip;
    if (!trigger || !tooltip) return;
    tooltip.textContent = trigger.dataset.names ?? '';
    const rect = trigger.getBoundingClientRect();
    tooltip.style.top = `${rect.bottom + 4}px`;
    tooltip.style.left = `${rect.left}px`;
    if (!tooltip.matches(':popover-open')) tooltip.showPopover();
  };

  private readonly handleHide = (event: Event) => {
    if ((event.target as Element).closest('.group-count')) this.hide();
  };

  /** Escape in the table body dismisses the tooltip without moving focus. */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && (event.target as Element).closest('tbody')) this.hide();
  };

  private hide() {
    const tooltip = this.tooltip;
    if (tooltip?.matches(':popover-open')) tooltip.hidePopover();
  }
}
