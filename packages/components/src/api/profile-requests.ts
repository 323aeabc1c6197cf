import type { ChangePassword, Me, UpdateProfile } from '@roster/shared';
import { send } from './api-error.ts';
import type { RosterClient } from './client.ts';

/*
 * The signed-in person's own profile (`/me`). Every change answers with `GET /me`'s body as it now is.
 */

/** Saves names and display language; only what is given changes. */
export function updateProfile(client: RosterClient, body: UpdateProfile): Promise<Me> {
  return send(client.me.$patch({ json: body }));
}

/**
 * Takes a picture as the person's own: the body is the file's bytes (the server reads them, not the
 * type). Refusals: `image_too_large` (413), `unsupported_image` (415), `invalid_image` (400).
 */
export function uploadAvatar(client: RosterClient, image: Blob): Promise<Me> {
  const headers = { 'content-type': image.type || 'application/octet-stream' };
  return send(client.me.avatar.$put({}, { headers, init: { body: image } }));
}

/** Removes the picture: the screens show initials again. */
export function removeAvatar(client: RosterClient): Promise<Me> {
  return send(client.me.avatar.$delete());
}

/** Changes the password; every other session of the person ends. `wrong_password` is a field error. */
export async function changePassword(client: RosterClient, body: ChangePassword): Promise<void> {
  await send(client.me.password.$post({ json: body }));
}
