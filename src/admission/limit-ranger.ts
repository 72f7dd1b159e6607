// The LimitRanger admission plugin (plugin/pkg/admission/limitranger) for LimitRange items of type
// Container: a container without a request or limit gets the item's defaultRequest / default (noted
// in the `kubernetes.io/limit-ranger` annotation), then min, max and maxLimitRequestRatio are
// enforced with the plugin's messages. The LimitRange's own defaults (SetDefaults_LimitRangeItem)
// are applied when it is stored (src/api/validation-limitrange.ts).
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { compareQuantities, parseQuantity, quantityToString, tryParseQuantity, type Quantity } from '../api/quantity.js';
import type { AdmissionPlugin } from './admission.js';

type Obj = Record<string, any>;
type List = Record<string, string | number>;
const ANNOTATION = 'kubernetes.io/limit-ranger';

const q = (v: string | number) => parseQuantity(v);
const cmp = (a: Quantity, b: Quantity) => compareQuantities(a, b);
const str = (v: string | number) => quantityToString(q(v));
const asNumber = (x: Quantity) => Number(x.unscaled) * 10 ** x.exp10;

/** Defaults one container from the items; returns the annotation parts (`cpu, memory request for container app`). */
function mergeContainer(c: Obj, items: Obj[], nameType: string): string[] {
  const res = (c.resources ??= {}) as Obj;
  const limits = (res.limits ?? {}) as List;
  const requests = (res.requests ?? {}) as List;
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const item of items) {
    for (const [k, v] of Object.entries((item.default ?? {}) as List)) {
      if (limits[k] === undefined) {
        limits[k] = v;
        setLimits.push(k);
      }
    }
    for (const [k, v] of Object.entries((item.defaultRequest ?? {}) as List)) {
      // A container with a limit but no request gets the limit as its request (pod defaulting), not the default request.
      if (requests[k] === undefined && (res.limits?.[k] === undefined || setLimits.includes(k))) {
        requests[k] = v;
        setRequests.push(k);
      }
    }
  }
  if (Object.keys(limits).length) res.limits = limits;
  if (Object.keys(requests).length) res.requests = requests;
  const out: string[] = [];
  if (setRequests.length) out.push(`${[...new Set(setRequests)].sort().join(', ')} request for ${nameType} ${c.name}`);
  if (setLimits.length) out.push(`${[...new Set(setLimits)].sort().join(', ')} limit for ${nameType} ${c.name}`);
  return out;
}

/** minConstraint, maxConstraint, limitRequestRatioConstraint for one container. */
function checkContainer(c: Obj, item: Obj): string[] {
  const errs: string[] = [];
  const limits = (c.resources?.limits ?? {}) as List;
  const requests = { ...limits, ...((c.resources?.requests ?? {}) as List) } as List;
  for (const [k, v] of Object.entries((item.min ?? {}) as List)) {
    if (requests[k] === undefined) errs.push(`minimum ${k} usage per Container is ${str(v)}.  No request is specified`);
    else if (cmp(q(requests[k]!), q(v)) < 0) errs.push(`minimum ${k} usage per Container is ${str(v)}, but request is ${str(requests[k]!)}`);
    else if (limits[k] !== undefined && cmp(q(limits[k]!), q(v)) < 0) errs.push(`minimum ${k} usage per Container is ${str(v)}, but limit is ${str(limits[k]!)}`);
  }
  for (const [k, v] of Object.entries((item.max ?? {}) as List)) {
    if (limits[k] === undefined) errs.push(`maximum ${k} usage per Container is ${str(v)}.  No limit is specified`);
    else if (cmp(q(limits[k]!), q(v)) > 0) errs.push(`maximum ${k} usage per Container is ${str(v)}, but limit is ${str(limits[k]!)}`);
    else if (requests[k] !== undefined && cmp(q(requests[k]!), q(v)) > 0) errs.push(`maximum ${k} usage per Container is ${str(v)}, but request is ${str(requests[k]!)}`);
  }
  for (const [k, v] of Object.entries((item.maxLimitRequestRatio ?? {}) as List)) {
    const req = requests[k] !== undefined ? asNumber(q(requests[k]!)) : 0;
    if (limits[k] === undefined) errs.push(`${k} max limit to request ratio per Container is ${str(v)}, but no limit is specified`);
    else if (!req) errs.push(`${k} max limit to request ratio per Container is ${str(v)}, but no request is specified or request is 0`);
    else {
      const ratio = asNumber(q(limits[k]!)) / req;
      if (ratio > asNumber(q(v))) errs.push(`${k} max limit to request ratio per Container is ${str(v)}, but provided ratio is ${ratio.toFixed(6)}`);
    }
  }
  return errs;
}

export const limitRangerAdmission: AdmissionPlugin = {
  name: 'LimitRanger',
  admitCreate(info, obj, read) {
    if (info.kind !== 'Pod' || info.group !== '') return;
    const ranges = read.listKind('v1', 'LimitRange', obj.metadata.namespace);
    const items = ranges.flatMap((r) => (((r as Obj).spec?.limits ?? []) as Obj[]).filter((i) => i?.type === 'Container'));
    if (!items.length) return;
    const spec = ((obj as Obj).spec ??= {}) as Obj;
    const containers = (spec.containers ?? []) as Obj[];
    const inits = (spec.initContainers ?? []) as Obj[];
    for (const c of [...containers, ...inits]) {
      for (const l of [c.resources?.limits, c.resources?.requests]) {
        for (const v of Object.values((l ?? {}) as List)) if (!tryParseQuantity(v)) return; // validation reports it
      }
    }
    const notes = [...containers.flatMap((c) => mergeContainer(c, items, 'container')), ...inits.flatMap((c) => mergeContainer(c, items, 'init container'))];
    if (notes.length) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    const problems = [...containers, ...inits].flatMap((c) => items.flatMap((item) => checkContainer(c, item)));
    if (problems.length) {
      throw errors.forbidden('pods', obj.metadata.name ?? '', problems.length === 1 ? problems[0]! : `[${problems.join(', ')}]`);
    }
  },
};
