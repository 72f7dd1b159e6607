// policy/v1 PodDisruptionBudget validation with the API server's messages
// (ValidatePodDisruptionBudgetSpec): minAvailable or maxUnavailable, each a non-negative integer or
// a percentage up to 100%, and a valid selector.
import type { KObject } from './types.js';
import { type FieldError, child, invalid, notSupported } from './field-errors.js';
import { validateLabelSelectorSpec } from './validation.js';

type Obj = Record<string, any>;

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent. */
function intOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v);
    if (!m) return [invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    return Number(m[1]) > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
  }
  return [];
}

export function validatePdb(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) errs.push(...intOrPercent(spec.minAvailable, child('spec', 'minAvailable')));
  if (spec.maxUnavailable !== undefined) errs.push(...intOrPercent(spec.maxUnavailable, child('spec', 'maxUnavailable')));
  if (spec.selector) errs.push(...validateLabelSelectorSpec(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}
