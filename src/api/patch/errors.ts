// Typed errors for the patch module. Each carries the HTTP status and Status reason the apiserver
// would answer with (see apiserver pkg/endpoints/handlers/patch.go), so the API layer can turn it
// into a metav1.Status without parsing messages. The messages are the patch libraries' own texts
// (evanphx/json-patch, apimachinery mergepatch), which is what users see in a real cluster's
// Status causes.

export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'UnsupportedMediaType';

export class PatchError extends Error {
  /** HTTP status the API server should answer with. */
  readonly code: 400 | 415 | 422;
  readonly reason: PatchErrorReason;

  constructor(message: string, code: 400 | 415 | 422, reason: PatchErrorReason) {
    super(message);
    this.name = 'PatchError';
    this.code = code;
    this.reason = reason;
  }
}

/**
 * An RFC 6902 failure. A body that does not decode as a patch is a 400 (DecodePatch failed);
 * an operation that does not apply to the document is a 422, as in the apiserver.
 */
export class JsonPatchError extends PatchError {
  constructor(message: string, code: 400 | 422 = 422) {
    super(message, code, code === 400 ? 'BadRequest' : 'Invalid');
    this.name = 'JsonPatchError';
  }
}

/** An RFC 7386 failure: only a body that is not a JSON document (400, `Invalid JSON Patch`). */
export class MergePatchError extends PatchError {
  constructor(message: string, code: 400 | 422 = 400) {
    super(message, code, code === 400 ? 'BadRequest' : 'Invalid');
    this.name = 'MergePatchError';
  }
}

/**
 * A strategic-merge-patch failure. interpretStrategicMergePatchError maps the malformed-directive
 * errors to 400 and list-of-lists / retainKeys mismatches to 422; anything else (bad merge keys,
 * mismatched list element types) surfaces as a 500 upstream, which kbx reports as 422 instead
 * because it is the client's patch that is wrong.
 */
export class StrategicMergePatchError extends PatchError {
  constructor(message: string, code: 400 | 422 = 422) {
    super(message, code, code === 400 ? 'BadRequest' : 'Invalid');
    this.name = 'StrategicMergePatchError';
  }
}

/** A Content-Type that is not one of the four patch media types: the server answers 415. */
export class UnsupportedPatchTypeError extends PatchError {
  readonly contentType: string;

  constructor(contentType: string) {
    super(`unsupported patch type: ${JSON.stringify(contentType)}`, 415, 'UnsupportedMediaType');
    this.name = 'UnsupportedPatchTypeError';
    this.contentType = contentType;
  }
}

export function isPatchError(e: unknown): e is PatchError {
  return e instanceof PatchError;
}

// The fixed texts of apimachinery's pkg/util/mergepatch/errors.go.
export const SMP_ERR = {
  badJSONDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  badPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  badPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  badPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  patchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
} as const;
