import type { InviteCheckResult, InviteResult } from '@roster/shared';
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
