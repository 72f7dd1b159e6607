// The DaemonSet controller's decisions as pure functions (pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod, podsShouldBeOnNode, updateDaemonSetStatus; update.go rollingUpdate,
// findUpdatedPodsOnNode, updatedDesiredNodeCounts; util/daemonset_util.go
// AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName,
// IsPodUpdated). The controller lists, these decide, the controller writes.
import type { KObject, Pod } from '../../api/types.js';
import { termMatches, tolerated, type NodeView, type Taint, type Toleration } from '../scheduler/filters.js';
import { isPodAvailable, isPodReady } from '../replicaset/ranking.js';
import { getScaledValueFromIntOrPercent } from '../deployment/rollout-math.js';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/revisions.js';
import { ownerRefTo } from '../ownership.js';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../kinds/daemonset.js';

export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

type Obj = Record<string, any>;

/** The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonPodTolerations(spec: Obj): Toleration[] {
  const extra: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) extra.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const out = [...((spec.tolerations ?? []) as Toleration[])];
  // AddOrUpdateTolerationInPodSpec: one with the same key, operator and effect is replaced.
  for (const t of extra) {
    const i = out.findIndex((o) => o.key === t.key && (o.operator || 'Equal') === t.operator && o.effect === t.effect);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one matchFields term on the node's name. */
export function nodeNameAffinity(affinity: Obj | undefined, nodeName: string): Obj {
  const a = structuredClone(affinity ?? {}) as Obj;
  a.nodeAffinity = {
    ...(a.nodeAffinity ?? {}),
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
    },
  };
  return a;
}

export function templateGeneration(ds: KObject): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

/** The pod the DaemonSet wants on `nodeName`: template, labels with the revision, tolerations, node affinity. */
export function newDaemonPod(ds: KObject, nodeName: string, hash: string): Pod {
  const tpl = structuredClone(ds.spec?.template ?? {}) as Obj;
  const labels: Record<string, string> = { ...(tpl.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  const gen = templateGeneration(ds);
  if (gen !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = gen;
  const spec = { ...(tpl.spec ?? {}) };
  spec.tolerations = daemonPodTolerations(spec);
  spec.affinity = nodeNameAffinity(spec.affinity, nodeName);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(ds)],
    },
    spec,
  } as Pod;
}

/**
 * NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. The node name and node affinity
 * (nodeSelector and required terms) must fit; an untolerated NoSchedule/NoExecute taint stops
 * new pods, and only an untolerated NoExecute one evicts a running pod. Unschedulable nodes are
 * tolerated (the default tolerations).
 */
export function nodeShouldRunDaemonPod(node: NodeView, ds: KObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = (ds.spec?.template?.spec ?? {}) as Obj;
  const name = node.metadata.name!;
  const no = { shouldRun: false, shouldContinueRunning: false };
  if (spec.nodeName && spec.nodeName !== name) return no;
  const labels = node.metadata.labels ?? {};
  if (!Object.entries((spec.nodeSelector ?? {}) as Record<string, string>).every(([k, v]) => labels[k] === v)) return no;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required && !((required.nodeSelectorTerms ?? []) as Obj[]).some((t) => termMatches(t, node))) return no;
  const tolerations = daemonPodTolerations(spec);
  const taints = (node.spec?.taints ?? []) as Taint[];
  const untolerated = (effects: string[]) => taints.some((t) => effects.includes(t.effect) && !tolerated(tolerations, t));
  if (untolerated(['NoSchedule', 'NoExecute'])) return { shouldRun: false, shouldContinueRunning: !untolerated(['NoExecute']) };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** GetTargetNodeName: spec.nodeName, or the node the matchFields affinity names. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName as string;
  const terms = (pod.spec.affinity as Obj | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as Obj[] | undefined;
  for (const t of terms ?? []) {
    for (const f of (t.matchFields ?? []) as Obj[]) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod carries the current hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (hash !== '' && labels[CONTROLLER_REVISION_HASH_LABEL] === hash) || (generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === generation);
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest, then by name. */
export function byCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const an = !!a.spec.nodeName;
  const bn = !!b.spec.nodeName;
  if (an !== bn) return an ? -1 : 1;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta === tb) return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  return ta < tb ? -1 : 1;
}

/** The DaemonSet's pods by target node (pods with none are under ''). */
export function podsByNode(pods: readonly Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const p of pods) {
    const n = targetNodeName(p) ?? '';
    out.set(n, [...(out.get(n) ?? []), p]);
  }
  return out;
}

export interface ManageInput {
  ds: KObject;
  nodes: NodeView[];
  pods: Pod[];
  hash: string;
  now: number;
  /** When a failed pod on this node may be deleted again (the failed-pods backoff); undefined: now. */
  failedBackoffUntil?: (node: string) => number | undefined;
}

export interface ManagePlan {
  createOn: string[];
  delete: Pod[];
  /** Nodes whose failed pod is deleted now (their backoff grows). */
  failedOn: string[];
  events: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
  requeueAfterMs?: number;
}

export const allowsSurge = (ds: KObject) => {
  const ru = ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined;
  return !!ru && getScaledValueFromIntOrPercent(ru.maxSurge ?? 0, 1, true) > 0;
};

/** manage(): podsShouldBeOnNode for every node, and the pods on nodes that no longer exist. */
export function planManage(input: ManageInput): ManagePlan {
  const { ds, nodes, hash, now } = input;
  const plan: ManagePlan = { createOn: [], delete: [], failedOn: [], events: [] };
  const byNode = podsByNode(input.pods);
  const surge = allowsSurge(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const requeue = (ms: number) => (plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, Math.max(1, ms)));
  for (const node of nodes) {
    const name = node.metadata.name!;
    const pods = byNode.get(name) ?? [];
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    if (shouldRun && !pods.length) {
      plan.createOn.push(name);
    } else if (shouldContinueRunning) {
      const running: Pod[] = [];
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        const phase = p.status?.phase;
        if (phase === 'Failed') {
          const until = input.failedBackoffUntil?.(name);
          if (until !== undefined && until > now) {
            requeue(until - now);
            continue;
          }
          plan.failedOn.push(name);
          plan.events.push({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it` });
          plan.delete.push(p);
        } else if (phase === 'Succeeded') plan.delete.push(p);
        else running.push(p);
      }
      if (running.length <= 1) continue;
      running.sort(byCreationTimestampAndPhase);
      if (!surge) {
        plan.delete.push(...running.slice(1));
        continue;
      }
      // With surge, one new and one old pod may stay while the new one is not yet available.
      let oldestNew: Pod | undefined;
      let oldestOld: Pod | undefined;
      for (const p of running) {
        const isNew = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
        if (isNew && !oldestNew) oldestNew = p;
        else if (!isNew && !oldestOld) oldestOld = p;
        else plan.delete.push(p);
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, minReady, now))) plan.delete.push(oldestOld);
    } else {
      plan.delete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
    }
  }
  // Pods bound (or aimed) at nodes that are gone.
  const known = new Set(nodes.map((n) => n.metadata.name!));
  for (const [n, pods] of byNode) if (n && !known.has(n)) plan.delete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
  return plan;
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok (manage will fix it). */
export function findUpdatedPodsOnNode(ds: KObject, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const gen = templateGeneration(ds);
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/**
 * updatedDesiredNodeCounts: maxSurge and maxUnavailable scaled against the nodes that should run
 * the pod (both rounded up), and 1 unavailable when both come out 0.
 * e.g. 10 nodes, maxUnavailable 25% → 3.
 */
export function updatedDesiredNodeCounts(ds: KObject, nodes: readonly NodeView[]): { maxSurge: number; maxUnavailable: number; desired: number } {
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = getScaledValueFromIntOrPercent(ru.maxSurge ?? 0, desired, true);
  let maxUnavailable = getScaledValueFromIntOrPercent(ru.maxUnavailable ?? 0, desired, true);
  if (maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desired };
}

export interface RollingPlan {
  delete: Pod[];
  createOn: string[];
}

/** rollingUpdate: without surge, delete old pods within maxUnavailable; with surge, create new pods beside old ones within maxSurge. */
export function planRollingUpdate(ds: KObject, nodes: readonly NodeView[], pods: readonly Pod[], hash: string, now: number): RollingPlan {
  const byNode = podsByNode(pods);
  byNode.delete('');
  const { maxSurge, maxUnavailable, desired } = updatedDesiredNodeCounts(ds, nodes);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  const nodeNamed = new Map(nodes.map((n) => [n.metadata.name!, n]));
  const shouldRun = (name: string) => {
    const n = nodeNamed.get(name);
    return !!n && nodeShouldRunDaemonPod(n, ds).shouldRun;
  };
  const names = [...byNode.keys()].sort();
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: Pod[] = [];
    const candidates: Pod[] = [];
    for (const name of names) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, byNode.get(name)!, hash);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) allowed.push(oldPod);
        else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { delete: [...allowed, ...candidates.slice(0, remaining)], createOn: [] };
  }
  const del: Pod[] = [];
  const shouldNotRun: Pod[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const name of names) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, byNode.get(name)!, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(name)) del.push(oldPod);
        else allowedNodes.push(name);
      } else if (!shouldRun(name)) shouldNotRun.push(oldPod);
      else if (numSurge < maxSurge) candidateNodes.push(name);
      continue;
    }
    if (!available(newPod)) numSurge++;
    else del.push(oldPod);
  }
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  if (deletable > 0) del.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { delete: del, createOn: [...allowedNodes, ...candidateNodes.slice(0, remaining)] };
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

/** updateDaemonSetStatus: counts over the nodes that should run the pod (the oldest pod on each decides). */
export function calculateStatus(ds: KObject, nodes: readonly NodeView[], pods: readonly Pod[], hash: string, now: number): { status: DaemonSetStatus; requeueAfterMs?: number } {
  const live = pods.filter((p) => !(p.metadata.deletionTimestamp && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')));
  const byNode = podsByNode(live);
  const gen = templateGeneration(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const s: DaemonSetStatus = {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
  };
  for (const node of nodes) {
    const podsHere = [...(byNode.get(node.metadata.name!) ?? [])];
    const scheduled = podsHere.length > 0;
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (scheduled) s.numberMisscheduled++;
      continue;
    }
    s.desiredNumberScheduled++;
    if (!scheduled) continue;
    s.currentNumberScheduled++;
    const pod = podsHere.sort(byCreationTimestampAndPhase)[0]!;
    if (isPodReady(pod)) {
      s.numberReady++;
      if (isPodAvailable(pod, minReady, now)) s.numberAvailable++;
    }
    if (isPodUpdated(pod, hash, gen)) s.updatedNumberScheduled++;
  }
  const unavailable = s.desiredNumberScheduled - s.numberAvailable;
  const status: DaemonSetStatus = {
    ...s,
    observedGeneration: ds.metadata.generation,
    ...(unavailable > 0 ? { numberUnavailable: unavailable } : {}),
    ...(ds.status?.collisionCount !== undefined ? { collisionCount: ds.status.collisionCount } : {}),
    ...(ds.status?.conditions ? { conditions: ds.status.conditions } : {}),
  };
  return { status, ...(minReady > 0 && s.numberReady !== s.numberAvailable ? { requeueAfterMs: minReady * 1000 } : {}) };
}
