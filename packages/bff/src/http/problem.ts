import type { Context } from 'hono';
import type { Problem } from '@roster/shared';
import type { ProblemError } from '../errors.ts';

/** The RFC 9457 answer for a refusal. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const body: Problem = {
    type: `https://roster.dev/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...error.extra,
  };
  return c.body(JSON.stringify(body), error.status, {
    'content-type': 'application/problem+json',
    ...error.headers,
  });
}
