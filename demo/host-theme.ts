/**
 * The demo's host-theme switch: the host page's own look, chosen from the `<select>` at the top and
 * remembered in this browser. A theme is a `data-host-theme` on the root element; its CSS (the page's
 * colours, font and color-scheme, and Roster's --roster-* tokens) is in demo.css. Roster's elements
 * need nothing else: they follow the page's color-scheme and the tokens.
 */
const STORAGE_KEY = 'roster-demo-host-theme';
const THEMES = ['', 'corporate', 'midnight'];

function apply(theme: string) {
  if (theme) document.documentElement.dataset.hostTheme = theme;
  else delete document.documentElement.dataset.hostTheme;
}

export function startHostThemeSwitch(select: HTMLSelectElement) {
  let saved = '';
  try {
    saved = localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    // Storage can be refused (private modes): the switch still works for this visit.
  }
  // `?host-theme=midnight` chooses one too (the screenshots of the README use it).
  const asked = new URLSearchParams(location.search).get('host-theme') ?? saved;
  const theme = THEMES.includes(asked) ? asked : '';
  select.value = theme;
  apply(theme);
  select.addEventListener('change', () => {
    apply(select.value);
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      // As above: not remembered, still applied.
    }
  });
}
