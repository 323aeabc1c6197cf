import type { Group, Permission } from '@roster/shared';

/** What saving would change for the person: the groups they join and leave, and the permissions they gain and lose. */
export interface GroupChanges {
  joined: Group[];
  left: Group[];
  gained: Permission[];
  lost: Permission[];
}

/** The union of the permissions the chosen groups grant, by id (a permission two groups grant counts once). */
function permissionsOf(groups: readonly Group[], chosen: ReadonlySet<string>): Map<string, Permission> {
  const permissions = new Map<string, Permission>();
  for (const group of groups) if (chosen.has(group.id)) for (const permission of group.permissions) permissions.set(permission.id, permission);
  return permissions;
}

/**
 * The difference between the groups the person holds (`before`) and the ones chosen now (`after`),
 * from the account's groups, in their order. A permission still granted by another chosen group is
 * neither gained nor lost.
 */
export function groupChanges(groups: readonly Group[], before: ReadonlySet<string>, after: ReadonlySet<string>): GroupChanges {
  const had = permissionsOf(groups, before);
  const has = permissionsOf(groups, after);
  return {
    joined: groups.filter((g) => after.has(g.id) && !before.has(g.id)),
    left: groups.filter((g) => before.has(g.id) && !after.has(g.id)),
    gained: [...has.values()].filter((p) => !had.has(p.id)),
    lost: [...had.values()].filter((p) => !has.has(p.id)),
  };
}

export function hasChanges(changes: GroupChanges): boolean {
  return changes.joined.length > 0 || changes.left.length > 0;
}

/** The groups whose name, description or permission labels contain `query` (case- and accent-insensitive). */
export function matchingGroups(groups: readonly Group[], query: string): Group[] {
  const needle = fold(query.trim());
  if (!needle) return [...groups];
  return groups.filter((group) =>
    [group.name, group.description, ...group.permissions.map((p) => p.label)].some((text) => fold(text).includes(needle)),
  );
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
