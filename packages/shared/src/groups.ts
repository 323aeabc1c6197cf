import { z } from 'zod';

/**
 * A permission as people read it: the host's module id, with the label and description the host
 * declared in its catalogue (`permissions` of `createApp`). Screens show the label; the id is
 * secondary text.
 */
export const PermissionSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
});
export type Permission = z.infer<typeof PermissionSchema>;

export const GroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(PermissionSchema),
  /** The account's default Administrators group: it cannot be deleted nor its permissions changed. */
  isDefault: z.boolean(),
  /** Members holding it now (invited, active or blocked). */
  memberCount: z.number().int(),
});
export type Group = z.infer<typeof GroupSchema>;
