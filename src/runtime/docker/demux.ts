// Docker multiplexes stdout and stderr of a container without a TTY into frames:
//   [stream (0 stdin, 1 stdout, 2 stderr), 0, 0, 0, payload size (uint32 big-endian)] + payload
// e.g. "hi\n" on stderr arrives as 02 00 00 00 00 00 00 03 68 69 0a. Frames may be split across chunks.
import { PassThrough, type Writable } from 'node:stream';

export interface Frame {
  stream: number;
  payload: Buffer;
}

/** Incremental frame parser: push chunks in, get the complete frames out. */
export class FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.buf.length >= 8) {
      const size = this.buf.readUInt32BE(4);
      if (this.buf.length < 8 + size) break;
      frames.push({ stream: this.buf[0]!, payload: this.buf.subarray(8, 8 + size) });
      this.buf = this.buf.subarray(8 + size);
    }
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get pending(): number {
    return this.buf.length;
  }
}

/**
 * Copies a multiplexed stream into stdout/stderr (which may be the same stream, for a merged log), pausing the
 * source while a target is full. `done` is called once: without an error when the source ended, with one when it
 * failed or closed early.
 */
export function demux(
  src: NodeJS.ReadableStream,
  targets: { stdout: Writable; stderr: Writable },
  done: (err?: Error) => void,
): void {
  const decoder = new FrameDecoder();
  let finished = false;
  const finish = (err?: Error) => {
    if (finished) return;
    finished = true;
    done(err);
  };
  src.on('data', (chunk: Buffer) => {
    let blocked: Writable | undefined;
    for (const f of decoder.push(chunk)) {
      const target = f.stream === 2 ? targets.stderr : targets.stdout;
      if (!target.write(f.payload)) blocked = target;
    }
    if (blocked && !blocked.destroyed) {
      src.pause();
      blocked.once('drain', () => src.resume());
    }
  });
  src.on('end', () => finish());
  src.on('error', (err: Error) => finish(err));
  src.on('close', () => finish(new Error('the connection to the Docker engine closed early')));
}

/** A multiplexed stream as one stream of its stdout and stderr, in order. Destroying it stops the source. */
export function mergeFrames(src: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const out = new PassThrough();
  demux(src, { stdout: out, stderr: out }, (err) => (err ? out.destroy(err) : out.end()));
  out.on('close', () => destroyQuietly(src));
  return out;
}

/** A raw (TTY) stream passed through; destroying the result stops the source. */
export function passRaw(src: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const out = new PassThrough();
  src.pipe(out);
  src.on('error', (err: Error) => out.destroy(err));
  src.on('close', () => {
    if (!out.writableEnded) out.destroy(new Error('the connection to the Docker engine closed early'));
  });
  out.on('close', () => destroyQuietly(src));
  return out;
}

export function destroyQuietly(s: unknown): void {
  const d = s as { destroy?: () => void; destroyed?: boolean };
  if (!d.destroyed) d.destroy?.();
}
