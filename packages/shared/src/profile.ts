import { z } from 'zod';
import { PASSWORD_CHECKS } from './password.ts';
import { LOCALES } from './values.ts';

/**
 * What no name may hold: control characters (line breaks, tabs, NUL), line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates that reorder the text after
 * them. Names are read in emails, plain text included, where such characters let a name pose as a
 * line of the message or a link. The joiners some scripts need (U+200C, U+200D) stay allowed.
 */
const HIDDEN_CONTROLS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** At least one character that shows: a name of zero-width spaces alone names nobody. */
const VISIBLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** A name to show people (a person's, an account's, a group's): trimmed, at most `max` characters, nothing hidden. */
export function shownName(max = 100) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((name) => !HIDDEN_CONTROLS.test(name), 'must not contain line breaks, control or direction characters')
    .refine((name) => name === '' || VISIBLE.test(name), 'must contain a visible character');
}

/** A person's first or last name as typed: trimmed, at most 100 characters (empty allowed here). */
export const NameSchema = shownName();

/** A new password: the shared rule, the same the screens' live checklist shows. */
export const NewPasswordSchema = z
  .string()
  .max(200)
  .refine((p) => PASSWORD_CHECKS.every((check) => check.test(p)), 'The password does not meet the rule');

/** `PATCH /me`: only what is given changes. Unknown fields (an email, say) are refused, not ignored. */
export const UpdateProfileSchema = z.strictObject({
  firstName: NameSchema.min(1).optional(),
  lastName: NameSchema.min(1).optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateProfile = z.input<typeof UpdateProfileSchema>;

/** `POST /me/password`. */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPasswordSchema,
});
export type ChangePassword = z.input<typeof ChangePasswordSchema>;

/** `PUT /me/active-account`. */
export const SwitchAccountSchema = z.object({ accountId: z.string().max(100) });
export type SwitchAccount = z.input<typeof SwitchAccountSchema>;
