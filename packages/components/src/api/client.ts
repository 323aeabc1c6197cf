import { createRosterClient } from '@roster/bff/client';

/** The typed `hc<AppType>` client of the Roster BFF (cookies, or the host's bearer token). */
export type RosterClient = ReturnType<typeof createRosterClient>;

/** Where a host mounts the BFF when it says nothing else. */
export const DEFAULT_API_BASE = '/api';

/** The host's token source (see `<roster-provider>`'s `getToken`). */
export type GetToken = () => string | Promise<string>;

const clients = new Map<string, RosterClient>();
const tokenClients = new WeakMap<GetToken, Map<string, RosterClient>>();

/**
 * One client per api base (and token source). Sharing the instance keeps it a stable value, so data
 * tasks that take the client as an argument do not refetch when nothing really changed.
 */
export function clientFor(apiBase: string, getToken?: GetToken): RosterClient {
  const cache = getToken ? (tokenClients.get(getToken) ?? tokenClients.set(getToken, new Map()).get(getToken)!) : clients;
  let client = cache.get(apiBase);
  if (!client) {
    client = createRosterClient(apiBase, { getToken });
    cache.set(apiBase, client);
  }
  return client;
}
