import { z } from 'zod';
import { EMAIL_PATTERN, MAX_EMAIL_LENGTH } from './values.ts';

/** Emails are identities: trimmed, lower-cased, and checked with the pattern the screens use. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ pattern: EMAIL_PATTERN }).max(MAX_EMAIL_LENGTH));

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type SignIn = z.input<typeof SignInSchema>;

export const MeAccountSchema = z.object({ id: z.string(), name: z.string(), isAdmin: z.boolean() });
export type MeAccount = z.infer<typeof MeAccountSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    avatarUrl: z.string().nullable(),
    locale: z.string(),
  }),
  accounts: z.array(MeAccountSchema),
  /** null when the user belongs to no account: the "you belong to no account" state. */
  activeAccountId: z.string().nullable(),
  /** Whose sign-in this is: Roster's own password, or the host's (a bearer token; no password to change here). */
  credentials: z.enum(['roster', 'host']),
});
export type Me = z.infer<typeof MeSchema>;
