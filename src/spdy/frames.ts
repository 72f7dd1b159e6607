// SPDY/3.1 framing (draft 3.1), pure: bytes in, frames out, and back. No sockets here.
//
//   control frame: 1 | version(15) = 3 | type(16) | flags(8) | length(24) | payload
//   data frame:    0 | stream id(31)             | flags(8) | length(24) | payload
//
// Kubernetes' port-forward (and exec's SPDY fallback) uses SYN_STREAM, SYN_REPLY, RST_STREAM, DATA, PING and
// GOAWAY; SETTINGS, WINDOW_UPDATE and HEADERS are parsed so they can be ignored. Header blocks are
// zlib-compressed name/value lists (see headers.ts).

export const SPDY_VERSION = 3;

export const FrameType = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;

/** RST_STREAM status codes. */
export const RstStatus = {
  PROTOCOL_ERROR: 1,
  INVALID_STREAM: 2,
  REFUSED_STREAM: 3,
  UNSUPPORTED_VERSION: 4,
  CANCEL: 5,
  INTERNAL_ERROR: 6,
  FLOW_CONTROL_ERROR: 7,
  STREAM_IN_USE: 8,
  STREAM_ALREADY_CLOSED: 9,
} as const;

/** The largest payload a frame can carry (24-bit length). */
export const MAX_FRAME_PAYLOAD = 0xffffff;

export type Frame =
  | { type: 'data'; streamId: number; flags: number; data: Buffer }
  | { type: 'control'; kind: number; version: number; flags: number; payload: Buffer };

/** Incremental parser: push chunks (any boundaries), get the complete frames. */
export class FrameParser {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Frame[] = [];
    while (this.buf.length >= 8) {
      const len = this.buf.readUIntBE(5, 3);
      if (this.buf.length < 8 + len) break;
      const flags = this.buf[4]!;
      const payload = this.buf.subarray(8, 8 + len);
      if (this.buf[0]! & 0x80) {
        out.push({ type: 'control', version: this.buf.readUInt16BE(0) & 0x7fff, kind: this.buf.readUInt16BE(2), flags, payload });
      } else {
        out.push({ type: 'data', streamId: this.buf.readUInt32BE(0) & 0x7fffffff, flags, data: payload });
      }
      this.buf = this.buf.subarray(8 + len);
    }
    return out;
  }

  /** Bytes of an incomplete frame waiting for the rest. */
  get pending(): number {
    return this.buf.length;
  }
}

function header(first32: number, flags: number, length: number): Buffer {
  if (length > MAX_FRAME_PAYLOAD) throw new RangeError(`SPDY frame payload too large: ${length}`);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(first32 >>> 0, 0);
  h[4] = flags;
  h.writeUIntBE(length, 5, 3);
  return h;
}

export function controlFrame(kind: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header(((0x8000 | SPDY_VERSION) << 16) | kind, flags, payload.length), payload]);
}

/** One DATA frame (callers split data larger than MAX_FRAME_PAYLOAD). */
export function dataFrame(streamId: number, data: Buffer, fin = false): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, fin ? FLAG_FIN : 0, data.length), data]);
}

export function synStreamFrame(streamId: number, headerBlock: Buffer, flags = 0, associatedId = 0, priority = 0): Buffer {
  const p = Buffer.alloc(10);
  p.writeUInt32BE(streamId & 0x7fffffff, 0);
  p.writeUInt32BE(associatedId & 0x7fffffff, 4);
  p[8] = (priority & 0x7) << 5;
  p[9] = 0; // slot
  return controlFrame(FrameType.SYN_STREAM, flags, Buffer.concat([p, headerBlock]));
}

export function synReplyFrame(streamId: number, headerBlock: Buffer, flags = 0): Buffer {
  const p = Buffer.alloc(4);
  p.writeUInt32BE(streamId & 0x7fffffff, 0);
  return controlFrame(FrameType.SYN_REPLY, flags, Buffer.concat([p, headerBlock]));
}

export function rstStreamFrame(streamId: number, status: number): Buffer {
  const p = Buffer.alloc(8);
  p.writeUInt32BE(streamId & 0x7fffffff, 0);
  p.writeUInt32BE(status, 4);
  return controlFrame(FrameType.RST_STREAM, 0, p);
}

export function pingFrame(id: number): Buffer {
  const p = Buffer.alloc(4);
  p.writeUInt32BE(id >>> 0, 0);
  return controlFrame(FrameType.PING, 0, p);
}

export function goAwayFrame(lastGoodStreamId: number, status = 0): Buffer {
  const p = Buffer.alloc(8);
  p.writeUInt32BE(lastGoodStreamId & 0x7fffffff, 0);
  p.writeUInt32BE(status, 4);
  return controlFrame(FrameType.GOAWAY, 0, p);
}

/** The fields of a control frame's payload, by kind. */
export type Control =
  | { kind: 'syn_stream'; streamId: number; associatedId: number; priority: number; flags: number; headerBlock: Buffer }
  | { kind: 'syn_reply'; streamId: number; flags: number; headerBlock: Buffer }
  | { kind: 'headers'; streamId: number; flags: number; headerBlock: Buffer }
  | { kind: 'rst_stream'; streamId: number; status: number }
  | { kind: 'ping'; id: number }
  | { kind: 'goaway'; lastGoodStreamId: number; status: number }
  | { kind: 'window_update'; streamId: number; delta: number }
  | { kind: 'settings'; entries: { flags: number; id: number; value: number }[] }
  | { kind: 'unknown'; type: number };

/** Decodes a control frame's payload. Throws on a payload too short for its kind. */
export function decodeControl(f: Extract<Frame, { type: 'control' }>): Control {
  const p = f.payload;
  const need = (n: number) => {
    if (p.length < n) throw new Error(`SPDY control frame type ${f.kind}: payload of ${p.length} bytes, need ${n}`);
  };
  switch (f.kind) {
    case FrameType.SYN_STREAM:
      need(10);
      return {
        kind: 'syn_stream',
        streamId: p.readUInt32BE(0) & 0x7fffffff,
        associatedId: p.readUInt32BE(4) & 0x7fffffff,
        priority: p[8]! >> 5,
        flags: f.flags,
        headerBlock: p.subarray(10),
      };
    case FrameType.SYN_REPLY:
      need(4);
      return { kind: 'syn_reply', streamId: p.readUInt32BE(0) & 0x7fffffff, flags: f.flags, headerBlock: p.subarray(4) };
    case FrameType.HEADERS:
      need(4);
      return { kind: 'headers', streamId: p.readUInt32BE(0) & 0x7fffffff, flags: f.flags, headerBlock: p.subarray(4) };
    case FrameType.RST_STREAM:
      need(8);
      return { kind: 'rst_stream', streamId: p.readUInt32BE(0) & 0x7fffffff, status: p.readUInt32BE(4) };
    case FrameType.PING:
      need(4);
      return { kind: 'ping', id: p.readUInt32BE(0) };
    case FrameType.GOAWAY:
      need(4);
      return { kind: 'goaway', lastGoodStreamId: p.readUInt32BE(0) & 0x7fffffff, status: p.length >= 8 ? p.readUInt32BE(4) : 0 };
    case FrameType.WINDOW_UPDATE:
      need(8);
      return { kind: 'window_update', streamId: p.readUInt32BE(0) & 0x7fffffff, delta: p.readUInt32BE(4) & 0x7fffffff };
    case FrameType.SETTINGS: {
      need(4);
      const n = p.readUInt32BE(0);
      need(4 + n * 8);
      const entries = [];
      for (let i = 0; i < n; i++) {
        const o = 4 + i * 8;
        entries.push({ flags: p[o]!, id: p.readUIntBE(o + 1, 3), value: p.readUInt32BE(o + 4) });
      }
      return { kind: 'settings', entries };
    }
    default:
      return { kind: 'unknown', type: f.kind };
  }
}
