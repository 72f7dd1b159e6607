// scheduling.k8s.io/v1 PriorityClass (pkg/apis/scheduling): the two system classes, defaults and
// validation with the API server's messages.
import type { KObject } from './types.js';
import { type FieldError, forbidden, notSupported, required } from './field-errors.js';

type Obj = Record<string, any>;

export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
export const SYSTEM_PRIORITY_CLASSES = [
  { name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2_000_000_000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

export function defaultPriorityClass(obj: KObject): void {
  const o = obj as Obj;
  o.preemptionPolicy ??= 'PreemptLowerPriority';
}

export function validatePriorityClass(obj: KObject): FieldError[] {
  const o = obj as Obj;
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  if (o.value === undefined || o.value === null) errs.push(required('value'));
  if (name.startsWith('system-')) {
    const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
    const why = !known
      ? `${name} is not a known system priority class`
      : known.value !== o.value
        ? `value of ${name} PriorityClass must be ${known.value}`
        : o.globalDefault
          ? `globalDefault of ${name} PriorityClass must be false`
          : '';
    if (why) errs.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if (typeof o.value === 'number' && o.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (o.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(o.preemptionPolicy)) errs.push(notSupported('preemptionPolicy', o.preemptionPolicy, PREEMPTION_POLICIES));
  return errs;
}

export function validatePriorityClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = [];
  if ((obj as Obj).value !== (old as Obj).value) errs.push(forbidden('value', 'may not be changed in an update.'));
  if ((obj as Obj).preemptionPolicy !== (old as Obj).preemptionPolicy) errs.push(forbidden('preemptionPolicy', 'may not be changed in an update.'));
  return errs;
}
