/**
 * Where a person's picture is: the one they uploaded (served by this app under a URL that holds its
 * content hash, so it may be cached for ever and changes when the picture does), else the one a
 * host with its own sign-in gave (`users.avatar_url`), else none (the screens show initials).
 * `mountPath` is where the host mounted the app: the URL is path-absolute on the API's origin.
 */
export function avatarUrlOf(mountPath: string, user: { id: string; avatar_url: string | null; avatar_hash: string | null }) {
  if (user.avatar_hash) return `${mountPath}/avatars/${user.id}/${user.avatar_hash}`;
  return user.avatar_url;
}
