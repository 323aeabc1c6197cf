import { hc } from 'hono/client';
import type { AppType } from './app.ts';

/**
 * The browser-safe typed client. Only the *type* of the app is imported, so no server code
 * reaches a bundle that uses it.
 */
export function createRosterClient(apiBase: string, options: RosterClientOptions = {}) {
  const { getToken } = options;
  if (!getToken) return hc<AppType>(apiBase, { init: { credentials: 'include' } });
  // The host's token, asked for before every request (short-lived tokens refresh), and no cookies.
  return hc<AppType>(apiBase, {
    init: { credentials: 'omit' },
    headers: async (): Promise<Record<string, string>> => ({ authorization: `Bearer ${await getToken()}` }),
  });
}

export interface RosterClientOptions {
  /** The host's sign-in: a bearer token for each request instead of Roster's session cookie. */
  getToken?: () => string | Promise<string>;
}
export type RosterClient = ReturnType<typeof createRosterClient>;
