// The StatefulSet controller's decisions as pure functions (pkg/controller/statefulset/
// stateful_set_control.go updateStatefulSet, computeReplicaStatus, completeRollingUpdate,
// newVersionedStatefulSetPod; stateful_set_utils.go getParentNameAndOrdinal, newStatefulSetPod,
// isRunningAndReady, isHealthy, getStartOrdinal). One sync decides at most what Kubernetes' one
// updateStatefulSet call does: with OrderedReady, one pod created or deleted and then wait.
import type { KObject, Pod } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../replicaset/ranking.js';
import { getScaledValueFromIntOrPercent } from '../deployment/rollout-math.js';
import { CONTROLLER_REVISION_HASH_LABEL, revisionTemplate, type ControllerRevision } from '../history/revisions.js';
import { ownerRefTo } from '../ownership.js';
import { withClaimVolumes } from './claims.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

type Obj = Record<string, any>;

/** getParentNameAndOrdinal: `web-3` → ordinal 3 of `web`; -1 when the name is not `<parent>-<n>`. */
export function ordinalOf(set: KObject, pod: KObject): number {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '');
  if (!m || m[1] !== set.metadata.name) return -1;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? n : -1;
}

export const startOrdinal = (set: KObject): number => set.spec?.ordinals?.start ?? 0;

const isCreated = (p: Pod | undefined): p is Pod => !!p && !!p.status?.phase;
const isTerminating = (p: Pod) => !!p.metadata.deletionTimestamp;
const isTerminal = (p: Pod) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
/** isRunningAndReady. */
export const isRunningAndReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
/** isRunningAndAvailable. */
export const isRunningAndAvailable = (p: Pod, minReadySeconds: number, now: number) => p.status?.phase === 'Running' && isPodAvailable(p, minReadySeconds, now);
/** isHealthy: running and ready, not being deleted. */
const isHealthy = (p: Pod | undefined) => !!p && isRunningAndReady(p) && !isTerminating(p);

export const podRevision = (p: KObject) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';

/** The set with a revision's template applied (ApplyRevision). */
export function setAtRevision(set: KObject, rev: ControllerRevision): KObject {
  return { ...set, spec: { ...set.spec, template: revisionTemplate(rev) } };
}

/** newStatefulSetPod: the ordinal's name, identity labels, hostname and subdomain, the revision label, the claims' volumes (updateStorage). */
export function newStatefulSetPod(set: KObject, ordinal: number, revisionName: string): Pod {
  const tpl = structuredClone(set.spec?.template ?? {}) as Obj;
  const name = `${set.metadata.name}-${ordinal}`;
  const spec = { ...withClaimVolumes(set, tpl.spec ?? {}, ordinal), hostname: name } as Obj;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revisionName },
      ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(set)],
    },
    spec,
  } as unknown as Pod;
}

export interface StsInput {
  set: KObject;
  pods: Pod[];
  current: ControllerRevision;
  update: ControllerRevision;
  now: number;
}

export type StsAction = { kind: 'create'; pod: Pod } | { kind: 'delete'; pod: Pod };

export interface StsPlan {
  actions: StsAction[];
  status: Obj;
  /** Pods need the identity labels/hostname fixed (identityMatches). */
  fixIdentity: Pod[];
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without a rollingUpdate, below the
 * current replica count) are created at the current revision, the rest at the update revision.
 */
export function versionedPod(input: StsInput, ordinal: number): Pod {
  const { set, current, update } = input;
  const start = startOrdinal(set);
  const st = set.spec?.updateStrategy ?? {};
  const ru = st.rollingUpdate;
  const useCurrent =
    (st.type === 'RollingUpdate' && !ru && ordinal < start + (set.status?.currentReplicas ?? 0)) || (!!ru && ordinal < start + (ru.partition ?? 0));
  return useCurrent ? newStatefulSetPod(setAtRevision(set, current), ordinal, current.metadata.name!) : newStatefulSetPod(setAtRevision(set, update), ordinal, update.metadata.name!);
}

function identityMatches(set: KObject, pod: Pod, ordinal: number): boolean {
  const l = pod.metadata.labels ?? {};
  return (
    l[POD_NAME_LABEL] === pod.metadata.name &&
    l[POD_INDEX_LABEL] === String(ordinal) &&
    pod.spec.hostname === pod.metadata.name &&
    (pod.spec.subdomain ?? '') === (set.spec?.serviceName ?? '')
  );
}

/**
 * updateStatefulSet: replicas [start, start+n) and condemned pods (beyond it, highest first);
 * terminal replicas are deleted to be recreated; missing ones created; with OrderedReady every
 * step waits for the pods before it to be Running and Ready (and available for minReadySeconds),
 * scale-down goes one pod at a time from the highest ordinal once all are healthy; Parallel does
 * it all at once. Then RollingUpdate replaces pods at or above the partition that are not at the
 * update revision, highest ordinal first, keeping at most maxUnavailable of them unhealthy.
 */
export function planStatefulSet(input: StsInput): StsPlan {
  const { set, pods, current, update, now } = input;
  const start = startOrdinal(set);
  const n = set.spec?.replicas ?? 1;
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const minReady = set.spec?.minReadySeconds ?? 0;
  const replicas: (Pod | undefined)[] = new Array(n).fill(undefined);
  const condemned: Pod[] = [];
  for (const p of pods) {
    const ord = ordinalOf(set, p);
    if (ord < 0) continue;
    if (ord >= start && ord < start + n) replicas[ord - start] = p;
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  const status = computeStatus(input);
  const plan: StsPlan = { actions: [], status, fixIdentity: [] };
  if (set.metadata.deletionTimestamp) return plan;

  const available = (p: Pod) => !minReady || isRunningAndAvailable(p, minReady, now);
  let blocked = false;
  for (let i = 0; i < n && !blocked; i++) {
    const p = replicas[i];
    if (p && isTerminal(p)) {
      if (!isTerminating(p)) plan.actions.push({ kind: 'delete', pod: p });
      if (monotonic) blocked = true;
      continue;
    }
    if (!p) {
      plan.actions.push({ kind: 'create', pod: versionedPod(input, start + i) });
      if (monotonic) blocked = true;
      continue;
    }
    if (isTerminating(p) || !isCreated(p) || !isRunningAndReady(p) || !available(p)) {
      if (monotonic) blocked = true;
      continue;
    }
    if (!identityMatches(set, p, start + i)) plan.fixIdentity.push(p);
  }
  if (blocked) return plan;

  for (const p of condemned) {
    if (isTerminating(p)) {
      if (monotonic) return plan;
      continue;
    }
    plan.actions.push({ kind: 'delete', pod: p });
    if (monotonic) return plan;
  }
  if (plan.actions.length && monotonic) return plan;

  if (set.spec?.updateStrategy?.type !== 'RollingUpdate') return plan;
  const ru = set.spec.updateStrategy.rollingUpdate ?? {};
  const updateMin = Math.min(Math.max(0, ru.partition ?? 0), n);
  const maxUnavailable = Math.max(1, getScaledValueFromIntOrPercent(ru.maxUnavailable ?? 1, n, false));
  let unhealthy = 0;
  for (let i = updateMin; i < n; i++) if (!isHealthy(replicas[i])) unhealthy++;
  let budget = maxUnavailable - unhealthy;
  for (let i = n - 1; i >= updateMin && budget > 0; i--) {
    const p = replicas[i];
    if (!p || isTerminating(p) || podRevision(p) === update.metadata.name) continue;
    plan.actions.push({ kind: 'delete', pod: p });
    budget--;
  }
  void current;
  return plan;
}

/** computeReplicaStatus + completeRollingUpdate. */
export function computeStatus(input: StsInput): Obj {
  const { set, pods, current, update, now } = input;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const s = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const p of pods) {
    if (ordinalOf(set, p) < 0) continue;
    if (isCreated(p)) s.replicas++;
    if (isRunningAndReady(p)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(p, minReady, now)) s.availableReplicas++;
    }
    if (isCreated(p) && !isTerminating(p)) {
      if (podRevision(p) === current.metadata.name) s.currentReplicas++;
      if (podRevision(p) === update.metadata.name) s.updatedReplicas++;
    }
  }
  let currentRevision = current.metadata.name!;
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && s.updatedReplicas === s.replicas && s.readyReplicas === s.replicas) {
    s.currentReplicas = s.updatedReplicas;
    currentRevision = update.metadata.name!;
  }
  return {
    observedGeneration: set.metadata.generation,
    ...s,
    currentRevision,
    updateRevision: update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
  };
}
