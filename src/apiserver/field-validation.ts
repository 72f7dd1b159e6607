// fieldValidation=Strict|Warn|Ignore (Warn when absent, as the API server): unknown fields of a create, update or
// patch body, by the kind's schema in the served OpenAPI v3 document. Strict refuses the request with the API
// server's strict decoding error; Warn answers with a Warning header per field (kubectl prints them).
import type http from 'node:http';
import type { ResourceInfo } from '../api/resource-info.js';
import * as errors from '../api/errors.js';
import { isPatchDirective, unknownFields } from '../api/unknown-fields.js';
import { schemaFor } from './openapi.js';
import { decodeTypeError } from '../api/typed-decode.js';
import { invalid } from '../api/field-errors.js';

export type BodyKind = 'object' | 'patch';

const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

/** Checks `body`; throws 400 (Strict), or drops the unknown fields from it and sets Warning headers on `res` (Warn) or not (Ignore). */
export function validateFields(info: ResourceInfo, body: unknown, directive: string | null, kind: BodyKind, res: http.ServerResponse): void {
  const mode = directive ?? 'Warn';
  if (mode !== 'Strict' && mode !== 'Warn' && mode !== 'Ignore') {
    throw errors.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${mode}"`);
  }
  const s = schemaFor(info);
  if (!s || !body || typeof body !== 'object') return;
  // Warn and Ignore drop the unknown fields, as decoding into the typed object does upstream.
  const unknown = unknownFields(body, s.schema, s.doc, { ignore: kind === 'patch' ? isPatchDirective : undefined, prune: mode !== 'Strict' });
  if (!unknown.length || mode === 'Ignore') return;
  const msgs = unknown.map((f) => `unknown field ${JSON.stringify(f)}`);
  if (mode === 'Strict') {
    const prefix = kind === 'object' ? `${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: ` : '';
    throw errors.badRequest(`${prefix}strict decoding error: ${msgs.join(', ')}`);
  }
  const prev = res.getHeader('Warning');
  const list = Array.isArray(prev) ? prev : prev ? [String(prev)] : [];
  res.setHeader('Warning', [...list, ...msgs.map((m) => `299 - ${JSON.stringify(m)}`)]);
}

/**
 * The body decoded against the kind's types (api/typed-decode.ts): a create/update body that does not decode is
 * the API server's 400 (`Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal …`),
 * a patch whose result does not decode its 422 on the field `patch`. Nulls in struct fields are dropped.
 */
export function decodeTypes(info: Pick<ResourceInfo, 'group' | 'version' | 'kind'>, obj: unknown, kind: BodyKind, patchBody?: unknown, subresource?: string): void {
  const of = subresource === 'scale' ? SCALE : info;
  const s = schemaFor(info, of);
  if (!s) return;
  const err = decodeTypeError(obj, s.schema, s.doc);
  if (!err) return;
  if (kind === 'object') throw errors.decodeError(of.kind, of.version, err);
  throw errors.invalid('', '', '', [invalid('patch', JSON.stringify(patchBody), err)]);
}
