// Field sets as structured-merge-diff defines them, over the OpenAPI v3 schema of a kind: the paths of an object's
// fields (`f:<name>`, list items by key `k:{"name":"web"}`, set members `v:"a"`, `.` for a list item itself), their
// FieldsV1 trie form (metadata.managedFields[].fieldsV1), the value at a path, merging an applied configuration into
// a live object, and removing fields. The list semantics come from the schema's x-kubernetes-list-type / -map-keys
// (kbx's generated documents carry them for the merge-keyed lists); lists without them are atomic, as in SMD.
import { resolveSchema, type SchemaDoc } from '../unknown-fields.js';
import { isObject } from '../patch/json-util.js';

type Schema = Record<string, any>;
export type Path = string[];

export interface Typed {
  doc: SchemaDoc;
  schema: Schema;
}

type Node =
  | { kind: 'struct'; field: (k: string) => Schema | undefined }
  | { kind: 'map'; value: Schema }
  | { kind: 'listMap'; keys: string[]; item: Schema }
  | { kind: 'listSet' }
  | { kind: 'leaf' };

function nodeOf(s: Schema | undefined, doc: SchemaDoc): Node {
  const r = resolveSchema(s, doc);
  if (!r || r['x-kubernetes-preserve-unknown-fields'] || r['x-kubernetes-int-or-string']) return { kind: 'leaf' };
  // the list type may sit on the property (beside allOf/items) rather than on the resolved schema
  const listType = s?.['x-kubernetes-list-type'] ?? r['x-kubernetes-list-type'];
  if (r.type === 'array' || r.items) {
    if (listType === 'map') return { kind: 'listMap', keys: (s?.['x-kubernetes-list-map-keys'] ?? r['x-kubernetes-list-map-keys']) as string[], item: r.items };
    if (listType === 'set') return { kind: 'listSet' };
    return { kind: 'leaf' };
  }
  if (r.properties) return { kind: 'struct', field: (k) => r.properties[k] };
  if (r.additionalProperties && typeof r.additionalProperties === 'object') return { kind: 'map', value: r.additionalProperties };
  return { kind: 'leaf' };
}

// Records as the JSON helpers define them; `any` inside, as schemas and objects are walked generically.
const isObj = (v: unknown): v is Record<string, any> => isObject(v);

function keyElement(item: Record<string, unknown>, keys: string[]): string {
  const k: Record<string, unknown> = {};
  for (const name of [...keys].sort()) if (item[name] !== undefined) k[name] = item[name];
  return `k:${JSON.stringify(k)}`;
}

const keyOf = (p: Path): string => JSON.stringify(p);

/** Every field path of `value` (leaves, and list items themselves as `.`), keyed by keyOf(path). */
export function fieldPaths(value: unknown, s: Schema | undefined, doc: SchemaDoc, prefix: Path = [], out = new Map<string, Path>()): Map<string, Path> {
  const node = nodeOf(s, doc);
  const add = (p: Path) => out.set(keyOf(p), p);
  if (node.kind === 'struct' || node.kind === 'map') {
    if (!isObj(value) || Object.keys(value).length === 0) {
      if (prefix.length) add(prefix);
      return out;
    }
    for (const [k, v] of Object.entries(value)) {
      const child = node.kind === 'struct' ? node.field(k) : node.value;
      const p = [...prefix, `f:${k}`];
      if (v === null || v === undefined) add(p);
      else fieldPaths(v, child, doc, p, out);
    }
    return out;
  }
  if (node.kind === 'listMap' && Array.isArray(value)) {
    if (value.length === 0) add(prefix);
    for (const item of value) {
      if (!isObj(item)) continue;
      const p = [...prefix, keyElement(item, node.keys)];
      add([...p, '.']);
      fieldPaths(item, node.item, doc, p, out);
    }
    return out;
  }
  if (node.kind === 'listSet' && Array.isArray(value)) {
    if (value.length === 0) add(prefix);
    for (const item of value) add([...prefix, `v:${JSON.stringify(item)}`]);
    return out;
  }
  if (prefix.length) add(prefix);
  return out;
}

/** Paths → the FieldsV1 trie ({"f:spec":{"f:replicas":{}}}). */
export function toFieldsV1(paths: Iterable<Path>): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const p of paths) {
    let cur = root;
    for (const e of p) cur = cur[e] ??= {};
  }
  return root;
}

/** The FieldsV1 trie → its paths (a node with children is not a path itself unless it has a "." child). */
export function fromFieldsV1(trie: unknown, prefix: Path = [], out = new Map<string, Path>()): Map<string, Path> {
  if (!isObj(trie)) return out;
  const entries = Object.entries(trie);
  if (entries.length === 0 && prefix.length) out.set(keyOf(prefix), prefix);
  for (const [k, v] of entries) {
    if (k === '.') out.set(keyOf([...prefix, '.']), [...prefix, '.']);
    else fromFieldsV1(v, [...prefix, k], out);
  }
  return out;
}

function findItem(list: unknown[], el: string): number {
  if (el.startsWith('k:')) {
    const key = JSON.parse(el.slice(2)) as Record<string, unknown>;
    return list.findIndex((it) => isObj(it) && Object.entries(key).every(([k, v]) => JSON.stringify(it[k]) === JSON.stringify(v)));
  }
  if (el.startsWith('v:')) {
    const v = el.slice(2);
    return list.findIndex((it) => JSON.stringify(it) === v);
  }
  return -1;
}

/** The value at `path` in `obj` (undefined when absent); a `.` path is the list item itself. */
export function valueAt(obj: unknown, path: Path): unknown {
  let cur: any = obj;
  for (const e of path) {
    if (e === '.') return cur;
    if (e.startsWith('f:')) cur = isObj(cur) ? cur[e.slice(2)] : undefined;
    else if (Array.isArray(cur)) {
      const i = findItem(cur, e);
      cur = i < 0 ? undefined : e.startsWith('v:') ? cur[i] : cur[i];
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** For a leaf path, the value compared in conflicts: a list item's `.` compares nothing but presence. */
export function leafValue(obj: unknown, path: Path): string {
  const v = valueAt(obj, path);
  if (path[path.length - 1] === '.' || path[path.length - 1]?.startsWith('v:')) return v === undefined ? 'absent' : 'present';
  return JSON.stringify(v);
}

/** Removes the field at `path` from `obj` (in place). */
export function removePath(obj: unknown, path: Path): void {
  const last = path[path.length - 1];
  const parentPath = last === '.' ? path.slice(0, -2) : path.slice(0, -1);
  const el = last === '.' ? path[path.length - 2]! : last!;
  const parent = valueAt(obj, parentPath);
  if (el.startsWith('f:') && isObj(parent)) delete parent[el.slice(2)];
  else if (Array.isArray(parent)) {
    const i = findItem(parent, el);
    if (i >= 0) parent.splice(i, 1);
  }
}

/** The applied configuration merged into the live object: structs and maps by key, list maps by their keys, sets by value. */
export function mergeApplied(live: unknown, applied: unknown, s: Schema | undefined, doc: SchemaDoc): unknown {
  const node = nodeOf(s, doc);
  if ((node.kind === 'struct' || node.kind === 'map') && isObj(applied) && isObj(live)) {
    const out: Record<string, unknown> = { ...live };
    for (const [k, v] of Object.entries(applied)) {
      out[k] = v === null ? null : mergeApplied(live[k], v, node.kind === 'struct' ? node.field(k) : node.value, doc);
    }
    return out;
  }
  if (node.kind === 'listMap' && Array.isArray(applied) && Array.isArray(live)) {
    const out = [...live];
    for (const item of applied) {
      if (!isObj(item)) continue;
      const i = findItem(out, keyElement(item, node.keys));
      if (i >= 0) out[i] = mergeApplied(out[i], item, node.item, doc);
      else out.push(item);
    }
    return out;
  }
  if (node.kind === 'listSet' && Array.isArray(applied) && Array.isArray(live)) {
    const out = [...live];
    for (const v of applied) if (!out.some((x) => JSON.stringify(x) === JSON.stringify(v))) out.push(v);
    return out;
  }
  return structuredClone(applied);
}

/** SMD's path text in conflict messages: `.spec.replicas`, `.spec.template.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  let s = '';
  for (const e of path) {
    if (e === '.') continue;
    if (e.startsWith('f:')) s += `.${e.slice(2)}`;
    else if (e.startsWith('k:')) {
      const key = JSON.parse(e.slice(2)) as Record<string, unknown>;
      s += `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    } else if (e.startsWith('v:')) s += `[=${e.slice(2)}]`;
  }
  return s;
}
