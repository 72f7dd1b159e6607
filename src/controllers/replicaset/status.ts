// ReplicaSet status and replica management arithmetic, after
// pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, slowStartBatch),
// replica_set_utils.go (calculateStatus, conditions) and controller_utils.go (FilterActivePods,
// FilterTerminatingPods). Pure: `now` in ms, times written as RFC 3339 seconds.
import type { Pod } from '../../api/types.js';
import { rfc3339 } from '../../util/clock.js';
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../deployment/types.js';
import { REPLICA_SET_REPLICA_FAILURE } from '../deployment/types.js';
import { isPodActive, isPodAvailable, isPodReady, isPodTerminating, podAvailableAt } from './ranking.js';

/** burstReplicas: at most this many pods are created or deleted by one sync. */
export const BURST_REPLICAS = 500;
/** SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * slowStartBatch's batch sizes for `count` creations: 1, 2, 4, 8, … doubling, the last one cut
 * to what remains. The controller stops at the first batch with a failure and skips the rest.
 * e.g. 10 → [1, 2, 4, 3]; 1 → [1]; 0 → [].
 */
export function slowStartBatches(count: number, initialBatchSize: number = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const out: number[] = [];
  let remaining = count;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    out.push(batch);
    remaining -= batch;
  }
  return out;
}

/**
 * manageReplicas' arithmetic: diff = active − spec.replicas; create or delete |diff| pods, capped
 * at BURST_REPLICAS per sync. e.g. spec 3, 1 active → create 2; spec 1, 3 active → delete 2.
 */
export function replicasDiff(rs: ReplicaSet, activePods: readonly Pod[]): { create: number; delete: number } {
  const diff = activePods.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: 0 };
  if (diff > 0) return { create: 0, delete: Math.min(diff, BURST_REPLICAS) };
  return { create: 0, delete: 0 };
}

/** FilterActivePods. */
export function filterActivePods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodActive);
}

/** FilterTerminatingPods. */
export function filterTerminatingPods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodTerminating);
}

function labelsContain(labels: Record<string, string> | undefined, subset: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return Object.entries(subset ?? {}).every(([k, v]) => Object.prototype.hasOwnProperty.call(l, k) && l[k] === v);
}

export interface ReplicaSetStatusResult {
  status: ReplicaSetStatus;
  /** Differs from the RS's current status. */
  changed: boolean;
  /**
   * The earliest time (ms) a ready pod becomes available given minReadySeconds; sync again then.
   * Kubernetes requeues after minReadySeconds only once all replicas are ready; kbx looks again
   * exactly when the next pod crosses the line, which yields the same status sooner.
   */
  requeueAt?: number;
}

/**
 * calculateStatus + updateReplicaSetStatus: from the pods this ReplicaSet controls (its claimed
 * pods, i.e. controlled by it and matching its selector, Terminating ones included):
 *   replicas = active pods; fullyLabeledReplicas = active pods carrying all template labels;
 *   readyReplicas = ready active pods; availableReplicas = those ready for minReadySeconds;
 *   terminatingReplicas = pods being deleted that are not terminal yet;
 *   observedGeneration = metadata.generation.
 * ReplicaFailure: with `manageReplicasError` (the create/delete error of this sync) and no such
 * condition yet, True with reason FailedCreate (too few pods) or FailedDelete (too many) and the
 * error as message; without an error an existing one is removed.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], now: number, manageReplicasError?: string): ReplicaSetStatusResult {
  const active = filterActivePods(pods);
  const terminating = filterTerminatingPods(pods);
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let requeueAt: number | undefined;
  for (const pod of active) {
    if (labelsContain(pod.metadata.labels, templateLabels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
      else {
        const at = podAvailableAt(pod, minReadySeconds, now);
        if (at !== undefined && (requeueAt === undefined || at < requeueAt)) requeueAt = at;
      }
    }
  }

  let conditions: ReplicaSetCondition[] = (rs.status?.conditions ?? []).map((c) => ({ ...c }));
  const failureCond = conditions.find((c) => c.type === REPLICA_SET_REPLICA_FAILURE);
  if (manageReplicasError !== undefined && !failureCond) {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = [
      ...conditions,
      { type: REPLICA_SET_REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageReplicasError },
    ];
  } else if (manageReplicasError === undefined && failureCond) {
    conditions = conditions.filter((c) => c.type !== REPLICA_SET_REPLICA_FAILURE);
  }

  // apps/v1 order; `replicas` is always written, the other counters are omitempty.
  const status: ReplicaSetStatus = { replicas: active.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.terminatingReplicas = terminating.length;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions.length) status.conditions = conditions;

  const result: ReplicaSetStatusResult = { status, changed: !replicaSetStatusEqual(rs.status, status) };
  if (requeueAt !== undefined) result.requeueAt = requeueAt;
  return result;
}

function normalizeStatus(s: ReplicaSetStatus | undefined): string {
  const x = s ?? {};
  return JSON.stringify({
    replicas: x.replicas ?? 0,
    fullyLabeledReplicas: x.fullyLabeledReplicas ?? 0,
    readyReplicas: x.readyReplicas ?? 0,
    availableReplicas: x.availableReplicas ?? 0,
    terminatingReplicas: x.terminatingReplicas ?? null,
    observedGeneration: x.observedGeneration ?? 0,
    conditions: (x.conditions ?? []).map((c) => [c.type, c.status, c.lastTransitionTime ?? '', c.reason ?? '', c.message ?? '']),
  });
}

/** Whether two ReplicaSet statuses are the same (absent counters are 0). */
export function replicaSetStatusEqual(a: ReplicaSetStatus | undefined, b: ReplicaSetStatus | undefined): boolean {
  return normalizeStatus(a) === normalizeStatus(b);
}

/** The Events the ReplicaSet controller records (reason, message). */
export const replicaSetEvents = {
  successfulCreate: (pod: string) => ({ type: 'Normal' as const, reason: 'SuccessfulCreate', message: `Created pod: ${pod}` }),
  successfulDelete: (pod: string) => ({ type: 'Normal' as const, reason: 'SuccessfulDelete', message: `Deleted pod: ${pod}` }),
  failedCreate: (err: string) => ({ type: 'Warning' as const, reason: 'FailedCreate', message: `Error creating: ${err}` }),
  failedDelete: (err: string) => ({ type: 'Warning' as const, reason: 'FailedDelete', message: `Error deleting: ${err}` }),
};
