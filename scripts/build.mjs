// `npm run build`: the browser bundles.
//   packages/components/src/index.ts → packages/components/dist/roster.js (the elements)
//   demo/main.ts                     → demo/dist/main.js (the demo page's host code)
//   demo/invite.ts                   → demo/dist/invite.js (the invitation page's host code)
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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

const components = await build({
  ...common,
  entryPoints: [join(root, 'packages/components/src/index.ts')],
  outfile: join(root, 'packages/components/dist/roster.js'),
});

const leaked = Object.keys(components.metafile.inputs).filter((input) => SERVER_ONLY.some((pattern) => pattern.test(input)));
if (leaked.length > 0) {
  console.error(`roster.js must not contain server code, but it includes:\n  ${leaked.join('\n  ')}`);
  process.exit(1);
}

// zod is allowed but costs ~90 KiB gzipped; the elements take runtime values from @roster/shared/values.
if (Object.keys(components.metafile.inputs).some((input) => input.includes('node_modules/zod/'))) {
  console.warn('Note: roster.js includes zod. Import runtime values from @roster/shared/values and only types from @roster/shared.');
}

await build({
  ...common,
  entryPoints: [join(root, 'demo/main.ts'), join(root, 'demo/invite.ts')],
  outdir: join(root, 'demo/dist'),
});

for (const file of ['packages/components/dist/roster.js', 'demo/dist/main.js', 'demo/dist/invite.js']) {
  const code = await readFile(join(root, file));
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`${file}: ${kib(code.length)} (${kib(gzipSync(code).length)} gzipped)`);
}
