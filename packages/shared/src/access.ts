import { z } from 'zod';
import { PermissionSchema } from './groups.ts';

/*
 * What any active member may read about their own place in an account: the member view of
 * `<users-settings>` shows it instead of the administrators' list.
 */

/** `GET /accounts/:accountId/my-access`: the caller's groups there, with what each grants, and the union. */
export const MyAccessSchema = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), permissions: z.array(PermissionSchema) })),
  /** The union of the groups' permissions, by label. */
  permissions: z.array(PermissionSchema),
});
export type MyAccess = z.infer<typeof MyAccessSchema>;

/**
 * `GET /accounts/:accountId/administrators`: whom to ask for a change. Names only: members have no
 * need of the administrators' addresses (the product shows emails only to administrators).
 */
export const AdministratorsSchema = z.object({
  administrators: z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string() })),
});
export type Administrators = z.infer<typeof AdministratorsSchema>;
