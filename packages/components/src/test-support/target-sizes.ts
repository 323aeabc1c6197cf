/**
 * WCAG 2.2 2.5.8 (target size, minimum): every control a pointer can hit is at least 24 × 24 CSS px,
 * or spaced so that a 24 px circle on it meets no other target.
 * Only `*.test.ts` import this.
 */

const CONTROLS = 'button, a[href], input, select, textarea, summary, [role="button"], [role="menuitem"], [role="tab"]';
const MINIMUM = 24;

/** Every control in `root`, in its shadow root and in the shadow roots below them. */
function controlsIn(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (scope: ParentNode) => {
    for (const element of scope.querySelectorAll<HTMLElement>('*')) {
      if (element.matches(CONTROLS)) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/**
 * The box a pointer hits: a checkbox or radio inside its `<label>` is hit anywhere on the label
 * (clicking it toggles the box), so the label is its target.
 */
function targetOf(control: HTMLElement): Element {
  const input = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  return (input && control.closest('label')) || control;
}

/** Shown to a pointer: laid out with a box, not hidden for screen readers only. */
function shown(control: HTMLElement): boolean {
  const box = control.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && control.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}

/** Distance from a point to the nearest point of a box (0 inside it). */
function distanceToBox(x: number, y: number, box: DOMRect): number {
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * Each shown control below `root` that fails 2.5.8, described (`button "Add users" 80×20`): smaller
 * than 24 × 24 and without the rule's spacing exception — a 24 px circle centred on it must not meet
 * another target, nor the circle of another undersized one. (Labels are not counted as other
 * targets: each toggles its own control, so it is part of that control's target.)
 */
export function undersizedTargets(root: ParentNode): string[] {
  const targets = controlsIn(root)
    .filter(shown)
    .map((control) => {
      const box = targetOf(control).getBoundingClientRect();
      return { control, box, small: box.width < MINIMUM || box.height < MINIMUM };
    });
  const centre = (box: DOMRect) => [box.left + box.width / 2, box.top + box.height / 2] as const;
  return targets
    .filter(({ small }) => small)
    .filter((target) => {
      const [x, y] = centre(target.box);
      return targets.some((other) => {
        if (other === target) return false;
        if (distanceToBox(x, y, other.box) < MINIMUM / 2) return true;
        const [ox, oy] = centre(other.box);
        return other.small && Math.hypot(x - ox, y - oy) < MINIMUM;
      });
    })
    .map(({ control, box }) => {
      const name = control.getAttribute('aria-label') ?? control.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40);
      const type = control.getAttribute('type');
      return `${control.localName}${type ? `[type=${type}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`;
    });
}

/** How many shown controls there are below `root` (so a test knows it measured something). */
export const shownControlCount = (root: ParentNode) => controlsIn(root).filter(shown).length;
