import { z } from 'zod';

/**
 * Every refusal the BFF gives is an RFC 9457 problem with one of these stable codes.
 * Clients switch on `code`, never on `title` or `detail` (those are for people).
 */
export const ProblemCode = z.enum([
  'bad_request',
  'invalid_parameters',
  'unauthenticated',
  'invalid_credentials',
  /** The sign-in brake, by the limit that refused: this email from this device (email + address), */
  'too_many_attempts',
  /** this network (address) whatever the email, */
  'too_many_attempts_from_address',
  /** this email from anywhere (a growing delay, which addresses the owner signed in from skip). */
  'sign_in_slowed_down',
  'csrf_rejected',
  'forbidden',
  'not_found',
  'no_account',
  'already_removed',
  'cannot_remove_self',
  'last_administrator',
  'unknown_group',
  'rate_limited',
  'not_invited',
  'invitation_expired',
  'invitation_still_valid',
  'registration_required',
  /** `POST /invitations/:token/accept`: a new person registers only through the emailed link, not a copied one. */
  'emailed_link_required',
  'sign_in_required',
  'signed_in_as_someone_else',
  'version_conflict',
  'cannot_block_self',
  'cannot_block_invited',
  'already_blocked',
  'not_blocked',
  /** `POST /me/password`: the current password given is not right (a field error, not a 401). */
  'wrong_password',
  /** `PUT /me/avatar`: over 1 MB (413), not a PNG, JPEG or WebP by its bytes (415), or not decodable (400). */
  'image_too_large',
  'unsupported_image',
  'invalid_image',
  /** A JSON body over 128 KB (413), refused before it is read whole. */
  'body_too_large',
  /** Refused by the server before the app: a URL and headers over 16 KB (431), headers that never finish (408). */
  'headers_too_large',
  'request_timeout',
  /** A bearer token (the host's JWT, or the service token) that is not accepted: 401 with WWW-Authenticate. */
  'invalid_token',
  /** The account's default Administrators group can be neither changed nor deleted. */
  'default_group',
  /** A group people still hold cannot be deleted. */
  'group_not_empty',
  /** Another group of the account has this name. */
  'group_name_taken',
  'database_unavailable',
  'identity_provider_unavailable',
  'database_busy',
  'internal_error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ProblemCode,
  detail: z.string().optional(),
  /** Seconds to wait before trying again (as the Retry-After header says), on refusals that pass with time. */
  retryAfter: z.number().int().positive().optional(),
  /** Per-field messages for `invalid_parameters`. */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
