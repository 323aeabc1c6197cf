import type { Kysely } from 'kysely';
import {
  isUuid,
  type AccountInput,
  type Group,
  type GroupChange,
  type GroupInput,
  type InviteRequest,
  type InviteResult,
  type ServiceAccount,
  type ServiceMembersPage,
  type ServicePerson,
} from '@roster/shared';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { inTransaction } from '../db/transaction.ts';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import { listAccountGroups } from '../groups/groups.service.ts';
import type { PermissionCatalog } from '../groups/permission-catalog.ts';
import { inviteUsers, type InvitingContext } from '../invitations/invitations.service.ts';
import { countActiveAdministrators } from '../memberships/memberships.queries.ts';
import * as queries from './service.queries.ts';

/**
 * The host's provisioning (README "Provisioning"): what `/service/*` and the in-process functions
 * do. The caller is the host's backend, trusted by its token; nobody's membership is checked. Every
 * change is audited with no person as actor and `actor: 'service'` in its data: `actor_id` stays a
 * true reference to a user (or null), and the history shows who did it without a pseudo-user.
 */

const SERVICE = { actor: 'service' } as const;
const noSuchAccount = () => notFound('No such account');
const noSuchGroup = () => notFound('No such group in this account');
const nameTaken = () => new ProblemError(409, 'group_name_taken', 'Another group of this account has this name');

async function accountOrThrow(db: Kysely<DB>, accountId: string, options: { lock: boolean } = { lock: false }) {
  const account = isUuid(accountId) ? await (options.lock ? queries.lockAccount(db, accountId) : queries.findAccount(db, accountId)) : undefined;
  if (!account) throw noSuchAccount();
  return account;
}

const audit = (trx: Kysely<DB>, accountId: string, action: Parameters<typeof insertAuditEvent>[1]['action'], data: object, now: Date) =>
  insertAuditEvent(trx, { accountId, actorId: null, action, subjectUserId: null, data: { ...SERVICE, ...data }, at: now });

export async function createAccount(db: Kysely<DB>, input: AccountInput, now: Date): Promise<ServiceAccount> {
  return inTransaction(db, async (trx) => {
    const account = await queries.insertAccount(trx, input.name, now);
    await audit(trx, account.id, 'account.created', { name: account.name }, now);
    return account;
  });
}

export async function renameAccount(db: Kysely<DB>, accountId: string, input: AccountInput, now: Date): Promise<ServiceAccount> {
  return inTransaction(db, async (trx) => {
    const account = await accountOrThrow(trx, accountId, { lock: true });
    await queries.renameAccount(trx, accountId, input.name);
    await audit(trx, accountId, 'account.renamed', { nameBefore: account.name, nameAfter: input.name }, now);
    return { id: accountId, name: input.name };
  });
}

export async function listGroups(db: Kysely<DB>, accountId: string, catalog: PermissionCatalog): Promise<Group[]> {
  await accountOrThrow(db, accountId);
  return listAccountGroups(db, accountId, catalog);
}

async function groupOf(db: Kysely<DB>, accountId: string, groupId: string, catalog: PermissionCatalog) {
  return (await listAccountGroups(db, accountId, catalog)).find((g) => g.id === groupId)!;
}

export async function createGroup(db: Kysely<DB>, accountId: string, input: GroupInput, context: { now: Date; catalog: PermissionCatalog }) {
  const id = await inTransaction(db, async (trx) => {
    await accountOrThrow(trx, accountId, { lock: true });
    if (await queries.groupNameTaken(trx, accountId, input.name)) throw nameTaken();
    const permissions = [...new Set(input.permissions)];
    const group = await queries.insertGroup(trx, { accountId, name: input.name, description: input.description ?? '', permissions, now: context.now });
    await audit(trx, accountId, 'group.created', { group: { id: group.id, name: input.name }, permissions }, context.now);
    return group.id;
  });
  return groupOf(db, accountId, id, context.catalog);
}

/** The default Administrators group is the account's guarantee of an administrator: it stays as it is. */
async function changeableGroup(trx: Kysely<DB>, accountId: string, groupId: string) {
  await accountOrThrow(trx, accountId, { lock: true });
  const group = isUuid(groupId) ? await queries.findGroup(trx, accountId, groupId) : undefined;
  if (!group) throw noSuchGroup();
  if (group.is_default) throw new ProblemError(409, 'default_group', 'The default Administrators group can be neither changed nor deleted');
  return group;
}

export async function changeGroup(
  db: Kysely<DB>,
  accountId: string,
  groupId: string,
  change: GroupChange,
  context: { now: Date; catalog: PermissionCatalog },
) {
  await inTransaction(db, async (trx) => {
    const group = await changeableGroup(trx, accountId, groupId);
    if (change.name !== undefined && (await queries.groupNameTaken(trx, accountId, change.name, groupId))) throw nameTaken();
    const adminsBefore = await countActiveAdministrators(trx, accountId);
    const permissions = change.permissions && [...new Set(change.permissions)];
    await queries.updateGroup(trx, groupId, { name: change.name, description: change.description, permissions });
    // Taking account-admin from a group may leave the account with no active administrator.
    if (adminsBefore > 0 && (await countActiveAdministrators(trx, accountId)) === 0) {
      throw new ProblemError(409, 'last_administrator', 'The account would be left without an active administrator');
    }
    await audit(
      trx,
      accountId,
      'group.updated',
      { group: { id: groupId, name: change.name ?? group.name }, before: { name: group.name, description: group.description, permissions: group.permissions }, change },
      context.now,
    );
  });
  return groupOf(db, accountId, groupId, context.catalog);
}

export async function deleteGroup(db: Kysely<DB>, accountId: string, groupId: string, now: Date) {
  await inTransaction(db, async (trx) => {
    const group = await changeableGroup(trx, accountId, groupId);
    if (await queries.groupIsHeld(trx, groupId)) {
      throw new ProblemError(409, 'group_not_empty', 'People still hold this group', { detail: 'Move them to other groups first.' });
    }
    await queries.deleteGroup(trx, groupId);
    await audit(trx, accountId, 'group.deleted', { group: { id: groupId, name: group.name }, permissions: group.permissions }, now);
  });
}

/** The screen's invitations, sent by the service: the same results, emails and links. */
export async function inviteAsService(
  db: Kysely<DB>,
  accountId: string,
  request: InviteRequest,
  context: Omit<InvitingContext, 'actorId'>,
): Promise<InviteResult[]> {
  await accountOrThrow(db, accountId);
  return inviteUsers(db, accountId, request, { ...context, actorId: null });
}

export async function findPerson(db: Kysely<DB>, email: string): Promise<ServicePerson> {
  const person = await queries.findPersonByEmail(db, email);
  if (!person) throw notFound('No person has this email');
  return { id: person.id, email: person.email, firstName: person.first_name, lastName: person.last_name };
}

export async function listMembers(db: Kysely<DB>, accountId: string, page: { cursor?: string; limit: number }): Promise<ServiceMembersPage> {
  await accountOrThrow(db, accountId);
  // One row more than asked tells whether another page exists.
  const rows = await queries.listMembersPage(db, accountId, { afterUserId: page.cursor, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit).map((row) => ({
    userId: row.user_id,
    email: row.email,
    state: row.state as 'invited' | 'active' | 'blocked',
    groupIds: row.group_ids ?? [],
    permissions: row.state === 'active' ? row.permissions : [],
  }));
  return { items, nextCursor: rows.length > page.limit ? items.at(-1)!.userId : null };
}

/** Every account, by name (the command line's `list-accounts`). */
export async function listAccounts(db: Kysely<DB>) {
  return (await queries.listAccounts(db)).map((a) => ({ id: a.id, name: a.name, createdAt: a.created_at.toISOString() }));
}
