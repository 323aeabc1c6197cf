import { LOCALE_STATUS_EVENT, type LocaleStatusEventDetail } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from '../locales/locale-codes.ts';

/**
 * The language the elements speak. @lit/localize keeps one language for the page, so the choice is
 * made here, once, from three wishes, the first present winning:
 *   1. a `locale` set on `<roster-provider>` or on an element used on its own (the host decides);
 *   2. the page's own language, `<html lang>` (followed when it changes);
 *   3. the signed-in person's display language (`me.user.locale`, chosen in `<user-profile>`).
 * A wish is a BCP 47 tag; `fr-CA` is served French. A language Roster does not speak passes the turn
 * to the next wish, and with none left the elements speak English. English is in the source: the
 * runtime and the other languages (`translations.ts`) load the first time one is chosen.
 */
let activeLocale: string = sourceLocale;
let translations: Promise<typeof import('./translations.ts')> | undefined;
/** The last choice, settled once its language is loaded (or failed to). */

/** The language the elements speak now (the one whose messages are loaded). */
export function getLocale(): string {
  return activeLocale;
}

window.addEventListener(LOCALE_STATUS_EVENT, ({ detail }: CustomEvent<LocaleStatusEventDetail>) => {
  if (detail.status === 'ready') activeLocale = detail.readyLocale;
});

/** The language Roster speaks for a wish: its own tag, its primary language's, or undefined. */
function spoken(wish: string | null | undefined): string | undefined {
  const tag = wish?.trim().toLowerCase();
  if (!tag) return undefined;
  const primary = tag.split(/[-_]/)[0];
  return primary === sourceLocale || (targetLocales as readonly string[]).includes(primary) ? primary : undefined;
}

/** The elements' `locale` wishes, the latest set last (they normally agree: one host, one choice). */
const elementWishes = new Map<object, string>();
let personWish: string | undefined;

function choose() {
  const wishes = [[...elementWishes.values()].at(-1), document.documentElement.lang, personWish];
  const locale = wishes.map(spoken).find(Boolean) ?? sourceLocale;
  if (locale === sourceLocale && !translations) return;
  // A failed load (offline) keeps the language shown; the next wish tries again.
  void (translations ??= import('./translations.ts')).then(({ setLocale }) => setLocale(locale)).catch(() => (translations = undefined));
}

/** The signed-in person's display language (undefined when nobody is known). */
export function usePersonLocale(locale: string | undefined) {
  if (locale === personWish) return;
  personWish = locale;
  choose();
}

/** An element whose `locale` the host may set: it wishes that language while connected. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
}

/**
 * Passes its element's `locale` on, and marks the element with the language its content is in
 * (`lang`), so a French screen on an English page is read out in French.
 */
export class LocaleController implements ReactiveController {
  private wished?: string;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener(LOCALE_STATUS_EVENT, this.markLanguage);
    this.markLanguage();
    this.hostUpdate();
  }

  hostUpdate() {
    const wish = this.host.locale || undefined;
    if (wish === this.wished) return;
    this.wished = wish;
    // Deleted first, so a changed wish becomes the latest.
    elementWishes.delete(this.host);
    if (wish) elementWishes.set(this.host, wish);
    choose();
  }

  hostDisconnected() {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.markLanguage);
    if (elementWishes.delete(this.host)) choose();
    this.wished = undefined;
  }

  private readonly markLanguage = () => {
    const locale = getLocale();
    if (locale === document.documentElement.lang) this.host.removeAttribute('lang');
    else this.host.lang = locale;
  };
}

new MutationObserver(choose).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
choose();
