// Deployment status and conditions, after pkg/controller/deployment/sync.go (calculateStatus,
// syncDeploymentStatus, checkPausedConditions), progress.go (syncRolloutStatus,
// getReplicaFailures, requeueStuckDeployment) and deployment_util.go (condition helpers).
// `now` is milliseconds since the epoch; times are written as RFC 3339 seconds like metav1.Time.
import { rfc3339 } from '../../util/clock.js';
import {
  DEPLOYMENT_AVAILABLE,
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_REPLICA_FAILURE,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_RS_AVAILABLE_REASON,
  PAUSED_DEPLOY_REASON,
  REPLICA_SET_REPLICA_FAILURE,
  REPLICA_SET_UPDATED_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  deploymentReplicas,
  timeMs,
  type ConditionStatus,
  type Deployment,
  type DeploymentCondition,
  type DeploymentStatus,
  type ReplicaSet,
  type ReplicaSetCondition,
} from './types.js';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  getTerminatingReplicaCountForReplicaSets,
  hasProgressDeadline,
  maxUnavailable,
} from './rollout-math.js';
import { canonicalJSON } from '../../api/semantic.js';

// ---------------------------------------------------------------------------------------------
// Condition helpers (all return new arrays/objects)

/** NewDeploymentCondition: both times are `now`. Fields in apps/v1 order. */
export function newDeploymentCondition(type: string, status: ConditionStatus, reason: string, message: string, now: number): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: a condition with the same status and reason is left as it is (times
 * included); with the same status but another reason it is replaced keeping lastTransitionTime;
 * otherwise replaced. A replaced condition moves to the end of the list.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): DeploymentStatus {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return status;
  const c = { ...condition };
  if (current && current.status === condition.status) c.lastTransitionTime = current.lastTransitionTime;
  return { ...status, conditions: [...(status.conditions ?? []).filter((x) => x.type !== condition.type), c] };
}

/** RemoveDeploymentCondition; an emptied list disappears (`conditions` is omitempty). */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): DeploymentStatus {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  const out = { ...status };
  if (rest.length) out.conditions = rest;
  else delete out.conditions;
  return out;
}

/** ReplicaSetToDeploymentCondition: both times are the RS condition's lastTransitionTime. */
export function replicaSetToDeploymentCondition(c: ReplicaSetCondition): DeploymentCondition {
  return {
    type: c.type,
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  };
}

// ---------------------------------------------------------------------------------------------
// Status

/** Drops the zero counters, as the omitempty JSON of DeploymentStatus does, in apps/v1 field order. */
function shape(s: Required<Omit<DeploymentStatus, 'terminatingReplicas' | 'collisionCount' | 'conditions'>> & DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.terminatingReplicas !== undefined) out.terminatingReplicas = s.terminatingReplicas;
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

/**
 * calculateStatus (sync.go): the counters from the ReplicaSets and the Available condition; the
 * other conditions are carried over from the deployment's current status.
 *   replicas = Σ status.replicas, updatedReplicas = new RS status.replicas,
 *   readyReplicas = Σ ready, availableReplicas = Σ available,
 *   unavailableReplicas = max(0, Σ spec.replicas − available), observedGeneration = generation,
 *   terminatingReplicas = Σ terminating (absent if one RS does not report it).
 * Available is True (MinimumReplicasAvailable) iff available ≥ replicas − maxUnavailable.
 *
 * e.g. 10 replicas, 25%/25% (maxUnavailable 2), old RS 8/8 available, new RS 3 asked, 1 available:
 *      available 9 ≥ 10 − 2 → Available True; unavailable = (8 + 3) − 9 = 2.
 */
export function calculateStatus(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const unavailableReplicas = Math.max(0, totalReplicas - availableReplicas);
  let status: DeploymentStatus = shape({
    observedGeneration: d.metadata.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas,
    terminatingReplicas: getTerminatingReplicaCountForReplicaSets(allRSs),
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
    collisionCount: d.status?.collisionCount,
  });
  if (availableReplicas >= deploymentReplicas(d) - maxUnavailable(d)) {
    status = setDeploymentCondition(
      status,
      newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now),
    );
  } else {
    status = setDeploymentCondition(
      status,
      newDeploymentCondition(DEPLOYMENT_AVAILABLE, 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now),
    );
  }
  return status;
}

/** What a status computation hands the controller. */
export interface StatusResult {
  /** The status to write (through /status) when `changed`. */
  status: DeploymentStatus;
  /** It differs from the deployment's current status (reflect.DeepEqual on the JSON). */
  changed: boolean;
  /**
   * When to sync this deployment again for a progress check (ms), if no event comes first:
   * the Progressing condition's lastUpdateTime + progressDeadlineSeconds + 1 s, never before
   * `now`. Undefined when no deadline can expire.
   */
  requeueAt?: number;
}

/** Whether two statuses are the same JSON (reflect.DeepEqual of the decoded structs). */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  return canonicalJSON(zeroCounters(a)) === canonicalJSON(zeroCounters(b));
}

// canonicalJSON drops zeros only inside objects it treats as zero values; counters are numbers, so
// make absent and 0 the same explicitly (they are the same int32 in Go).
function zeroCounters(s: DeploymentStatus | undefined): unknown {
  const out: Record<string, unknown> = { ...(s ?? {}) };
  for (const k of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) {
    if (!out[k]) delete out[k];
  }
  return out;
}

/**
 * syncDeploymentStatus: calculateStatus only. This is what paused deployments, scaling events
 * and deployments being deleted get: no progress estimation, no ReplicaFailure copy, no requeue.
 */
export function syncDeploymentStatus(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, now: number): StatusResult {
  const status = calculateStatus(d, allRSs, newRS, now);
  return { status, changed: !statusEqual(d.status, status) };
}

/**
 * getReplicaFailures: the ReplicaFailure conditions of the new RS, or if it has none those of
 * every RS (in the order given), converted to deployment conditions.
 */
export function getReplicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const pick = (rs: ReplicaSet | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? []).filter((c) => c.type === REPLICA_SET_REPLICA_FAILURE).map(replicaSetToDeploymentCondition);
  const fromNew = pick(newRS);
  if (fromNew.length) return fromNew;
  return allRSs.flatMap((rs) => pick(rs));
}

/**
 * syncRolloutStatus (progress.go): calculateStatus, then the Progressing condition when the
 * deployment has a progress deadline (removed when it has none), then the ReplicaFailure copy.
 * Progress is not re-estimated once the rollout completed (replicas == updated and the current
 * reason is NewReplicaSetAvailable). Otherwise, first match:
 *   1. deploymentComplete → True NewReplicaSetAvailable `ReplicaSet "<rs>" has successfully progressed.`
 *   2. deploymentProgressing (vs the current status) → True ReplicaSetUpdated
 *      `ReplicaSet "<rs>" is progressing.`, always rewritten so lastUpdateTime = now (the
 *      lastTransitionTime is kept when it was already True);
 *   3. deploymentTimedOut → False ProgressDeadlineExceeded `ReplicaSet "<rs>" has timed out progressing.`
 * Without a new RS the messages name the deployment: `Deployment "<d>" …`.
 *
 * `d` must carry the status as this sync left it so far (e.g. with NewReplicaSetCreated set
 * when the new RS was just created), because progress is measured against it.
 */
export function syncRolloutStatus(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, now: number): StatusResult {
  let newStatus = calculateStatus(d, allRSs, newRS, now);
  if (!hasProgressDeadline(d)) newStatus = removeDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);

  const currentCond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  const isCompleteDeployment =
    (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) && currentCond?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, newStatus)) {
      newStatus = setDeploymentCondition(
        newStatus,
        newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, now),
      );
    } else if (deploymentProgressing(d, newStatus)) {
      const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, now);
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        newStatus = removeDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);
      }
      newStatus = setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, now)) {
      newStatus = setDeploymentCondition(
        newStatus,
        newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, now),
      );
    }
  }

  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length) newStatus = setDeploymentCondition(newStatus, failures[0]!);
  else newStatus = removeDeploymentCondition(newStatus, DEPLOYMENT_REPLICA_FAILURE);

  return { status: newStatus, changed: !statusEqual(d.status, newStatus), requeueAt: progressRequeueAt(d, newStatus, now) };
}

/**
 * requeueStuckDeployment, as a time: with a deadline and a Progressing condition that is neither
 * complete nor timed out, look again once lastUpdateTime + progressDeadlineSeconds has passed
 * (+1 s against clock skew, as Kubernetes adds). Judged on `newStatus`, i.e. the status the next
 * sync will see. Differences from Kubernetes: it is computed also when the status changed
 * (Kubernetes relies on the status write to trigger the next sync), and not for a condition at
 * NewReplicaSetAvailable (which never times out; Kubernetes would requeue it rate-limited).
 *
 * e.g. lastUpdateTime 10:00:00, deadline 600 s → requeue at 10:10:01.
 */
export function progressRequeueAt(d: Deployment, newStatus: DeploymentStatus, now: number): number | undefined {
  const cond = getDeploymentCondition(newStatus, DEPLOYMENT_PROGRESSING);
  if (!hasProgressDeadline(d) || !cond) return undefined;
  if (deploymentComplete(d, newStatus) || cond.reason === TIMED_OUT_REASON || cond.reason === NEW_RS_AVAILABLE_REASON) return undefined;
  const from = timeMs(cond.lastUpdateTime);
  if (Number.isNaN(from)) return now;
  return Math.max(now, from + (d.spec.progressDeadlineSeconds as number) * 1000 + 1000);
}

/**
 * checkPausedConditions: with a progress deadline, and unless the rollout already timed out,
 * a paused deployment gets Progressing Unknown DeploymentPaused "Deployment is paused" and a
 * resumed one (still carrying DeploymentPaused) Unknown DeploymentResumed "Deployment is
 * resumed", so the time spent paused never counts against the deadline. Returns the status to
 * write, or undefined when nothing changes. The sync continues with the deployment carrying it.
 */
export function checkPausedConditions(d: Deployment, now: number): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (cond?.reason === TIMED_OUT_REASON) return undefined;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const status = d.status ?? {};
  if (d.spec.paused && !pausedCondExists) {
    return setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', now));
  }
  if (!d.spec.paused && pausedCondExists) {
    return setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', now));
  }
  return undefined;
}
