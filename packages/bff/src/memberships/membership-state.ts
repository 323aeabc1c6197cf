import type { MembershipState, StoredMembershipState } from '@roster/shared';

/** The one rule that makes "invited" read "expired": invited, with no live invitation left. */
export function displayState(state: StoredMembershipState, expiresAt: Date | null, now: Date): MembershipState {
  return state === 'invited' && !(expiresAt && expiresAt > now) ? 'expired' : state;
}

/**
 * How a membership that still holds the person reads (it blocks a new invitation), or null when it
 * no longer does: none at all, removed or declined.
 */
export function heldState(state: StoredMembershipState | null | undefined, expiresAt: Date | null, now: Date) {
  if (!state || state === 'removed' || state === 'declined') return null;
  return displayState(state, expiresAt, now) as Exclude<MembershipState, 'removed' | 'declined'>;
}
