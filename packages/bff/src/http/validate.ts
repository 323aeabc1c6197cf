import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ProblemError } from '../errors.ts';

/**
 * The largest JSON body any route takes: 50 invitees with the longest emails and names are about
 * 60 KB. A larger body is refused while it streams in, before it is read whole or parsed: without
 * a bound, four anonymous 50 MB sign-ins held 600 MB of the server's memory.
 */
export const MAX_JSON_BODY_BYTES = 128 * 1024;

const bodyTooLarge = () =>
  new ProblemError(413, 'body_too_large', 'The request body is too large', { detail: `At most ${MAX_JSON_BODY_BYTES / 1024} KB of JSON.` });

const limitJsonBody = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw bodyTooLarge();
  },
});

const invalid = (errors: { path: string; message: string }[]) =>
  new ProblemError(400, 'invalid_parameters', 'Some parameters are not valid', { errors });

/**
 * Where in `value` a string holds the NUL character, which PostgreSQL's text cannot store (the
 * statement would fail: a 500 instead of a 400); null when none does.
 */
function nulPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * zod validation whose failure is a 400 `invalid_parameters` problem listing every bad field (a
 * NUL character in any string is one); a JSON body is also bounded (413 `body_too_large`). Every
 * route that takes input takes it here.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) {
      throw invalid(result.error.issues.map((issue) => ({ path: issue.path.join('.') || target, message: issue.message })));
    }
    const nul = nulPath(result.data);
    if (nul) throw invalid([{ path: nul.join('.') || target, message: 'must not contain the NUL character' }]);
  });
  if (target !== 'json') return check;
  // The same middleware type, so routes still infer what `c.req.valid('json')` holds.
  return (async (c, next) => limitJsonBody(c, () => check(c, next))) as typeof check;
}
