// ResourceQuota (v1): what a namespace uses of each quota'd resource, pure (pkg/quota/v1/evaluator/core):
// pods (non-terminal), cpu/memory requests and limits of non-terminal pods (containers summed, init
// containers as their max), services, secrets, configmaps, persistentvolumeclaims, resourcequotas,
// and `count/<resource>[.<group>]` for any served kind. The admission plugin refuses a create that
// would go over `hard` with the API server's words; the controller (src/controllers/resourcequota.ts)
// keeps status.hard and status.used.
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { compareQuantities, parseQuantity, quantityToString, tryParseQuantity, type Quantity } from '../api/quantity.js';
import { coreOrGroupApiVersion, type ResourceInfo } from '../api/resource-info.js';
import { RESOURCES } from '../api/registry.js';
import type { AdmissionPlugin, AdmissionReader } from './admission.js';

type Obj = Record<string, any>;
import { COMPUTE, CORE_COUNTS } from '../api/validation-quota.js';

/** The kind a quota resource name counts (`pods`, `count/deployments.apps`), if any. */
export function countedKind(name: string, resources: readonly ResourceInfo[]): ResourceInfo | undefined {
  if (name.startsWith('count/')) {
    const r = name.slice('count/'.length);
    const dot = r.indexOf('.');
    const plural = dot < 0 ? r : r.slice(0, dot);
    const group = dot < 0 ? '' : r.slice(dot + 1);
    return resources.find((i) => i.plural === plural && i.group === group);
  }
  const kind = CORE_COUNTS[name];
  return kind ? resources.find((i) => i.kind === kind && i.group === '') : undefined;
}

// The resource table imports the kind list, which imports this file: read it at call time only.
const RESOURCES_FOR_QUOTA = (): readonly ResourceInfo[] => RESOURCES;

const zero = (): Quantity => parseQuantity(0);
const add = (a: Quantity, b: Quantity): Quantity => {
  const e = Math.min(a.exp10, b.exp10);
  const scale = (x: Quantity) => x.unscaled * 10n ** BigInt(x.exp10 - e);
  return { unscaled: scale(a) + scale(b), exp10: e, format: a.unscaled === 0n ? b.format : a.format };
};
const max = (a: Quantity, b: Quantity) => (compareQuantities(a, b) >= 0 ? a : b);

function terminal(pod: Obj): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** A pod's request or limit of `res` (cpu, memory): containers summed, init containers as their max. */
function podResource(pod: Obj, which: 'requests' | 'limits', res: string): Quantity {
  const of = (c: Obj): Quantity => {
    const limits = c.resources?.limits ?? {};
    const v = which === 'requests' ? (c.resources?.requests?.[res] ?? limits[res]) : limits[res];
    return v === undefined ? zero() : parseQuantity(v);
  };
  const sum = ((pod.spec?.containers ?? []) as Obj[]).reduce<Quantity>((acc, c) => add(acc, of(c)), zero());
  return ((pod.spec?.initContainers ?? []) as Obj[]).reduce<Quantity>((acc, c) => max(acc, of(c)), sum);
}

/** Usage of each resource in `hard` by `objects` (by kind name) in one namespace. */
export function usage(hard: Record<string, unknown>, objects: (kind: ResourceInfo) => KObject[], resources: readonly ResourceInfo[] = RESOURCES_FOR_QUOTA()): Record<string, Quantity> {
  const out: Record<string, Quantity> = {};
  const podInfo = resources.find((r) => r.kind === 'Pod' && r.group === '')!;
  let pods: Obj[] | undefined;
  const livePods = () => (pods ??= (objects(podInfo) as Obj[]).filter((p) => !terminal(p)));
  for (const name of Object.keys(hard)) {
    if (COMPUTE.includes(name)) {
      const [which, res] = name.includes('.') ? (name.split('.') as ['requests' | 'limits', string]) : (['requests', name] as const);
      out[name] = livePods().reduce<Quantity>((acc, p) => add(acc, podResource(p, which, res)), zero());
      continue;
    }
    const info = countedKind(name, resources);
    if (!info) continue;
    const items = info === podInfo ? livePods() : objects(info);
    out[name] = parseQuantity(items.length);
  }
  return out;
}

/** What one new object adds to each resource of `hard`. */
export function delta(info: ResourceInfo, obj: KObject, hard: Record<string, unknown>, resources: readonly ResourceInfo[] = RESOURCES_FOR_QUOTA()): Record<string, Quantity> {
  return usage(hard, (k) => (k === info ? [obj] : []), resources);
}

const pretty = (m: Record<string, Quantity>, keys: string[]) => keys.map((k) => `${k}=${quantityToString(m[k] ?? zero())}`).join(',');

export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  admitCreate(info, obj, read: AdmissionReader) {
    if (!info.namespaced) return;
    const ns = obj.metadata.namespace;
    const quotas = read.listKind('v1', 'ResourceQuota', ns) as Obj[];
    for (const quota of quotas.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
      const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
      const requested = delta(info, obj, hard);
      const touched = Object.keys(requested).filter((k) => requested[k]!.unscaled !== 0n);
      // A pod under a compute quota must say what it requests (and limits).
      if (info.kind === 'Pod' && info.group === '') {
        const missing: string[] = [];
        for (const k of Object.keys(hard).filter((x) => COMPUTE.includes(x)).sort()) {
          const [which, res] = k.includes('.') ? (k.split('.') as ['requests' | 'limits', string]) : (['requests', k] as const);
          const spec = (obj as Obj).spec ?? {};
          const all = [...((spec.containers ?? []) as Obj[]), ...((spec.initContainers ?? []) as Obj[])];
          if (all.some((c) => (which === 'requests' ? (c.resources?.requests?.[res] ?? c.resources?.limits?.[res]) : c.resources?.limits?.[res]) === undefined)) missing.push(k);
        }
        if (missing.length) throw errors.forbidden({ plural: info.plural, group: info.group }, obj.metadata.name ?? '', `failed quota: ${quota.metadata.name}: must specify ${missing.join(',')}`);
      }
      if (!touched.length) continue;
      const used = usage(hard, (k) => read.listKind(coreOrGroupApiVersion(k), k.kind, ns));
      const exceeded = touched.filter((k) => compareQuantities(add(used[k] ?? zero(), requested[k]!), parseQuantity(hard[k]!)) > 0).sort();
      if (exceeded.length) {
        const limited = Object.fromEntries(exceeded.map((k) => [k, parseQuantity(hard[k]!)]));
        throw errors.forbidden(
          { plural: info.plural, group: info.group },
          obj.metadata.name ?? '',
          `exceeded quota: ${quota.metadata.name}, requested: ${pretty(requested, exceeded)}, used: ${pretty(used, exceeded)}, limited: ${pretty(limited, exceeded)}`,
        );
      }
    }
  },
};
