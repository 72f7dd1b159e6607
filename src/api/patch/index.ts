// The patch machinery: the three patch formats, the patch media types and how a Content-Type
// selects one. Applying a PATCH request body (YAML for server-side apply) is in apply.ts, which the
// API server loads when a PATCH arrives; the CLI's verbs import only what they use from here.

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
