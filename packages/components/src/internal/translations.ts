// Straight from its module: through the package's index, esbuild would put the runtime in the first load.
import { configureLocalization } from '@lit/localize/init/runtime.js';
// What the locale modules import from @lit/localize, when bundled (see scripts/build.mjs).
export { str } from '@lit/localize/internal/str-tag.js';

/**
 * @lit/localize's runtime and the languages' messages (`locales/`, generated from the XLIFF files).
 * `locale.ts` imports this module the first time the page needs a language other than English, so an
 * English page loads neither; each language's messages load when first chosen.
 */
const LOADERS = {
  de: () => import('../locales/de.ts'),
  es: () => import('../locales/es.ts'),
  fr: () => import('../locales/fr.ts'),
};

// The codes are written out rather than imported from `locale-codes.ts`: shared with the first load,
// that module would become a chunk of its own there. `locale.ts` only asks for these languages.
export const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: Object.keys(LOADERS),
  loadLocale: (locale) => LOADERS[locale as keyof typeof LOADERS](),
});
