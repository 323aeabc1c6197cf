import { msg, str } from '@lit/localize';
import type { MembershipState } from '@roster/shared';
import { MEMBERSHIP_STATES } from '@roster/shared/values';
import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { stateLabel } from './labels.ts';

/**
 * The toolbar's state filter: a disclosure ("States: 4 of 6") with a checkbox per membership state.
 * Like any popup it closes on Escape, giving focus back to its button, and on a click anywhere else.
 */
export class StateFilterController implements ReactiveController {
  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {
      /** The states shown now (never none). */
      selected: () => MembershipState[];
      /** The person ticked or unticked a state; called with the new selection, in the usual order of states. */
      onChange: (states: MembershipState[]) => void;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.handleOutsidePointerDown);
  }

  render() {
    const selected = this.options.selected();
    return html`<details part="state-filter" class="state-filter" @toggle=${this.handleToggle} @keydown=${this.handleKeydown}>
      <summary class="button">
        ${msg(str`States: ${selected.length} of ${MEMBERSHIP_STATES.length}`)}
      </summary>
      <fieldset class="popover">
        <legend class="visually-hidden">${msg('Show users in these states')}</legend>
        ${MEMBERSHIP_STATES.map((s) => {
          const checked = selected.includes(s);
          // At least one state stays selected: an empty filter would mean nothing to show.
          return html`<label class="check">
            <input type="checkbox" value=${s} .checked=${checked} ?disabled=${checked && selected.length === 1} @change=${this.handleChange} />
            ${stateLabel(s)}
          </label>`;
        })}
      </fieldset>
    </details>`;
  }

  private get details(): HTMLDetailsElement | null {
    return this.host.renderRoot.querySelector<HTMLDetailsElement>('details.state-filter');
  }

  // The listeners are arrow functions: Lit would call methods with the table as `this`.

  private readonly handleChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const selected = new Set(this.options.selected());
    if (input.checked) selected.add(input.value as MembershipState);
    else selected.delete(input.value as MembershipState);
    this.options.onChange(MEMBERSHIP_STATES.filter((s) => selected.has(s)));
  };

  private readonly handleToggle = () => {
    if (this.details?.open) document.addEventListener('pointerdown', this.handleOutsidePointerDown);
    else document.removeEventListener('pointerdown', this.handleOutsidePointerDown);
  };

  /** Escape closes the filter and gives focus back to its button. */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    const details = this.details;
    if (event.key !== 'Escape' || !details?.open) return;
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  /** A click anywhere else closes the filter, like any popup. */
  private readonly handleOutsidePointerDown = (event: PointerEvent) => {
    const details = this.details;
    if (details && !event.composedPath().includes(details)) details.open = false;
  };
}
