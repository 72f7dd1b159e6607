// Kubernetes' protobuf request bodies (the `k8s\0` magic, then runtime.Unknown{typeMeta, raw}),
// decoded into the JSON shape by a per-kind schema of field numbers (generated.proto). Typed
// kubectl commands (`auth can-i`, `auth whoami`, `create role …`) send these and never retry in
// JSON. Go's zero values are on the wire; they read as absent.
export type FieldKind = 'string' | 'int' | 'bool' | 'bytes' | 'time' | MessageSchema | { repeated: FieldKind } | { map: FieldKind };
export type MessageSchema = { [fieldNumber: number]: [name: string, kind: FieldKind] };

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  }
  bytes(): Buffer {
    const n = Number(this.varint());
    if (this.pos + n > this.buf.length) throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

function toInt(v: bigint): number {
  // int64 two's complement
  return Number(BigInt.asIntN(64, v));
}

function decodeValue(kind: FieldKind, wireType: number, r: Reader): unknown {
  if (kind === 'int') return toInt(r.varint());
  if (kind === 'bool') return r.varint() !== 0n;
  if (wireType !== 2) throw new Error(`wire type ${wireType} for a ${typeof kind === 'string' ? kind : 'message'} field`);
  const raw = r.bytes();
  if (kind === 'string') return raw.toString('utf8');
  if (kind === 'bytes') return raw.toString('base64');
  if (kind === 'time') {
    const t = decodeMessage({ 1: ['seconds', 'int'], 2: ['nanos', 'int'] }, raw) as { seconds?: number };
    return t.seconds ? new Date(t.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  }
  return decodeMessage(kind as MessageSchema, raw);
}

export function decodeMessage(schema: MessageSchema, buf: Buffer): Record<string, unknown> {
  const r = new Reader(buf);
  const out: Record<string, unknown> = {};
  while (!r.done) {
    const tag = Number(r.varint());
    const field = tag >>> 3;
    const wireType = tag & 7;
    const def = schema[field];
    if (!def) {
      r.skip(wireType);
      continue;
    }
    const [name, kind] = def;
    if (typeof kind === 'object' && 'repeated' in kind) {
      const list = (out[name] as unknown[] | undefined) ?? [];
      list.push(decodeValue(kind.repeated as FieldKind, wireType, r));
      out[name] = list;
    } else if (typeof kind === 'object' && 'map' in kind) {
      const entry = decodeMessage({ 1: ['key', 'string'], 2: ['value', kind.map as FieldKind] }, r.bytes());
      const m = (out[name] as Record<string, unknown> | undefined) ?? {};
      m[String(entry.key ?? '')] = entry.value ?? (kind.map === 'string' ? '' : {});
      out[name] = m;
    } else {
      const v = decodeValue(kind, wireType, r);
      if (v === undefined || v === '' || v === false || v === 0) continue;
      if (typeof v === 'object' && v && !Array.isArray(v) && Object.keys(v).length === 0 && name === 'creationTimestamp') continue;
      out[name] = v;
    }
  }
  return out;
}

/** The envelope: the object's apiVersion, kind and its encoded message; undefined without the magic. */
export function decodeEnvelope(buf: Buffer): { apiVersion: string; kind: string; raw: Buffer } | undefined {
  if (buf.length < 4 || !buf.subarray(0, 4).equals(MAGIC)) return undefined;
  const r = new Reader(buf.subarray(4));
  let apiVersion = '';
  let kind = '';
  let raw = Buffer.alloc(0);
  while (!r.done) {
    const tag = Number(r.varint());
    const field = tag >>> 3;
    if (field === 1 && (tag & 7) === 2) {
      const tm = decodeMessage({ 1: ['apiVersion', 'string'], 2: ['kind', 'string'] }, r.bytes());
      apiVersion = String(tm.apiVersion ?? '');
      kind = String(tm.kind ?? '');
    } else if (field === 2 && (tag & 7) === 2) raw = Buffer.from(r.bytes());
    else r.skip(tag & 7);
  }
  return { apiVersion, kind, raw };
}
