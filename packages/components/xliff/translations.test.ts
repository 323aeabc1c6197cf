/**
 * The translations (`*.xlf`, the source of truth translators edit) against the messages in the
 * elements' code, and the locale modules generated from them (`src/locales/`, committed so that a
 * fresh clone type-checks, tests and runs without a generation step). After changing a message or a
 * translation: `npm run localize` (extract: new messages appear in every `.xlf` without a target;
 * translate them; then build the modules).
 */
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
const output = config.output as RuntimeOutputConfig;

describe('translations', () => {
  const localizer = new RuntimeLitLocalizer({ ...config, output });
  // Reading the elements' code with TypeScript takes a while; every test shares one reading.
  const { messages, errors } = localizer.extractSourceMessages();
  const { translations } = localizer.readTranslationsSync();

  it('reads every message of the elements', () => {
    expect(errors.map((error) => error.messageText)).toEqual([]);
    // A guard against a config that finds no code: the elements say far more than this.
    expect(messages.length).toBeGreaterThan(300);
  });

  it.each(config.targetLocales)('has a translation of every message in %s, and none of a message that is gone', (locale) => {
    const translated = new Set((translations.get(locale) ?? []).map((message) => message.name));
    const untranslated = messages.filter((message) => !translated.has(message.name)).map((message) => message.name);
    expect(untranslated, `untranslated in ${locale}.xlf: run npm run localize and translate them`).toEqual([]);
    const current = new Set(messages.map((message) => message.name));
    expect([...translated].filter((name) => !current.has(name))).toEqual([]);
  });

  it('keeps every placeholder of each message in its translations, and adds none', () => {
    expect(localizer.validateTranslations().errors).toEqual([]);
  });

  describe('the generated locale modules', () => {
    let fresh: string;
    beforeAll(async () => {
      fresh = await mkdtemp(join(tmpdir(), 'roster-locales-'));
      const elsewhere = new RuntimeLitLocalizer({
        ...config,
        output: { ...output, outputDir: fresh, localeCodesModule: join(fresh, 'locale-codes.ts') },
      });
      await elsewhere.build();
    });
    afterAll(() => rm(fresh, { recursive: true, force: true }));

    it('are what lit-localize builds from the translations (never edited by hand)', async () => {
      const committed = config.resolve(output.outputDir);
      const names = (await readdir(fresh)).sort();
      expect((await readdir(committed)).sort()).toEqual(names);
      for (const name of names) {
        const built = await readFile(join(fresh, name), 'utf8');
        expect(await readFile(join(committed, name), 'utf8'), `${name} is stale: run npm run localize`).toBe(built);
      }
    });
  });
});
