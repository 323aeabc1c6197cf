import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Invitation links carry `<invitation id>.<MAC>`, the MAC being an HMAC under the server secret of
 * the id and the invitation's current link version. Nothing secret is stored: "copy link" and the
 * emails recompute the token, "send new invitation" bumps the version (every older link dies), and
 * a database dump alone cannot forge a link.
 *
 * Each invitation has two live links. The `copied` one is what administrators see (the wizard's
 * summary, "copy link"). The `emailed` one only ever goes to the invitee's mailbox (the invitation
 * emails, and the host's service API, which delivers it there): holding it proves the mailbox, and
 * only it lets a new person register. Otherwise any administrator could copy their own invitation
 * link and register the address themselves, claiming it on the whole platform.
 */
export type LinkKind = 'copied' | 'emailed';

const ID_BYTES = 16;

function mac(secret: string, invitationId: string, linkVersion: number, kind: LinkKind): Buffer {
  // The copied link keeps the original domain, so links sent before there were two stay valid (as copied ones).
  const domain = kind === 'copied' ? 'roster-invitation' : 'roster-invitation-emailed';
  return createHmac('sha256', secret).update(`${domain}:${invitationId}:${linkVersion}`).digest();
}

export function invitationToken(secret: string, invitationId: string, linkVersion: number, kind: LinkKind): string {
  const id = Buffer.from(invitationId.replaceAll('-', ''), 'hex');
  return `${id.toString('base64url')}.${mac(secret, invitationId, linkVersion, kind).toString('base64url')}`;
}

/**
 * Exactly the form `invitationToken` writes: 22 and 43 base64url characters, no padding. Base64url
 * decoding skips characters outside its alphabet and ignores the unused low bits of the last
 * character, so decoding alone would let `=`, `!`, `~` or a flipped last bit through as the same link.
 */
const CANONICAL_TOKEN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;

/** The invitation a token names, or null when it is not in canonical form. Verify it next. */
export function invitationIdOf(token: string): string | null {
  if (!CANONICAL_TOKEN.test(token)) return null;
  const idPart = token.slice(0, token.indexOf('.'));
  const id = Buffer.from(idPart, 'base64url');
  // Two spellings of one id differ in the unused bits of the last character: only one is canonical.
  if (id.length !== ID_BYTES || id.toString('base64url') !== idPart) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Which live link of this invitation, at this link version, the token is, character for character
 * (compared in constant time: a near miss reveals nothing); null when it is neither.
 */
export function liveLinkKind(token: string, secret: string, invitationId: string, linkVersion: number): LinkKind | null {
  const given = Buffer.from(token);
  const matches = (kind: LinkKind) => {
    const expected = Buffer.from(invitationToken(secret, invitationId, linkVersion, kind));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  // Both compared every time: which one matched takes no longer to find out.
  const [copied, emailed] = [matches('copied'), matches('emailed')];
  return emailed ? 'emailed' : copied ? 'copied' : null;
}

/** `<public URL>/invite/<token>`: the demo (or the host) serves the invitee's screen there. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invite/${token}`;
}
