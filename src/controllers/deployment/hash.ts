// pod-template-hash and template equality, after pkg/controller/controller_utils.go (ComputeHash),
// k8s.io/apimachinery/pkg/util/rand (SafeEncodeString) and
// pkg/controller/deployment/util/deployment_util.go (EqualIgnoreHash).
import type { PodTemplateSpec } from './types.js';
import { DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY } from './types.js';

/** The 27 characters apimachinery's rand package uses: no vowels, no 0/1/3 (no bad words, no look-alikes). */
export const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET_BASIS = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/**
 * FNV-1a, 32 bits (hash/fnv New32a): for each byte, xor then multiply by the prime mod 2^32.
 * e.g. fnv32a of no bytes is the offset basis 2166136261; of "a" it is 0xe40c292c (3826002220).
 */
export function fnv32a(bytes: Uint8Array, seed: number = FNV32_OFFSET_BASIS): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV32_PRIME) >>> 0;
  }
  return h >>> 0;
}

/**
 * rand.SafeEncodeString: each byte of `s` becomes SAFE_ALPHANUMS[byte % 27]. Applied to the
 * decimal digits of a hash, '0' (48) → 48 % 27 = 21 → '4', ..., '9' (57) → 3 → 'f', so
 * "2166136261" encodes as "65bb57b6b5" and a hash only ever uses the letters of 456789bcdf.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += SAFE_ALPHANUMS[b % SAFE_ALPHANUMS.length];
  return out;
}

// A JSON value in canonical form: object keys sorted; null, absent, empty strings, false, empty
// lists and empty maps dropped (they are all the zero value to apiequality.Semantic on JSON).
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    // Inside a list, keep positions: a dropped element becomes null.
    return v.map((e) => {
      const c = canonical(e);
      return c === undefined ? null : c;
    });
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (v === null || v === undefined || v === '' || v === false) return undefined;
  return v;
}

/** Deterministic text of a template: canonical JSON, '' for an empty one. */
export function canonicalJSON(v: unknown): string {
  return JSON.stringify(canonical(v)) ?? '';
}

/**
 * controller.ComputeHash: FNV-1a 32 over a deterministic dump of the pod template, then, when
 * `collisionCount` is given, over 8 more bytes holding uint32(collisionCount) little-endian
 * (the upper 4 bytes stay 0), and the decimal Sum32 passed through safeEncodeString.
 *
 * Kubernetes dumps the Go struct with go-spew (sorted map keys, no methods); that text depends
 * on Go field names, types and pointer-ness and cannot be reproduced from JSON, so kbx hashes
 * canonical JSON (sorted keys, zero values dropped) instead. Consequences: the same template
 * gives the same hash within kbx, and a different one than on a real cluster; templates that
 * equalIgnoreHash() treats as equal hash equally (when neither carries the hash label).
 *
 * e.g. collisionCount 1 appends the bytes 01 00 00 00 00 00 00 00 to the dump before Sum32.
 */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number | null): string {
  const bytes = new TextEncoder().encode(canonicalJSON(template ?? {}));
  let h = fnv32a(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(buf, h);
  }
  return safeEncodeString(String(h));
}

function withoutHashLabel(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(t ?? {}) as PodTemplateSpec;
  const labels = copy.metadata?.labels;
  if (labels && DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY in labels) delete labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  return copy;
}

/**
 * EqualIgnoreHash: the two templates are semantically equal once the `pod-template-hash` label
 * is removed from both. Semantic equality is judged on JSON the way apiequality.Semantic sees a
 * Go struct: absent, null, "", false, [] and {} are all the zero value, key order is irrelevant.
 *
 * Like Kubernetes, it compares the templates as stored, i.e. both already defaulted by the
 * apiserver (the deployment's on create/update, the ReplicaSet's when the controller created
 * it). Nothing is defaulted here: if kbx ever adds a new default, ReplicaSets created before
 * lack it and stop matching, which starts a rollout (Kubernetes has the same property).
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalJSON(withoutHashLabel(a)) === canonicalJSON(withoutHashLabel(b));
}
