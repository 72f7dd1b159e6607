// apps/v1 defaults for Deployments and ReplicaSets (pkg/apis/apps/v1/defaults.go) and for the pod
// template they embed (pkg/apis/core/v1/defaults.go: the PodSpec/Container defaults, but not the
// Pod-only ones). Pure and idempotent: returns a copy.
//
// What `kubectl get deploy -o yaml` shows on a real cluster for a bare manifest:
//   spec.replicas 1, strategy {type: RollingUpdate, rollingUpdate: {maxUnavailable: 25%,
//   maxSurge: 25%}}, revisionHistoryLimit 10, progressDeadlineSeconds 600; minReadySeconds and
//   paused stay absent (int32/bool omitempty); the template gets dnsPolicy ClusterFirst,
//   restartPolicy Always, schedulerName default-scheduler, securityContext {},
//   terminationGracePeriodSeconds 30 and per container imagePullPolicy,
//   terminationMessagePath /dev/termination-log, terminationMessagePolicy File, resources {},
//   port protocol TCP. Not in a template: enableServiceLinks and the limits→requests copy
//   (SetDefaults_Pod), host ports for hostNetwork (no longer defaulted in templates), and what
//   admission adds to pods (service account, priority, preemptionPolicy, tolerations).
import type { Pod } from './types.js';
import { defaultPod } from './defaults.js';

type Obj = Record<string, any>;
const isUnset = (v: unknown): boolean => v === undefined || v === null;

/** v1.TerminationMessagePathDefault. */
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';

// Rebuilds `obj` with `order` first (when present), then the remaining keys as they were.
function ordered(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

function restoreContainer(defaulted: Obj, original: Obj | undefined): void {
  const orig = original ?? {};
  // defaultPod's path differs from Kubernetes'; a template gets Kubernetes' default.
  if (isUnset(orig.terminationMessagePath) || orig.terminationMessagePath === '') defaulted.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT;
  // requests copied from limits is a Pod-only default: keep only the requests written.
  const res = defaulted.resources as Obj | undefined;
  if (res && res.requests) {
    const origRequests = (orig.resources as Obj | undefined)?.requests as Obj | undefined;
    if (!origRequests) delete res.requests;
    else for (const k of Object.keys(res.requests)) if (!(k in origRequests)) delete res.requests[k];
  }
  // hostNetwork host ports are not defaulted in templates.
  const origPorts = (orig.ports ?? []) as Obj[];
  ((defaulted.ports ?? []) as Obj[]).forEach((p, i) => {
    if (isUnset(origPorts[i]?.hostPort)) delete p.hostPort;
  });
}

/**
 * The defaults of a pod template (metadata kept as written, spec defaulted like a Pod's spec
 * minus the Pod-only and admission-added fields).
 */
export function defaultPodTemplate<T extends { metadata?: Obj; spec?: Obj }>(template: T | undefined): T {
  const t = structuredClone(template ?? ({} as T)) as T & Obj;
  const origSpec = (t.spec ?? {}) as Obj;
  const defaulted = defaultPod({ metadata: {}, spec: structuredClone(origSpec) } as unknown as Pod).spec as unknown as Obj;
  for (const k of ['tolerations', 'serviceAccountName', 'serviceAccount', 'priority', 'preemptionPolicy', 'enableServiceLinks']) {
    if (isUnset(origSpec[k])) delete defaulted[k];
    else if (k === 'tolerations') defaulted[k] = structuredClone(origSpec[k]);
  }
  // serviceAccount mirrors serviceAccountName in v1 output when either was written.
  if (!isUnset(origSpec.serviceAccountName) || !isUnset(origSpec.serviceAccount)) {
    const sa = origSpec.serviceAccountName || origSpec.serviceAccount;
    if (sa) {
      defaulted.serviceAccountName = sa;
      defaulted.serviceAccount = sa;
    }
  }
  (defaulted.containers ?? []).forEach((c: Obj, i: number) => restoreContainer(c, (origSpec.containers ?? [])[i]));
  (defaulted.initContainers ?? []).forEach((c: Obj, i: number) => restoreContainer(c, (origSpec.initContainers ?? [])[i]));
  t.spec = defaulted;
  return t;
}

/**
 * SetDefaults_Deployment: replicas 1; strategy type RollingUpdate with maxUnavailable and maxSurge
 * 25% (a Recreate strategy gets no rollingUpdate); revisionHistoryLimit 10;
 * progressDeadlineSeconds 600; the pod template defaulted. Spec keys in apps/v1 order.
 */
export function defaultDeployment<T extends { spec?: Obj }>(d: T): T {
  const out = structuredClone(d) as T & Obj;
  const spec: Obj = out.spec ?? {};
  if (isUnset(spec.replicas)) spec.replicas = 1;
  const strategy: Obj = isUnset(spec.strategy) ? {} : spec.strategy;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru: Obj = isUnset(strategy.rollingUpdate) ? {} : strategy.rollingUpdate;
    if (isUnset(ru.maxUnavailable)) ru.maxUnavailable = '25%';
    if (isUnset(ru.maxSurge)) ru.maxSurge = '25%';
    strategy.rollingUpdate = ordered(ru, ['maxUnavailable', 'maxSurge']);
  }
  spec.strategy = ordered(strategy, ['type', 'rollingUpdate']);
  if (isUnset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  if (isUnset(spec.progressDeadlineSeconds)) spec.progressDeadlineSeconds = 600;
  if (spec.template !== undefined) spec.template = defaultPodTemplate(spec.template);
  out.spec = ordered(spec, ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds']);
  return out;
}

/** SetDefaults_ReplicaSet: replicas 1; the pod template defaulted. Spec keys in apps/v1 order. */
export function defaultReplicaSet<T extends { spec?: Obj }>(rs: T): T {
  const out = structuredClone(rs) as T & Obj;
  const spec: Obj = out.spec ?? {};
  if (isUnset(spec.replicas)) spec.replicas = 1;
  if (spec.template !== undefined) spec.template = defaultPodTemplate(spec.template);
  out.spec = ordered(spec, ['replicas', 'minReadySeconds', 'selector', 'template']);
  return out;
}

/**
 * SetDefaults_DaemonSet: updateStrategy RollingUpdate with maxUnavailable 1 and maxSurge 0 (an
 * OnDelete strategy gets no rollingUpdate), revisionHistoryLimit 10, the pod template defaulted.
 */
export function defaultDaemonSet<T extends { spec?: Obj }>(ds: T): T {
  const out = structuredClone(ds) as T & Obj;
  const spec: Obj = out.spec ?? {};
  const strategy: Obj = isUnset(spec.updateStrategy) ? {} : spec.updateStrategy;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru: Obj = isUnset(strategy.rollingUpdate) ? {} : strategy.rollingUpdate;
    if (isUnset(ru.maxUnavailable)) ru.maxUnavailable = 1;
    if (isUnset(ru.maxSurge)) ru.maxSurge = 0;
    strategy.rollingUpdate = ordered(ru, ['maxUnavailable', 'maxSurge']);
  }
  spec.updateStrategy = ordered(strategy, ['type', 'rollingUpdate']);
  if (isUnset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  if (spec.template !== undefined) spec.template = defaultPodTemplate(spec.template);
  out.spec = ordered(spec, ['selector', 'template', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit']);
  return out;
}

/**
 * SetDefaults_StatefulSet: replicas 1, podManagementPolicy OrderedReady, updateStrategy
 * RollingUpdate with partition 0, revisionHistoryLimit 10, persistentVolumeClaimRetentionPolicy
 * Retain/Retain, the pod template defaulted, the claim templates' volumeMode Filesystem.
 */
export function defaultStatefulSet<T extends { spec?: Obj }>(sts: T): T {
  const out = structuredClone(sts) as T & Obj;
  const spec: Obj = out.spec ?? {};
  if (isUnset(spec.replicas)) spec.replicas = 1;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy: Obj = isUnset(spec.updateStrategy) ? {} : spec.updateStrategy;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru: Obj = isUnset(strategy.rollingUpdate) ? {} : strategy.rollingUpdate;
    if (isUnset(ru.partition)) ru.partition = 0;
    strategy.rollingUpdate = ru;
  }
  spec.updateStrategy = ordered(strategy, ['type', 'rollingUpdate']);
  if (isUnset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  const policy: Obj = isUnset(spec.persistentVolumeClaimRetentionPolicy) ? {} : spec.persistentVolumeClaimRetentionPolicy;
  if (!policy.whenDeleted) policy.whenDeleted = 'Retain';
  if (!policy.whenScaled) policy.whenScaled = 'Retain';
  spec.persistentVolumeClaimRetentionPolicy = ordered(policy, ['whenDeleted', 'whenScaled']);
  if (spec.template !== undefined) spec.template = defaultPodTemplate(spec.template);
  // The claim templates get a claim's defaults (SetDefaults_PersistentVolumeClaimSpec) and its Pending status.
  if (Array.isArray(spec.volumeClaimTemplates)) {
    spec.volumeClaimTemplates = (spec.volumeClaimTemplates as Obj[]).map((t) => {
      if (!t || typeof t !== 'object') return t;
      // As the apiserver writes them: the embedded claim's apiVersion and kind, a claim's defaults and Pending status.
      const out = ordered({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...t }, ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
      out.spec ??= {};
      out.spec.volumeMode ??= 'Filesystem';
      out.status ??= { phase: 'Pending' };
      return out;
    });
  }
  out.spec = ordered(spec, [
    'replicas', 'selector', 'template', 'volumeClaimTemplates', 'serviceName', 'podManagementPolicy', 'updateStrategy', 'revisionHistoryLimit',
    'minReadySeconds', 'persistentVolumeClaimRetentionPolicy', 'ordinals',
  ]);
  return out;
}
