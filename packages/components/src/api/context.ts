import { createContext } from '@lit/context';
import type { RosterClient } from './client.ts';

/** What `<roster-provider>` gives to the elements below it. */
export interface RosterContextValue {
  client: RosterClient;
  /** The account the screen manages; unset until the host knows it. */
  accountId?: string;
}

/**
 * A string key (not a Symbol) so elements from two copies of the bundle on one page still find
 * each other's provider.
 */
export const rosterContext = createContext<RosterContextValue | undefined>('roster-context');
