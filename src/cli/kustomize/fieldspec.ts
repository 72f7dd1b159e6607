// kustomize's field specs: "this path, in resources of this group/version/kind". A path is
// slash-separated; a segment that meets a list applies to every element (`containers[]` says so
// explicitly, kustomize treats both the same). `create` makes missing maps on the way, never list
// elements. Pure functions over plain JSON objects.
import type { KObject } from '../../api/types.js';

export interface Gvk {
  group?: string;
  version?: string;
  kind?: string;
}

export interface FieldSpec extends Gvk {
  path: string;
  create?: boolean;
}

type Obj = Record<string, unknown>;

export function gvkOf(o: KObject): Required<Gvk> {
  const av = o.apiVersion ?? '';
  const slash = av.indexOf('/');
  return { group: slash < 0 ? '' : av.slice(0, slash), version: slash < 0 ? av : av.slice(slash + 1), kind: o.kind ?? '' };
}

/** Gvk.IsSelected: every field the selector sets must match. */
export function gvkSelected(o: KObject, sel: Gvk): boolean {
  const g = gvkOf(o);
  return (!sel.group || sel.group === g.group) && (!sel.version || sel.version === g.version) && (!sel.kind || sel.kind === g.kind);
}

/** Splits a field-spec path on '/', keeping `\/` (an escaped slash in an annotation key) inside a segment. */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch === '\\' && path[i + 1] === '/') {
      cur += '/';
      i++;
    } else if (ch === '/') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Visits the values at `path` in `obj`: `visit(parent, key)` is called for each place the last
 * segment names (present, or created when `create` and `makeLeaf` say so).
 */
export function visitPath(obj: unknown, segments: string[], create: boolean, visit: (parent: Obj, key: string) => void, makeLeaf?: () => unknown): void {
  if (Array.isArray(obj)) {
    for (const el of obj) visitPath(el, segments, create, visit, makeLeaf);
    return;
  }
  if (!obj || typeof obj !== 'object' || !segments.length) return;
  const o = obj as Obj;
  const [seg, ...rest] = segments as [string, ...string[]];
  // `name[]` is a list: walked into, never created.
  const isList = seg.endsWith('[]');
  const head = isList ? seg.slice(0, -2) : seg;
  if (isList && !Array.isArray(o[head])) return;
  // Nothing is created on the way to a list; past it, maps are created again.
  const createHere = create && !segments.some((x) => x.endsWith('[]'));
  if (!rest.length) {
    if (o[head] === undefined || o[head] === null) {
      if (!createHere || !makeLeaf) return;
      o[head] = makeLeaf();
    }
    const leaf = o[head];
    if (Array.isArray(leaf) && leaf.every((e) => e === null || typeof e !== 'object')) {
      // A leaf that is a list of scalars (rules/resourceNames): each element is a place.
      leaf.forEach((_, i) => visit(leaf as unknown as Obj, String(i)));
      return;
    }
    visit(o, head);
    return;
  }
  if (o[head] === undefined || o[head] === null) {
    if (!createHere) return;
    o[head] = {};
  }
  visitPath(o[head], rest, create, visit, makeLeaf);
}

/** Applies `fn` to every field a list of specs selects in `obj`. */
export function applyFieldSpecs(obj: KObject, specs: readonly FieldSpec[], fn: (parent: Obj, key: string) => void, makeLeaf?: () => unknown): void {
  for (const fs of specs) {
    if (!gvkSelected(obj, fs)) continue;
    visitPath(obj, pathSegments(fs.path), !!fs.create, fn, makeLeaf);
  }
}
