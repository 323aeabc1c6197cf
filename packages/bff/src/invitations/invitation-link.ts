import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Invitation links carry `<invitation id>.<MAC>`, the MAC being an HMAC under the server secret of
 * the id and the invitation's current link version. Nothing secret is stored: "copy link" and the
 * emails recompute the token, "send new invitation" bumps the version (every older link dies), and
 * a database dump alone cannot forge a link.
 */

const ID_BYTES = 16;

function mac(secret: string, invitationId: string, linkVersion: number): Buffer {
  return createHmac('sha256', secret).update(`roster-invitation:${invitationId}:${linkVersion}`).digest();
}

export function invitationToken(secret: string, invitationId: string, linkVersion: number): string {
  const id = Buffer.from(invitationId.replaceAll('-', ''), 'hex');
  return `${id.toString('base64url')}.${mac(secret, invitationId, linkVersion).toString('base64url')}`;
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
 * Whether the token is, character for character, the live link of this invitation at this link
 * version (compared in constant time: a near miss reveals nothing).
 */
export function isLiveToken(token: string, secret: string, invitationId: string, linkVersion: number): boolean {
  const given = Buffer.from(token);
  const expected = Buffer.from(invitationToken(secret, invitationId, linkVersion));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `<public URL>/invite/<token>`: the demo (or the host) serves the invitee's screen there. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invite/${token}`;
}
