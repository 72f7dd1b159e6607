// RFC 7386 JSON merge patch (`application/merge-patch+json`), as gopkg.in/evanphx/json-patch.v4
// implements it for the apiserver: kubectl uses it for `scale` ({"spec":{"replicas":3}}),
// `annotate`/`label` and `rollout` pause/resume on kinds without strategic-merge metadata.
//
// One deliberate difference from a literal reading of the RFC, copied from evanphx: nulls are
// also pruned from objects nested inside a newly set array (the RFC would keep them). A typed
// Kubernetes object drops such nulls when decoded anyway, so this matches what a cluster stores.

import { deepEqual, deepClone, isObject, jsonType, sortKeysDeep, type JsonObject } from './json-util.js';

/**
 * Applies `patch` to `target` and returns the result; neither input is modified.
 *
 * - a patch that is not an object replaces the target outright (RFC 7386 §2);
 * - a null member deletes the key; an object member merges recursively; anything else is set.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return pruneNulls(deepClone(patch));
  const base: JsonObject = isObject(target) ? deepClone(target) : {};
  // Cloned first so that hostile keys are dropped (see deepClone) before any assignment.
  return mergeInto(base, deepClone(patch));
}

// Merges `patch` into `doc` in place; `doc` is always a private copy.
function mergeInto(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = doc[k];
    if (isObject(cur) && isObject(v)) {
      doc[k] = mergeInto(cur, v);
    } else {
      doc[k] = pruneNulls(deepClone(v));
    }
  }
  return doc;
}

// Removes null members from objects (recursively, also inside arrays); null array items stay,
// because an array is a value, not a set of instructions.
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : pruneNulls(x)));
  if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null || v[k] === undefined) delete v[k];
      else v[k] = pruneNulls(v[k]);
    }
  }
  return v;
}

/**
 * The merge patch that turns `original` into `modified` (evanphx CreateMergePatch): changed or
 * added keys carry the new value, removed keys carry null, lists are compared as whole values.
 * Keys come out sorted, as Go's encoder writes them.
 */
export function createMergePatch(original: unknown, modified: unknown): unknown {
  if (!isObject(original) || !isObject(modified)) return sortKeysDeep(deepClone(modified));
  return sortKeysDeep(diff(deepClone(original), deepClone(modified)));
}

function diff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [key, bv] of Object.entries(b)) {
    if (bv === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(a, key) || a[key] === undefined) {
      into[key] = deepClone(bv);
      continue;
    }
    const av = a[key];
    if (jsonType(av) !== jsonType(bv)) {
      into[key] = deepClone(bv);
      continue;
    }
    if (isObject(av) && isObject(bv)) {
      const sub = diff(av, bv);
      if (Object.keys(sub).length > 0) into[key] = sub;
    } else if (!deepEqual(av, bv)) {
      into[key] = deepClone(bv);
    }
  }
  for (const key of Object.keys(a)) {
    if (a[key] !== undefined && (!Object.prototype.hasOwnProperty.call(b, key) || b[key] === undefined)) into[key] = null;
  }
  return into;
}

/**
 * kubectl's client-side apply for kinds without strategic-merge metadata (custom resources):
 * apimachinery jsonmergepatch.CreateThreeWayJSONMergePatch. Additions and changes come from
 * current → modified, deletions (nulls) from original (last-applied) → modified, so fields that
 * other writers added to the live object survive. Returns `{}` when nothing changes.
 */
export function createThreeWayJsonMergePatch(original: unknown, modified: unknown, current: unknown): JsonObject {
  const o = isObject(original) ? deepClone(original) : {};
  const m = isObject(modified) ? deepClone(modified) : {};
  const c = isObject(current) ? deepClone(current) : {};
  const addAndChange = keepOrDropNulls(diff(c, m), false);
  const deletions = keepOrDropNulls(diff(o, m), true);
  return sortKeysDeep(mergeInto(deletions, addAndChange) as JsonObject);
}

// keepOrDeleteNullInObj: keepNull=true keeps only the nulls (deletions), false drops them
// (additions and changes). An explicitly empty map is a value, not an empty patch.
function keepOrDropNulls(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) {
    if (v === null) {
      if (keepNull) out[k] = null;
    } else if (isObject(v)) {
      if (Object.keys(v).length === 0) {
        if (!keepNull) out[k] = v;
        continue;
      }
      const sub = keepOrDropNulls(v, keepNull);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!keepNull) {
      out[k] = v;
    }
  }
  return out;
}
