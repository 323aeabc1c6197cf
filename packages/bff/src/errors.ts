import type { Problem, ProblemCode } from '@roster/shared';

/** The HTTP statuses Roster refuses with; `http/problem.ts` turns a ProblemError into the answer. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 503;

/**
 * A refusal with a stable code. Services throw it; the one `onError` turns it into problem+json.
 * It lives on the ground floor (no Hono) so services never depend on the HTTP layer.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly code: ProblemCode,
    readonly title: string,
    readonly extra: Pick<Problem, 'detail' | 'errors' | 'retryAfter'> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export const notFound = (what = 'Not found') => new ProblemError(404, 'not_found', what);
