// API errors as metav1.Status objects, built like apimachinery's pkg/api/errors/errors.go so the
// messages kubectl prints (`Error from server (NotFound): pods "x" not found`) match a real cluster.
import type { StatusObject } from './types.js';
import { type FieldError, aggregateMessage, causeReason, errorBody } from './field-errors.js';
import { goQuote } from '../compat/go-format.js';

type StatusDetails = NonNullable<StatusObject['details']>;

export class ApiError extends Error {
  readonly status: StatusObject;
  readonly code: number;
  readonly reason: string;

  constructor(status: StatusObject) {
    super(status.message ?? '');
    this.name = 'ApiError';
    this.status = status;
    this.code = status.code ?? 500;
    this.reason = status.reason ?? '';
  }

  toJSON(): StatusObject {
    return this.status;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Wraps a Status received from a server (e.g. by the client) back into an error. */
export function fromStatus(status: StatusObject): ApiError {
  return new ApiError(status);
}

/** A resource as errors.go sees it (schema.GroupResource): `pods` or `deployments.apps`. */
export type QualifiedResource = string | { plural: string; group: string };

function splitResource(qr: QualifiedResource): { resource: string; group: string; text: string } {
  if (typeof qr !== 'string') {
    return { resource: qr.plural, group: qr.group, text: qr.group ? `${qr.plural}.${qr.group}` : qr.plural };
  }
  const dot = qr.indexOf('.');
  return dot < 0 ? { resource: qr, group: '', text: qr } : { resource: qr.slice(0, dot), group: qr.slice(dot + 1), text: qr };
}

// Go's encoding/json drops empty strings (omitempty), so details keep only what is set.
function details(d: { name?: string; group?: string; kind?: string; causes?: StatusDetails['causes'] }): StatusDetails {
  const out: StatusDetails = {};
  if (d.name) out.name = d.name;
  if (d.group) out.group = d.group;
  if (d.kind) out.kind = d.kind;
  if (d.causes && d.causes.length) out.causes = d.causes;
  return out;
}

/** Builds any Failure status; the key order follows metav1.Status as the apiserver writes it. */
export function statusError(code: number, reason: string, message: string, d?: StatusDetails): ApiError {
  const status: StatusObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (d) status.details = d;
  status.code = code;
  return new ApiError(status);
}

/** errors.OptimisticLockErrorMsg, the usual detail of a 409 Conflict. */
export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export function notFound(qr: QualifiedResource, name: string): ApiError {
  const r = splitResource(qr);
  return statusError(404, 'NotFound', `${r.text} ${goQuote(name)} not found`, details({ name, group: r.group, kind: r.resource }));
}

export function alreadyExists(qr: QualifiedResource, name: string): ApiError {
  const r = splitResource(qr);
  return statusError(409, 'AlreadyExists', `${r.text} ${goQuote(name)} already exists`, details({ name, group: r.group, kind: r.resource }));
}

export function conflict(qr: QualifiedResource, name: string, detail: string = OBJECT_MODIFIED): ApiError {
  const r = splitResource(qr);
  return statusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${r.text} ${goQuote(name)}: ${detail}`,
    details({ name, group: r.group, kind: r.resource }),
  );
}

/**
 * 422 Invalid. `kind` is the Kind (`Pod`), `group` its API group ('' for core): the message
 * reads `Pod "x" is invalid: ...` or `Deployment.apps "x" is invalid: ...`, and every field
 * error becomes a cause (causes are not de-duplicated; the message is).
 */
export function invalid(kind: string, name: string, group: string, errs: FieldError[]): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const causes = errs.map((e) => {
    const c: { reason?: string; message?: string; field?: string } = { reason: causeReason(e.type), message: errorBody(e) };
    if (e.field) c.field = e.field;
    return c;
  });
  const agg = aggregateMessage(errs);
  const message = agg ? `${qualifiedKind} ${goQuote(name)} is invalid: ${agg}` : `${qualifiedKind} ${goQuote(name)} is invalid`;
  return statusError(422, 'Invalid', message, details({ name, group, kind, causes }));
}

/** 403 Forbidden: `pods "x" is forbidden: <reason>` (no name: `pods is forbidden: ...`). */
export function forbidden(qr: QualifiedResource, name: string, reason: string): ApiError {
  const r = splitResource(qr);
  let message: string;
  if (!r.text) message = `forbidden: ${reason}`;
  else if (!name) message = `${r.text} is forbidden: ${reason}`;
  else message = `${r.text} ${goQuote(name)} is forbidden: ${reason}`;
  return statusError(403, 'Forbidden', message, details({ name, group: r.group, kind: r.resource }));
}

/**
 * The NamespaceLifecycle admission refusal. Pass the resource and name being created to get the
 * exact text (`pods "x" is forbidden: unable to create new content in namespace ns because it is
 * being terminated`); without them the message starts `forbidden: `.
 */
export function forbiddenCreateInTerminating(namespace: string, qr: QualifiedResource = '', name = ''): ApiError {
  return forbidden(qr, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
}

export function badRequest(message: string): ApiError {
  return statusError(400, 'BadRequest', message);
}

/** The body failed to decode into the kind: what the apiserver says about e.g. a bad quantity. */
export function decodeError(kind: string, version: string, cause: string): ApiError {
  return badRequest(`${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${cause}`);
}

/**
 * 405. With a resource and verb it is NewMethodNotSupported (`create is not supported on resources
 * of kind "nodes"`); bare, it is the router's answer to a method a path does not serve.
 */
export function methodNotAllowed(qr?: QualifiedResource, action?: string): ApiError {
  if (qr === undefined || action === undefined) {
    return statusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
  }
  const r = splitResource(qr);
  return statusError(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind ${goQuote(r.text)}`,
    details({ group: r.group, kind: r.resource }),
  );
}

/**
 * 410. Watches and lists from a compacted resourceVersion get reason Expired
 * (NewResourceExpired, e.g. `too old resource version: 5 (10)`); NewGone uses reason Gone.
 */
export function gone(message: string, reason: 'Expired' | 'Gone' = 'Expired'): ApiError {
  return statusError(410, reason, message);
}

export function internal(message: string): ApiError {
  return statusError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

export function serviceUnavailable(message: string): ApiError {
  return statusError(503, 'ServiceUnavailable', message);
}

export function unauthorized(message = 'not authorized'): ApiError {
  return statusError(401, 'Unauthorized', message || 'not authorized');
}

export function timeout(message: string): ApiError {
  return statusError(504, 'Timeout', `Timeout: ${message}`);
}

/** Media types a PATCH accepts (apiserver installer order). */
export const PATCH_MEDIA_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

/** Media types a create/update body accepts. */
export const BODY_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

/**
 * 415, as negotiation.NewUnsupportedMediaTypeError words it. The offending content type is not
 * part of the message (the apiserver does not echo it); it is accepted only for the caller's
 * convenience.
 */
export function unsupportedMediaType(_contentType?: string, accepted: readonly string[] = PATCH_MEDIA_TYPES): ApiError {
  return statusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/**
 * A patch that could not be applied (bad JSON-patch operation, unparseable merge patch).
 * kbx reports it as 422 Invalid with the patcher's own message.
 */
export function invalidPatch(message: string): ApiError {
  return statusError(422, 'Invalid', message);
}

/** 404 for a path that names no resource; kubectl shows `the server could not find the requested resource`. */
export function notFoundPath(): ApiError {
  return statusError(404, 'NotFound', 'the server could not find the requested resource', {});
}
