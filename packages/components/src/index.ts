/**
 * Roster's custom elements. Importing this module registers every element
 * (`<roster-provider>`, `<users-table>`, `<remove-user-dialog>`, `<add-users-dialog>`, `<users-settings>`, `<invitation-response>`).
 */
// The provider is registered first so that, on a page parsed before this script ran, it is upgraded
// and answering context requests before the elements inside it ask.
export { RosterProvider } from './roster-provider/roster-provider.ts';
export { UsersTable } from './users-table/users-table.ts';
export { RemoveUserDialog } from './remove-user-dialog/remove-user-dialog.ts';
export { AddUsersDialog } from './add-users-dialog/add-users-dialog.ts';
export { UsersSettings } from './users-settings/users-settings.ts';
export { InvitationResponse } from './invitation-response/invitation-response.ts';
export {
  InvitationAcceptedEvent,
  InvitationDeclinedEvent,
  InvitationLinkCopiedEvent,
  InvitationRenewedEvent,
  InvitationResentEvent,
  RemoveUserRequestEvent,
  UserRemovedEvent,
  UsersInvitedEvent,
  UsersTableStateChangeEvent,
  type UserRef,
  type UsersInvitedDetail,
  type UsersTableState,
} from './events.ts';
export { ApiError, clientFor, rosterContext, type ApiErrorCode, type RosterClient, type RosterContextValue } from './api/index.ts';
