import { Validator } from '@seriousme/openapi-schema-validator';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.ts';

const { app } = useTestApp();

describe('GET /openapi.json', () => {
  it('describes every route the app answers, and nothing it does not', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}') || '/'}`);
    expect(new Set(described)).toEqual(new Set(routes));
  });

  it('is a valid OpenAPI 3.1 document (by the OpenAPI Initiative\'s own schema)', async () => {
    const document = await (await app.request('/openapi.json')).json();
    const validator = new Validator({ allErrors: true });
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes the refusals by status with their codes, Retry-After, the session cookie and the three ways in', async () => {
    const document = await (await app.request('/openapi.json')).json();
    const codes = (responses: Record<string, { content: Record<string, { schema: { properties: { code: { enum: string[] } } } }> }>, status: number) =>
      responses[status]!.content['application/problem+json']!.schema.properties.code.enum;
    const signIn = document.paths['/session'].post.responses;
    expect(signIn['200'].headers['Set-Cookie'].required).toBe(true);
    expect(codes(signIn, 401)).toEqual(['invalid_token', 'invalid_credentials']);
    expect(codes(signIn, 429)).toEqual(['too_many_attempts', 'too_many_attempts_from_address', 'sign_in_slowed_down']);
    expect(signIn['429'].headers['Retry-After']).toEqual({ $ref: '#/components/headers/RetryAfter' });
    expect(codes(signIn, 403)).toEqual(['csrf_rejected']);
    const edit = document.paths['/accounts/{accountId}/users/{userId}'].patch.responses;
    expect(Object.keys(edit)).toEqual(['200', '400', '401', '403', '404', '409', '413', '500', '503']);
    expect(codes(edit, 413)).toEqual(['body_too_large']);
    expect(codes(edit, 403)).toEqual(['csrf_rejected', 'forbidden']);
    expect(codes(edit, 409)).toEqual(['already_removed', 'version_conflict', 'last_administrator']);
    expect(codes(edit, 503)).toEqual(['identity_provider_unavailable', 'database_unavailable', 'database_busy']);
    expect(codes(document.paths['/me/avatar'].put.responses, 415)).toEqual(['unsupported_image']);
    // Any member may read who administers the account: no 403 there.
    expect(document.paths['/accounts/{accountId}/administrators'].get.responses['403']).toBeUndefined();
    expect(Object.keys(document.components.securitySchemes)).toEqual(['session', 'hostToken', 'serviceToken']);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'roster_session' });
    expect(document.paths['/service/accounts'].post.security).toEqual([{ serviceToken: [] }]);
    expect(Object.keys(document.paths['/service/accounts'].post.responses)).toContain('201');
    expect(document.paths['/health'].get.responses['503'].content['application/json'].schema.properties.database.enum).toContain('down');
  });

  it('carries the request and response schemas of the shared zod definitions', async () => {
    const document = await (await app.request('/openapi.json')).json();
    const invite = document.paths['/accounts/{accountId}/invitations'].post;
    expect(invite.parameters).toEqual([{ name: 'accountId', in: 'path', required: true, schema: { type: 'string' } }]);
    const body = invite.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['invitees', 'groupIds']);
    expect(body.properties.invitees.maxItems).toBe(50);
    const list = document.paths['/accounts/{accountId}/users'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['accountId', 'q', 'state', 'group', 'sort', 'order', 'limit', 'cursor']);
    const page = list.responses['200'].content['application/json'].schema;
    expect(page.required).toEqual(['items', 'nextCursor', 'total', 'totalCapped']);
    expect(page.properties.totalCapped.type).toBe('boolean');
    expect(document.paths['/invitations/{token}'].get.security).toEqual([]);
    const invitationCodes = invite.responses['429'].content['application/problem+json'].schema.properties.code.enum;
    expect(invitationCodes).toEqual(['rate_limited']);
  });

  it('names the mount point as its server', async () => {
    const host = new Hono().route('/api', app);
    const document = await (await host.request('/api/openapi.json')).json();
    expect(document.servers).toEqual([{ url: '/api' }]);
  });
});
