// `npm run manifest`: the Custom Elements Manifest of the elements (custom-elements.json, shipped in
// the package and named by its `customElements` field; generated, not committed), read from the
// elements' JSDoc (@attr, @prop, @fires, @slot, @csspart, @cssprop) and their Lit properties. Classes
// marked `@internal` (parts of other elements) are left out. scripts/element-reference.mjs writes the
// README's element reference from it.

/** Elements that are parts of others (`@internal` on the class) stay out of the manifest. */
const internal = new Set();
const internalElements = {
  name: 'roster-internal-elements',
  analyzePhase({ ts, node, moduleDoc }) {
    if (ts.isClassDeclaration(node) && node.name && ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal')) {
      internal.add(`${moduleDoc.path}#${node.name.text}`);
    }
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      const kept = (name) => !internal.has(`${module.path}#${name}`);
      module.declarations = module.declarations?.filter((declaration) => kept(declaration.name));
      module.exports = module.exports?.filter((entry) => kept(entry.declaration?.name));
    }
  },
};

/**
 * The elements' JSDoc writes `@fires name - {EventClass} what it means`: the class goes to the
 * event's `type`. The events the analyzer finds in `dispatchEvent(new X(…))` calls carry no name
 * (the name is the class's `eventName`, or the analyzer takes an argument for it), so only the
 * documented ones are kept.
 */
const eventTypes = {
  name: 'roster-event-types',
  packageLinkPhase({ customElementsManifest }) {
    for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
      if (!declaration.events) continue;
      declaration.events = declaration.events.filter((event) => event.name && event.description);
      for (const event of declaration.events) {
        const typed = /^\{(\w+)\}\s*/.exec(event.description ?? '');
        if (!typed) continue;
        event.type = { text: typed[1] };
        event.description = event.description.slice(typed[0].length);
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.test-support.ts', 'src/test-support/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // The `customElements` field is written once in package.json, not by each run.
  packagejson: false,
  plugins: [internalElements, eventTypes],
};
