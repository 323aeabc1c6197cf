import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../testing/fixtures.ts';
import { conformanceChecks, conformingToOpenApi, openApiMismatches } from '../testing/openapi-conformance.ts';
import { useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  answer(status, { type: `https://roster.dev/problems/${code}`, title: 'Refused', status, code }, { 'content-type': 'application/problem+json', ...headers });

describe('the OpenAPI conformance check of every answer the tests receive', () => {
  it('passes answers as the document describes them', async () => {
    expect(await openApiMismatches('GET', '/accounts/abc/users/def/invitation/link', problem(409, 'not_invited'))).toEqual([]);
    expect(await openApiMismatches('DELETE', '/session', new Response(null, { status: 204, headers: { 'set-cookie': 'roster_session=; Max-Age=0' } }))).toEqual([]);
    expect(await openApiMismatches('GET', '/no/such/route', problem(404, 'not_found'))).toEqual([]);
  });

  it('fails a body that does not match its schema', async () => {
    const [mismatch] = await openApiMismatches('GET', '/health', answer(200, { ok: 'yes', database: 'pglite', outbox: null }));
    expect(mismatch).toMatch(/GET \/health → 200: the body does not match its schema: \/ok must be boolean/);
    expect(await openApiMismatches('GET', '/health', answer(200, { ok: true, database: 'pglite', outbox: null, extra: 1 }))).toHaveLength(1);
  });

  it('fails a status the operation does not describe, and a refusal code not listed for its status', async () => {
    expect(await openApiMismatches('GET', '/me', problem(409, 'version_conflict'))).toEqual([
      'GET /me → 409: status not described (described: 200, 401, 500, 503)',
    ]);
    const [wrongCode] = await openApiMismatches('PATCH', '/accounts/a/users/b', problem(409, 'not_blocked'));
    expect(wrongCode).toMatch(/\/code must be equal to one of the allowed values/);
  });

  it('fails a content type not described, and a missing required header', async () => {
    expect(await openApiMismatches('GET', '/me', answer(401, { code: 'unauthenticated' }))).toEqual([
      'GET /me → 401: content type application/json not described (described: application/problem+json)',
    ]);
    expect(await openApiMismatches('POST', '/session', problem(429, 'too_many_attempts'))).toEqual(['POST /session → 429: required header Retry-After missing']);
    expect(await openApiMismatches('GET', '/avatars/a/b', new Response('GIF89a', { status: 200, headers: { 'content-type': 'image/gif' } }))).toEqual([
      'GET /avatars/{userId}/{hash} → 200: content type image/gif not described (described: image/webp)',
    ]);
    expect(await openApiMismatches('GET', '/no/such/route', answer(200, {}))).toHaveLength(1);
  });

  it("fails the request of a test whose app answers otherwise than the document says, and counts each answer it checks", async () => {
    const wrong = conformingToOpenApi(new Hono().get('/me', (c) => c.json({ id: 42 }, 200)));
    await expect(wrong.request('/me')).rejects.toThrow(/does not conform to GET \/openapi.json:\nGET \/me → 200: the body does not match/);

    // The test apps are wrapped: each answer they give is checked.
    const before = conformanceChecks();
    expect((await app.request('/me')).status).toBe(401);
    await signInAs(app, 'nobody@example.test').catch(() => {});
    expect(conformanceChecks()).toBe(before + 2);
    expect(database.kind).toMatch(/pglite|postgres/);
  });
});
