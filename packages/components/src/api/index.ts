export { ApiError, send, toApiError, type ApiErrorCode } from './api-error.ts';
export { clientFor, DEFAULT_API_BASE, type RosterClient } from './client.ts';
export { rosterContext, type RosterContextValue } from './context.ts';
export { RosterApiController, type RosterApiHost } from './roster-api-controller.ts';
export {
  checkInvitees,
  getInvitationLink,
  getMe,
  getUserDetails,
  inviteUsers,
  listGroups,
  listUsers,
  removeUser,
  renewInvitation,
  resendInvitation,
  type ListUsersQuery,
} from './requests.ts';
