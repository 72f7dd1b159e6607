// pod-template-hash and template equality, after pkg/controller/controller_utils.go (ComputeHash),
// k8s.io/apimachinery/pkg/util/rand (SafeEncodeString) and
// pkg/controller/deployment/util/deployment_util.go (EqualIgnoreHash).
import type { PodTemplateSpec } from './types.js';
import { canonicalJSON } from '../../api/semantic.js';

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

