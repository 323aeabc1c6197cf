import { z } from 'zod';
import { PASSWORD_CHECKS } from './password.ts';
import { LOCALES } from './values.ts';

/** A person's first or last name as typed: trimmed, at most 100 characters (empty allowed here). */
export const NameSchema = z.string().trim().max(100);

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
