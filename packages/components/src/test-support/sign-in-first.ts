/** One way for a browser test file to start signed in, so no file writes its own sign-in hook. */
import { accountOf, type TestApi } from './test-api.ts';

/**
 * Before the tests of the suite it is called in, signs in as `email` on the file's BFF and hands `use`
 * the id of their account named `accountName` (keep it in a `let` for the tests).
 */
export function signInFirst(api: TestApi, email: string, accountName: string, use: (accountId: string) => void) {
  before(async function () {
    // The first API request of a file can make its database, which takes a while on a small machine.
    this.timeout(30_000);
    use(accountOf(await api.signIn(email), accountName));
  });
}
