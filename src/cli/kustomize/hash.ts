// The content hash kustomize appends to generated ConfigMaps and Secrets (api/hasher): sha256 of
// a JSON encoding of the kind, name, data (and binaryData / type / stringData), its first ten hex
// digits with 0, 1, 3, a, e mapped to g, h, k, m, t (no vowels, no look-alikes).
//
// kustomize looks the name up with a path it reads as one field ("metadata/name"), so the name
// it encodes is always "" — reproduced here, since the suffixes must be the ones kustomize makes.
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import { goJsonMarshal } from '../../compat/go-format.js';

const MAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

export function encodeHash(hex: string): string {
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => MAP[c]!);
}

function mapOrEmpty(v: unknown): unknown {
  return v && typeof v === 'object' ? v : '';
}

export function contentHash(obj: KObject): string {
  const o = obj as KObject & { data?: unknown; binaryData?: unknown; stringData?: unknown; type?: unknown };
  let m: Record<string, unknown>;
  if (obj.kind === 'ConfigMap') {
    m = { kind: 'ConfigMap', name: '', data: mapOrEmpty(o.data) };
    if (o.binaryData && typeof o.binaryData === 'object') m.binaryData = o.binaryData;
  } else if (obj.kind === 'Secret') {
    m = { kind: 'Secret', type: typeof o.type === 'string' ? o.type : '', name: '', data: mapOrEmpty(o.data) };
    if (o.stringData && typeof o.stringData === 'object') m.stringData = o.stringData;
  } else {
    m = obj as unknown as Record<string, unknown>;
  }
  // encoding/json: keys sorted, <, >, & escaped — goJsonMarshal writes what Go writes.
  return encodeHash(createHash('sha256').update(goJsonMarshal(m)).digest('hex'));
}
