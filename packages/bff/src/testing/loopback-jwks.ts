import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  alg: 'ES256' | 'RS256' | 'EdDSA';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function generateSigningKey(kid: string, alg: SigningKey['alg'] = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * A host's identity provider on loopback: serves the key set it is given, and counts the fetches.
 * With `state.failWith` set, it answers that status instead (an identity provider having a bad day).
 */
export async function startLoopbackJwks(keys: SigningKey[]) {
  const state: { keys: SigningKey[]; fetches: number; failWith?: number } = { keys, fetches: 0 };
  const server = createServer((request, response) => {
    state.fetches++;
    if (state.failWith) {
      response.writeHead(state.failWith).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: state.keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A token as the host issues it. */
export function signToken(
  key: SigningKey,
  claims: JWTPayload & { email?: string },
  options: { issuer: string; audience: string; expiresIn?: string | number; notBefore?: string | number; kid?: string },
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(key.privateKey);
}
