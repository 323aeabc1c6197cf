/**
 * Roster's custom elements. Importing this module registers every element
 * (`<roster-provider>`, `<users-table>`, `<users-settings>`).
 */
// The provider is registered first so that, on a page parsed before this script ran, it is upgraded
// and answering context requests before the elements inside it ask.
export { RosterProvider } from './roster-provider/roster-provider.ts';
export { UsersTable } from './users-table/users-table.ts';
export { UsersSettings } from './users-settings/users-settings.ts';
export { UsersTableStateChangeEvent, type UsersTableState } from './events.ts';
export { ApiError, clientFor, rosterContext, type ApiErrorCode, type RosterClient, type RosterContextValue } from './api/index.ts';
