import type { InviteCheckResult, InviteRequest, InviteResult } from '@roster/shared';
// Runtime values come from the zod-free entry, so the bundle carries no zod.
import { isEmailAddress, splitEmailList } from '@roster/shared/values';

/** How one address of the email step reads: the server's own rule decides `invalid`. */
export type EntryStatus = 'valid' | 'invalid' | 'duplicate';

export interface EmailEntry {
  email: string;
  status: EntryStatus;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** Emails are unique case-insensitively on the server, so names and duplicates are keyed the same way. */
export const emailKey = (email: string) => email.toLowerCase();

/**
 * Every address of the typed or pasted text, in order, with its verdict. The first occurrence of an
 * address is the one invited; later ones are duplicates.
 */
export function parseEmailList(text: string): EmailEntry[] {
  const seen = new Set<string>();
  return splitEmailList(text).map((email): EmailEntry => {
    if (!isEmailAddress(email)) return { email, status: 'invalid' };
    const key = emailKey(email);
    if (seen.has(key)) return { email, status: 'duplicate' };
    seen.add(key);
    return { email, status: 'valid' };
  });
}

/** What the server's look-ahead said of each valid address, by email key. */
export type Lookups = ReadonlyMap<string, InviteCheckResult>;

/** An address to send: a new person, or one who has an identity but is not in the account. */
export function isInvitable(lookup: InviteCheckResult | undefined): boolean {
  return lookup?.status === 'new' || lookup?.status === 'known';
}

/** The addresses the look-ahead is asked about: valid, each once. */
export function validEntries(entries: EmailEntry[]): EmailEntry[] {
  return entries.filter((entry) => entry.status === 'valid');
}

/** The addresses that will be sent: valid, and not in the account yet. */
export function invitableEntries(entries: EmailEntry[], lookups: Lookups): EmailEntry[] {
  return validEntries(entries).filter((entry) => isInvitable(lookups.get(emailKey(entry.email))));
}

/** New people, whose names the administrator must give. */
export function newPeople(entries: EmailEntry[], lookups: Lookups): EmailEntry[] {
  return validEntries(entries).filter((entry) => lookups.get(emailKey(entry.email))?.status === 'new');
}

/** Names typed for new people, by email key. */
export type TypedNames = ReadonlyMap<string, PersonName>;

export function typedName(names: TypedNames, email: string): PersonName {
  return names.get(emailKey(email)) ?? { firstName: '', lastName: '' };
}

export function isNamed(name: PersonName): boolean {
  return Boolean(name.firstName.trim() && name.lastName.trim());
}

/**
 * The name a person will be known by: their own when they have an account, else the one typed;
 * empty when they have an account whose names this administrator may not see.
 */
export function displayName(email: string, lookups: Lookups, names: TypedNames): string {
  const lookup = lookups.get(emailKey(email));
  const { firstName, lastName } = lookup?.status === 'known' ? lookup : typedName(names, email);
  return `${firstName?.trim() ?? ''} ${lastName?.trim() ?? ''}`.trim();
}

/** The invitations to send; people with an account keep their own name, so only new people's names go. */
export function inviteesToSend(entries: EmailEntry[], lookups: Lookups, names: TypedNames): InviteRequest['invitees'] {
  return invitableEntries(entries, lookups).map(({ email }) => {
    if (lookups.get(emailKey(email))?.status !== 'new') return { email };
    const { firstName, lastName } = typedName(names, email);
    return { email, firstName: firstName.trim(), lastName: lastName.trim() };
  });
}

type AlreadyMember = Extract<InviteResult, { status: 'already_member' }>;

/**
 * A summary line: the server's result for an address that was sent, or what the screen already knew of
 * one it held back (which has no user id to report).
 */
export type SummaryLine = Exclude<InviteResult, AlreadyMember> | Omit<AlreadyMember, 'userId'>;

/**
 * One summary line per address entered, in the administrator's order: the server's result for each
 * address sent (results come back in the order sent), and for the others what the screen and the
 * look-ahead found, in the server's words so both read alike.
 */
export function summaryLines(entries: EmailEntry[], lookups: Lookups, serverResults: InviteResult[]): SummaryLine[] {
  let next = 0;
  return entries.flatMap((entry): SummaryLine[] => {
    if (entry.status !== 'valid') {
      return [{ status: 'invalid', email: entry.email, reason: entry.status === 'duplicate' ? 'duplicate' : 'invalid_email' }];
    }
    const lookup = lookups.get(emailKey(entry.email));
    if (isInvitable(lookup)) return serverResults.slice(next, ++next);
    if (lookup?.status === 'already_member') return [{ status: 'already_member', email: entry.email, state: lookup.state }];
    return lookup?.status === 'invalid' ? [lookup] : [];
  });
}
