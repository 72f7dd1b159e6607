// Small helpers the runtime tests share: poll until a condition holds (with a deadline, no fixed
// sleeps), and read a stream to its end.

/** Calls `fn` until it returns a value (not undefined/null/false), pausing 20 ms doubling to 250 ms; fails after the deadline. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, deadlineMs = 15_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      const v = await fn();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** A stream's whole text (utf8), once it ends. */
export function readAll(s: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (b: Buffer) => chunks.push(Buffer.from(b)));
    s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    s.on('error', reject);
  });
}
