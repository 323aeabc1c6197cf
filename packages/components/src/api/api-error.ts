import type { Problem, ProblemCode } from '@roster/shared';

/** `network_error`: the request never got an answer (offline, server down, CORS). */
export type ApiErrorCode = ProblemCode | 'network_error';

/** A refused or failed API call. Elements switch on `code`; `message` is the server's text for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, 0 when there was no answer. */
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

interface ResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}

/**
 * A problem+json body, checked by shape rather than with the shared zod schema: a code this client
 * does not know yet still reads as a problem, and the browser bundle needs no zod for it.
 */
function isProblemBody(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const { code, title, status } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof title === 'string' && typeof status === 'number';
}

/** The body type of the successful members of a typed `hc` response union. */
type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/**
 * The one place API answers are turned into values or errors: awaits a typed-client call, returns the
 * JSON of a successful answer, and throws an {@link ApiError} carrying the problem's `code` otherwise.
 * Aborts are re-thrown untouched so callers (and `@lit/task`) can ignore stale requests.
 */
export async function send<R extends ResponseLike>(request: Promise<R>): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await request;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network_error', error instanceof Error ? error.message : String(error), 0);
  }
  // 204 (e.g. signing out) has no body to read.
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as SuccessBody<R>;

  const body: unknown = await response.json().catch(() => undefined);
  if (isProblemBody(body)) throw new ApiError(body.code, body.detail ?? body.title, response.status, body);
  throw new ApiError('internal_error', response.statusText || `HTTP ${response.status}`, response.status);
}

/** Anything a request threw, as an {@link ApiError} (an unexpected throw becomes `internal_error`). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal_error', String(error), 0);
}
