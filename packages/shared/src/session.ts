import { z } from 'zod';
import { CREDENTIALS, EMAIL_PATTERN, LOST_ACCOUNT_REASONS, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from './values.ts';

/** Emails are identities: trimmed, lower-cased, and checked with the pattern the screens use. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ pattern: EMAIL_PATTERN }).max(MAX_EMAIL_LENGTH));

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignIn = z.input<typeof SignInSchema>;

/** An account the person is an active member of, with their groups there (by name). */
export const MeAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MeAccount = z.infer<typeof MeAccountSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    /** The uploaded picture (a content-hashed URL of the API) or the host's; null: show initials. */
    avatarUrl: z.string().nullable(),
    locale: z.string(),
  }),
  /** By name; a person may be in none. */
  accounts: z.array(MeAccountSchema),
  /**
   * Remembered per person (not per device), so it survives signing out and in. null when the
   * person belongs to no account: the "you belong to no account" state.
   */
  activeAccountId: z.string().nullable(),
  /** `roster`: Roster's own password (the profile may change it); `host`: the host's sign-in. */
  credentials: z.enum(CREDENTIALS),
  /**
   * Set on the one answer after the remembered active account was lost (removed or blocked
   * there): the screens explain why `activeAccountId` moved. null otherwise.
   */
  lostAccount: z.object({ id: z.string(), name: z.string(), reason: z.enum(LOST_ACCOUNT_REASONS) }).nullable(),
});
export type Me = z.infer<typeof MeSchema>;
