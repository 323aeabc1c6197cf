import { msg } from '@lit/localize';
import type { ApiError } from '../api/api-error.ts';

/**
 * A refusal's words for people: ours when the server could not be reached (the error then says
 * nothing useful), otherwise the server's own explanation, framed by `about` when the element says
 * what failed ("The users could not be loaded: …"). Elements handle the codes they have better
 * words for before asking here.
 */
export function problemText(error: ApiError, about: (serverText: string) => string = (serverText) => serverText): string {
  if (error.code === 'network_error') return msg('The server could not be reached. Check your connection and try again.');
  return about(error.message);
}
