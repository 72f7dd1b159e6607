// kubectl explain's plaintext output from an OpenAPI v3 group-version document: the rules of kubectl's
// pkg/explain/v2/templates/plaintext.tmpl, as functions (same traversal, wrapping at 76/78 columns, sorted
// fields, enums, -required-). Pure: the document comes from the server.
import { wrapString } from '../util/word-wrap.js';
import { isObject } from '../api/patch/json-util.js';

type Schema = Record<string, any>;
type Doc = { paths?: Record<string, Schema>; components?: { schemas?: Record<string, Schema> } };

export interface ExplainTarget {
  group: string;
  version: string;
  /** The plural resource name (deployments). */
  resource: string;
}

export interface ExplainOptions {
  recursive?: boolean;
  /** 0: no limit (kubectl's default). */
  maxDepth?: number;
}

export class ExplainError extends Error {
  /** What kubectl has printed before the error (the GROUP/KIND/VERSION lines). */
  constructor(message: string, readonly partial = '') {
    super(message);
  }
}

const indent = (n: number, s: string): string => {
  const pad = ' '.repeat(n);
  return pad + s.split('\n').join('\n' + pad);
};

// Records as the JSON helpers define them; `any` inside, as schemas and objects are walked generically.
const isObj = (v: unknown): v is Record<string, any> => isObject(v);
const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : !!v);

function resolveRef(ref: unknown, doc: Doc): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: any = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    cur = cur?.[k];
    if (!isObj(cur)) return undefined;
  }
  return cur;
}

function sameGvk(a: Schema, b: Schema): boolean {
  return (a.group ?? '') === (b.group ?? '') && a.kind === b.kind && a.version === b.version && Object.keys(a).length === Object.keys(b).length;
}

/** The whole `kubectl explain` text for `fieldPath` (without the resource) of `target`. */
export function renderExplain(doc: Doc, target: ExplainTarget, fieldPath: string[], opts: ExplainOptions = {}): string {
  const prefix = target.group ? `/apis/${target.group}` : '/api';
  const base = `${prefix}/${target.version}`;
  let gvk: Schema | undefined;
  for (const p of [`${base}/${target.resource}`, `${base}/${target.resource}/{name}`, `${base}/namespaces/{namespace}/${target.resource}`, `${base}/namespaces/{namespace}/${target.resource}/{name}`]) {
    const el = doc.paths?.[p];
    if (!el) continue;
    for (const m of ['get', 'post', 'put', 'patch', 'delete']) {
      const g = el[m]?.['x-kubernetes-group-version-kind'];
      if (g) {
        gvk = g;
        break;
      }
    }
    if (gvk) break;
  }
  if (!gvk) throw new ExplainError(`GVR (${target.group ? `${target.group}/` : ''}${target.version}, Resource=${target.resource}) not found in OpenAPI schema`);
  let out = '';
  if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = doc.components?.schemas ?? {};
  const name = Object.keys(schemas)
    .sort()
    .find((n) => (schemas[n]!['x-kubernetes-group-version-kind'] as Schema[] | undefined)?.some((g) => sameGvk(g, gvk!)));
  if (!name) throw new ExplainError(`GVK ${gvk.group ? `${gvk.group}/` : ''}${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`, out);
  const body = output({ doc, schema: schemas[name]!, history: {}, fieldPath, recursive: !!opts.recursive, maxDepth: opts.maxDepth ?? 0 });
  if (!body) throw new ExplainError(`field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
  return out + body + '\n';
}

interface Ctx {
  doc: Doc;
  schema: Schema;
  history: Record<string, 1>;
  fieldPath: string[];
  recursive: boolean;
  maxDepth: number;
}

function output(c: Ctx): string {
  const ref: string = c.schema.$ref ?? '';
  const next = { ...c, history: { ...c.history, [ref]: 1 as const } };
  const resolved = resolveRef(ref, c.doc) ?? c.schema;
  if (c.fieldPath.length === 0) {
    let s = 'DESCRIPTION:\n' + indent(4, wrapString(description(resolved, c.doc) || '<empty>', 76)) + '\n';
    const ext = externalDocs(resolved);
    if (ext) s += '\n' + ext;
    const fields = fieldList({ ...c, schema: resolved, history: {} }, 1);
    if (fields) s += 'FIELDS:\n' + fields;
    return s;
  }
  if (ref && c.history[ref]) return '';
  const first = c.fieldPath[0]!;
  if (isObj(resolved.properties) && resolved.properties[first]) {
    const sub = resolved.properties[first] as Schema;
    let s = '';
    if (c.fieldPath.length === 1) s += `FIELD: ${first} <${typeGuess(sub, c.doc)}>\n` + extractEnum(sub, true, -1, 0) + '\n\n';
    return s + output({ ...next, history: {}, fieldPath: c.fieldPath.slice(1), schema: sub });
  }
  if (nonEmpty(resolved.items)) return output({ ...next, schema: resolved.items });
  if (isObj(resolved.additionalProperties) && nonEmpty(resolved.additionalProperties)) return output({ ...next, schema: resolved.additionalProperties });
  for (const sub of (resolved.allOf as Schema[] | undefined) ?? []) {
    const o = output({ ...next, schema: sub });
    if (o) return o;
  }
  return '';
}

function fieldList(c: Ctx, level: number): string {
  const ref: string = c.schema.$ref ?? '';
  if (ref && c.history[ref]) return '';
  const next = { ...c, history: { ...c.history, [ref]: 1 as const } };
  const resolved = resolveRef(ref, c.doc) ?? c.schema;
  let s = '';
  const props = isObj(resolved.properties) ? resolved.properties : {};
  for (const k of Object.keys(props).sort()) {
    s += fieldDetail(k, resolved, c.recursive, level, c.doc);
    if (c.recursive && (c.maxDepth === 0 || level < c.maxDepth)) s += fieldList({ ...next, schema: props[k] }, level + 1);
  }
  for (const sub of (resolved.allOf as Schema[] | undefined) ?? []) s += fieldList({ ...next, schema: sub }, level);
  if (nonEmpty(resolved.items)) s += fieldList({ ...next, schema: resolved.items }, level);
  if (isObj(resolved.additionalProperties) && nonEmpty(resolved.additionalProperties)) s += fieldList({ ...next, schema: resolved.additionalProperties }, level);
  return s;
}

function fieldDetail(name: string, schema: Schema, short: boolean, level: number, doc: Doc): string {
  const n = level * 2;
  const field = schema.properties[name] as Schema;
  let s = indent(n, name) + '\t<' + typeGuess(field, doc) + '>';
  if (Array.isArray(schema.required) && schema.required.includes(name)) s += ' -required-';
  s += extractEnum(field, false, 4, n) + '\n';
  if (!short) {
    s += indent(n + 2, wrapString(field.description || '<no description>', 78 - n)) + '\n';
    if (isObj(field.externalDocs)) {
      s += '\n' + indent(n + 2, 'EXTERNAL DOCS:') + '\n';
      if (field.externalDocs.description) s += indent(n + 4, wrapString(field.externalDocs.description, 76 - n)) + '\n';
      if (field.externalDocs.url) s += indent(n + 4, `URL: ${field.externalDocs.url}`) + '\n';
    }
    s += '\n';
  }
  return s;
}

function description(schema: Schema, doc: Doc): string {
  const s = resolveRef(schema.$ref, doc) ?? schema;
  let out = s.description ? `${s.description}\n` : '';
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) out += description(sub, doc);
  if (nonEmpty(s.items)) out += description(s.items, doc);
  if (isObj(s.additionalProperties) && nonEmpty(s.additionalProperties)) out += description(s.additionalProperties, doc);
  return out;
}

function externalDocs(schema: Schema): string {
  const e = schema.externalDocs;
  if (!isObj(e)) return '';
  let s = 'EXTERNAL DOCS:\n';
  if (e.description) s += indent(4, wrapString(e.description, 76)) + '\n';
  if (e.url) s += indent(4, `URL: ${e.url}`) + '\n';
  return s;
}

function typeGuess(schema: Schema, doc: Doc): string {
  if (nonEmpty(schema.items)) return '[]' + typeGuess(schema.items, doc);
  if (isObj(schema.additionalProperties) && nonEmpty(schema.additionalProperties)) return 'map[string]' + typeGuess(schema.additionalProperties, doc);
  if (Array.isArray(schema.allOf) && !nonEmpty(schema.properties) && schema.allOf.length === 1) return typeGuess(schema.allOf[0], doc);
  if (schema.$ref) {
    const r = resolveRef(schema.$ref, doc);
    if (!r || !r.type || r.type === 'object') return String(schema.$ref).split('/').pop()!.split('.').pop() || 'Object';
    return r.type;
  }
  return schema.type === 'object' ? 'Object' : schema.type || 'Object';
}

function extractEnum(schema: Schema, long: boolean, limit: number, indentAmount: number): string {
  const values = schema.enum as unknown[] | undefined;
  if (!Array.isArray(values) || values.length === 0) return '';
  const lim = limit || -1;
  let s = long ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: ';
  for (let i = 0; i < values.length; i++) {
    if (lim > -1 && i >= lim) {
      s += ', ....';
      break;
    }
    if (i > 0 && !long) s += ', ';
    else if (long) s += '\n    ';
    s += values[i] === '' ? '""' : String(values[i]);
  }
  return s;
}
