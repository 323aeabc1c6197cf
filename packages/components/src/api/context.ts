import { createContext } from '@lit/context';
import type { Me } from '@roster/shared';
import type { RosterClient } from './client.ts';

/** What `<roster-provider>` gives to the elements below it. */
export interface RosterContextValue {
  client: RosterClient;
  /** The account the screen manages; unset until the host (or the person's session) knows it. */
  accountId?: string;
  /**
   * The signed-in person (`GET /me`), unset while it loads; null when it could not be read (e.g.
   * nobody is signed in: the elements show their own errors). `lostAccount` stays set, after the one
   * answer that carried it, until `dismissLostAccount()`.
   */
  me?: Me | null;
  /** Makes `accountId` the person's active account (remembered by the server); every element below reloads. */
  switchAccount?: (accountId: string) => Promise<void>;
  /** Reads `me` again, e.g. after a profile was saved. */
  refreshMe?: () => Promise<void>;
  /** The person read the lost-account message: `me.lostAccount` becomes null. */
  dismissLostAccount?: () => void;
}

/**
 * A string key (not a Symbol) so elements from two copies of the bundle on one page still find
 * each other's provider.
 */
export const rosterContext = createContext<RosterContextValue | undefined>('roster-context');
