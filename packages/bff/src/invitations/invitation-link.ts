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

/** The invitation a token names, or null when it is not even well formed. Verify it next. */
export function invitationIdOf(token: string): string | null {
  const [idPart, macPart, ...rest] = token.split('.');
  if (!idPart || !macPart || rest.length > 0 || token.length > 200) return null;
  const id = Buffer.from(idPart, 'base64url');
  if (id.length !== ID_BYTES) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether the token is the live link of this invitation at this link version. */
export function isLiveToken(token: string, secret: string, invitationId: string, linkVersion: number): boolean {
  const given = Buffer.from(token.split('.')[1] ?? '', 'base64url');
  const expected = mac(secret, invitationId, linkVersion);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `<public URL>/invite/<token>`: the demo (or the host) serves the invitee's screen there. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invite/${token}`;
}
