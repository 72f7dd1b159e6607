// The checks kubectl makes when it decodes a manifest object (with --validate=false, these are
// the errors a user sees): no kind means `Object 'Kind' is missing in '<raw JSON>'`, and
// apiVersion/kind/metadata must decode into Go's TypeMeta and ObjectMeta, which yields
// encoding/json's type errors (`json: cannot unmarshal number into Go struct field
// ObjectMeta.metadata.labels of type string`) or time.Parse's for timestamps. Go reports the
// first problem in the order of the JSON text, whose keys are sorted when it came from YAML.
import { compareGoStrings, goJsonKind, goQuote } from '../../compat/go-format.js';
import { rfc3339Error } from '../../compat/go-time.js';

export { rfc3339Error };

type Order = 'sorted' | 'document';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keys(o: Record<string, unknown>, order: Order): string[] {
  const k = Object.keys(o);
  return order === 'sorted' ? k.sort(compareGoStrings) : k;
}

class TypeError_ extends Error {}

function typeError(value: unknown, where: string, type: string): TypeError_ {
  const what = typeof value === 'number' && type === 'int64' ? `number ${JSON.stringify(value)}` : goJsonKind(value);
  return new TypeError_(`json: cannot unmarshal ${what} into Go struct field ${where} of type ${type}`);
}


const STRING_FIELDS = new Set(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion']);
const INT_FIELDS = new Set(['generation', 'deletionGracePeriodSeconds']);
const TIME_FIELDS = new Set(['creationTimestamp', 'deletionTimestamp']);
const MAP_FIELDS = new Set(['labels', 'annotations']);

function checkInt64(v: unknown, where: string): void {
  if (v === null) return;
  if (typeof v !== 'number') throw typeError(v, where, 'int64');
  if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 63) throw typeError(v, where, 'int64');
}

function checkOwnerReferences(v: unknown, order: Order): void {
  if (v === null) return;
  if (!Array.isArray(v)) throw typeError(v, 'ObjectMeta.metadata.ownerReferences', '[]v1.OwnerReference');
  for (const ref of v) {
    if (ref === null) continue;
    if (!isObject(ref)) throw typeError(ref, 'ObjectMeta.metadata.ownerReferences', 'v1.OwnerReference');
    for (const k of keys(ref, order)) {
      const x = ref[k];
      if (x === null) continue;
      if (['apiVersion', 'kind', 'name', 'uid'].includes(k) && typeof x !== 'string') {
        throw typeError(x, `OwnerReference.metadata.ownerReferences.${k}`, k === 'uid' ? 'types.UID' : 'string');
      }
      if ((k === 'controller' || k === 'blockOwnerDeletion') && typeof x !== 'boolean') {
        throw typeError(x, `OwnerReference.metadata.ownerReferences.${k}`, 'bool');
      }
    }
  }
}

function checkMetadata(meta: Record<string, unknown>, order: Order): void {
  for (const k of keys(meta, order)) {
    const v = meta[k];
    const where = `ObjectMeta.metadata.${k}`;
    if (STRING_FIELDS.has(k)) {
      if (v !== null && typeof v !== 'string') throw typeError(v, where, k === 'uid' ? 'types.UID' : 'string');
    } else if (INT_FIELDS.has(k)) checkInt64(v, where);
    else if (TIME_FIELDS.has(k)) {
      if (v === null) continue;
      if (typeof v !== 'string') throw typeError(v, where, 'string');
      const err = rfc3339Error(v);
      if (err) throw new TypeError_(err);
    } else if (MAP_FIELDS.has(k)) {
      if (v === null) continue;
      if (!isObject(v)) throw typeError(v, where, 'map[string]string');
      for (const lk of keys(v, order)) {
        const lv = v[lk];
        if (lv !== null && typeof lv !== 'string') throw typeError(lv, where, 'string');
      }
    } else if (k === 'finalizers') {
      if (v === null) continue;
      if (!Array.isArray(v)) throw typeError(v, where, '[]string');
      for (const f of v) if (f !== null && typeof f !== 'string') throw typeError(f, where, 'string');
    } else if (k === 'ownerReferences') checkOwnerReferences(v, order);
  }
}

/**
 * kubectl's decode error for one manifest object, or undefined. `raw` is the object's JSON as
 * kubectl saw it (the bytes of a JSON document, or the JSON a YAML document converts to);
 * `order` says whether problems are looked for in sorted key order (YAML) or as written (JSON).
 */
export function decodeError(obj: Record<string, unknown>, sourceName: string, raw: string, order: Order): string | undefined {
  if (typeof obj.kind !== 'string' || obj.kind === '') return `unable to decode "${sourceName}": Object 'Kind' is missing in '${raw}'`;
  try {
    for (const k of keys(obj, order)) {
      const v = obj[k];
      if (k === 'apiVersion' && v !== null && typeof v !== 'string') throw typeError(v, 'metadataOnlyObject.TypeMeta.apiVersion', 'string');
      if (k === 'metadata' && v !== null) {
        if (!isObject(v)) throw typeError(v, 'metadataOnlyObject.metadata', 'v1.ObjectMeta');
        checkMetadata(v, order);
      }
    }
  } catch (e) {
    if (e instanceof TypeError_) return `unable to decode "${sourceName}": ${e.message}`;
    throw e;
  }
  return undefined;
}
