// RFC 6902 JSON patch (`application/json-patch+json`), behaving like gopkg.in/evanphx/json-patch.v4,
// the library the apiserver applies it with; kubectl sends it for `rollout undo` and `patch --type json`.
// Error texts are that library's, e.g.
//   replace operation does not apply: doc is missing path: /spec/x/y: missing value
// so a client sees what a real cluster reports.
//
// Where v4 is more lenient than the RFC, kbx follows v4 because that is what clusters accept:
//   * `replace` of a missing *object member* adds it (only a missing parent, or an array index out
//     of range, is an error);
//   * a `test` against a missing member passes when the expected value is null;
//   * negative array indices count from the end (`/-1` is the last element; for `add`, `-1` appends).
// One place kbx is stricter: a pointer that does not start with `/` (v4 silently drops its first
// token) is rejected as a missing path.

import { JsonPatchError } from './errors.js';
import { deepClone, deepEqual, isObject, setOwn, type JsonObject } from './json-util.js';
import { goJsonKind, goQuote } from '../../compat/go-format.js';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test' | string;
  path: string;
  from?: string;
  value?: unknown;
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

// A container is the object or array that holds the token a pointer ends with.
type Container = JsonObject | unknown[];

// A failure inside a container operation; the caller wraps it with the operation's context.
class OpFailure extends Error {}

/**
 * Applies the operations in order to a copy of `target` and returns it. `ops` is the decoded
 * request body; anything that is not an array of objects is a 400 (the patch did not decode),
 * and an operation that does not apply is a 422. Inputs are never modified.
 */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  const patch = decodePatch(ops);
  if (!isObject(target) && !Array.isArray(target)) {
    // evanphx unmarshals the document into a map or slice; a scalar document cannot be patched.
    throw new JsonPatchError(`json: cannot unmarshal ${goJsonKind(target)} into Go value of type jsonpatch.partialDoc`);
  }
  const state = { doc: deepClone(target) as Container };
  for (const op of patch) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    switch (kind) {
      case 'add':
        opAdd(state, op);
        break;
      case 'remove':
        opRemove(state, op);
        break;
      case 'replace':
        opReplace(state, op);
        break;
      case 'move':
        opMove(state, op);
        break;
      case 'copy':
        opCopy(state, op);
        break;
      case 'test':
        opTest(state, op);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return state.doc;
}

/** Checks the body's shape the way jsonpatch.DecodePatch would (400 on failure). */
export function decodePatch(ops: unknown): JsonObject[] {
  if (!Array.isArray(ops)) {
    throw new JsonPatchError(`json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`, 400);
  }
  for (const op of ops) {
    if (!isObject(op) && op !== null) {
      throw new JsonPatchError(`json: cannot unmarshal ${goJsonKind(op)} into Go value of type jsonpatch.Operation`, 400);
    }
  }
  // A null element decodes to an empty Operation, whose kind is "unknown".
  return ops.map((op) => (op === null ? {} : (op as JsonObject)));
}

// ---- operation fields -------------------------------------------------------------------------

function pathOf(op: JsonObject): string | Error {
  const p = op.path;
  if (p === undefined || p === null) return new Error(`operation missing path field: ${MISSING}`);
  if (typeof p !== 'string') return new Error(`json: cannot unmarshal ${goJsonKind(p)} into Go value of type string`);
  return p;
}

function fromOf(op: JsonObject): string | Error {
  const p = op.from;
  if (p === undefined || p === null) return new Error(`operation, missing from field: ${MISSING}`);
  if (typeof p !== 'string') return new Error(`json: cannot unmarshal ${goJsonKind(p)} into Go value of type string`);
  return p;
}

// An absent `value` behaves like JSON null in v4 (a nil node marshals as null).
function valueOf(op: JsonObject): unknown {
  return op.value === undefined ? null : deepClone(op.value);
}

function hasValue(op: JsonObject): boolean {
  return op.value !== undefined && op.value !== null;
}

// ---- pointers ---------------------------------------------------------------------------------

// RFC 6901 §4: `~1` → `/` first, then `~0` → `~`, done in one left-to-right pass so that `~01`
// decodes to `~1`, not `/`.
function decodeToken(t: string): string {
  return t.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/**
 * Walks to the container of the pointer's last token (evanphx findObject). Null when the pointer
 * is the root, malformed, or an intermediate value is missing, null or a scalar.
 */
function findObject(doc: Container, path: string): { con: Container; key: string } | null {
  if (!path.startsWith('/')) return null;
  const split = path.split('/');
  const parts = split.slice(1, -1);
  const key = split[split.length - 1]!;
  let cur: Container = doc;
  for (const part of parts) {
    let next: unknown;
    try {
      next = get(cur, decodeToken(part));
    } catch {
      return null;
    }
    if (next === null || next === undefined) return null;
    if (Array.isArray(next) || isObject(next)) cur = next;
    else return null;
  }
  return { con: cur, key: decodeToken(key) };
}

// Go's strconv.Atoi: optional sign, decimal digits only, 64-bit range.
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new OpFailure(`strconv.Atoi: parsing ${goQuote(key)}: invalid syntax`);
  const n = Number(key);
  if (!Number.isSafeInteger(n)) throw new OpFailure(`strconv.Atoi: parsing ${goQuote(key)}: value out of range`);
  return n;
}

function invalidIndex(idx: number): OpFailure {
  return new OpFailure(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
}

// Resolves a possibly negative index against `len`; the bound check is the caller's.
function normalizeIndex(idx: number, len: number): number {
  if (idx < 0) {
    if (idx < -len) throw invalidIndex(idx);
    return idx + len;
  }
  return idx;
}

function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return Object.prototype.hasOwnProperty.call(con, key) ? con[key] : undefined;
  const idx = normalizeIndex(atoi(key), con.length);
  if (idx >= con.length) throw invalidIndex(atoi(key));
  return con[idx];
}

function set(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) {
    setOwn(con, key, val);
    return;
  }
  const idx = normalizeIndex(atoi(key), con.length);
  con[idx] = val;
}

function add(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) {
    setOwn(con, key, val);
    return;
  }
  if (key === '-') {
    con.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw new OpFailure(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  const size = con.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  idx = normalizeIndex(idx, size);
  con.splice(idx, 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!Object.prototype.hasOwnProperty.call(con, key)) throw new OpFailure(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  const raw = atoi(key);
  if (raw >= con.length) throw invalidIndex(raw);
  const idx = normalizeIndex(raw, con.length);
  con.splice(idx, 1);
}

function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---- operations -------------------------------------------------------------------------------

interface State {
  doc: Container;
}

function opAdd(s: State, op: JsonObject): void {
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`add operation failed to decode path: ${MISSING}`);
  const t = findObject(s.doc, path);
  if (!t) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  try {
    add(t.con, t.key, valueOf(op));
  } catch (e) {
    throw new JsonPatchError(`error in add for path: '${path}': ${failure(e)}`);
  }
}

function opRemove(s: State, op: JsonObject): void {
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`remove operation failed to decode path: ${MISSING}`);
  const t = findObject(s.doc, path);
  if (!t) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  try {
    remove(t.con, t.key);
  } catch (e) {
    throw new JsonPatchError(`error in remove for path: '${path}': ${failure(e)}`);
  }
}

function opReplace(s: State, op: JsonObject): void {
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`replace operation failed to decode path: ${path.message}`);
  if (path === '') {
    const v = valueOf(op);
    if (!isObject(v) && !Array.isArray(v)) throw new JsonPatchError('replace operation value must be object or array');
    s.doc = v;
    return;
  }
  const t = findObject(s.doc, path);
  if (!t) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
  try {
    get(t.con, t.key);
  } catch {
    throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
  }
  try {
    set(t.con, t.key, valueOf(op));
  } catch (e) {
    // The upstream text says "remove" here; kept so messages match.
    throw new JsonPatchError(`error in remove for path: '${path}': ${failure(e)}`);
  }
}

function opMove(s: State, op: JsonObject): void {
  const from = fromOf(op);
  if (from instanceof Error) throw new JsonPatchError(`move operation failed to decode from: ${from.message}`);
  const src = findObject(s.doc, from);
  if (!src) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  let val: unknown;
  try {
    val = get(src.con, src.key);
    remove(src.con, src.key);
  } catch (e) {
    throw new JsonPatchError(`error in move for path: '${src.key}': ${failure(e)}`);
  }
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`move operation failed to decode path: ${path.message}`);
  const dst = findObject(s.doc, path);
  if (!dst) throw new JsonPatchError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  try {
    add(dst.con, dst.key, val === undefined ? null : val);
  } catch (e) {
    throw new JsonPatchError(`error in move for path: '${path}': ${failure(e)}`);
  }
}

function opCopy(s: State, op: JsonObject): void {
  const from = fromOf(op);
  if (from instanceof Error) throw new JsonPatchError(`copy operation failed to decode from: ${from.message}`);
  const src = findObject(s.doc, from);
  if (!src) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  let val: unknown;
  try {
    val = get(src.con, src.key);
  } catch (e) {
    throw new JsonPatchError(`error in copy for from: '${from}': ${failure(e)}`);
  }
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`copy operation failed to decode path: ${MISSING}`);
  const dst = findObject(s.doc, path);
  if (!dst) throw new JsonPatchError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  try {
    // v4 copies a missing member as null rather than failing.
    add(dst.con, dst.key, val === undefined ? null : deepClone(val));
  } catch (e) {
    throw new JsonPatchError(`error while adding value during copy: ${failure(e)}`);
  }
}

function opTest(s: State, op: JsonObject): void {
  const path = pathOf(op);
  if (path instanceof Error) throw new JsonPatchError(`test operation failed to decode path: ${path.message}`);
  if (path === '') {
    if (deepEqual(s.doc, op.value)) return;
    throw new JsonPatchError(`testing value ${path} failed: test failed`);
  }
  const t = findObject(s.doc, path);
  if (!t) throw new JsonPatchError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
  let val: unknown;
  try {
    val = get(t.con, t.key);
  } catch (e) {
    throw new JsonPatchError(`error in test for path: '${path}': ${failure(e)}`);
  }
  // A missing member and a null member are the same to v4 (both decode to a nil node).
  if (val === undefined || val === null) {
    if (!hasValue(op)) return;
    throw new JsonPatchError(`testing value ${path} failed: test failed`);
  }
  if (op.value === undefined || !deepEqual(val, op.value)) {
    throw new JsonPatchError(`testing value ${path} failed: test failed`);
  }
}
