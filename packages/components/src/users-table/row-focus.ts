import type { ReactiveController, ReactiveElement } from 'lit';

/** The controls of the grid, in each row in the order of its cells: sort buttons, names, "N groups", actions. */
const CONTROLS = '.sort, .name, .group-count, roster-menu-button';

/** The control that holds the grid's one Tab stop, by person (none: the header row) and cell. */
interface GridPosition {
  userId?: string;
  cell: number;
  /** The row's position among the rows with controls, for when the person's row went away. */
  index: number;
}

/**
 * The table as one Tab stop (the ARIA grid pattern, roving tabindex): Tab enters the grid on the
 * control last used (at first the first person's name), the arrow keys move between rows (Up, Down:
 * to the control in the nearest cell) and between a row's controls (Left, Right), Home and End go to
 * a row's first and last control, with Ctrl the grid's. Enter and Space are the controls' own.
 *
 * The Tab stop follows the person across updates: after each one it is put on the same person's
 * control (the nearest to the cell it was in), else on the row now in that place. When focus was in
 * the grid, it goes there too (the rows are not keyed, so the control that had it may now be another
 * person's, or gone), or to the table itself when no row is left, so it never falls to the page.
 *
 * Works on the table's markup: rows are `tr` (people's rows carry `data-user-id`), the controls match
 * {@link CONTROLS}, the `<table>` takes focus (tabindex=-1). It listens on the element's shadow root.
 */
export class RowFocusController implements ReactiveController {
  private position: GridPosition = { cell: 0, index: 1 };
  /** Focus was in the grid when this update began. */
  private hadFocus = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('keydown', this.handleKeydown as EventListener);
    this.host.renderRoot.addEventListener('focusin', this.handleFocusin);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('keydown', this.handleKeydown as EventListener);
    this.host.renderRoot.removeEventListener('focusin', this.handleFocusin);
  }

  hostUpdate(): void {
    this.hadFocus = Boolean(this.host.shadowRoot?.activeElement?.closest('table'));
  }

  hostUpdated(): void {
    const stop = this.rovingStop();
    // The rows are not keyed: the focused control may now be someone else's, or gone. Focus stays with
    // the person, and never falls to the page.
    if (this.hadFocus && this.host.shadowRoot!.activeElement !== stop) void this.refocus(stop);
  }

  /**
   * Moves focus to a person's row as rendered now: their actions button, else their row's last control.
   * Resolves to false, moving nothing, when the person has no row.
   */
  async focusUser(userId: string): Promise<boolean> {
    const row = this.rows().find((controls) => rowOf(controls[0]!).dataset.userId === userId);
    if (!row) return false;
    this.moveStop(row.at(-1)!);
    await this.refocus(row.at(-1));
    return true;
  }

  /** The controls of each row that has some (the header's sort buttons first). */
  private rows(): HTMLElement[][] {
    const table = this.host.renderRoot.querySelector('table');
    return [...(table?.rows ?? [])].map((row) => [...row.querySelectorAll<HTMLElement>(CONTROLS)]).filter((row) => row.length > 0);
  }

  /** Puts the one Tab stop on the remembered person's control (else the row now in that place) and returns it. */
  private rovingStop(): HTMLElement | undefined {
    const rows = this.rows();
    const { userId, cell, index } = this.position;
    const row = (userId && rows.find((controls) => rowOf(controls[0]!).dataset.userId === userId)) || rows[Math.min(index, rows.length - 1)];
    const stop = row && nearest(row, cell);
    for (const control of rows.flat()) control.tabIndex = control === stop ? 0 : -1;
    return stop;
  }

  private moveStop(control: HTMLElement) {
    const row = rowOf(control);
    this.position = { userId: row.dataset.userId, cell: cellOf(control), index: this.rows().findIndex((controls) => controls.includes(control)) };
    this.rovingStop();
  }

  /** Focuses a control once it is rendered (a new actions button renders after the table), else the table. */
  private async refocus(control: HTMLElement | undefined) {
    if (!control || !rowOf(control).dataset.userId) return this.host.renderRoot.querySelector('table')?.focus();
    await (control as Partial<ReactiveElement>).updateComplete;
    control.focus();
  }

  // The listeners are arrow functions, so they keep `this` as listeners of another object.

  private readonly handleFocusin = (event: Event) => {
    const control = (event.target as Element).closest<HTMLElement>(CONTROLS);
    if (control) this.moveStop(control);
  };

  private readonly handleKeydown = (event: KeyboardEvent) => {
    const control = (event.target as Element).closest<HTMLElement>(CONTROLS);
    if (!control || event.defaultPrevented) return;
    const rows = this.rows();
    const r = rows.findIndex((controls) => controls.includes(control));
    const row = rows[r]!;
    const c = row.indexOf(control);
    const targets: Record<string, HTMLElement | undefined> = {
      ArrowLeft: row[c - 1],
      ArrowRight: row[c + 1],
      ArrowUp: rows[r - 1] && nearest(rows[r - 1]!, cellOf(control)),
      ArrowDown: rows[r + 1] && nearest(rows[r + 1]!, cellOf(control)),
      Home: event.ctrlKey ? rows[0]![0] : row[0],
      End: event.ctrlKey ? rows.at(-1)!.at(-1) : row.at(-1),
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    targets[event.key]?.focus();
  };
}

function rowOf(control: HTMLElement): HTMLTableRowElement {
  return control.closest('tr')!;
}

function cellOf(control: HTMLElement): number {
  return control.closest<HTMLTableCellElement>('td, th')!.cellIndex;
}

/** The row's control in the cell nearest to `cell` (the earlier one on a tie). */
function nearest(row: HTMLElement[], cell: number): HTMLElement {
  return row.reduce((best, control) => (Math.abs(cellOf(control) - cell) < Math.abs(cellOf(best) - cell) ? control : best));
}
