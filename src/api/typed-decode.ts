// A request body decoded against its kind's types, as the API server's JSON decoder (encoding/json into the Go
// structs) does: a value of the wrong JSON kind, an integer out of its int32/int64 range or with a fraction, a
// quantity that does not parse, an int-or-string that is neither, a timestamp that is not RFC 3339 — each is the
// decoder's error (`json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32`),
// the first in the text's order. Nulls decode to the zero value: they are dropped from the body. The types come
// from the served OpenAPI v3 schema (the caller's). Pure.
import { goJsonKind } from '../compat/go-format.js';
import { quantityError } from './quantity.js';
import { rfc3339Error } from '../compat/go-time.js';
import type { SchemaDoc } from './unknown-fields.js';

type Schema = Record<string, any>;

const REF_PREFIX = '#/components/schemas/';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** A schema with its $ref (and single-entry allOf) followed, and the name of the last definition reached. */
function resolve(s: Schema | undefined, doc: SchemaDoc): { schema?: Schema; name?: string } {
  let cur = s;
  let name: string | undefined;
  for (let i = 0; cur && i < 8; i++) {
    if (typeof cur.$ref === 'string') {
      name = cur.$ref.slice(REF_PREFIX.length);
      cur = doc.components?.schemas?.[name];
    } else if (Array.isArray(cur.allOf) && cur.allOf.length === 1 && !cur.properties) cur = cur.allOf[0];
    else break;
  }
  return { schema: cur, name };
}

/** Go's reflect name of a definition: `io.k8s.api.apps.v1.DeploymentSpec` → `v1.DeploymentSpec`. */
function goDefName(name: string): string {
  const parts = name.split('.');
  return parts.slice(-2).join('.');
}

/** The Go type a schema decodes into, as reflect prints it. */
function goType(s: Schema | undefined, doc: SchemaDoc, depth = 0): string {
  const { schema, name } = resolve(s, doc);
  if (!schema || depth > 8) return 'interface {}';
  if (name && schema.properties) return goDefName(name);
  if (name && (schema['x-kubernetes-int-or-string'] || schema.format === 'date-time')) return goDefName(name);
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'array':
      return `[]${goType(schema.items, doc, depth + 1)}`;
    case 'object':
      return schema.additionalProperties && typeof schema.additionalProperties === 'object'
        ? `map[string]${goType(schema.additionalProperties, doc, depth + 1)}`
        : 'map[string]interface {}';
  }
  return 'interface {}';
}

class DecodeError extends Error {}

interface Ctx {
  doc: SchemaDoc;
  /** The innermost Go struct's name (without its package) and the JSON field names from the root. */
  struct: string;
  fields: string[];
}

function typeError(value: unknown, target: string, ctx: Ctx, literal = false): DecodeError {
  const what = literal && typeof value === 'number' ? `number ${JSON.stringify(value)}` : goJsonKind(value);
  if (!ctx.fields.length) return new DecodeError(`json: cannot unmarshal ${what} into Go value of type ${target}`);
  return new DecodeError(`json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${target}`);
}

const INT32 = [-2147483648, 2147483647] as const;

function checkInteger(value: unknown, format: string | undefined, ctx: Ctx): void {
  const target = format === 'int32' ? 'int32' : 'int64';
  if (typeof value !== 'number') throw typeError(value, target, ctx);
  const [lo, hi] = format === 'int32' ? INT32 : [-(2 ** 63), 2 ** 63 - 1];
  if (!Number.isInteger(value) || value < lo || value > hi) throw typeError(value, target, ctx, true);
}

/** IntOrString and Quantity decode themselves: their errors name no struct field. */
function checkIntOrString(value: unknown, name: string | undefined): void {
  if (name === QUANTITY) {
    const err = typeof value === 'string' || typeof value === 'number' ? quantityError(value) : quantityError(JSON.stringify(value));
    if (err) throw new DecodeError(err);
    return;
  }
  if (typeof value === 'string') return;
  if (typeof value !== 'number') throw new DecodeError(`json: cannot unmarshal ${goJsonKind(value)} into Go value of type int32`);
  if (!Number.isInteger(value) || value < INT32[0] || value > INT32[1]) {
    throw new DecodeError(`json: cannot unmarshal number ${JSON.stringify(value)} into Go value of type int32`);
  }
}

/** The JSON of a Go zero value of a schema's type (what a null array item decodes to). */
function zeroValue(s: Schema | undefined, doc: SchemaDoc): unknown {
  const { schema, name } = resolve(s, doc);
  if (!schema) return null;
  if (schema['x-kubernetes-int-or-string']) return name === QUANTITY ? '0' : 0;
  if (schema.format === 'date-time') return null;
  switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'array':
      return [];
    case 'object':
      return {};
  }
  return null;
}

function walk(value: unknown, schemaIn: Schema | undefined, ctx: Ctx, depth: number): void {
  const { schema, name } = resolve(schemaIn, ctx.doc);
  if (!schema || depth > 64 || schema['x-kubernetes-preserve-unknown-fields']) return;
  if (schema['x-kubernetes-int-or-string']) return checkIntOrString(value, name);
  if (schema.format === 'date-time') {
    if (typeof value !== 'string') throw new DecodeError(`json: cannot unmarshal ${goJsonKind(value)} into Go value of type string`);
    const err = rfc3339Error(value);
    if (err) throw new DecodeError(err);
    return;
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'integer':
      return checkInteger(value, schema.format, ctx);
    case 'number':
      if (typeof value !== 'number') throw typeError(value, 'float64', ctx);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(value, 'bool', ctx);
      return;
    case 'string':
      if (typeof value !== 'string') throw typeError(value, 'string', ctx);
      return;
    case 'array':
      if (!Array.isArray(value)) throw typeError(value, goType(schema, ctx.doc), ctx);
      for (let i = 0; i < value.length; i++) {
        if (value[i] === null) value[i] = zeroValue(schema.items, ctx.doc); // a null item decodes to the zero value
        else walk(value[i], schema.items, ctx, depth + 1);
      }
      return;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw typeError(value, goType(schemaIn, ctx.doc), ctx);
      const obj = value as Record<string, unknown>;
      const props = schema.properties as Record<string, Schema> | undefined;
      const additional = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : undefined;
      const struct = props && name ? goDefName(name).split('.').pop()! : ctx.struct;
      for (const k of Object.keys(obj)) {
        const v = obj[k];
        const sub = props?.[k] ?? additional;
        if (v === null) {
          if (props?.[k]) delete obj[k]; // a struct field's null is its zero value
          continue;
        }
        if (!sub) continue; // unknown fields are fieldValidation's business
        const inner: Ctx = props?.[k] ? { doc: ctx.doc, struct, fields: [...ctx.fields, k] } : { ...ctx, struct: props ? struct : ctx.struct };
        walk(v, sub, inner, depth + 1);
      }
      return;
    }
  }
}

/**
 * The decoder's first error for `value` against `schema` (a kind's, from `doc`), or undefined when it decodes.
 * Struct fields set to null are deleted from `value` (they decode to nothing).
 */
export function decodeTypeError(value: unknown, schema: Schema, doc: SchemaDoc): string | undefined {
  try {
    const root = Object.entries(doc.components?.schemas ?? {}).find(([, v]) => v === schema)?.[0];
    walk(value, root ? { $ref: REF_PREFIX + root } : schema, { doc, struct: '', fields: [] }, 0);
    return undefined;
  } catch (e) {
    if (e instanceof DecodeError) return e.message;
    throw e;
  }
}
