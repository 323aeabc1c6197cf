import type { Me } from '@roster/shared';
import type { ReactiveControllerHost } from 'lit';
import type { RosterClient } from '../api/client.ts';

/** What the profile's sections (controllers of `<user-profile>`) need from the element. */
export interface ProfileHost extends ReactiveControllerHost {
  readonly client: RosterClient;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Takes the server's answer after a change of the person (names, language, picture) and tells the page. */
  profileSaved(me: Me): void;
}

/** Focuses `selector` in the host's shadow root once the render under way is done. */
export async function focusAfterRender(host: ProfileHost, selector: string) {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
