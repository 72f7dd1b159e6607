// A LimitRange's own defaults and validation as kbx stores it (the LimitRanger admission plugin that
// applies the ranges to pods is src/admission/limit-ranger.ts).
import type { KObject } from './types.js';
import { type FieldError, forbidden, notSupported } from './field-errors.js';

type Obj = Record<string, any>;

/** SetDefaults_LimitRangeItem: a Container item's default is its max, its defaultRequest its default, else its min. */
export function defaultLimitRange(obj: KObject): void {
  for (const item of (((obj as Obj).spec?.limits ?? []) as Obj[])) {
    if (item?.type !== 'Container') continue;
    item.default = { ...(item.max ?? {}), ...(item.default ?? {}) };
    item.defaultRequest = { ...(item.min ?? {}), ...(item.default ?? {}), ...(item.defaultRequest ?? {}) };
    if (!Object.keys(item.default).length) delete item.default;
    if (!Object.keys(item.defaultRequest).length) delete item.defaultRequest;
  }
}

/** kbx enforces Container items; Pod and PersistentVolumeClaim items are refused rather than ignored. */
export function validateLimitRange(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  (((obj as Obj).spec?.limits ?? []) as Obj[]).forEach((item, i) => {
    const t = item?.type;
    if (t === 'Pod' || t === 'PersistentVolumeClaim') errs.push(forbidden(`spec.limits[${i}].type`, 'not supported by kbx'));
    else if (t !== 'Container') errs.push(notSupported(`spec.limits[${i}].type`, t ?? '', ['Container', 'Pod', 'PersistentVolumeClaim']));
  });
  return errs;
}
