import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where the table is in a keyset-paged list: the cursor of the page shown and those of the pages
 * before it, so Previous goes back the way Next came (a keyset cursor only points forwards). Changing
 * page asks the table to render again, which loads that page; when the list itself changes (`listKey`:
 * search, filters, sort, page size, account) it starts again at the first page.
 *
 * Register it before the task that loads the page, so the task reads the cursor after a reset.
 */
export class KeysetPagingController implements ReactiveController {
  /** The cursor of the page shown; undefined for the first page. */
  private current?: string;
  /** The cursors of the pages before this one, nearest last. */
  private earlier: (string | undefined)[] = [];
  /** The list the cursors belong to. */
  private listKey?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Everything that defines the list apart from the page. */
    private readonly currentListKey: () => string,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.currentListKey();
    if (key === this.listKey) return;
    this.listKey = key;
    this.current = undefined;
    this.earlier = [];
  }

  get cursor(): string | undefined {
    return this.current;
  }

  /** How many pages come before this one (the rows before it are that times the page size). */
  get pagesBefore(): number {
    return this.earlier.length;
  }

  get hasPrevious(): boolean {
    return this.earlier.length > 0;
  }

  /** On to the page that `nextCursor` (from the page shown) starts. */
  next(nextCursor: string): void {
    this.earlier = [...this.earlier, this.current];
    this.current = nextCursor;
    this.host.requestUpdate();
  }

  /** Back to the page before this one, if there is one. */
  previous(): void {
    if (this.earlier.length === 0) return;
    this.current = this.earlier.at(-1);
    this.earlier = this.earlier.slice(0, -1);
    this.host.requestUpdate();
  }
}
