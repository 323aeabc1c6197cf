import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ProblemError } from '../errors.ts';

/** zod validation whose failure is a 400 `invalid_parameters` problem listing every bad field. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new ProblemError(400, 'invalid_parameters', 'Some parameters are not valid', {
        errors: result.error.issues.map((issue) => ({
          path: issue.path.join('.') || target,
          message: issue.message,
        })),
      });
    }
  });
}
