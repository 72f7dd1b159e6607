// v1 ResourceQuota validation: the resources kbx counts (compute requests/limits, object counts,
// `count/<resource>[.<group>]`); scopes are refused rather than ignored.
import type { KObject } from './types.js';
import { type FieldError, forbidden, invalid } from './field-errors.js';
import { QUANTITY_FORMAT_ERROR, tryParseQuantity } from './quantity.js';

type Obj = Record<string, any>;

export const COMPUTE = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'];
export const CORE_COUNTS: Record<string, string> = {
  pods: 'Pod', services: 'Service', secrets: 'Secret', configmaps: 'ConfigMap', persistentvolumeclaims: 'PersistentVolumeClaim',
  resourcequotas: 'ResourceQuota', replicationcontrollers: 'ReplicationController',
};

export function validateResourceQuota(obj: KObject): FieldError[] {
  const spec = ((obj as Obj).spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  for (const f of ['scopes', 'scopeSelector']) if (spec[f] !== undefined && spec[f] !== null) errs.push(forbidden(`spec.${f}`, 'not supported by kbx'));
  for (const [k, v] of Object.entries((spec.hard ?? {}) as Record<string, string>)) {
    if (!tryParseQuantity(v)) errs.push(invalid(`spec.hard[${k}]`, v, QUANTITY_FORMAT_ERROR));
    else if (!COMPUTE.includes(k) && !(k in CORE_COUNTS) && !k.startsWith('count/')) errs.push(forbidden(`spec.hard[${k}]`, 'not supported by kbx'));
  }
  return errs;
}
