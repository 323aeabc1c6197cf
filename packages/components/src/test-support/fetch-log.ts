/** Every answer the page's `fetch` got while recording, to assert that nothing was refused. */
export interface FetchLog {
  readonly answers: { method: string; url: string; status: number }[];
  /** The answers with a 4xx or 5xx status. */
  refused(): { method: string; url: string; status: number }[];
  stop(): void;
}

/** Wraps `window.fetch` (which the elements' typed client calls) until `stop()`. */
export function recordFetches(): FetchLog {
  const original = window.fetch;
  const answers: FetchLog['answers'] = [];
  window.fetch = async (input, init) => {
    const response = await original(input, init);
    const request = input instanceof Request ? input : undefined;
    answers.push({ method: init?.method ?? request?.method ?? 'GET', url: request?.url ?? String(input), status: response.status });
    return response;
  };
  return {
    answers,
    refused: () => answers.filter((a) => a.status >= 400),
    stop: () => void (window.fetch = original),
  };
}
