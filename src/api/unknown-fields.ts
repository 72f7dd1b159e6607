// The fields of a request body that its kind's OpenAPI v3 schema does not declare, named as the API server's
// strict decoding names them (`spec.replica`, `spec.template.spec.containers[0].imagee`). Pure: the schema
// document is the caller's (the served /openapi/v3 document of the kind's group version).

type Schema = Record<string, any>;

export interface SchemaDoc {
  components?: { schemas?: Record<string, Schema> };
}

const REF_PREFIX = '#/components/schemas/';

/** The schema of `kind` in `doc` (by x-kubernetes-group-version-kind), or undefined. */
export function kindSchema(doc: SchemaDoc, group: string, version: string, kind: string): Schema | undefined {
  for (const s of Object.values(doc.components?.schemas ?? {})) {
    const gvks = s['x-kubernetes-group-version-kind'] as { group?: string; version: string; kind: string }[] | undefined;
    if (gvks?.some((g) => (g.group ?? '') === group && g.version === version && g.kind === kind)) return s;
  }
  return undefined;
}

/** A property's schema with $ref and single-entry allOf followed. */
export function resolveSchema(s: Schema | undefined, doc: SchemaDoc): Schema | undefined {
  let cur = s;
  for (let i = 0; cur && i < 8; i++) {
    if (typeof cur.$ref === 'string') cur = doc.components?.schemas?.[cur.$ref.slice(REF_PREFIX.length)];
    else if (Array.isArray(cur.allOf) && cur.allOf.length === 1 && !cur.properties) cur = cur.allOf[0];
    else return cur;
  }
  return cur;
}

/**
 * Unknown field paths of `value` against `schema`. `ignore` says which keys of an object are not fields (the
 * strategic-merge-patch directives `$patch`, `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…`).
 */
export function unknownFields(value: unknown, schema: Schema, doc: SchemaDoc, opts: { ignore?: (key: string) => boolean; prune?: boolean } = {}): string[] {
  const out: string[] = [];
  walk(value, schema, '', doc, out, opts.ignore ?? (() => false), 0, !!opts.prune);
  return out;
}

/** With `prune`, unknown fields are also deleted from `value` (the API server's decoding drops them). */
function walk(value: unknown, schemaIn: Schema | undefined, path: string, doc: SchemaDoc, out: string[], ignore: (k: string) => boolean, depth: number, prune: boolean): void {
  const schema = resolveSchema(schemaIn, doc);
  if (!schema || depth > 64 || value === null || typeof value !== 'object') return;
  if (schema['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v, i) => walk(v, schema.items, `${path}[${i}]`, doc, out, ignore, depth + 1, prune));
    return;
  }
  const props = schema.properties as Record<string, Schema> | undefined;
  const additional = schema.additionalProperties;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    if (props && k in props) walk(v, props[k], p, doc, out, ignore, depth + 1, prune);
    else if (additional && typeof additional === 'object') walk(v, additional, p, doc, out, ignore, depth + 1, prune);
    else if (ignore(k)) continue;
    else if (props || additional === false) {
      out.push(p);
      if (prune) delete (value as Record<string, unknown>)[k];
    }
  }
}

/** Keys of a strategic merge patch that are directives, not fields. */
export function isPatchDirective(key: string): boolean {
  return key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/');
}
