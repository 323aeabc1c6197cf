// `npm run build`: the browser bundles.
//   packages/components/src/index.ts      → packages/components/dist/roster.js (the Users screen's elements)
//   the dialogs                           → packages/components/dist/{add-users,remove-user,edit-user,block-user}-dialog.js
//   the person's page                     → packages/components/dist/user-details.js
//                                           (fetched by <users-settings> when first opened)
//   the member view                       → packages/components/dist/member-view.js (likewise, for non-administrators)
//   <account-switcher>                    → packages/components/dist/account-switcher.js (a host loads it where it places one)
//   packages/components/src/invitation.ts → packages/components/dist/invitation.js (the invitee's element)
//   the profile                           → packages/components/dist/user-profile.js (<user-profile>, the person's own page)
//   code they share (Lit, the API client) → packages/components/dist/chunk-<hash>.js
//   demo/main.ts                          → demo/dist/main.js (the demo page's host code)
//   demo/invite.ts                        → demo/dist/invite.js (the invitation page's host code)
//   demo/react/, demo/vue/                → demo/dist/react/, demo/dist/vue/ (the demo's React and Vue apps, built
//                                           by Vite; they load roster.js from /assets/ like any host page)
import { build, transform } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Server-only code that must never reach the browser. */
const SERVER_ONLY = [/node_modules\/kysely\//, /node_modules\/pg\//, /node_modules\/pg-/, /@hono\/zod-openapi/, /@electric-sql\//, /packages\/bff\/src\/(?!client\.ts)/];

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  // The root tsconfig carries experimentalDecorators + useDefineForClassFields: false for Lit.
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
};

/**
 * esbuild minifies JavaScript but leaves template literals alone: the CSS of the elements' `css\`…\``
 * styles (none of which interpolate) is minified here with esbuild's own CSS minifier.
 */
const minifyElementStyles = {
  name: 'minify-element-styles',
  setup(build) {
    build.onLoad({ filter: /packages\/components\/src\/.*(\.styles|tokens)\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let contents = '';
      let last = 0;
      for (const match of source.matchAll(/css`([^`$]*)`/g)) {
        // utf8 keeps characters like ▾ as they are; backslashes are escaped for the template literal.
        const { code } = await transform(match[1], { loader: 'css', minify: true, charset: 'utf8' });
        contents += `${source.slice(last, match.index)}css\`${code.trim().replaceAll('\\', '\\\\')}\``;
        last = match.index + match[0].length;
      }
      return { contents: contents + source.slice(last), loader: 'ts' };
    });
  },
};

/**
 * Hono's client serializes a request's `cookie` option with its cookie utilities (1.5 KB), but a
 * browser forbids scripts to set the Cookie header, so in the bundles that path can only fail: it is
 * replaced by one that says so, and the utilities stay out of the first load.
 */
const noCookieSerializer = {
  name: 'no-cookie-serializer',
  setup(build) {
    build.onResolve({ filter: /\/utils\/cookie\.js$/, namespace: 'file' }, ({ importer }) =>
      /node_modules\/hono\/dist\/client\//.test(importer) ? { path: 'hono-client-cookie', namespace: 'roster-stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'roster-stub' }, () => ({
      contents: "export function serialize() { throw new Error('Browsers do not let scripts set cookies on requests'); }",
      loader: 'js',
    }));
  },
};

/**
 * @lit/localize's index also re-exports its runtime (`configureLocalization`), which only
 * `internal/translations.ts` uses, loaded when a page first needs a language other than English. Through
 * the index, esbuild would count the runtime as reached by every entry and put it in roster.js's first
 * load, so the elements' imports of the index get the index without it.
 */
const localizeWithoutRuntime = {
  name: 'localize-without-runtime',
  setup(build) {
    build.onResolve({ filter: /^@lit\/localize$/ }, ({ importer }) =>
      // The generated locale modules only take `str`, from the runtime that loads them: so they share
      // with the first load only what the runtime does (one small chunk, not a second one).
      /packages\/components\/src\/locales\//.test(importer)
        ? { path: join(root, 'packages/components/src/internal/translations.ts') }
        : { path: 'lit-localize', namespace: 'roster-localize' },
    );
    build.onLoad({ filter: /.*/, namespace: 'roster-localize' }, () => ({
      contents: [
        "export * from '@lit/localize/internal/locale-status-event.js';",
        "export * from '@lit/localize/internal/str-tag.js';",
        "export { msg } from '@lit/localize/init/install.js';",
        "export * from '@lit/localize/internal/localized-controller.js';",
        "export * from '@lit/localize/internal/localized-decorator.js';",
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

// Chunk names carry a hash: without this, every rebuild would leave the last one's chunks behind, and
// `npm pack` would ship them (build:packages writes dist/types after this).
await rm(join(root, 'packages/components/dist'), { recursive: true, force: true });

const components = await build({
  ...common,
  entryPoints: {
    roster: join(root, 'packages/components/src/index.ts'),
    'add-users-dialog': join(root, 'packages/components/src/add-users-dialog/add-users-dialog.ts'),
    'remove-user-dialog': join(root, 'packages/components/src/remove-user-dialog/remove-user-dialog.ts'),
    'edit-user-dialog': join(root, 'packages/components/src/edit-user-dialog/edit-user-dialog.ts'),
    'block-user-dialog': join(root, 'packages/components/src/block-user-dialog/block-user-dialog.ts'),
    // The person's page: <user-details> and the <user-details-dialog> that <users-settings> opens it in.
    'user-details': join(root, 'packages/components/src/user-details/user-details-dialog.ts'),
    'member-view': join(root, 'packages/components/src/member-view/member-view.ts'),
    'account-switcher': join(root, 'packages/components/src/account-switcher/account-switcher.ts'),
    invitation: join(root, 'packages/components/src/invitation.ts'),
    'user-profile': join(root, 'packages/components/src/user-profile/user-profile.ts'),
  },
  outdir: join(root, 'packages/components/dist'),
  splitting: true,
  plugins: [minifyElementStyles, noCookieSerializer, localizeWithoutRuntime],
});

const leaked = Object.keys(components.metafile.inputs).filter((input) => SERVER_ONLY.some((pattern) => pattern.test(input)));
if (leaked.length > 0) {
  console.error(`The element bundles must not contain server code, but they include:\n  ${leaked.join('\n  ')}`);
  process.exit(1);
}

// zod is allowed but costs ~90 KiB gzipped; the elements take runtime values from @roster/shared/values.
if (Object.keys(components.metafile.inputs).some((input) => input.includes('node_modules/zod/'))) {
  console.warn('Note: the element bundles include zod. Import runtime values from @roster/shared/values and only types from @roster/shared.');
}

await build({
  ...common,
  entryPoints: [join(root, 'demo/main.ts'), join(root, 'demo/invite.ts')],
  outdir: join(root, 'demo/dist'),
});

// The framework apps: their own code only (Roster's bundles are the ones above, loaded at run time).
for (const app of ['react', 'vue']) await viteBuild({ configFile: join(root, `demo/${app}/vite.config.ts`) });

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzipped = async (file) => gzipSync(await readFile(join(root, file))).length;

/** What a page that loads `entry` downloads before anything shows: it and the chunks it imports statically. */
function firstLoad(metafile, entry) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of metafile.outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  return [...files];
}

/** The Users screen's first load must stay light (gzipped bytes); the build fails past it. */
const SCREEN_BUDGET = 25_000;

for (const name of ['roster', 'add-users-dialog', 'remove-user-dialog', 'edit-user-dialog', 'block-user-dialog', 'user-details', 'member-view', 'account-switcher', 'invitation', 'user-profile']) {
  const files = firstLoad(components.metafile, `packages/components/dist/${name}.js`);
  const total = (await Promise.all(files.map(gzipped))).reduce((a, b) => a + b, 0);
  console.log(`${name}.js with the chunks it imports: ${kib(total)} gzipped`);
  if (name === 'roster' && total > SCREEN_BUDGET) {
    console.error(`roster.js's first load is ${total} bytes gzipped, over the budget of ${SCREEN_BUDGET}.`);
    process.exit(1);
  }
}
for (const file of ['demo/dist/main.js', 'demo/dist/invite.js']) {
  console.log(`${file}: ${kib(await gzipped(file))} gzipped`);
}
