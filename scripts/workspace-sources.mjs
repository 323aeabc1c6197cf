// Inside this repository the packages run from their TypeScript sources, not from the dist/ they
// publish: tsconfig.json's `paths` map each `@roster/…` import to its source file (tsc, tsx and
// esbuild read them), and the test runners, which do not, take the same map from here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfig = join(root, 'tsconfig.json');
// TypeScript's own reader: tsconfig.json has comments.
const { paths } = ts.parseConfigFileTextToJson(tsconfig, readFileSync(tsconfig, 'utf8')).config.compilerOptions;

/** `@roster/shared` → the absolute path of `packages/shared/src/index.ts`, and so on. */
export const workspaceSources = Object.fromEntries(Object.entries(paths).map(([specifier, [file]]) => [specifier, join(root, file)]));
