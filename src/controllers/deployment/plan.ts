// One reconcile of a Deployment as a plan of writes, after pkg/controller/deployment/sync.go
// (getNewReplicaSet, scale, scaleReplicaSet, cleanupDeployment), rolling.go (rolloutRolling,
// reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate) and recreate.go (rolloutRecreate, oldPodsRunning).
// The controller performs the writes in the order given; nothing here does I/O.
import type { OwnerReference, Pod } from '../../api/types.js';
import {
  DEPLOYMENT_PROGRESSING,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  NEW_REPLICA_SET_REASON,
  deploymentReplicas,
  isRollingUpdate,
  rsSpecReplicas,
  type Deployment,
  type DeploymentCondition,
  type ReplicaSet,
} from './types.js';
import { computeHash } from './hash.js';
import {
  deploymentComplete,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getActualReplicaCountForReplicaSets,
  getProportion,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicasAnnotations,
  replicasAnnotationsNeedUpdate,
  setNewReplicaSetAnnotations,
  sortByCreationTimestamp,
  sortByRevision,
  sortBySizeNewer,
  sortBySizeOlder,
} from './rollout-math.js';
import { getDeploymentCondition, newDeploymentCondition } from './status.js';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from '../../api/deployment-util.js';

// ---------------------------------------------------------------------------------------------
// Scale actions

/** One ReplicaSet update: spec.replicas from → to, plus the replicas annotations. */
export interface ScaleAction {
  /** ReplicaSet name. */
  rs: string;
  from: number;
  to: number;
  /** Wording of the event (Kubernetes' scalingOperation); from == to only refreshes annotations. */
  operation: 'up' | 'down';
  /** desired-replicas and max-replicas, merged into the RS annotations by the same update. */
  annotations: Record<string, string>;
  /**
   * The Normal `ScalingReplicaSet` event to record on the deployment once the update succeeded,
   * e.g. `Scaled up replica set web-75675f5897 to 2 from 1`; absent when the size is unchanged.
   */
  event?: string;
}

/** scaleReplicaSet: an update when the size or the replicas annotations differ. */
export function scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment, operation: 'up' | 'down'): ScaleAction | undefined {
  const from = rsSpecReplicas(rs);
  const annotations = replicasAnnotations(d);
  const replicas = deploymentReplicas(d);
  const sizeNeedsUpdate = from !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, replicas + maxSurge(d))) return undefined;
  const action: ScaleAction = { rs: rs.metadata.name ?? '', from, to: newScale, operation, annotations };
  if (sizeNeedsUpdate) action.event = `Scaled ${operation} replica set ${action.rs} to ${newScale} from ${from}`;
  return action;
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right (annotations untouched). */
export function scaleReplicaSetAndRecordEvent(rs: ReplicaSet, newScale: number, d: Deployment): ScaleAction | undefined {
  const from = rsSpecReplicas(rs);
  if (from === newScale) return undefined;
  return scaleReplicaSet(rs, newScale, d, from < newScale ? 'up' : 'down');
}

/** The ReplicaSet as it is after `action` was applied (status unchanged). */
export function applyScale(rs: ReplicaSet, action: ScaleAction): ReplicaSet {
  return {
    ...rs,
    metadata: { ...rs.metadata, annotations: { ...(rs.metadata.annotations ?? {}), ...action.annotations } },
    spec: { ...rs.spec, replicas: action.to },
  };
}

// ---------------------------------------------------------------------------------------------
// The new ReplicaSet

/** The deployment's ReplicaSets split as every sync sees them. */
export interface ReplicaSetsView {
  newRS?: ReplicaSet;
  /** Old ones with replicas (FindOldReplicaSets' first result), creation order. */
  oldRSs: ReplicaSet[];
  /** Every old one (its second result), creation order: what the rollout and cleanup use. */
  allOldRSs: ReplicaSet[];
}

/** getAllReplicaSets: new and old among the ReplicaSets the deployment controls. */
export function splitReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSetsView {
  const { oldRSs, allOldRSs } = findOldReplicaSets(d, rsList);
  return { newRS: findNewReplicaSet(d, rsList), oldRSs, allOldRSs };
}

/** What getNewReplicaSet decides about an existing new ReplicaSet. */
export interface ExistingNewReplicaSet {
  kind: 'existing';
  rs: ReplicaSet;
  /**
   * Write this to the RS first (copied deployment annotations / revision bump, minReadySeconds
   * from the deployment), then go on with the updated RS. Kubernetes returns right after that
   * write, so `deploymentRevision` and `progressingCondition` are then left for the next sync.
   */
  rsUpdate?: { annotations: Record<string, string>; minReadySeconds: number | undefined };
  /** Set the deployment's revision annotation to this (it differs). Only without rsUpdate. */
  deploymentRevision?: string;
  /** Set this Progressing condition (FoundNewReplicaSet) on the deployment. Only without rsUpdate. */
  progressingCondition?: DeploymentCondition;
}

export interface MissingNewReplicaSet {
  kind: 'missing';
  /** The revision a new ReplicaSet gets: max(old) + 1. */
  revision: string;
}

/**
 * getNewReplicaSet, decision part: for an existing new RS, sync its annotations (revision =
 * max(old) + 1 when lower, deployment annotations copied) and minReadySeconds, then the
 * deployment's revision annotation and, for a deployment with a progress deadline and no
 * Progressing condition yet, True FoundNewReplicaSet `Found new replica set "<rs>"`.
 */
export function getNewReplicaSet(d: Deployment, view: ReplicaSetsView, now: number): ExistingNewReplicaSet | MissingNewReplicaSet {
  const newRevision = String(maxRevision(view.allOldRSs) + 1);
  const existing = view.newRS;
  if (!existing) return { kind: 'missing', revision: newRevision };
  const { annotations, changed } = setNewReplicaSetAnnotations(d, existing, newRevision, true);
  const minReadySecondsNeedsUpdate = (existing.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
  if (changed || minReadySecondsNeedsUpdate) {
    return { kind: 'existing', rs: existing, rsUpdate: { annotations, minReadySeconds: d.spec.minReadySeconds } };
  }
  const out: ExistingNewReplicaSet = { kind: 'existing', rs: existing };
  if (d.metadata.annotations?.[REVISION_ANNOTATION] !== newRevision) out.deploymentRevision = newRevision;
  // (With a MaxInt32 deadline syncRolloutStatus drops Progressing again, so it is not set then.)
  if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)) {
    out.progressingCondition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', FOUND_NEW_RS_REASON, `Found new replica set "${existing.metadata.name}"`, now);
  }
  return out;
}

function controllerRef(d: Deployment): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name ?? '', uid: d.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * The ReplicaSet getNewReplicaSet creates: name `<deployment>-<hash>` (deterministic, so a
 * retried create is idempotent), the template with `pod-template-hash` added to its labels, the
 * deployment's selector plus matchLabels pod-template-hash, the controller ownerReference,
 * minReadySeconds, replicas = newRSNewReplicas, and the annotations of
 * setNewReplicaSetAnnotations(exists = false). The hash uses status.collisionCount.
 */
export function newReplicaSet(d: Deployment, allOldRSs: readonly ReplicaSet[]): ReplicaSet {
  const template = structuredClone(d.spec.template ?? {});
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...labels } },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds, selector, template },
  };
  if (rs.spec.minReadySeconds === undefined) delete rs.spec.minReadySeconds;
  // e.g. 3 replicas, surge 1, old RS at 3: room 4 − 3 = 1 → created with 1 (Recreate: with 3).
  rs.spec.replicas = newRSNewReplicas(d, [...allOldRSs, rs], rs);
  const revision = String(maxRevision(allOldRSs) + 1);
  rs.metadata.annotations = setNewReplicaSetAnnotations(d, rs, revision, false).annotations;
  rs.metadata.ownerReferences = [controllerRef(d)];
  return rs;
}

/** What to record once the new ReplicaSet exists (getNewReplicaSet's tail). */
export interface NewReplicaSetCreated {
  /** `Scaled up replica set <rs> to <n>`, only for a fresh create with n > 0. */
  event?: string;
  /** The deployment's revision annotation, when it differs. */
  deploymentRevision?: string;
  /** True NewReplicaSetCreated `Created new replica set "<rs>"`, for a fresh create with a deadline. */
  progressingCondition?: DeploymentCondition;
}

export function newReplicaSetCreated(d: Deployment, created: ReplicaSet, revision: string, alreadyExisted: boolean, now: number): NewReplicaSetCreated {
  const out: NewReplicaSetCreated = {};
  const replicas = rsSpecReplicas(created);
  if (!alreadyExisted && replicas > 0) out.event = `Scaled up replica set ${created.metadata.name} to ${replicas}`;
  if (d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) out.deploymentRevision = revision;
  if (!alreadyExisted && hasProgressDeadline(d)) {
    out.progressingCondition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NEW_REPLICA_SET_REASON, `Created new replica set "${created.metadata.name}"`, now);
  }
  return out;
}

/**
 * The create answered AlreadyExists: if the existing ReplicaSet is controlled by this deployment
 * and its template equals the deployment's, it is the new ReplicaSet (`adopt`, go on with it);
 * otherwise it is a hash collision: write status.collisionCount + 1 and retry in a later sync.
 */
export function resolveCreateConflict(d: Deployment, existing: ReplicaSet): { kind: 'adopt' } | { kind: 'collision'; collisionCount: number } {
  const ref = (existing.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, existing.spec.template)) return { kind: 'adopt' };
  return { kind: 'collision', collisionCount: (d.status?.collisionCount ?? 0) + 1 };
}

/**
 * Any other create error: the Warning `ReplicaSetCreateError` event
 * `Failed to create new replica set "<rs>": <err>` and, with a deadline, Progressing False with
 * the same reason and message.
 */
export function replicaSetCreateError(d: Deployment, rsName: string, err: string, now: number): { event: string; progressingCondition?: DeploymentCondition } {
  const event = `Failed to create new replica set "${rsName}": ${err}`;
  if (!hasProgressDeadline(d)) return { event };
  return { event, progressingCondition: newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', FAILED_RS_CREATE_REASON, event, now) };
}

// ---------------------------------------------------------------------------------------------
// One step

/**
 * One reconcile step. After any of them the controller writes the status (syncRolloutStatus),
 * except after `createNewRS`, where it creates the RS and plans again with it.
 * - `createNewRS`: create `replicaSet` (see newReplicaSet / newReplicaSetCreated / resolveCreateConflict),
 *   then call the planner again in the same sync with the created RS as newRS.
 * - `scale`: apply `scales` in order (an RS can appear twice), recording each event.
 * - `wait`: Recreate only: old pods still exist; nothing to do until they are gone.
 * - `none`: nothing to scale.
 * `cleanup`: then delete cleanupCandidates(d, allOldRSs) (the rollout is complete).
 */
export type Step =
  | { kind: 'createNewRS'; replicas: number; replicaSet: ReplicaSet }
  | { kind: 'scale'; scales: ScaleAction[]; cleanup: boolean }
  | { kind: 'wait' }
  | { kind: 'none'; cleanup: boolean };

/**
 * reconcileNewReplicaSet: the new RS goes straight down to replicas if above, else up by
 * newRSNewReplicas (bounded by replicas + maxSurge over all ReplicaSets' spec.replicas).
 * e.g. 10 replicas, surge 2, old 10, new 0 → new to 2; old 10, new 2 → nothing (12 = max).
 */
export function reconcileNewReplicaSet(allRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): ScaleAction | undefined {
  const replicas = deploymentReplicas(d);
  const current = rsSpecReplicas(newRS);
  if (current === replicas) return undefined;
  if (current > replicas) return scaleReplicaSetAndRecordEvent(newRS, replicas, d);
  return scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d);
}

/**
 * cleanupUnhealthyReplicas: oldest first, take away each old RS's unavailable replicas
 * (spec − available), at most `maxCleanupCount` in all. Safe: the RS deletes not-ready pods first.
 * An RS whose status still shows more available pods than its spec (status lagging a scale-down)
 * is an error, as in Kubernetes, which stops the old-side scaling for this sync; `error` carries
 * the message and `scales` what was planned before it.
 * e.g. old 10 with 8 available, max 3 → 10 → 8 (2 cleaned); max 1 → 10 → 9.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): { oldRSs: ReplicaSet[]; scales: ScaleAction[]; cleanupCount: number; error?: string } {
  const sorted = sortByCreationTimestamp(oldRSs);
  const scales: ScaleAction[] = [];
  let totalScaledDown = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const target = sorted[i]!;
    const spec = rsSpecReplicas(target);
    const available = target.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    // e.g. spec 2 but 3 available (status not caught up): min(max, −1) = −1 → "down" to 3: refused.
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, spec - available);
    const newReplicasCount = spec - scaledDownCount;
    if (newReplicasCount > spec) {
      const error = `when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${spec} -> ${newReplicasCount}`;
      return { oldRSs: sorted, scales, cleanupCount: 0, error };
    }
    const action = scaleReplicaSetAndRecordEvent(target, newReplicasCount, d);
    if (action) {
      scales.push(action);
      sorted[i] = applyScale(target, action);
    }
    totalScaledDown += scaledDownCount;
  }
  return { oldRSs: sorted, scales, cleanupCount: totalScaledDown };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: remove (available − minAvailable) old replicas,
 * oldest RS first, where available counts every RS's status.availableReplicas.
 * e.g. 10 replicas, maxUnavailable 2, 10 available → old 10 → 8; 8 available → nothing.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], d: Deployment): { scales: ScaleAction[]; scaledDown: number } {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return { scales: [], scaledDown: 0 };
  const totalScaleDownCount = availablePodCount - minAvailable;
  const scales: ScaleAction[] = [];
  let totalScaledDown = 0;
  for (const target of sortByCreationTimestamp(oldRSs)) {
    if (totalScaledDown >= totalScaleDownCount) break;
    const spec = rsSpecReplicas(target);
    if (spec === 0) continue;
    const scaleDownCount = Math.min(spec, totalScaleDownCount - totalScaledDown);
    const action = scaleReplicaSetAndRecordEvent(target, spec - scaleDownCount, d);
    if (action) scales.push(action);
    totalScaledDown += scaleDownCount;
  }
  return { scales, scaledDown: totalScaledDown };
}

/**
 * reconcileOldReplicaSets: how far old replicas may go down without breaking availability.
 *   maxScaledDown = allPods − minAvailable − newRSUnavailable
 * where allPods = Σ spec.replicas, minAvailable = replicas − maxUnavailable and
 * newRSUnavailable = new spec − new available. Then cleanupUnhealthyReplicas, then
 * scaleDownOldReplicaSetsForRollingUpdate on the result.
 *
 * e.g. 3 replicas, surge 1 / unavailable 0, old 3 (3 available), new 1 (0 available):
 *      4 − 3 − 1 = 0 → wait; once the new pod is available: 4 − 3 − 0 = 1 → old 3 → 2.
 */
export function reconcileOldReplicaSets(allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): ScaleAction[] {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return [];
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = rsSpecReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return [];
  const cleaned = cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
  // Kubernetes returns "not scaled" on that error; writes already made stay made.
  if (cleaned.error) return cleaned.scales;
  const down = scaleDownOldReplicaSetsForRollingUpdate([...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  if (cleaned.cleanupCount + down.scaledDown <= 0) return [];
  return [...cleaned.scales, ...down.scales];
}

/**
 * rolloutRolling, one step: create the new RS if missing (then plan again), else scale it up
 * (or down to replicas), else scale old ones down; when nothing moved, clean up old RSs if the
 * deployment's current status says the rollout is complete.
 * `allOldRSs` is every old RS (spec 0 included), as splitReplicaSets returns it.
 */
export function planRolling(d: Deployment, newRS: ReplicaSet | undefined, allOldRSs: readonly ReplicaSet[]): Step {
  if (!newRS) {
    const replicaSet = newReplicaSet(d, allOldRSs);
    return { kind: 'createNewRS', replicas: rsSpecReplicas(replicaSet), replicaSet };
  }
  const allRSs = [...allOldRSs, newRS];
  const up = reconcileNewReplicaSet(allRSs, newRS, d);
  if (up) return { kind: 'scale', scales: [up], cleanup: false };
  const down = reconcileOldReplicaSets(allRSs, filterActiveReplicaSets(allOldRSs), newRS, d);
  if (down.length) return { kind: 'scale', scales: down, cleanup: false };
  return { kind: 'none', cleanup: deploymentComplete(d, d.status) };
}

/**
 * oldPodsRunning: some old RS still reports pods, or some pod controlled by an old RS is not
 * Succeeded/Failed (Pending, Running, Unknown or no phase yet — Terminating ones included).
 * `pods` are the deployment's pods (those matching its selector); only pods whose controller is
 * one of `allOldRSs` count.
 */
export function oldPodsRunning(newRS: ReplicaSet | undefined, allOldRSs: readonly ReplicaSet[], pods: readonly Pod[]): boolean {
  if (getActualReplicaCountForReplicaSets(allOldRSs) > 0) return true;
  const oldUids = new Set(allOldRSs.map((rs) => rs.metadata.uid).filter((u): u is string => !!u));
  for (const pod of pods) {
    const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!ref || !oldUids.has(ref.uid)) continue;
    if (newRS && ref.uid === newRS.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') continue;
    return true;
  }
  return false;
}

/**
 * rolloutRecreate, one step: scale every active old RS to 0; then wait while old pods run;
 * then create the new RS at full size (newRSNewReplicas is `replicas` for Recreate; plan again
 * after creating), or bring an existing new RS to replicas; clean up if complete.
 */
export function planRecreate(d: Deployment, newRS: ReplicaSet | undefined, allOldRSs: readonly ReplicaSet[], oldPodsAreRunning: boolean): Step {
  const downs: ScaleAction[] = [];
  for (const rs of filterActiveReplicaSets(allOldRSs)) {
    const a = scaleReplicaSetAndRecordEvent(rs, 0, d);
    if (a) downs.push(a);
  }
  if (downs.length) return { kind: 'scale', scales: downs, cleanup: false };
  if (oldPodsAreRunning) return { kind: 'wait' };
  if (!newRS) {
    const replicaSet = newReplicaSet(d, allOldRSs);
    return { kind: 'createNewRS', replicas: rsSpecReplicas(replicaSet), replicaSet };
  }
  const cleanup = deploymentComplete(d, d.status);
  const up = scaleReplicaSetAndRecordEvent(newRS, deploymentReplicas(d), d);
  return up ? { kind: 'scale', scales: [up], cleanup } : { kind: 'none', cleanup };
}

/**
 * scale (sync.go): the scaling of a paused deployment or of a scaling event.
 * 1. At most one active RS: it (or, none active, the newest: the new RS, else the newest old)
 *    goes to replicas.
 * 2. A saturated new RS: every active old RS goes to 0.
 * 3. RollingUpdate with several active RSs: spread replicas + maxSurge − Σ spec.replicas over
 *    them in proportion (getProportion), largest first — ties newest first when adding, oldest
 *    first when removing — and give the rounding leftover to the first one (never below 0).
 *    Every active RS gets its replicas annotations refreshed, resized or not.
 *
 * e.g. 10 replicas, maxSurge 3, new 5 + old 8 (max-replicas 13), scaled to 15: allowed 18,
 *      toAdd 5; old first (8): round(8 × 18 / 13) − 8 = 3; new: round(5 × 18 / 13) − 5 = 2 →
 *      old 11, new 7.
 */
export function planProportionalScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleAction[] {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (rsSpecReplicas(activeOrLatest) === replicas) return [];
    const a = scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
    return a ? [a] : [];
  }
  if (isSaturated(d, newRS)) {
    return filterActiveReplicaSets(oldRSs)
      .map((old) => scaleReplicaSetAndRecordEvent(old, 0, d))
      .filter((a): a is ScaleAction => !!a);
  }
  if (!isRollingUpdate(d)) return [];

  let allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  // e.g. allowed 18, 13 asked for → 5 to add; allowed 10, 13 → −3 to remove.
  const deploymentReplicasToAdd = allowedSize - allRSsReplicas;
  let operation: 'up' | 'down' = 'down';
  if (deploymentReplicasToAdd > 0) {
    allRSs = sortBySizeNewer(allRSs);
    operation = 'up';
  } else if (deploymentReplicasToAdd < 0) {
    allRSs = sortBySizeOlder(allRSs);
  }
  const sizes = allRSs.map((rs) => rsSpecReplicas(rs));
  let deploymentReplicasAdded = 0;
  if (deploymentReplicasToAdd !== 0) {
    allRSs.forEach((rs, i) => {
      const proportion = getProportion(rs, d, deploymentReplicasToAdd, deploymentReplicasAdded);
      sizes[i] = sizes[i]! + proportion;
      deploymentReplicasAdded += proportion;
    });
    // e.g. three RSs of 1 (max 3) scaled to 4: each proportion round(4/3) − 1 = 0, leftover 1 → first.
    const leftover = deploymentReplicasToAdd - deploymentReplicasAdded;
    sizes[0] = Math.max(0, sizes[0]! + leftover);
  }
  const actions: ScaleAction[] = [];
  allRSs.forEach((rs, i) => {
    const a = scaleReplicaSet(rs, sizes[i]!, d, operation);
    if (a) actions.push(a);
  });
  return actions;
}

/**
 * cleanupDeployment: with a revision history limit, the old ReplicaSets beyond the limit, lowest
 * revision first, among those not being deleted; of the first (count − limit) only those with
 * spec.replicas 0, status.replicas 0 and an observed generation are deleted (others are skipped,
 * not replaced by later ones). Returns the names to delete.
 * e.g. limit 1, revisions 1 (1 replica), 2, 3 → candidates 1 and 2 → only 2 is deleted.
 */
export function cleanupCandidates(d: Deployment, allOldRSs: readonly ReplicaSet[]): string[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = allOldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit as number);
  if (diff <= 0) return [];
  const out: string[] = [];
  for (const rs of sortByRevision(cleanable).slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || rsSpecReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    out.push(rs.metadata.name ?? '');
  }
  return out;
}

/** The `SelectingAll` guard: a selector with neither matchLabels nor matchExpressions. */
export function isSelectingAll(d: Deployment): boolean {
  const s = d.spec.selector;
  if (!s) return false;
  return Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
}

export const SELECTING_ALL_MESSAGE = 'This deployment is selecting all pods. A non-empty selector is required.';
