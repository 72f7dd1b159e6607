// core/v1 Node spec validation with the API server's messages (ValidateNode's taint rules:
// validateNodeTaints): qualified keys, label values, a known effect, unique key+effect pairs.
import type { KObject } from './types.js';
import { type FieldError, child, index, invalid, notSupported, required } from './field-errors.js';
import { isLabelValue, isQualifiedName } from './validation.js';

const EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

type Obj = Record<string, any>;

export function validateNodeSpec(node: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const taints = ((node.spec ?? {}) as Obj).taints as Obj[] | undefined;
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const path = index('spec.taints', i);
    const key = String(t?.key ?? '');
    for (const m of isQualifiedName(key)) errs.push(invalid(child(path, 'key'), key, m));
    if (t?.value) for (const m of isLabelValue(String(t.value))) errs.push(invalid(child(path, 'value'), t.value, m));
    if (!t?.effect) errs.push(required(child(path, 'effect'), ''));
    else if (!EFFECTS.includes(t.effect)) errs.push(notSupported(child(path, 'effect'), t.effect, EFFECTS));
    const k = `${key}\u0000${t?.effect ?? ''}`;
    if (seen.has(k)) errs.push({ type: 'Duplicate', field: path, badValue: t, detail: 'taints must be unique by key and effect pair' } as FieldError);
    seen.add(k);
  });
  return errs;
}
