import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './testing/test-app.ts';

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
    expect(list.responses.default.content['application/problem+json'].schema.properties.code.enum).toContain('rate_limited');
  });

  it('names the mount point as its server', async () => {
    const host = new Hono().route('/api', app);
    const document = await (await host.request('/api/openapi.json')).json();
    expect(document.servers).toEqual([{ url: '/api' }]);
  });
});
