import { hc } from 'hono/client';
import type { AppType } from './app.ts';

/**
 * The browser-safe typed client. Only the *type* of the app is imported, so no server code
 * reaches a bundle that uses it.
 */
export function createRosterClient(apiBase: string) {
  return hc<AppType>(apiBase, { init: { credentials: 'include' } });
}
export type RosterClient = ReturnType<typeof createRosterClient>;
