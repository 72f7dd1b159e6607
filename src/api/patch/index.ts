// PATCH request bodies, dispatched on Content-Type the way the apiserver's PatchResource does.
//
// Server-side apply of the resources themselves is src/api/ssa/ (managedFields, conflicts, removal), called by
// the apiserver; what follows is used only where that is not, an apply on the /scale subresource.
// `application/apply-patch+yaml` here is an APPROXIMATION: real SSA tracks field
// ownership in metadata.managedFields, removes fields a manager stopped applying and reports
// conflicts between managers (409). kbx instead strategically merges the applied configuration
// onto the live object: every field the configuration names takes the configured value, merge
// lists (containers, env, ports, ...) are merged by key, atomic lists are replaced, and fields
// it does not name are left alone. So removing a field from a manifest and re-applying it
// server-side does not remove it from the object, and there are no conflicts. Patch directives
// (`$patch`, `$setElementOrder/…`, …) mean nothing in an apply configuration and are dropped.
// Creating a missing object (SSA answers 201) is the caller's job; with no live object this
// function returns the cleaned configuration.

import YAML from 'yaml';
import { MergePatchError, PatchError, UnsupportedPatchTypeError } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { isObject, type JsonObject } from './json-util.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

export * from './errors.js';
export { applyJsonPatch, decodePatch, type JsonPatchOperation } from './json-patch.js';
export { applyMergePatch, createMergePatch, createThreeWayJsonMergePatch } from './merge-patch.js';
export { PATCH_STRATEGY_TABLE, canonicalKind, hasPatchMeta, patchMetaFor, type FieldPatchMeta, type PatchStrategy } from './merge-keys.js';
export {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
  type PatchMetaLookup,
} from './strategic-merge-patch.js';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

/** The patch media types, in the order the apiserver lists them in its 415 message. */
export const SUPPORTED_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** The patch type of a Content-Type header value (parameters and case ignored), or undefined. */
export function patchTypeOf(contentType: string): PatchType | undefined {
  switch (contentType.split(';')[0]!.trim().toLowerCase()) {
    case JSON_PATCH:
      return 'json';
    case MERGE_PATCH:
      return 'merge';
    case STRATEGIC_MERGE_PATCH:
      return 'strategic';
    case APPLY_PATCH:
      return 'apply';
    default:
      return undefined;
  }
}

/**
 * Applies a PATCH body to `target` (the live object, or null/undefined when there is none) and
 * returns the new object; `target` and `body` are not modified. `body` may be the decoded value
 * or the raw text/bytes. `kind` (e.g. `Deployment`) selects the strategic-merge metadata.
 * Throws UnsupportedPatchTypeError (415) for other content types and a PatchError with the
 * proper `code` (400/422) when the body is malformed or does not apply.
 */
export function applyPatch(contentType: string, target: unknown, body: unknown, kind: string): unknown {
  const type = patchTypeOf(contentType);
  if (!type) throw new UnsupportedPatchTypeError(contentType);
  const decoded = decodeBody(body, type);
  switch (type) {
    case 'json':
      return applyJsonPatch(target ?? {}, decoded);
    case 'merge':
      // evanphx rejects a null patch; anything else that is not an object would replace the
      // whole object, which can never decode as a Kubernetes object.
      if (!isObject(decoded)) throw new MergePatchError('Invalid JSON Patch', 400);
      return applyMergePatch(target, decoded);
    case 'strategic':
      return applyStrategicMergePatch(target, decoded, kind);
    case 'apply':
      return applyConfiguration(target, decoded, kind);
  }
}

function decodeBody(body: unknown, type: PatchType): unknown {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
  if (text === undefined) return body;
  try {
    return type === 'apply' ? YAML.parse(text) : JSON.parse(text);
  } catch (e) {
    throw new PatchError(`error decoding patch: ${(e as Error).message}`, 400, 'BadRequest');
  }
}

// Server-side apply, approximated as described at the top of this file.
function applyConfiguration(target: unknown, config: unknown, kind: string): JsonObject {
  if (!isObject(config)) {
    throw new PatchError('error decoding patch: the applied configuration must be an object', 400, 'BadRequest');
  }
  const cleaned = stripDirectives(config) as JsonObject;
  return applyStrategicMergePatch(isObject(target) ? target : {}, cleaned, kind);
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/')) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
