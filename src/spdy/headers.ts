// SPDY/3 header blocks: a name/value list, zlib-compressed with one compression context per direction of a
// session, primed with the SPDY dictionary.
//
//   name/value block: count(32) then, per pair, length(32) name, length(32) value (all big-endian)
//
// Incoming blocks: every block a peer sends ends at a zlib sync flush (byte-aligned, no pending bits), and deflate
// only refers back 32 KiB, so each block can be inflated on its own as a raw deflate segment whose dictionary is
// the last 32 KiB of what the session inflated before (the SPDY dictionary at first). That keeps decoding
// synchronous and O(block size) while staying exactly equivalent to one long zlib stream.
// Outgoing blocks are written as zlib "stored" (uncompressed) blocks, each ending with the empty stored block
// 00 00 00 ff ff that Go's flate reader needs to hand the block over without reading past the frame.
import zlib from 'node:zlib';
import { SPDY_DICTIONARY } from './dictionary.js';

export type HeaderMap = Record<string, string>;

const WINDOW = 32 * 1024;

export function encodeNameValues(headers: HeaderMap): Buffer {
  const entries = Object.entries(headers);
  const parts: Buffer[] = [u32(entries.length)];
  for (const [k, v] of entries) {
    const name = Buffer.from(k.toLowerCase(), 'utf8');
    const value = Buffer.from(v, 'utf8');
    parts.push(u32(name.length), name, u32(value.length), value);
  }
  return Buffer.concat(parts);
}

/** Names lowercased; a name repeated keeps the values NUL-separated, as SPDY sends several values. */
export function decodeNameValues(buf: Buffer): HeaderMap {
  const out: HeaderMap = {};
  let o = 0;
  const take = (): Buffer => {
    if (o + 4 > buf.length) throw new Error('SPDY header block truncated');
    const n = buf.readUInt32BE(o);
    o += 4;
    if (o + n > buf.length) throw new Error('SPDY header block truncated');
    const b = buf.subarray(o, o + n);
    o += n;
    return b;
  };
  if (buf.length < 4) throw new Error('SPDY header block truncated');
  const count = buf.readUInt32BE(0);
  o = 4;
  for (let i = 0; i < count; i++) {
    const name = take().toString('utf8').toLowerCase();
    const value = take().toString('utf8');
    out[name] = name in out ? `${out[name]}\0${value}` : value;
  }
  return out;
}

/** The sending side of a session's header compression. */
export class HeaderCompressor {
  private started = false;

  compress(headers: HeaderMap): Buffer {
    const raw = encodeNameValues(headers);
    const parts: Buffer[] = [];
    if (!this.started) {
      parts.push(Buffer.from([0x78, 0x01])); // zlib header: deflate, 32 KiB window, no preset dictionary needed
      this.started = true;
    }
    for (let o = 0; o < raw.length; o += 0xffff) {
      const chunk = raw.subarray(o, o + 0xffff);
      const h = Buffer.alloc(5);
      h[0] = 0x00; // BFINAL=0, BTYPE=00 (stored)
      h.writeUInt16LE(chunk.length, 1);
      h.writeUInt16LE(~chunk.length & 0xffff, 3);
      parts.push(h, chunk);
    }
    parts.push(Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff])); // sync flush marker
    return Buffer.concat(parts);
  }
}

/** The receiving side of a session's header compression. */
export class HeaderDecompressor {
  private history: Buffer = SPDY_DICTIONARY;
  private started = false;

  decompress(block: Buffer): HeaderMap {
    let raw = block;
    if (!this.started) {
      if (raw.length < 2 || (raw[0]! & 0x0f) !== 8 || ((raw[0]! << 8) | raw[1]!) % 31 !== 0) throw new Error('SPDY header block: not a zlib stream');
      const skip = raw[1]! & 0x20 ? 6 : 2; // FDICT: a 4-byte dictionary id follows
      raw = raw.subarray(skip);
      this.started = true;
    }
    const out = raw.length ? zlib.inflateRawSync(raw, { dictionary: this.history, finishFlush: zlib.constants.Z_SYNC_FLUSH }) : Buffer.alloc(0);
    if (out.length) {
      const joined = Buffer.concat([this.history, out]);
      this.history = joined.subarray(Math.max(0, joined.length - WINDOW));
    }
    return decodeNameValues(out);
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}
