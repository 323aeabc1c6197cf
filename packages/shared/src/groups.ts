import { z } from 'zod';

/** The permission that makes a member an account administrator. */
export const ACCOUNT_ADMIN_PERMISSION = 'account-admin';

export const GroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  isDefault: z.boolean(),
});
export type Group = z.infer<typeof GroupSchema>;
