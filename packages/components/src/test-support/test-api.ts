/**
 * A browser test file's own BFF. web-test-runner.config.ts mounts one BFF per name at `/t/<name>/api`,
 * each over its own freshly seeded demo database, so a file sees only what it did itself. Not part of
 * any bundle: only `*.test.ts` import this folder.
 */
import type { Me, UserListPage } from '@roster/shared';

export const DEMO_PASSWORD = 'Roster!demo1';

export interface TestApi {
  /** Where this file's BFF is mounted: the elements' `api-base`. */
  readonly base: string;
  /** A request to this file's BFF; `path` starts after the base (`/accounts/…`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown): Promise<Response>;
  /** Signs in (the session cookie is set) with the demo password unless another is given. */
  signIn(email: string, password?: string): Promise<Me>;
  signOut(): Promise<void>;
  /** A users page straight from the API, to check the table against. */
  fetchUsers(accountId: string, query?: Record<string, string>): Promise<UserListPage>;
  /** The link token of a seeded expired invitation (only the server's secret can make one). */
  expiredInvitationToken(): Promise<string>;
  /** The token the invitation email carries, for the invitation an administrator's copied `token` names. */
  emailedInvitationToken(token: string): Promise<string>;
  /** Makes the person an ordinary member of `count` new accounts, "Team 001"… (test-only, straight SQL). */
  joinManyAccounts(email: string, count: number): Promise<string[]>;
}

/** The name of a test file's BFF: `users-table` for the path `…/users-table.test.ts`. */
export function bffNameOf(testFilePath: string): string {
  return testFilePath.split('/').at(-1)!.replace(/\.test\.ts$/, '');
}

/**
 * The BFF of the test file at `moduleUrl` (pass `import.meta.url`): named after the file, so no two
 * files share one.
 */
export function testApi(moduleUrl: string): TestApi {
  const root = `/t/${bffNameOf(new URL(moduleUrl).pathname)}`;
  const base = `${root}/api`;
  const request = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
  const postJson = (path: string, body: unknown) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    base,
    fetch: request,
    postJson,
    async signIn(email, password = DEMO_PASSWORD) {
      const response = await postJson('/session', { email, password });
      if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Me;
    },
    async signOut() {
      const response = await request('/session', { method: 'DELETE' });
      if (!response.ok) throw new Error(`Signing out failed: ${response.status}`);
    },
    async fetchUsers(accountId, query = {}) {
      const response = await request(`/accounts/${accountId}/users?${new URLSearchParams(query)}`);
      if (!response.ok) throw new Error(`GET users failed: ${response.status}`);
      return (await response.json()) as UserListPage;
    },
    async expiredInvitationToken() {
      const response = await fetch(`${root}/__test__/expired-invitation-token`);
      if (!response.ok) throw new Error(`No expired invitation token: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async emailedInvitationToken(token) {
      const response = await fetch(`${root}/__test__/emailed-invitation-token?${new URLSearchParams({ token })}`);
      if (!response.ok) throw new Error(`No emailed token for ${token}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async joinManyAccounts(email, count) {
      const response = await fetch(`${root}/__test__/many-accounts?${new URLSearchParams({ email, count: String(count) })}`);
      if (!response.ok) throw new Error(`Joining ${count} accounts failed: ${response.status}`);
      return ((await response.json()) as { accountIds: string[] }).accountIds;
    },
  };
}

/** The signed-in person's account of that name, as the API lists it. */
export function accountOf(me: Me, name: string): string {
  const account = me.accounts.find((a) => a.name === name);
  if (!account) throw new Error(`${me.user.email} is not in ${name}`);
  return account.id;
}

export function shadowOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}
