import type { Group } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { MAX_INVITEES } from '@roster/shared/values';
import { invitableEntries, isNamed, newPeople, typedName, validEntries, type EmailEntry, type Lookups, type TypedNames } from './invitees.ts';

/*
 * The wizard's rules, apart from how it looks: the order of the steps, and why Next is refused.
 */

export const STEPS = ['emails', 'details', 'groups', 'overview', 'summary'] as const;
export type Step = (typeof STEPS)[number];

/** Where Back leads; the first step has no Back. */
export function previousStep(step: Step): Step | undefined {
  const index = STEPS.indexOf(step);
  return index > 0 ? STEPS[index - 1] : undefined;
}

/** Where Next (or Send) leads once it is not refused; the summary is the last step. */
export function nextStep(step: Step): Step {
  return STEPS[STEPS.indexOf(step) + 1] ?? step;
}

/** What the administrator has entered so far, and what the server's look-ahead said of it. */
export interface Draft {
  /** Every address of the email step with its verdict. */
  entries: EmailEntry[];
  /** The look-ahead's answer for each valid address. */
  lookups: Lookups;
  /** Names typed for new people, kept while the administrator goes back and forth. */
  names: TypedNames;
  /** The chosen groups that the account still has. */
  chosenGroups: Group[];
}

/** Why Next is refused on a step; each step has its own reasons. */
export type Refusal =
  | { reason: 'no_address' }
  | { reason: 'no_valid_address' }
  | { reason: 'too_many'; count: number }
  | { reason: 'nobody_invitable' }
  | { reason: 'names_missing'; missing: number; newPeople: number }
  | { reason: 'no_group' };

/** Why Next would be refused on `step` now, if it would. */
export function refusal(step: Step, draft: Draft): Refusal | undefined {
  switch (step) {
    case 'emails': {
      const count = validEntries(draft.entries).length;
      if (count > MAX_INVITEES) return { reason: 'too_many', count };
      if (count > 0) return undefined;
      return draft.entries.length === 0 ? { reason: 'no_address' } : { reason: 'no_valid_address' };
    }
    case 'details': {
      if (invitableEntries(draft.entries, draft.lookups).length === 0) return { reason: 'nobody_invitable' };
      const people = newPeople(draft.entries, draft.lookups);
      const missing = people.filter((entry) => !isNamed(typedName(draft.names, entry.email))).length;
      return missing > 0 ? { reason: 'names_missing', missing, newPeople: people.length } : undefined;
    }
    case 'groups':
      return draft.chosenGroups.length === 0 ? { reason: 'no_group' } : undefined;
    case 'overview':
    case 'summary':
      return undefined;
  }
}

/**
 * The refusal the step shows: once Next was pressed (`attempted`), not while a field is still being
 * filled; too many addresses, though, is said at once.
 */
export function shownRefusal(step: Step, draft: Draft, attempted: boolean): Refusal | undefined {
  const found = refusal(step, draft);
  return found && (attempted || found.reason === 'too_many') ? found : undefined;
}
