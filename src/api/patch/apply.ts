// PATCH request bodies, dispatched on Content-Type the way the apiserver's PatchResource does.
//
// Server-side apply of the resources themselves is src/api/ssa/ (managedFields, conflicts, removal), called by
// the apiserver's field manager; the `apply` case here is used only where that is not, the /scale subresource.
// There `application/apply-patch+yaml` is an APPROXIMATION: real SSA tracks field
// ownership in metadata.managedFields, removes fields a manager stopped applying and reports
// conflicts between managers (409). kbx instead strategically merges the applied configuration
// onto the live object: every field the configuration names takes the configured value, merge
// lists (containers, env, ports, ...) are merged by key, atomic lists are replaced, and fields
// it does not name are left alone. So removing a field from a manifest and re-applying it
// server-side does not remove it from the object, and there are no conflicts. Patch directives
// (`$patch`, `$setElementOrder/…`, …) mean nothing in an apply configuration and are dropped.
// Creating a missing object (SSA answers 201) is the caller's job; with no live object this
// function returns the cleaned configuration.

import { yamlDocumentToJson } from '../../compat/yaml-parse.js';
import { MergePatchError, PatchError, UnsupportedPatchTypeError } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { isObject, type JsonObject } from './json-util.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';
import { patchTypeOf, type PatchType } from './index.js';

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
    // An apply configuration is YAML read as kubectl and the apiserver read it (sigs.k8s.io/yaml,
    // YAML 1.1): `yes` is true, `0777` is 511.
    return type === 'apply' ? yamlDocumentToJson(text) : JSON.parse(text);
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
