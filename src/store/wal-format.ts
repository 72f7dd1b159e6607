// The on-disk formats of the store, pure functions only.
//
// A log record is one line: `K <length> <crc32> <json>\n`, where length is the JSON's byte length and
// crc32 its checksum as 8 hex digits. A record is accepted only when its frame, checksum, JSON and shape
// are all right. Lines that start with `{` are records of the format before framing (plain JSON
// lines): they still replay, so an old log migrates by itself at the next compaction.
// A snapshot is `KBXSNAP1 <length> <crc32>\n<json>` with json `{ rv, objects: [[key, object], …] }`;
// a plain-JSON snapshot of the old format is read too.
import { crc32 } from 'node:zlib';

export interface WalRecord {
  rv: number;
  op: 'put' | 'del';
  k: string;
  o?: unknown;
}

export interface Snapshot {
  rv: number;
  objects: [string, unknown][];
}

const NL = 0x0a;
const K = 0x4b; // 'K'
const BRACE = 0x7b; // '{'
const CLOSE = 0x7d; // '}'
const HEADER = /^K (\d{1,10}) ([0-9a-f]{8}) /;
const PARTIAL_HEADER = /^K( \d{0,10}( [0-9a-f]{0,8})?)?$/;

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** One framed record, as text (records are batched into one write). */
export function encodeRecord(rec: WalRecord): string {
  const json = JSON.stringify(rec);
  return `K ${Buffer.byteLength(json)} ${hex(crc32(json))} ${json}\n`;
}

/** Why a record is not acceptable, or undefined when it is. */
export function recordShapeError(rec: unknown): string | undefined {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return 'not a JSON object';
  const r = rec as Partial<WalRecord>;
  if (!Number.isSafeInteger(r.rv) || r.rv! <= 0) return 'no valid resourceVersion ("rv")';
  if (r.op !== 'put' && r.op !== 'del') return `unknown operation ${JSON.stringify(r.op)}`;
  if (typeof r.k !== 'string' || !r.k) return 'no key ("k")';
  if (r.op === 'put' && !isObjectWithMetadata(r.o)) return 'a put without an object ("o")';
  return undefined;
}

function isObjectWithMetadata(o: unknown): boolean {
  return !!o && typeof o === 'object' && !Array.isArray(o) && !!(o as { metadata?: unknown }).metadata && typeof (o as { metadata?: unknown }).metadata === 'object';
}

/**
 * The object of a put record, not parsed yet: replay with `lazy` parses only the last record of each
 * key (a log that updates 10,000 objects 10 times each parses 10,000 objects, not 100,000). The
 * checksum of every record is still checked as it is read.
 */
export class LazyObject {
  constructor(
    readonly buf: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}

  /** The object, or undefined when it is not one (then replay runs again strictly). */
  parse(): unknown {
    try {
      const o = JSON.parse(this.buf.toString('utf8', this.start, this.end));
      return isObjectWithMetadata(o) ? o : undefined;
    } catch {
      return undefined;
    }
  }
}

// What JSON.stringify writes for a record (encodeRecord): rv, op, k (an ASCII key), then o.
const RECORD_PREFIX = /^\{"rv":(\d{1,15}),"op":"(put|del)","k":"([^"\\\x80-\xff]+)"(,"o":|\})/;

export interface ScanStop {
  /** Byte offset of the first bad record. */
  offset: number;
  /** 1-based index of the bad record in the file. */
  index: number;
  reason: string;
  /**
   * An incomplete last record with nothing after it: a write cut short by a crash, never acknowledged
   * (a write is acknowledged only after the whole record is on disk).
   */
  torn: boolean;
}

export interface ScanResult {
  /** Records accepted. */
  records: number;
  /** Byte offset after the last accepted record. */
  end: number;
  stop?: ScanStop;
}

/**
 * Walks the records of a log in order, linear in its size. `apply` may refuse a well-formed record
 * (returns why), which stops the scan there as a bad record would.
 */
export function scanLog(buf: Buffer, apply: (rec: WalRecord) => string | undefined, opts: { lazy?: boolean } = {}): ScanResult {
  let pos = 0;
  let index = 0;
  const stop = (reason: string, torn = false): ScanResult => ({ records: index - 1, end: pos, stop: { offset: pos, index, reason, torn } });
  while (pos < buf.length) {
    index++;
    let body: string;
    let next: number;
    const first = buf[pos];
    if (first === K) {
      const head = buf.toString('latin1', pos, Math.min(buf.length, pos + 24));
      const m = HEADER.exec(head);
      if (!m) {
        const partial = buf.indexOf(NL, pos) < 0 && PARTIAL_HEADER.test(head);
        return stop(partial ? 'an incomplete record header at the end of the log' : 'a damaged record header', partial);
      }
      const len = Number(m[1]);
      const start = pos + m[0].length;
      const endOfBody = start + len;
      if (endOfBody >= buf.length) {
        // The frame runs past the end of the file: a torn last write when nothing follows.
        const torn = buf.indexOf(NL, start) < 0;
        return stop(torn ? 'an incomplete record at the end of the log' : 'a record longer than the rest of the log', torn);
      }
      if (buf[endOfBody] !== NL) return stop('a record whose length does not match its frame');
      if (crc32(buf.subarray(start, endOfBody)) !== parseInt(m[2]!, 16)) return stop('a record that fails its checksum');
      next = endOfBody + 1;
      if (opts.lazy) {
        const p = RECORD_PREFIX.exec(buf.toString('latin1', start, Math.min(endOfBody, start + 400)));
        const whole = p && (p[2] === 'del' ? p[4] === '}' && p[0].length === len : p[4] !== '}' && buf[endOfBody - 1] === CLOSE);
        if (p && whole) {
          const rec: WalRecord = { rv: Number(p[1]), op: p[2] as 'put' | 'del', k: p[3]! };
          if (rec.op === 'put') rec.o = new LazyObject(buf, start + p[0].length, endOfBody - 1);
          const refused = apply(rec);
          if (refused) return stop(refused);
          pos = next;
          continue;
        }
      }
      body = buf.toString('utf8', start, endOfBody);
    } else if (first === BRACE) {
      // The format before framing: a JSON line.
      const nl = buf.indexOf(NL, pos);
      if (nl < 0) return stop('an incomplete record at the end of the log', true);
      body = buf.toString('utf8', pos, nl);
      next = nl + 1;
    } else {
      return stop('bytes that are not a record');
    }
    let rec: unknown;
    try {
      rec = JSON.parse(body);
    } catch {
      return stop('a record that is not valid JSON');
    }
    const shape = recordShapeError(rec);
    if (shape) return stop(`a record with ${shape}`);
    const refused = apply(rec as WalRecord);
    if (refused) return stop(refused);
    pos = next;
  }
  return { records: index, end: pos };
}

/** Counts the lines (≈ records) in a set-aside tail, for the report. */
export function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NL); i >= 0; i = buf.indexOf(NL, i + 1)) n++;
  return n + (buf.length && buf[buf.length - 1] !== NL ? 1 : 0);
}

export function encodeSnapshot(json: string): Buffer {
  const body = Buffer.from(json);
  return Buffer.concat([Buffer.from(`KBXSNAP1 ${body.length} ${hex(crc32(body))}\n`), body]);
}

/** Decodes a snapshot file, or says why it cannot be used. */
export function decodeSnapshot(buf: Buffer): { snap: Snapshot } | { error: string } {
  if (buf.length === 0) return { error: 'the file is empty' };
  let json: string;
  if (buf.subarray(0, 9).toString('latin1') === 'KBXSNAP1 ') {
    const nl = buf.indexOf(NL);
    const m = nl > 0 ? /^KBXSNAP1 (\d+) ([0-9a-f]{8})$/.exec(buf.toString('latin1', 0, nl)) : null;
    if (!m) return { error: 'its header is damaged' };
    const body = buf.subarray(nl + 1);
    if (body.length !== Number(m[1])) return { error: `it is truncated or padded (${body.length} of ${m[1]} bytes)` };
    if (hex(crc32(body)) !== m[2]) return { error: 'it fails its checksum' };
    json = body.toString('utf8');
  } else {
    json = buf.toString('utf8'); // the format before framing
  }
  let snap: unknown;
  try {
    snap = JSON.parse(json);
  } catch (e) {
    return { error: `it is not valid JSON (${(e as Error).message})` };
  }
  const s = snap as Partial<Snapshot>;
  if (!s || typeof s !== 'object' || !Number.isSafeInteger(s.rv) || s.rv! < 0 || !Array.isArray(s.objects)) {
    return { error: 'it is not a snapshot ({ rv, objects })' };
  }
  for (const e of s.objects) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || !isObjectWithMetadata(e[1])) return { error: 'one of its objects is malformed' };
  }
  return { snap: s as Snapshot };
}
