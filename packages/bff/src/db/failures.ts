/**
 * What a database failure means for the caller. A lost or refused connection is an outage (the
 * request may be tried again shortly: 503); a serialization failure or deadlock is a race that the
 * transaction helper retries; anything else is a bug.
 */

/** Thrown when no connection could be had: the database is down, unreachable or refusing us. */
export class DatabaseUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The database is unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATE classes and codes that say the connection, not the statement, failed. */
const CONNECTION_SQLSTATES = /^(08|57P0[1-4]|53300)/;
/** What node's sockets and pg's client say when the connection went away under a query. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /Connection terminated|not queryable|Query read timeout|timeout exceeded when trying to connect|Client was closed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_SQLSTATES.test(code) || CONNECTION_ERRNOS.has(code))) return true;
  return CONNECTION_MESSAGES.test(error.message);
}

/** 40001 serialization_failure, 40P01 deadlock_detected: safe to run the whole transaction again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
