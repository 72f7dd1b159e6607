// Pod predicates and the order in which a ReplicaSet deletes pods, after
// pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable), pkg/controller/controller_utils.go
// (IsPodActive, ActivePodsWithRanks, logarithmicRankDiff, afterOrZero) and
// pkg/controller/replicaset/replica_set.go (getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode),
// with the PodDeletionCost and LogarithmicScaleDown features on (their defaults).
import type { Pod, PodCondition } from '../../api/types.js';

/** The annotation that lets users order scale-down (pkg/apis/core PodDeletionCost). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

function timeMs(t: string | undefined | null): number {
  return t ? Date.parse(t) : NaN;
}

/** IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** IsPodTerminal: Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** isPodTerminating: being deleted and not yet terminal (what status.terminatingReplicas counts). */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp;
}

export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/**
 * IsPodAvailable: ready, and with minReadySeconds > 0 ready since strictly more than that long
 * (lastTransitionTime + minReadySeconds before `now`; an unset transition time never qualifies).
 * e.g. ready at 10:00:00, minReadySeconds 5: unavailable at 10:00:05.000, available at 10:00:05.001.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const ltt = timeMs(getPodReadyCondition(pod)?.lastTransitionTime);
  return !Number.isNaN(ltt) && ltt + minReadySeconds * 1000 < now;
}

/**
 * When a ready pod becomes available (ms), for requeueing: lastTransitionTime + minReadySeconds
 * + 1 ms (the comparison is strict). Undefined when not ready, already available, or no time.
 */
export function podAvailableAt(pod: Pod, minReadySeconds: number, now: number): number | undefined {
  if (!isPodReady(pod) || !minReadySeconds || isPodAvailable(pod, minReadySeconds, now)) return undefined;
  const ltt = timeMs(getPodReadyCondition(pod)?.lastTransitionTime);
  return Number.isNaN(ltt) ? undefined : ltt + minReadySeconds * 1000 + 1;
}

/**
 * GetDeletionCostFromPodAnnotations: an int32 without '+' or leading zeros ("0" itself is fine);
 * anything else, and no annotation, is 0.
 */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || v.length === 0) return 0;
  const first = v[0]!;
  if (!(first === '-' || v === '0' || (first >= '1' && first <= '9'))) return 0;
  if (!/^-?[0-9]+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** podReadyTime: the Ready condition's lastTransitionTime when ready, else the zero time (NaN). */
function podReadyTime(pod: Pod): number {
  if (!isPodReady(pod)) return NaN;
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return timeMs(c?.lastTransitionTime);
}

/** afterOrZero: t1 after t2, a zero time counting as after any real one. */
function afterOrZero(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1);
  return t1 > t2;
}

/**
 * logarithmicRankDiff: compares floor(log2(age in nanoseconds)) of two times (−1 for an age
 * ≤ 0), so pods of similar age fall into the same bucket and the tie goes to the UID.
 * e.g. ready 2 h ago: log2(7.2e12 ns) = 42.7 → 42; 5 h: 44.0 → 44; 8 h: 44.7 → 44 (same bucket as 5 h).
 */
export function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const dNs = (now - t) * 1e6;
    return dNs > 0 ? Math.floor(Math.log2(dNs)) : -1;
  };
  return rank(t1) - rank(t2);
}

function maxContainerRestarts(pod: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set(
    ((pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[]).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}

function uidLess(a: Pod, b: Pod): boolean {
  return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
}

/**
 * ActivePodsWithRanks.Less: whether pod a should be deleted before pod b.
 *  1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready;
 *  4. lower pod-deletion-cost first; 5. higher rank (more related active pods on its node) first;
 *  6. both ready: more recently ready first (log2 buckets of the age, ties by UID; a missing
 *     time counts as most recent); 7. more container restarts first (regular, then sidecar);
 *  8. newer creationTimestamp first (log2 buckets, ties by UID; missing counts as newest).
 */
export function podDeletionLess(a: Pod, rankA: number, b: Pod, rankB: number, now: number): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA.length === 0 || nodeB.length === 0)) return nodeA.length === 0;
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return !readyA;
  const costA = podDeletionCost(a);
  const costB = podDeletionCost(b);
  if (costA !== costB) return costA < costB;
  if (rankA !== rankB) return rankA > rankB;
  if (readyA && readyB) {
    const t1 = podReadyTime(a);
    const t2 = podReadyTime(b);
    const equal = (Number.isNaN(t1) && Number.isNaN(t2)) || t1 === t2;
    if (!equal) {
      if (Number.isNaN(t1) || Number.isNaN(t2)) return afterOrZero(t1, t2);
      const diff = logarithmicRankDiff(t1, t2, now);
      if (diff === 0) return uidLess(a, b);
      return diff < 0;
    }
  }
  const ra = maxContainerRestarts(a);
  const rb = maxContainerRestarts(b);
  if (ra.regular !== rb.regular) return ra.regular > rb.regular;
  if (ra.sidecar !== rb.sidecar) return ra.sidecar > rb.sidecar;
  const c1 = timeMs(a.metadata.creationTimestamp);
  const c2 = timeMs(b.metadata.creationTimestamp);
  const sameCreation = (Number.isNaN(c1) && Number.isNaN(c2)) || c1 === c2;
  if (!sameCreation) {
    if (Number.isNaN(c1) || Number.isNaN(c2)) return afterOrZero(c1, c2);
    const diff = logarithmicRankDiff(c1, c2, now);
    if (diff === 0) return uidLess(a, b);
    return diff < 0;
  }
  return false;
}

function nodeOf(p: Pod): string {
  return p.spec?.nodeName ?? '';
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active pods among
 * `relatedPods` (the pods of every ReplicaSet of the same owner; default: `pods`) on its node.
 */
export function rankPods(pods: readonly Pod[], relatedPods: readonly Pod[] = pods): number[] {
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) if (isPodActive(p)) podsOnNode.set(nodeOf(p), (podsOnNode.get(nodeOf(p)) ?? 0) + 1);
  return pods.map((p) => podsOnNode.get(nodeOf(p)) ?? 0);
}

/** The pods in deletion order (first = deleted first). Stable for pods the order cannot tell apart. */
export function rankPodsForDeletion(pods: readonly Pod[], now: number, relatedPods: readonly Pod[] = pods): Pod[] {
  const ranks = rankPods(pods, relatedPods);
  const indexed = pods.map((pod, i) => ({ pod, rank: ranks[i]!, i }));
  indexed.sort((x, y) => {
    if (podDeletionLess(x.pod, x.rank, y.pod, y.rank, now)) return -1;
    if (podDeletionLess(y.pod, y.rank, x.pod, x.rank, now)) return 1;
    return x.i - y.i;
  });
  return indexed.map((x) => x.pod);
}

/**
 * getPodsToDelete: `diff` of the (active) pods, ranked when only some of them go; all of them,
 * in the order given, when diff ≥ their number.
 */
export function podsToDelete(pods: readonly Pod[], diff: number, now: number, relatedPods: readonly Pod[] = pods): Pod[] {
  if (diff <= 0) return [];
  if (diff >= pods.length) return [...pods];
  return rankPodsForDeletion(pods, now, relatedPods).slice(0, diff);
}
