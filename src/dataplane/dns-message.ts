// Pure: the few parts of the DNS wire format (RFC 1035) the cluster DNS needs — read a query, write a reply with
// A, CNAME, SRV and PTR records. Names are compared in lower case.

export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, AAAA: 28, SRV: 33, ANY: 255 } as const;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface DnsQuestion {
  id: number;
  /** Recursion desired. */
  rd: boolean;
  opcode: number;
  /** Lower case, no trailing dot. */
  name: string;
  type: number;
  qclass: number;
  /** The question section as received (echoed in the reply). */
  raw: Buffer;
}

export type DnsRecord =
  | { name: string; type: typeof TYPE.A; ttl: number; ip: string }
  | { name: string; type: typeof TYPE.CNAME | typeof TYPE.PTR; ttl: number; target: string }
  | { name: string; type: typeof TYPE.SRV; ttl: number; priority: number; weight: number; port: number; target: string };

/** Reads a possibly compressed name at `offset`; returns it and the offset after it (in the original place). */
export function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let o = offset;
  let next = -1;
  for (let hops = 0; hops < 64; hops++) {
    if (o >= buf.length) throw new Error('truncated name');
    const len = buf[o]!;
    if (len === 0) {
      if (next < 0) next = o + 1;
      return { name: labels.join('.').toLowerCase(), next };
    }
    if ((len & 0xc0) === 0xc0) {
      if (o + 1 >= buf.length) throw new Error('truncated pointer');
      if (next < 0) next = o + 2;
      o = ((len & 0x3f) << 8) | buf[o + 1]!;
      continue;
    }
    if (len > 63 || o + 1 + len > buf.length) throw new Error('bad label');
    labels.push(buf.toString('latin1', o + 1, o + 1 + len));
    o += 1 + len;
  }
  throw new Error('name loop');
}

export function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  const bufs: Buffer[] = [];
  for (const p of parts) {
    const b = Buffer.from(p, 'latin1');
    bufs.push(Buffer.from([Math.min(b.length, 63)]), b.subarray(0, 63));
  }
  bufs.push(Buffer.from([0]));
  return Buffer.concat(bufs);
}

/** The first question of a query; throws on a malformed message. */
export function parseQuery(msg: Buffer): DnsQuestion {
  if (msg.length < 12) throw new Error('short message');
  const flags = msg.readUInt16BE(2);
  if (flags & 0x8000) throw new Error('not a query');
  if (msg.readUInt16BE(4) < 1) throw new Error('no question');
  const { name, next } = readName(msg, 12);
  if (next + 4 > msg.length) throw new Error('truncated question');
  return {
    id: msg.readUInt16BE(0),
    rd: (flags & 0x0100) !== 0,
    opcode: (flags >> 11) & 0xf,
    name,
    type: msg.readUInt16BE(next),
    qclass: msg.readUInt16BE(next + 2),
    raw: msg.subarray(12, next + 4),
  };
}

function ipBytes(ip: string): Buffer {
  return Buffer.from(ip.split('.').map((x) => Number(x) & 255));
}

function encodeRecord(r: DnsRecord, qname: string): Buffer {
  // The question's name sits at offset 12: point to it when the record is about it.
  const name = r.name.toLowerCase() === qname ? Buffer.from([0xc0, 12]) : encodeName(r.name);
  let rdata: Buffer;
  if (r.type === TYPE.A) rdata = ipBytes(r.ip);
  else if (r.type === TYPE.SRV) {
    const head = Buffer.alloc(6);
    head.writeUInt16BE(r.priority, 0);
    head.writeUInt16BE(r.weight, 2);
    head.writeUInt16BE(r.port, 4);
    rdata = Buffer.concat([head, encodeName(r.target)]);
  } else rdata = encodeName(r.target);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(r.type, 0);
  fixed.writeUInt16BE(1, 2); // IN
  fixed.writeUInt32BE(r.ttl >>> 0, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([name, fixed, rdata]);
}

export interface ReplyOptions {
  rcode: number;
  authoritative: boolean;
  answers: DnsRecord[];
  /** UDP replies larger than this are truncated (TC set, no answers); default 512. */
  maxSize?: number;
}

export function buildReply(q: DnsQuestion, o: ReplyOptions): Buffer {
  const build = (answers: DnsRecord[], tc: boolean): Buffer => {
    const head = Buffer.alloc(12);
    head.writeUInt16BE(q.id, 0);
    const flags = 0x8000 | (q.opcode << 11) | (o.authoritative ? 0x0400 : 0) | (tc ? 0x0200 : 0) | (q.rd ? 0x0100 : 0) | 0x0080 | (o.rcode & 0xf);
    head.writeUInt16BE(flags, 2);
    head.writeUInt16BE(1, 4);
    head.writeUInt16BE(answers.length, 6);
    return Buffer.concat([head, q.raw, ...answers.map((a) => encodeRecord(a, q.name))]);
  };
  const full = build(o.answers, false);
  return full.length > (o.maxSize ?? 512) ? build([], true) : full;
}

/** The records of the answer section of a reply (A, CNAME, PTR, SRV; others skipped). */
export function parseAnswers(msg: Buffer): { rcode: number; answers: DnsRecord[] } {
  const rcode = msg.readUInt16BE(2) & 0xf;
  const qd = msg.readUInt16BE(4);
  const an = msg.readUInt16BE(6);
  let o = 12;
  for (let i = 0; i < qd; i++) o = readName(msg, o).next + 4;
  const answers: DnsRecord[] = [];
  for (let i = 0; i < an; i++) {
    const { name, next } = readName(msg, o);
    const type = msg.readUInt16BE(next);
    const ttl = msg.readUInt32BE(next + 4);
    const len = msg.readUInt16BE(next + 8);
    const rd = next + 10;
    if (type === TYPE.A && len === 4) answers.push({ name, type: TYPE.A, ttl, ip: [...msg.subarray(rd, rd + 4)].join('.') });
    else if (type === TYPE.CNAME || type === TYPE.PTR) answers.push({ name, type, ttl, target: readName(msg, rd).name });
    else if (type === TYPE.SRV) {
      answers.push({ name, type: TYPE.SRV, ttl, priority: msg.readUInt16BE(rd), weight: msg.readUInt16BE(rd + 2), port: msg.readUInt16BE(rd + 4), target: readName(msg, rd + 6).name });
    }
    o = rd + len;
  }
  return { rcode, answers };
}

/** A query for `name` (used to resolve an ExternalName's target upstream). */
export function buildQuery(id: number, name: string, type: number): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(id, 0);
  head.writeUInt16BE(0x0100, 2);
  head.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(1, 2);
  return Buffer.concat([head, encodeName(name), tail]);
}
