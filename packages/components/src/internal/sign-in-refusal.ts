import { msg, str } from '@lit/localize';
import type { ApiError } from '../api/api-error.ts';
import { formatRelative } from './format.ts';

/** "in 40 seconds" below a minute, else "in 15 minutes" (partial minutes round up). */
function waitText(seconds: number) {
  return seconds < 60 ? formatRelative(seconds, 'second') : formatRelative(Math.ceil(seconds / 60), 'minute');
}

/**
 * Why the sign-in brake refused, by the limit that did (its `code`), with the wait; undefined for
 * any other error.
 */
export function signInRefusal(error: ApiError): string | undefined {
  const when = waitText(error.problem?.retryAfter ?? 60);
  switch (error.code) {
    case 'too_many_attempts':
      return msg(str`Too many attempts from this device; try again ${when}.`);
    case 'too_many_attempts_from_address':
      return msg(str`Too many failed sign-ins from your network; try again ${when}.`);
    case 'sign_in_slowed_down':
      return msg(str`Many sign-ins for this email failed recently, so they are slowed down; try again ${when}.`);
    default:
      return undefined;
  }
}
