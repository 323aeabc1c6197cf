import { css } from 'lit';

/**
 * The `theme` attribute (`light` | `dark` | `auto`) of every Roster element and of `<roster-provider>`:
 * it sets `--roster-color-scheme` on the element, so it wins over a value set on the page and, being
 * inherited, reaches every Roster element inside (the provider's children, an element's own parts).
 * Unset (or another value), the element follows `--roster-color-scheme`, else the page's `color-scheme`.
 */
export const themeAttribute = css`
  :host([theme='light']) {
    --roster-color-scheme: light;
  }
  :host([theme='dark']) {
    --roster-color-scheme: dark;
  }
  :host([theme='auto']) {
    --roster-color-scheme: light dark;
  }
`;

/**
 * Design tokens shared by every Roster element.
 *
 * Hosts theme the elements with the public `--roster-*` custom properties (set them on any ancestor).
 * Each element resolves them once on `:host` into private `--_*` names, so the defaults live in one
 * place and a host value always wins over the default.
 *
 * Colours use `light-dark()`, so they follow the element's `color-scheme`, which it inherits from the
 * host page: a page that declares `color-scheme: light dark` gets the dark palette when the viewer
 * `prefers-color-scheme: dark`, and a light-only page keeps light elements. `--roster-color-scheme:
 * light | dark | light dark` (or the `theme` attribute, above) overrides it.
 * Every element paints its own surface, so its text keeps its contrast on any host page: a dark
 * page that did not opt into dark schemes still gets light elements that are readable, and dark
 * elements on a light page are too. A host that wants its own background through sets
 * `--roster-color-surface` (then the contrast of `--roster-color-text` on it is the host's to keep).
 * The font is inherited from the host unless `--roster-font-family` is set.
 */
export const tokens = [
  themeAttribute,
  css`
    :host {
      /* Unset token → the declaration is dropped and the host's color-scheme is inherited. */
      color-scheme: var(--roster-color-scheme);

      --_text: var(--roster-color-text, light-dark(#1f2328, #e6edf3));
      --_text-muted: var(--roster-color-text-muted, light-dark(#59636e, #9198a1));
      --_surface: var(--roster-color-surface, light-dark(#ffffff, #0d1117));
      --_surface-raised: var(--roster-color-surface-raised, light-dark(#f6f8fa, #151b23));
      --_border: var(--roster-color-border, light-dark(#d1d9e0, #3d444d));
      --_accent: var(--roster-color-accent, light-dark(#0969da, #4493f8));
      --_on-accent: var(--roster-color-on-accent, light-dark(#ffffff, #0d1117));
      --_focus: var(--roster-color-focus, light-dark(#0969da, #4493f8));
      --_danger: var(--roster-color-danger, light-dark(#cf222e, #f85149));
      --_success: var(--roster-color-success, light-dark(#1a7f37, #3fb950));
      --_warning: var(--roster-color-warning, light-dark(#9a6700, #d29922));
      --_skeleton: var(--roster-color-skeleton, light-dark(#e6eaef, #262c36));
      --_shadow: var(--roster-shadow, 0 8px 24px rgb(0 0 0 / 0.2));

      --_radius: var(--roster-radius, 6px);
      --_space: var(--roster-spacing, 0.5rem);
      --_font-size: var(--roster-font-size, 0.875rem);

      /* No fallback on purpose: when the token is unset the declaration is dropped and the host's font
         is inherited. */
      font-family: var(--roster-font-family);
      font-size: var(--_font-size);
      line-height: 1.45;
      color: var(--_text);
      background: var(--_surface);
    }
  `,
];
