/**
 * Roster's tags in JSX. React 19 sets what an element defines as a property (`me`, `getToken`) and
 * adds `on<event-name>` props as listeners of that event, so the types only say which ones exist.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { Me, RosterProvider } from '../../roster-session.ts';

type RosterEventHandlers = {
  [Name in
    | 'user-removed'
    | 'user-blocked'
    | 'user-unblocked'
    | 'user-updated'
    | 'users-invited'
    | 'invitation-resent'
    | 'invitation-renewed'
    | 'account-switched' as `on${Name}`]?: (event: Event) => void;
};

type Element<T extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<T>, T>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'roster-provider': Element<RosterProvider> & RosterEventHandlers & { 'api-base'?: string; me?: Me | null };
      'users-settings': Element<HTMLElement>;
      'account-switcher': Element<HTMLElement>;
    }
  }
}
