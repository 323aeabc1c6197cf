// The test runner (mocha) provides these globals in the browser. The root tsconfig only loads
// Node's types and @types/mocha is not installed, so declare the few the tests use.
type MochaCallback = () => void | Promise<unknown>;

declare global {
  function describe(title: string, suite: () => void): void;
  function it(title: string, test: MochaCallback): void;
  function before(hook: MochaCallback): void;
  function after(hook: MochaCallback): void;
  function beforeEach(hook: MochaCallback): void;
  function afterEach(hook: MochaCallback): void;
}

export {};
