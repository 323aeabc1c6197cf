/** What the narrow-layout browser tests share: the widths they check, and whether the page scrolls sideways. */
import { nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

/** A small phone, a phone, a tablet, a desktop. */
export const WIDTHS = [320, 375, 768, 1440] as const;

/** How far the page scrolls sideways: 0 when it does not. */
export const pageOverflow = () => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth;

/** Sets the viewport to each of {@link WIDTHS} in turn (`height` high) and runs `check` there once laid out. */
export async function atEveryWidth(check: (width: number) => void | Promise<void>, height = 800): Promise<void> {
  for (const width of WIDTHS) {
    await setViewport({ width, height });
    await nextFrame();
    await check(width);
  }
}
