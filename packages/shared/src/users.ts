import { z } from 'zod';
import { PermissionSchema } from './groups.ts';
import { MAX_PAGE_SIZE, MEMBERSHIP_STATES, SORT_ORDERS, STORED_MEMBERSHIP_STATES, USER_SORT_KEYS } from './values.ts';

/** Membership states as stored. "expired" is derived: invited, with the invitation past its expiry. */
export const StoredMembershipState = z.enum(STORED_MEMBERSHIP_STATES);
export type StoredMembershipState = z.infer<typeof StoredMembershipState>;

/** Membership states as people see them and filter by. */
export const MembershipState = z.enum(MEMBERSHIP_STATES);
export type MembershipState = z.infer<typeof MembershipState>;

export const UserSortKey = z.enum(USER_SORT_KEYS);
export type UserSortKey = z.infer<typeof UserSortKey>;

export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

/** `state` arrives as a comma-separated list (`?state=active,blocked`). */
const stateList = z
  .string()
  .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(MembershipState).min(1).max(MembershipState.options.length));

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  state: stateList.optional(),
  group: z.uuid().optional(),
  sort: UserSortKey.default('name'),
  order: SortOrder.default('asc'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  cursor: z.string().max(1000).optional(),
});
export type UserListQuery = z.input<typeof UserListQuerySchema>;
export type ParsedUserListQuery = z.output<typeof UserListQuerySchema>;

export const GroupRefSchema = z.object({ id: z.string(), name: z.string() });
export type GroupRef = z.infer<typeof GroupRefSchema>;

/** A person as the Users screen shows them: identity fields are the user's own, not the account's. */
export const PersonSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  avatarUrl: z.string().nullable(),
});

export const UserListItemSchema = PersonSchema.extend({
  state: MembershipState,
  /** When the pending invitation expires (invited and expired states), ISO 8601. */
  expiresAt: z.string().nullable(),
  joinedAt: z.string().nullable(),
  /**
   * When the person was invited (or added), ISO 8601. The `joined` sort orders by `joinedAt`, else this
   * date, so the table shows whichever of the two the row is sorted by.
   */
  invitedAt: z.string(),
  lastSignInAt: z.string().nullable(),
  groups: z.array(GroupRefSchema),
});
export type UserListItem = z.infer<typeof UserListItemSchema>;

export const UserListPageSchema = z.object({
  items: z.array(UserListItemSchema),
  nextCursor: z.string().nullable(),
  /** How many match: exact when `totalCapped` is false, else a lower bound (shown as "1,000+"). */
  total: z.number().int(),
  /** True when a search or filtered group matched more than the count's cap: there are more than `total`. */
  totalCapped: z.boolean(),
});
export type UserListPage = z.infer<typeof UserListPageSchema>;

export const UserDetailsSchema = PersonSchema.extend({
  state: MembershipState,
  invitedAt: z.string(),
  joinedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The groups held in this account, each with the permissions (modules) it grants. */
  groups: z.array(GroupRefSchema.extend({ permissions: z.array(PermissionSchema) })),
  /** The union of the groups' permissions, by label. */
  permissions: z.array(PermissionSchema),
  /** Membership version: send it back with an edit, so a change made meanwhile is not overwritten. */
  version: z.number().int(),
  /** Whether the caller may remove this person now, and if not, why. */
  removal: z.object({
    allowed: z.boolean(),
    reason: z.enum(['self', 'last_administrator', 'already_removed']).nullable(),
  }),
  /** Whether the caller may block this person now (Unblock is offered when the state is blocked). */
  blocking: z.object({
    allowed: z.boolean(),
    reason: z.enum(['self', 'last_administrator', 'invited', 'already_blocked', 'already_removed']).nullable(),
  }),
});
export type UserDetails = z.infer<typeof UserDetailsSchema>;

/** `PATCH /accounts/:accountId/users/:userId`: the person's groups, as a whole. */
export const EditUserSchema = z.object({
  groupIds: z.array(z.uuid()).min(1, 'Choose at least one group').max(100),
  /** The `version` of the details the administrator edited. */
  version: z.number().int().min(1),
});
export type EditUser = z.infer<typeof EditUserSchema>;
