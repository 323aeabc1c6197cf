import { describe, expect, it } from 'vitest';
import { demoHost } from '../demo-host.ts';
import { useTestApp } from '../testing/test-app.ts';

const { app } = useTestApp();

describe("the demo's API reference page (/api-docs)", () => {
  it('is served with scripts from its own origin only, no inline script', async () => {
    const page = await demoHost(app, null).request('/api-docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe|https?:)/);
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes!)?.[1])).toEqual(['/assets/scalar-api-reference.js', '/assets/api-reference.js']);
    expect(scripts.every(([, , body]) => body!.trim() === '')).toBe(true);
  });

  it("serves Scalar's bundle from node_modules, the script that points it at the document, and the document", async () => {
    const host = demoHost(app, null);
    const bundle = await host.request('/assets/scalar-api-reference.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toContain('createApiReference');
    const setup = await (await host.request('/assets/api-reference.js')).text();
    expect(setup).toContain("Scalar.createApiReference('#api-reference'");
    expect(setup).toContain("url: '/api/openapi.json'");
    const document = await host.request('/api/openapi.json');
    expect(document.status).toBe(200);
    expect((await document.json()).servers).toEqual([{ url: '/api' }]);
  });
});
