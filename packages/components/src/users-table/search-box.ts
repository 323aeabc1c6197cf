import type { ReactiveController, ReactiveControllerHost } from 'lit';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search box's text while it is typed: it becomes the table's search (`commit`) after a pause in
 * typing, or at once on Enter, and only when it says something new. The box shows `draft`.
 */
export class SearchBoxController implements ReactiveController {
  /** What the search box shows. */
  draft = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The search the table applies now. */
      applied: () => string;
      /** The person's new search, trimmed. */
      commit: (q: string) => void;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The host (or a committed search) changed the search: show it, unless the box already says the same. */
  show(q: string): void {
    if (q === this.draft.trim()) return;
    this.draft = q;
    this.host.requestUpdate();
  }

  // The listeners are arrow functions: Lit would call methods with the table as `this`.

  readonly handleInput = (event: Event) => {
    this.draft = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.commit(), SEARCH_DEBOUNCE_MS);
  };

  /** Enter searches at once instead of waiting for the pause. */
  readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') this.commit();
  };

  private commit() {
    clearTimeout(this.timer);
    const q = this.draft.trim();
    if (q !== this.options.applied()) this.options.commit(q);
  }
}
