/**
 * Host pages and Roster themes for the browser tests of themes and contrast: every screen is checked
 * on a light and on a dark host page, in the light and in the dark theme. Only `*.test.ts` import this.
 */
import { emulateMedia } from '@web/test-runner-commands';

export type Theme = 'light' | 'dark';

/** A host page's own colours; the dark one has not opted into dark schemes (no `color-scheme`). */
const PAGES = {
  light: { background: '#ffffff', color: '#111111' },
  dark: { background: '#121212', color: '#eeeeee' },
} as const;

/** The text colour of each theme's palette (the defaults in `internal/tokens.ts`), as computed. */
export const THEME_TEXT: Record<Theme, string> = { light: 'rgb(31, 35, 40)', dark: 'rgb(230, 237, 243)' };

/** Paints the host page (the root and body, as a host's own stylesheet would); `colorScheme` when it opts in. */
export function paintHostPage(page: keyof typeof PAGES, colorScheme = '') {
  for (const element of [document.documentElement, document.body]) {
    Object.assign(element.style, PAGES[page], { colorScheme });
  }
}

export function resetHostPage() {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
}

/** For a test that renders a whole screen and checks it (axe, every control): slow on a busy machine. */
export const WHOLE_SCREEN_TIMEOUT = 30_000;

/** Every host page × theme, each with a title for the test's name. */
export const COMBINATIONS = (['light', 'dark'] as const).flatMap((page) =>
  (['light', 'dark'] as const).map((theme) => ({ page, theme, title: `the ${theme} theme on a ${page} host page` })),
);

/** Resets the page and the emulated media after each test of the suite it is called in. */
export function restoreHostPageAfterEach() {
  afterEach(async () => {
    resetHostPage();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });
}

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
