import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { UNKNOWN_ADDRESS } from '../session/sign-in-brake.ts';

/**
 * Where a request came from. `X-Forwarded-*` headers are only believed when the host said how many
 * proxies of its own stand in front of the app (`trustProxy`): anyone else can write them.
 */

/** The entry the nearest trusted proxy saw: each proxy appends the address of whoever connected to it. */
function forwardedEntry(header: string | undefined, trustedProxies: number): string | undefined {
  const entries = (header ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (trustedProxies <= 0 || entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedProxies)];
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (another runtime, or app.request() without an env).
    return undefined;
  }
}

/**
 * The client's IP address: the socket's, or the trusted proxy's `X-Forwarded-For` entry; else
 * `UNKNOWN_ADDRESS` (a runtime without a Node socket, `app.request()` without an env).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = forwardedEntry(c.req.header('x-forwarded-for'), c.var.deps.trustProxy);
  const address = (forwarded && isIP(forwarded) ? forwarded : undefined) ?? socketAddress(c);
  if (!address || !isIP(address)) return UNKNOWN_ADDRESS;
  // An IPv4 client seen through an IPv6 socket is still that IPv4 client.
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** Whether the client reached us over https, directly or through a trusted TLS-terminating proxy. */
export function cameOverHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return forwardedEntry(c.req.header('x-forwarded-proto'), c.var.deps.trustProxy)?.toLowerCase() === 'https';
}
