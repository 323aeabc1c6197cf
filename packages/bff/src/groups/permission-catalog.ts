import { ACCOUNT_ADMIN_PERMISSION, type Permission } from '@roster/shared';

/** What a host declares of each of its modules (the `permissions` option of `createApp`). */
export interface PermissionDefinition {
  id: string;
  label: string;
  description?: string;
}

/** Roster's own permission, always in the catalogue whatever the host declares. */
const ACCOUNT_ADMIN: PermissionDefinition = {
  id: ACCOUNT_ADMIN_PERMISSION,
  label: 'Account administration',
  description: 'Manage the users of the account and their groups',
};

/** The demo platform's modules: the default catalogue. */
export const DEMO_PERMISSIONS: PermissionDefinition[] = [
  ACCOUNT_ADMIN,
  { id: 'billing', label: 'Billing', description: 'Invoices, payments and plans' },
  { id: 'orders', label: 'Orders', description: 'Orders, quotes and customers' },
  { id: 'catalog', label: 'Product catalogue', description: 'Products, prices and stock' },
  { id: 'reports', label: 'Reports', description: 'Dashboards and exports' },
  { id: 'support', label: 'Support desk', description: 'Customer tickets and chat' },
  { id: 'engineering', label: 'Engineering', description: 'Builds, deployments and logs' },
];

/** Turns stored permission ids into what people read: labelled, sorted by label, each once. */
export type PermissionCatalog = (ids: Iterable<string>) => Permission[];

export function permissionCatalog(definitions: readonly PermissionDefinition[] = DEMO_PERMISSIONS): PermissionCatalog {
  const known = new Map<string, Permission>();
  for (const d of [ACCOUNT_ADMIN, ...definitions]) known.set(d.id, { id: d.id, label: d.label, description: d.description ?? '' });
  return (ids) =>
    // An id the host has not declared (yet) still shows, as itself.
    [...new Set(ids)]
      .map((id) => known.get(id) ?? { id, label: id, description: '' })
      .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id));
}
