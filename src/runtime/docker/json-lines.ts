// Docker's progress streams (pull, build, events) are JSON objects, one per line, arriving in arbitrary chunks.

/**
 * Calls `onLine` with each parsed object (and its raw text). If `onLine` throws, reading stops and `done` gets that
 * error; otherwise `done` is called once the stream ends (no error) or fails or closes early (an error).
 */
export function readJsonLines(
  stream: NodeJS.ReadableStream,
  onLine: (value: unknown, raw: string) => void,
  done: (err?: Error) => void,
): void {
  let buf = '';
  let finished = false;
  const finish = (err?: Error) => {
    if (finished) return;
    finished = true;
    done(err);
  };
  const handle = (raw: string): boolean => {
    const line = raw.trim();
    if (!line) return true;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return true; // not JSON (a proxy's banner, say): nothing to report
    }
    try {
      onLine(value, line);
      return true;
    } catch (e) {
      finish(e as Error);
      (stream as { destroy?: () => void }).destroy?.();
      return false;
    }
  };
  stream.on('data', (chunk: Buffer | string) => {
    if (finished) return;
    buf += chunk.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const raw = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!handle(raw)) return;
    }
  });
  stream.on('end', () => {
    if (!finished && handle(buf)) finish();
  });
  stream.on('error', (e: Error) => finish(e));
  stream.on('close', () => finish(new Error('the connection to the Docker engine closed early')));
}
