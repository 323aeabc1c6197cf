/**
 * The invitee's page (bundle `invitation.js`): importing this module registers `<invitation-response>`.
 * It needs none of the administrators' screen, so that page loads only what it shows.
 */
export { InvitationResponse } from './invitation-response/invitation-response.ts';
export { InvitationAcceptedEvent, InvitationDeclinedEvent } from './events.ts';
export { ApiError, type ApiErrorCode } from './api/api-error.ts';
export { clientFor, type RosterClient } from './api/client.ts';
