import { createRosterClient } from '@roster/bff/client';

/** The typed `hc<AppType>` client of the Roster BFF (sends cookies with every request). */
export type RosterClient = ReturnType<typeof createRosterClient>;

/** Where a host mounts the BFF when it says nothing else. */
export const DEFAULT_API_BASE = '/api';

const clients = new Map<string, RosterClient>();

/**
 * One client per api base. Sharing the instance keeps it a stable value, so data tasks that take the
 * client as an argument do not refetch when nothing really changed.
 */
export function clientFor(apiBase: string): RosterClient {
  let client = clients.get(apiBase);
  if (!client) {
    client = createRosterClient(apiBase);
    clients.set(apiBase, client);
  }
  return client;
}
