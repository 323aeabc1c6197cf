/** `CHROME_PATH` when set, else /usr/bin/chromium, else the first known browser command on PATH. */
export function findChromiumPath(): string | undefined;
