import { z } from 'zod';
import { shownName } from './profile.ts';
import { EmailSchema } from './session.ts';

/**
 * The host's service API (`/service/*`, behind ROSTER_SERVICE_TOKEN) and the in-process functions
 * that do the same: provisioning accounts and groups, looking people up, permission checks.
 */

/** An account's or a group's name, as people will read it in screens and emails. */
const NameSchema = shownName().min(1, 'must not be empty');

/** A host module id as groups store it, e.g. `billing` or `reports:read`. */
export const PermissionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]{0,63}$/i, 'must be a permission id: letters, digits, and . _ : - (at most 64)');

export const AccountInputSchema = z.object({ name: NameSchema }).strict();
export type AccountInput = z.infer<typeof AccountInputSchema>;

export const ServiceAccountSchema = z.object({ id: z.string(), name: z.string() });
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;

export const GroupInputSchema = z
  .object({
    name: NameSchema,
    description: z.string().trim().max(500).default(''),
    permissions: z.array(PermissionIdSchema).max(100),
  })
  .strict();
export type GroupInput = z.input<typeof GroupInputSchema>;

export const GroupChangeSchema = z
  .object({
    name: NameSchema.optional(),
    description: z.string().trim().max(500).optional(),
    permissions: z.array(PermissionIdSchema).max(100).optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'name, description or permissions must be given');
export type GroupChange = z.input<typeof GroupChangeSchema>;

export const UserLookupQuerySchema = z.object({ email: EmailSchema });

export const ServicePersonSchema = z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() });
export type ServicePerson = z.infer<typeof ServicePersonSchema>;

export const MembersQuerySchema = z.object({
  /** The `nextCursor` of the page before: the last user id it held. */
  cursor: z.uuid('must be a cursor this endpoint gave').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MembersQuery = z.input<typeof MembersQuerySchema>;

export const ServiceMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  state: z.enum(['invited', 'active', 'blocked']),
  groupIds: z.array(z.string()),
  /** What they may use now: their groups' permissions when active, none otherwise (as the checks answer). */
  permissions: z.array(z.string()),
});
export const ServiceMembersPageSchema = z.object({ items: z.array(ServiceMemberSchema), nextCursor: z.string().nullable() });
export type ServiceMembersPage = z.infer<typeof ServiceMembersPageSchema>;

export const PermissionsQuerySchema = z.object({ accountId: z.uuid() });
export const PermissionSetSchema = z.object({ permissions: z.array(z.string()) });
export type PermissionSet = z.infer<typeof PermissionSetSchema>;
