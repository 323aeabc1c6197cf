import { html, type ReactiveController, type ReactiveElement } from 'lit';

/**
 * The one tooltip of the table that names the groups of an "N groups" cell: shown on hover and on
 * keyboard focus; hidden when the pointer leaves the cell, when focus moves anywhere (a dialog opening
 * takes it), on Escape without moving focus (WCAG 1.4.13), and when the table renders rows that change
 * what it names: its cell went, names other groups or moved. It is fixed to the viewport (the table's scroll box cannot
 * clip it) but not in the top layer, so an open dialog covers it, and clicks go through it.
 *
 * Works on the table's markup: a cell's trigger is `.group-count` with the names in `data-names`, and
 * the element renders `render()` once. It listens on the element's shadow root while connected.
 */
export class GroupTooltipController implements ReactiveController {
  /** The cell the tooltip is shown for, and its names and place then. */
  private shown?: { trigger: HTMLElement; key: string };

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.removeEventListener(type, listener);
  }

  /** The rows may have changed under the pointer: the names must still be those of the cell there. */
  hostUpdated(): void {
    const shown = this.shown;
    if (shown && (!shown.trigger.isConnected || keyOf(shown.trigger) !== shown.key)) this.hide();
  }

  /** Hover and keyboard focus show and hide it alike. */
  private listeners(): [string, EventListener][] {
    return [
      ['mouseover', this.handleShow],
      ['focusin', this.handleShow],
      ['mouseout', this.handleMouseout],
      ['focusout', this.hide],
      ['keydown', this.handleKeydown as EventListener],
    ];
  }

  render() {
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>`;
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
    tooltip.hidden = false;
    this.shown = { trigger, key: keyOf(trigger) };
  };

  private readonly handleMouseout = (event: Event) => {
    if ((event.target as Element).closest('.group-count')) this.hide();
  };

  /** Escape dismisses the tooltip without moving focus. */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.hide();
  };

  private readonly hide = () => {
    const tooltip = this.tooltip;
    if (tooltip) tooltip.hidden = true;
    this.shown = undefined;
  };
}

/** What a cell's tooltip shows, and where. */
function keyOf(trigger: HTMLElement): string {
  const rect = trigger.getBoundingClientRect();
  return `${trigger.dataset.names} ${rect.left} ${rect.bottom}`;
}
