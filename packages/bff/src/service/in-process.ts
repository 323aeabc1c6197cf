import type { Kysely } from 'kysely';
import {
  AccountInputSchema,
  GroupChangeSchema,
  GroupInputSchema,
  INVITATION_VALID_DAYS,
  InviteRequestSchema,
  MembersQuerySchema,
  UserLookupQuerySchema,
  type AccountInput,
  type GroupChange,
  type GroupInput,
  type InviteRequest,
  type MembersQuery,
} from '@roster/shared';
import type { z } from 'zod';
import type { DB } from '../db/types.ts';
import { ProblemError } from '../errors.ts';
import { permissionCatalog, type PermissionDefinition } from '../groups/permission-catalog.ts';
import { permissionsOf } from '../permissions/permissions.service.ts';
import * as service from './service.service.ts';

export interface RosterServiceOptions {
  db: Kysely<DB>;
  /** The app's secret: invitation links are signed with it. */
  secret: string;
  publicUrl: string;
  invitationValidDays?: number;
  invitationsPerHour?: number;
  permissions?: PermissionDefinition[];
  webhookUrl?: string;
  now?: () => Date;
}

/** Input checked as the HTTP face checks it: a bad value is the same 400 `invalid_parameters` ProblemError. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemError(400, 'invalid_parameters', 'Some parameters are not valid', {
    errors: result.error.issues.map((issue) => ({ path: issue.path.join('.') || 'input', message: issue.message })),
  });
}

/**
 * The service API as functions, for a host that mounts the BFF in its own process: the same rules,
 * transactions, audit and results as `/service/*`; refusals are thrown as `ProblemError`s with the
 * same codes.
 */
export function rosterService(options: RosterServiceOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const catalog = permissionCatalog(options.permissions);
  const inviting = () => ({
    secret: options.secret,
    publicUrl: options.publicUrl,
    invitationValidDays: options.invitationValidDays ?? INVITATION_VALID_DAYS,
    invitationsPerHour: options.invitationsPerHour ?? 200,
    webhookUrl: options.webhookUrl ?? null,
    now: now(),
  });
  // Each is async, so bad input rejects like any other refusal instead of throwing at the call.
  return {
    createAccount: async (input: AccountInput) => service.createAccount(db, parse(AccountInputSchema, input), now()),
    renameAccount: async (accountId: string, input: AccountInput) => service.renameAccount(db, accountId, parse(AccountInputSchema, input), now()),
    listAccounts: async () => service.listAccounts(db),
    listGroups: async (accountId: string) => service.listGroups(db, accountId, catalog),
    createGroup: async (accountId: string, input: GroupInput) => service.createGroup(db, accountId, parse(GroupInputSchema, input), { now: now(), catalog }),
    changeGroup: async (accountId: string, groupId: string, change: GroupChange) =>
      service.changeGroup(db, accountId, groupId, parse(GroupChangeSchema, change), { now: now(), catalog }),
    deleteGroup: async (accountId: string, groupId: string) => service.deleteGroup(db, accountId, groupId, now()),
    invite: async (accountId: string, request: InviteRequest) => service.inviteAsService(db, accountId, parse(InviteRequestSchema, request), inviting()),
    findPerson: async (email: string) => service.findPerson(db, parse(UserLookupQuerySchema, { email }).email),
    listMembers: async (accountId: string, query: MembersQuery = {}) => service.listMembers(db, accountId, parse(MembersQuerySchema, query)),
    permissionsOf: async (accountId: string, userId: string) => permissionsOf(db, accountId, userId),
  };
}
export type RosterService = ReturnType<typeof rosterService>;
