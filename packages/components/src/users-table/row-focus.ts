import type { ReactiveController, ReactiveElement } from 'lit';
import type { MenuButton } from '../internal/menu-button/menu-button.ts';

/** Where keyboard focus was in the rows before they changed, to put it back near there if the change took it away. */
interface FocusedRow {
  userId: string;
  /** The row's position on the page. */
  index: number;
}

/**
 * Keeps keyboard focus in the table's rows when they are rendered again. Before each update it notes
 * the row holding focus; after it, if that focus was lost (its control was taken out of the page),
 * focus goes to the same person's row, else the row now in that place, else the table itself, so it
 * never falls to the page.
 *
 * Works on the table's markup: body rows are `tbody tr[data-user-id]`, a row's actions are a
 * `<roster-menu-button>`, its name cell is `.user-cell`, and the cell and the `<table>` take focus
 * (tabindex=-1).
 */
export class RowFocusController implements ReactiveController {
  /** Where focus was in the rows when this update began. */
  private before?: FocusedRow;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.before = this.focusedRow();
  }

  hostUpdated(): void {
    const before = this.before;
    this.before = undefined;
    if (before && this.focusIsLost()) void this.keepFocusInTable(before);
  }

  /**
   * Moves focus to a person's row as rendered now: their actions button, else their name cell.
   * Resolves to false, moving nothing, when the person has no row.
   */
  async focusUser(userId: string): Promise<boolean> {
    const row = this.rowOf(userId);
    if (!row) return false;
    await this.focusRow(row);
    return true;
  }

  /** The row holding keyboard focus, if focus is in one. */
  private focusedRow(): FocusedRow | undefined {
    const active = this.host.shadowRoot?.activeElement;
    const row = active?.closest<HTMLTableRowElement>('tbody tr[data-user-id]');
    if (!row) return undefined;
    return { userId: row.dataset.userId!, index: this.dataRows().indexOf(row) };
  }

  /** Nothing has focus: the focused control was taken out of the page (not moved elsewhere by the person). */
  private focusIsLost(): boolean {
    const active = document.activeElement;
    return !this.host.shadowRoot?.activeElement && (active === null || active === document.body);
  }

  /**
   * Focus was in a row that changed or went away: the same person's row, else the row now in that
   * place (the next one, or the last), else the table itself takes it.
   */
  private async keepFocusInTable(before: FocusedRow) {
    const rows = this.dataRows();
    const row = this.rowOf(before.userId) ?? rows[Math.min(before.index, rows.length - 1)];
    if (row) await this.focusRow(row, () => this.focusIsLost());
    else this.host.renderRoot.querySelector<HTMLElement>('table')?.focus();
  }

  /** A row's actions button, or its name cell when it has no actions; `stillWanted` is checked once the button is ready. */
  private async focusRow(row: HTMLTableRowElement, stillWanted: () => boolean = () => true) {
    const menu = row.querySelector<MenuButton>('roster-menu-button');
    if (menu) await menu.updateComplete;
    if (!stillWanted()) return;
    if (menu) menu.focus();
    else row.querySelector<HTMLElement>('.user-cell')?.focus();
  }

  private dataRows(): HTMLTableRowElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLTableRowElement>('tbody tr[data-user-id]')];
  }

  private rowOf(userId: string): HTMLTableRowElement | undefined {
    return this.dataRows().find((row) => row.dataset.userId === userId);
  }
}
