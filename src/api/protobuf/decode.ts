// application/vnd.kubernetes.protobuf request bodies → the JSON objects the rest of kbx handles. client-go's typed
// clients (kubectl create deployment|service|namespace|job|configmap|secret …) send every built-in kind this way
// and never fall back to JSON (client-go falls back only from CBOR on a 415), so the server must read it.
//
// The envelope (k8s.io/apimachinery runtime/serializer/protobuf): the magic bytes "k8s\0", then a runtime.Unknown
// message { typeMeta = 1 { apiVersion = 1, kind = 2 }, raw = 2, contentEncoding = 3, contentType = 4 } whose raw is
// the object's own message. Field numbers come from messages.ts (generated from the upstream .proto files).
import { MESSAGES, type FieldSpec } from './messages.js';

export class ProtobufError extends Error {}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The message name of a kind: k8s.io.api.apps.v1.Deployment; meta types (DeleteOptions) from apimachinery. */
export function messageName(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  // The proto package is the group's first label (rbac.authorization.k8s.io → rbac).
  const pkg = group === '' ? 'core' : group!.split('.')[0];
  for (const name of [`k8s.io.api.${pkg}.${version}.${kind}`, `k8s.io.apimachinery.pkg.apis.meta.${version}.${kind}`]) if (MESSAGES[name]) return name;
  return undefined;
}

/** Decodes a whole body (magic + Unknown). The object's apiVersion and kind come from the envelope. */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw new ProtobufError('provided object is not a protobuf message (no k8s magic prefix)');
  let apiVersion = '';
  let kind = '';
  let raw: Buffer | undefined;
  for (const f of fields(body.subarray(4))) {
    if (f.n === 1 && f.bytes) {
      for (const t of fields(f.bytes)) {
        if (t.n === 1 && t.bytes) apiVersion = t.bytes.toString('utf8');
        if (t.n === 2 && t.bytes) kind = t.bytes.toString('utf8');
      }
    } else if (f.n === 2 && f.bytes) raw = f.bytes;
  }
  const name = messageName(apiVersion, kind);
  if (!name) throw new ProtobufError(`no protobuf description of ${apiVersion}, Kind=${kind}`);
  return { apiVersion, kind, ...decodeMessage(raw ?? Buffer.alloc(0), name) };
}

interface RawField {
  n: number;
  wire: number;
  varint?: bigint;
  bytes?: Buffer;
  fixed?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new ProtobufError('truncated varint');
    const b = buf[pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return [result, pos];
    shift += 7n;
    if (shift > 70n) throw new ProtobufError('varint too long');
  }
}

function* fields(buf: Buffer): Generator<RawField> {
  let pos = 0;
  while (pos < buf.length) {
    const [key, p] = readVarint(buf, pos);
    pos = p;
    const n = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      yield { n, wire, varint: v };
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      if (end > buf.length) throw new ProtobufError('truncated length-delimited field');
      yield { n, wire, bytes: buf.subarray(p2, end) };
      pos = end;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      yield { n, wire, fixed: buf.subarray(pos, pos + size) };
      pos += size;
    } else throw new ProtobufError(`unsupported wire type ${wire}`);
  }
}

const signed32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
const signed64 = (v: bigint): number => Number(BigInt.asIntN(64, v));

/** One scalar or message value of `type` from a raw field. */
function value(f: RawField, type: string): unknown {
  switch (type) {
    case 'string':
      return f.bytes?.toString('utf8') ?? '';
    case 'bytes':
      return (f.bytes ?? Buffer.alloc(0)).toString('base64');
    case 'bool':
      return f.varint !== undefined && f.varint !== 0n;
    case 'int32':
      return f.varint !== undefined ? signed32(f.varint) : 0;
    case 'int64':
    case 'uint32':
    case 'uint64':
      return f.varint !== undefined ? signed64(f.varint) : 0;
    case 'double':
      return f.fixed?.readDoubleLE(0) ?? 0;
    case 'float':
      return f.fixed?.readFloatLE(0) ?? 0;
    default:
      return decodeMessage(f.bytes ?? Buffer.alloc(0), type);
  }
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false || v === null || v === undefined;
}

/** The JSON form of message `name` (the well-known apimachinery types as their JSON shapes). */
export function decodeMessage(buf: Buffer, name: string): any {
  switch (name) {
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.Time':
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime':
      return timeValue(buf, name.endsWith('MicroTime'));
    case 'k8s.io.apimachinery.pkg.util.intstr.IntOrString': {
      const o = decodeGeneric(buf, name) as { type?: number; intVal?: number; strVal?: string };
      return o.type === 1 ? (o.strVal ?? '') : (o.intVal ?? 0);
    }
    case 'k8s.io.apimachinery.pkg.api.resource.Quantity':
      return (decodeGeneric(buf, name) as { string?: string }).string ?? '0';
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': {
      const ns = (decodeGeneric(buf, name) as { duration?: number }).duration ?? 0;
      return `${ns / 1e9}s`;
    }
    case 'k8s.io.apimachinery.pkg.runtime.RawExtension':
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': {
      for (const f of fields(buf)) if (f.n === 1 && f.bytes) return f.bytes.length ? JSON.parse(f.bytes.toString('utf8')) : null;
      return null;
    }
    default:
      return decodeGeneric(buf, name);
  }
}

function timeValue(buf: Buffer, micro: boolean): string | null {
  let seconds = 0;
  let nanos = 0;
  for (const f of fields(buf)) {
    if (f.n === 1 && f.varint !== undefined) seconds = signed64(f.varint);
    if (f.n === 2 && f.varint !== undefined) nanos = signed32(f.varint);
  }
  if (seconds === 0 && nanos === 0) return null;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}

function decodeGeneric(buf: Buffer, name: string): Record<string, unknown> {
  const spec = MESSAGES[name];
  if (!spec) throw new ProtobufError(`no protobuf description of ${name}`);
  const byNumber = new Map<number, FieldSpec>(spec.map((s) => [s[0], s]));
  const out: Record<string, unknown> = {};
  const inline: Record<string, unknown>[] = [];
  for (const f of fields(buf)) {
    const s = byNumber.get(f.n);
    if (!s) continue; // a field newer than the table: upstream decoding skips unknown fields too
    const [, json, type, flags = ''] = s;
    if (flags.includes('M')) {
      const [kt, vt] = type.split('>') as [string, string];
      let k: unknown = '';
      let v: unknown;
      for (const e of fields(f.bytes ?? Buffer.alloc(0))) {
        if (e.n === 1) k = value(e, kt);
        if (e.n === 2) v = value(e, vt);
      }
      const m = (out[json] ??= {}) as Record<string, unknown>;
      m[String(k)] = v ?? (vt.includes('.') ? {} : '');
    } else if (flags.includes('r')) {
      const list = (out[json] ??= []) as unknown[];
      if (f.wire === 2 && !['string', 'bytes'].includes(type) && !type.includes('.')) {
        // packed scalars
        for (const p of fields(packedAsFields(f.bytes!))) list.push(value(p, type));
      } else list.push(value(f, type));
    } else {
      const v = value(f, type);
      if (flags.includes('i') && v && typeof v === 'object') inline.push(v as Record<string, unknown>);
      else if (v === null || (isZero(v) && !flags.includes('k'))) delete out[json];
      else out[json] = v;
    }
  }
  return inline.length ? Object.assign({}, ...inline, out) : out;
}

/** Packed repeated varints as a sequence of fields numbered 1 (so fields() can read them). */
function packedAsFields(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    [, pos] = readVarint(buf, pos);
    parts.push(Buffer.from([0x08]), buf.subarray(start, pos));
  }
  return Buffer.concat(parts);
}
