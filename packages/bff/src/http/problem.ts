import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem, ProblemCode } from '@roster/shared';

/** A refusal with a stable code. Services throw it; the one `onError` turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly title: string,
    readonly extra: Pick<Problem, 'detail' | 'errors' | 'retryAfter'> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

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

export const notFound = (what = 'Not found') => new ProblemError(404, 'not_found', what);
