// The test runner (mocha) provides these globals in the browser. The root tsconfig only loads
// Node's types and @types/mocha is not installed, so declare the few the tests use.
/** `this` is mocha's context; `this.timeout(ms)` gives a slow test or hook more time (use `function`, not an arrow). */
type MochaCallback = (this: { timeout(ms: number): void }) => void | Promise<unknown>;

declare global {
  function describe(title: string, suite: () => void): void;
  function it(title: string, test: MochaCallback): void;
  function before(hook: MochaCallback): void;
  function after(hook: MochaCallback): void;
  function beforeEach(hook: MochaCallback): void;
  function afterEach(hook: MochaCallback): void;
}

export {};
