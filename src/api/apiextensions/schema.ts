// A custom resource's structural OpenAPI v3 schema applied to an object, as apiextensions-apiserver does on
// create and update: pruning of fields the schema does not declare (unless x-kubernetes-preserve-unknown-fields),
// defaulting (`default` of absent properties), then validation with the API server's messages
// (kube-openapi's validate errors as field.Errors: `spec.size in body must be of type integer: "string"`).
// Pure: no I/O. Not yet wired to serving (see README, CustomResourceDefinitions).
import { goQuote } from '../../compat/go-format.js';
import { invalid, notSupported, required, type FieldError } from '../field-errors.js';

export interface JSONSchemaProps {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  properties?: Record<string, JSONSchemaProps>;
  additionalProperties?: JSONSchemaProps | boolean;
  items?: JSONSchemaProps;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  nullable?: boolean;
  default?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  [k: string]: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const join = (path: string, k: string) => (path ? `${path}.${k}` : k);

/** Fields of an embedded resource or the root that are always kept (apiVersion, kind, metadata). */
const META_KEYS = ['apiVersion', 'kind', 'metadata'];

/** Deletes from `value` (in place) every field `schema` does not declare; returns the pruned paths. */
export function prune(value: unknown, schema: JSONSchemaProps, root = true): string[] {
  const out: string[] = [];
  pruneAt(value, schema, '', root, out);
  return out;
}

function pruneAt(value: unknown, s: JSONSchemaProps | undefined, path: string, keepMeta: boolean, out: string[]): void {
  if (!s || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => pruneAt(v, s.items, `${path}[${i}]`, !!s.items?.['x-kubernetes-embedded-resource'], out));
    return;
  }
  const props = s.properties ?? {};
  const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  for (const [k, v] of Object.entries(value)) {
    const p = join(path, k);
    if (keepMeta && META_KEYS.includes(k)) continue;
    const sub = props[k] ?? additional;
    if (sub) pruneAt(v, sub, p, !!sub['x-kubernetes-embedded-resource'], out);
    else if (!s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties !== true) {
      delete (value as Obj)[k];
      out.push(p);
    }
  }
}

/** Sets each absent property that has a `default` (deep, in place), as the structural defaulting does. */
export function applyDefaults(value: unknown, s: JSONSchemaProps | undefined): void {
  if (!s || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) applyDefaults(v, s.items);
    return;
  }
  const o = value as Obj;
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    if (o[k] === undefined && sub.default !== undefined) o[k] = structuredClone(sub.default);
    applyDefaults(o[k], sub);
  }
  if (typeof s.additionalProperties === 'object') for (const k of Object.keys(o)) if (!(k in (s.properties ?? {}))) applyDefaults(o[k], s.additionalProperties);
}

/** The validation errors of `value` against `s`; `path` is the field path of `value` (`` for the object). */
export function validateValue(value: unknown, s: JSONSchemaProps, path = ''): FieldError[] {
  const errs: FieldError[] = [];
  check(value, s, path, errs);
  return errs;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, s: JSONSchemaProps): boolean {
  if (s['x-kubernetes-int-or-string']) return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
  if (!s.type) return true;
  const t = typeOf(v);
  return t === s.type || (s.type === 'number' && t === 'integer');
}

function check(v: unknown, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const name = path || '<root>';
  if (v === null) {
    if (!s.nullable && s.type) errs.push(invalid(path, 'null', `${name} in body must be of type ${s.type}: "null"`));
    return;
  }
  if (!typeMatches(v, s)) {
    const want = s['x-kubernetes-int-or-string'] ? 'integer,string' : s.type;
    // kube-openapi's type error carries the value's type name as the bad value.
    errs.push(invalid(path, typeOf(v), `${name} in body must be of type ${want}: ${goQuote(typeOf(v))}`));
    return;
  }
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
    errs.push(notSupported(path, v, s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))));
  }
  if (typeof v === 'string') {
    if (s.maxLength !== undefined && [...v].length > s.maxLength) errs.push({ type: 'TooLong', field: path, badValue: v, detail: `may not be more than ${s.maxLength} bytes` });
    if (s.minLength !== undefined && [...v].length < s.minLength) errs.push(invalid(path, v, `${name} in body should be at least ${s.minLength} chars long`));
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) errs.push(invalid(path, v, `${name} in body should match '${s.pattern}'`));
  }
  if (typeof v === 'number') {
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
      errs.push(invalid(path, v, `${name} in body should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`));
    }
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
      errs.push(invalid(path, v, `${name} in body should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`));
    }
    if (s.multipleOf !== undefined && s.multipleOf > 0 && !Number.isInteger(v / s.multipleOf)) errs.push(invalid(path, v, `${name} in body should be a multiple of ${s.multipleOf}`));
  }
  if (Array.isArray(v)) {
    if (s.maxItems !== undefined && v.length > s.maxItems) errs.push({ type: 'TooMany', field: path, badValue: v.length, detail: `must have at most ${s.maxItems} items` });
    if (s.minItems !== undefined && v.length < s.minItems) errs.push(invalid(path, v, `${name} in body should have at least ${s.minItems} items`));
    if (s.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errs.push({ type: 'Duplicate', field: path, badValue: v });
    if (s.items) v.forEach((x, i) => check(x, s.items!, `${path}[${i}]`, errs));
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) errs.push(invalid(path, v, `${name} in body should have at most ${s.maxProperties} properties`));
    if (s.minProperties !== undefined && keys.length < s.minProperties) errs.push(invalid(path, v, `${name} in body should have at least ${s.minProperties} properties`));
    for (const r of s.required ?? []) if (v[r] === undefined) errs.push(required(join(path, r)));
    for (const [k, x] of Object.entries(v)) {
      const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (sub) check(x, sub, join(path, k), errs);
    }
  }
}

/** Prune, default, validate: what a create or update of a custom resource goes through (metadata left to the caller). */
export function admitCustomResource(obj: Obj, schema: JSONSchemaProps): FieldError[] {
  prune(obj, schema);
  applyDefaults(obj, schema);
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
  const s: JSONSchemaProps = { ...schema, properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !META_KEYS.includes(k))) };
  return validateValue(rest, s);
}
