// Per-kind behaviour of the API server's storage layer: defaults and initial status on create,
// what an update may change, and whether a delete is graceful. Everything here is pure.
import type { KObject, Pod } from '../api/types.js';
import { defaultPod } from '../api/defaults.js';
import * as errors from '../api/errors.js';
import { admitServiceAccount } from '../api/serviceaccount-admission.js';
import { defaultDeployment, defaultReplicaSet } from '../api/defaults-apps.js';
import { validateDeploymentUpdate, validateReplicaSetUpdate } from '../api/validation-apps.js';
import type { FieldError } from '../api/field-errors.js';
import { validateServiceUpdate } from '../api/validation-services.js';
import { validatePodUpdate } from '../api/validation.js';
import { prepareServiceForCreate, prepareServiceForUpdate } from './service-alloc.js';
import { defaultEndpointSlice, validateEndpointSliceUpdate } from '../api/validation-discovery.js';

export interface StrategyContext {
  now: number;
  /** Stored objects of a resource (core group unless `group` says) in all namespaces (Services derive allocations from it). */
  list?: (plural: string, group?: string) => KObject[];
  /** One stored object of a core-group resource (admission looks up a pod's ServiceAccount). */
  get?: (plural: string, namespace: string | undefined, name: string) => KObject | undefined;
}

export interface Strategy {
  /** Defaults and initial status for a new object (mutates `obj`). */
  prepareForCreate?(obj: KObject, ctx: StrategyContext): void;
  /** Defaults re-applied on update (mutates `obj`). */
  prepareForUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  /**
   * Seconds of grace a delete gets, or undefined when the object goes at once (unless finalizers
   * hold it). `requested` is the client's gracePeriodSeconds.
   */
  gracePeriod?(obj: KObject, requested: number | undefined): number | undefined;
  /** The kind has a status subresource: the main endpoint ignores status changes. */
  hasStatus: boolean;
  /** Kind-specific update rules (immutable fields, what a Pod update may change). */
  validateUpdate?(obj: KObject, old: KObject): FieldError[];
}

export const podStrategy: Strategy = {
  hasStatus: true,
  validateUpdate: (obj, old) => validatePodUpdate(obj, old),
  prepareForCreate(obj, ctx) {
    const pod = obj as Pod;
    Object.assign(pod, defaultPod(pod));
    if (ctx.get) {
      const name = (pod.spec as { serviceAccountName: string }).serviceAccountName;
      const ns = pod.metadata.namespace ?? 'default';
      const sa = ctx.get('serviceaccounts', ns, name);
      if (!sa && name !== 'default') {
        throw errors.forbidden('pods', pod.metadata.name ?? '', `error looking up service account ${ns}/${name}: serviceaccount ${JSON.stringify(name)} not found`);
      }
      admitServiceAccount(pod, sa);
    }
    pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
  },
  prepareForUpdate(obj) {
    const pod = obj as Pod;
    Object.assign(pod, defaultPod(pod));
  },
  gracePeriod(obj, requested) {
    const pod = obj as Pod;
    const phase = pod.status?.phase;
    // Pods that never reached a node, or that are done, have nothing to stop: they go at once.
    if (!pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const g = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    return g < 0 ? 0 : g;
  },
};

export const namespaceStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'], ...(obj.spec ?? {}) };
    obj.status = { phase: 'Active' };
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name! };
  },
  prepareForUpdate(obj) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name! };
  },
};

/** Deployments and ReplicaSets: apps/v1 defaults on create and update, an immutable selector. */
function appsStrategy(defaults: (o: KObject) => KObject, validateUpdate: (n: KObject, o: KObject) => FieldError[]): Strategy {
  return {
    hasStatus: true,
    prepareForCreate(obj) {
      Object.assign(obj, defaults(obj));
      obj.status = {};
    },
    prepareForUpdate(obj) {
      Object.assign(obj, defaults(obj));
    },
    validateUpdate,
  };
}

export const deploymentStrategy = appsStrategy((o) => defaultDeployment(o) as KObject, validateDeploymentUpdate);
export const replicaSetStrategy = appsStrategy((o) => defaultReplicaSet(o) as KObject, validateReplicaSetUpdate);

/**
 * Services: defaults, ClusterIP and NodePort allocation (derived from the stored Services, so
 * nothing is kept in memory and a deleted Service releases its values), LoadBalancer status, and
 * immutable cluster IPs.
 */
export const serviceStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    prepareServiceForCreate(obj, ctx.list?.('services') ?? []);
  },
  prepareForUpdate(obj, old, ctx) {
    prepareServiceForUpdate(obj, old, ctx.list?.('services') ?? []);
  },
  validateUpdate: validateServiceUpdate,
};

/** EndpointSlices: port defaults (name "", protocol TCP) and an immutable addressType; no status. */
export const endpointSliceStrategy: Strategy = {
  hasStatus: false,
  prepareForCreate: (obj) => defaultEndpointSlice(obj),
  prepareForUpdate: (obj) => defaultEndpointSlice(obj),
  validateUpdate: validateEndpointSliceUpdate,
};

export const plainStrategy: Strategy = { hasStatus: false };
export const withStatusStrategy: Strategy = { hasStatus: true };

/** Kubernetes' QoS class from requests and limits. */
export function qosClass(pod: Pod): string {
  const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    if (Object.keys(limits).length || Object.keys(requests).length) anySet = true;
    for (const r of ['cpu', 'memory']) {
      const l = limits[r];
      const q = requests[r] ?? l;
      if (l === undefined || String(q) !== String(l)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
