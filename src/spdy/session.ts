// A SPDY/3.1 session over any byte transport (a raw upgraded socket, or the binary messages of a WebSocket
// that tunnels SPDY as kubectl 1.35 does), in either role. Streams are Node Duplexes: writing sends DATA,
// end() sends FIN (a half-close), incoming DATA is readable, an incoming FIN ends the readable side.
// Backpressure: a stream's write completes when the transport took the frame; a stream whose reader is full
// pauses the transport until it is read again. Flow-control windows are not enforced (Kubernetes' spdystream
// peers neither need WINDOW_UPDATE nor send one that matters).
import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import {
  FLAG_FIN,
  FrameParser,
  MAX_FRAME_PAYLOAD,
  RstStatus,
  dataFrame,
  decodeControl,
  goAwayFrame,
  pingFrame,
  rstStreamFrame,
  synReplyFrame,
  synStreamFrame,
  type Frame,
} from './frames.js';
import { HeaderCompressor, HeaderDecompressor, type HeaderMap } from './headers.js';

export interface Transport {
  write(buf: Buffer, cb?: (err?: Error | null) => void): void;
  pause(): void;
  resume(): void;
  /** Ends the underlying connection. */
  close(): void;
}

export class SpdyStream extends Duplex {
  /** The headers of its SYN_STREAM. */
  readonly headers: HeaderMap;
  private localFin = false;
  private remoteFin = false;
  private resetByPeer = false;
  private replyWaiters: { resolve: (h: HeaderMap) => void; reject: (e: Error) => void }[] = [];
  replyHeaders?: HeaderMap;

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    headers: HeaderMap,
  ) {
    super({ allowHalfOpen: true, highWaterMark: 256 * 1024 });
    this.headers = headers;
  }

  /** Answers the peer's SYN_STREAM. */
  reply(headers: HeaderMap = {}): void {
    this.session.send(synReplyFrame(this.id, this.session.compressHeaders(headers)));
  }

  /** Resolves with the SYN_REPLY headers of a stream we opened. */
  waitReply(timeoutMs = 30_000): Promise<HeaderMap> {
    if (this.replyHeaders) return Promise.resolve(this.replyHeaders);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Timeout occurred')), timeoutMs);
      timer.unref?.();
      this.replyWaiters.push({
        resolve: (h) => (clearTimeout(timer), resolve(h)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }

  /** Sends RST_STREAM (CANCEL) and drops the stream. */
  reset(): void {
    this.destroy();
  }

  // ---- called by the session
  onReply(h: HeaderMap): void {
    this.replyHeaders = h;
    for (const w of this.replyWaiters.splice(0)) w.resolve(h);
  }

  onData(data: Buffer, fin: boolean): boolean {
    let ok = true;
    if (data.length && !this.remoteFin) ok = this.push(data);
    if (fin) this.onRemoteFin();
    return ok;
  }

  onRemoteFin(): void {
    if (this.remoteFin) return;
    this.remoteFin = true;
    this.push(null);
    this.maybeDone();
  }

  onReset(status: number): void {
    this.resetByPeer = true;
    for (const w of this.replyWaiters.splice(0)) w.reject(new Error(`stream reset by peer (status ${status})`));
    this.destroy(status === RstStatus.CANCEL ? undefined : new Error(`stream ${this.id} reset by peer (status ${status})`));
  }

  // ---- Duplex
  override _read(): void {
    this.session.streamDrained(this);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.session.closed) return cb(new Error('SPDY session closed'));
    this.session.sendData(this.id, chunk, false, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.localFin = true;
    if (this.session.closed) return cb();
    this.session.sendData(this.id, Buffer.alloc(0), true, (e) => {
      cb(e);
      this.maybeDone();
    });
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!(this.localFin && this.remoteFin) && !this.resetByPeer && !this.session.closed) {
      this.session.send(rstStreamFrame(this.id, RstStatus.CANCEL));
    }
    for (const w of this.replyWaiters.splice(0)) w.reject(err ?? new Error('stream closed'));
    this.session.forget(this);
    cb(err);
  }

  private maybeDone(): void {
    if (this.localFin && this.remoteFin) this.session.forget(this);
  }
}

export interface SpdySessionEvents {
  stream: (s: SpdyStream) => void;
  close: () => void;
  goaway: () => void;
}

export class SpdySession extends EventEmitter {
  private readonly streams = new Map<number, SpdyStream>();
  private readonly parser = new FrameParser();
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  private readonly blocked = new Set<SpdyStream>();
  private nextId: number;
  private nextPing: number;
  private lastPeerStream = 0;
  closed = false;

  constructor(
    private readonly transport: Transport,
    readonly role: 'client' | 'server',
  ) {
    super();
    this.nextId = role === 'client' ? 1 : 2;
    this.nextPing = role === 'client' ? 1 : 2;
  }

  /** Feeds bytes read from the transport. A protocol error closes the session. */
  receive(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Frame[];
    try {
      frames = this.parser.push(chunk);
      for (const f of frames) this.handle(f);
    } catch (e) {
      this.close(e as Error);
    }
  }

  /** Opens a stream (SYN_STREAM). */
  openStream(headers: HeaderMap): SpdyStream {
    if (this.closed) throw new Error('SPDY session closed');
    const id = this.nextId;
    this.nextId += 2;
    const s = new SpdyStream(this, id, headers);
    this.streams.set(id, s);
    this.send(synStreamFrame(id, this.compressHeaders(headers)));
    return s;
  }

  ping(): void {
    this.send(pingFrame(this.nextPing));
    this.nextPing += 2;
  }

  /** Says GOAWAY, then ends the transport and every stream. */
  goAway(err?: Error): void {
    if (this.closed) return;
    this.send(goAwayFrame(this.lastPeerStream));
    this.close(err);
  }

  /** Ends every stream (with err, if any) and the transport. */
  close(err?: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams.values()]) s.destroy(err);
    this.streams.clear();
    this.transport.close();
    this.emit('close', err);
  }

  /** The transport is gone (closed by the peer or broken). */
  transportClosed(err?: Error): void {
    this.close(err ?? new Error('connection closed'));
  }

  get streamCount(): number {
    return this.streams.size;
  }

  // ---- used by streams
  send(frame: Buffer, cb?: (err?: Error | null) => void): void {
    if (this.closed) {
      cb?.(new Error('SPDY session closed'));
      return;
    }
    this.transport.write(frame, cb);
  }

  sendData(id: number, data: Buffer, fin: boolean, cb: (err?: Error | null) => void): void {
    if (data.length <= MAX_FRAME_PAYLOAD) return this.send(dataFrame(id, data, fin), cb);
    for (let o = 0; o < data.length; o += MAX_FRAME_PAYLOAD) {
      const last = o + MAX_FRAME_PAYLOAD >= data.length;
      this.send(dataFrame(id, data.subarray(o, o + MAX_FRAME_PAYLOAD), fin && last), last ? cb : undefined);
    }
  }

  compressHeaders(h: HeaderMap): Buffer {
    return this.compressor.compress(h);
  }

  streamDrained(s: SpdyStream): void {
    if (this.blocked.delete(s) && this.blocked.size === 0 && !this.closed) this.transport.resume();
  }

  forget(s: SpdyStream): void {
    if (this.streams.get(s.id) === s) this.streams.delete(s.id);
    this.streamDrained(s);
  }

  // ---- incoming frames
  private handle(f: Frame): void {
    if (f.type === 'data') {
      const s = this.streams.get(f.streamId);
      if (!s) return; // late data for a stream already closed: dropped
      if (!s.onData(f.data, (f.flags & FLAG_FIN) !== 0) && !this.blocked.has(s)) {
        this.blocked.add(s);
        this.transport.pause();
      }
      return;
    }
    const c = decodeControl(f);
    switch (c.kind) {
      case 'syn_stream': {
        const headers = this.decompressor.decompress(c.headerBlock);
        if (this.streams.has(c.streamId)) {
          this.send(rstStreamFrame(c.streamId, RstStatus.PROTOCOL_ERROR));
          return;
        }
        this.lastPeerStream = Math.max(this.lastPeerStream, c.streamId);
        const s = new SpdyStream(this, c.streamId, headers);
        this.streams.set(c.streamId, s);
        if (c.flags & FLAG_FIN) s.onRemoteFin();
        this.emit('stream', s);
        return;
      }
      case 'syn_reply': {
        const headers = this.decompressor.decompress(c.headerBlock);
        const s = this.streams.get(c.streamId);
        s?.onReply(headers);
        if (s && c.flags & FLAG_FIN) s.onRemoteFin();
        return;
      }
      case 'headers': {
        this.decompressor.decompress(c.headerBlock); // keeps the compression context in step
        if (c.flags & FLAG_FIN) this.streams.get(c.streamId)?.onRemoteFin();
        return;
      }
      case 'rst_stream':
        this.streams.get(c.streamId)?.onReset(c.status);
        return;
      case 'ping':
        // A peer's ping (the other parity) is echoed; an echo of ours needs nothing.
        if ((c.id % 2 === 1) !== (this.role === 'client')) this.send(pingFrame(c.id));
        else this.emit('pong', c.id);
        return;
      case 'goaway':
        this.emit('goaway');
        this.close();
        return;
      default:
        return; // SETTINGS, WINDOW_UPDATE, unknown: nothing to do
    }
  }
}
