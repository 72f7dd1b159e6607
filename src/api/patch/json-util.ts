// Small JSON-value helpers shared by the patch implementations. Patches operate on plain JSON
// (the shapes JSON.parse produces), never on class instances, so these helpers only know about
// objects, arrays, strings, numbers, booleans and null.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: unknown };

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The JSON "type" of a value, standing in for Go's reflect.TypeOf in the upstream algorithms,
 * which replace a value wholesale when the old and new types differ. `undefined` is treated like
 * null because a missing value and an explicit null behave the same once encoded.
 */
export function jsonType(v: unknown): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'object') return 'object';
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  // bigint/function/symbol cannot come out of JSON; treat them as opaque scalars.
  return 'string';
}

/**
 * Deep copy through the JSON data model, so callers' inputs are never shared with results.
 * Every public patch function clones its inputs first, so this is also where a `__proto__`
 * member (JSON.parse makes it an own property) is dropped: assigning it later would replace the
 * object's prototype, and no Kubernetes field has that name.
 */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => deepClone(x)) as unknown as T;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v as JsonObject)) {
    if (x !== undefined && k !== '__proto__') out[k] = deepClone(x);
  }
  return out as T;
}

/** Sets an own property, even one named `__proto__`, without touching the prototype. */
export function setOwn(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Structural equality (reflect.DeepEqual on decoded JSON): key order is irrelevant, list order is not. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) {
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(ao[k], bo[k])) return false;
  }
  return true;
}

/**
 * Returns a copy whose object keys are sorted at every level. Go's encoding/json writes map keys
 * in sorted order, so patches kubectl computes go over the wire that way; sorting ours makes them
 * byte-identical.
 */
export function sortKeysDeep<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => sortKeysDeep(x)) as unknown as T;
  const out: JsonObject = {};
  for (const k of Object.keys(v as JsonObject).sort(goStringLess)) {
    const x = (v as JsonObject)[k];
    if (x !== undefined) out[k] = sortKeysDeep(x);
  }
  return out as T;
}

/**
 * Byte-wise string comparison, as Go's `<` on strings. JS `<` compares UTF-16 code units, which
 * differs only for astral characters; encoding to UTF-8 keeps the two orders identical.
 */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: both ASCII, where code units and bytes agree.
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b ? -1 : 1;
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}

function goStringLess(a: string, b: string): number {
  return goStringCompare(a, b);
}

/**
 * Formats a value the way Go's `%v` prints decoded JSON (`map[a:1 b:[x y]]`, `<nil>`), so error
 * messages read like the apiserver's.
 */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as JsonObject;
    const keys = Object.keys(o).sort(goStringLess);
    return `map[${keys.map((k) => `${k}:${goFormat(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** Go's `%v` of a scalar, used by the upstream algorithms to order and compare list items. */
export function scalarString(v: unknown): string {
  return goFormat(v);
}
