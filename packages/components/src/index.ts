/**
 * The administrators' Users screen (bundle `roster.js`). Importing this module registers
 * `<roster-provider>`, `<users-table>` and `<users-settings>`; the last loads `<add-users-dialog>` and
 * `<remove-user-dialog>` when first needed.
 * The invitee's `<invitation-response>` lives on another page and in its own bundle (`invitation.ts`).
 */
// The provider is registered first so that, on a page parsed before this script ran, it is upgraded
// and answering context requests before the elements inside it ask.
export { RosterProvider } from './roster-provider/roster-provider.ts';
export { UsersTable } from './users-table/users-table.ts';
// The dialogs load when `<users-settings>` first opens one (bundles `add-users-dialog.js`,
// `remove-user-dialog.js`, `edit-user-dialog.js`, `block-user-dialog.js`); import those modules to
// use a dialog on its own.
export type { RemoveUserDialog } from './remove-user-dialog/remove-user-dialog.ts';
export type { AddUsersDialog } from './add-users-dialog/add-users-dialog.ts';
export type { EditUserDialog } from './edit-user-dialog/edit-user-dialog.ts';
export type { BlockUserDialog } from './block-user-dialog/block-user-dialog.ts';
export { UsersSettings } from './users-settings/users-settings.ts';
// Every event the elements fire, as types (hosts listen by name: see the README's events).
export type * from './events.ts';
// From the modules themselves, not through a barrel: a re-exporting module shared by two bundles
// becomes an (empty) chunk of its own in the first load.
export { ApiError, type ApiErrorCode } from './api/api-error.ts';
export { clientFor, type RosterClient } from './api/client.ts';
export { rosterContext, type RosterContextValue } from './api/context.ts';
