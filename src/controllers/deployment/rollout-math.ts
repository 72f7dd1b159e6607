// The arithmetic and bookkeeping of Deployment rollouts, reproduced from
// pkg/controller/deployment/util/deployment_util.go, pkg/controller/controller_utils.go (sorting,
// FilterActiveReplicaSets) and k8s.io/apimachinery/pkg/util/intstr (GetScaledValueFromIntOrPercent).
// Everything is pure: inputs are never mutated, results are fresh values.
import {
  DEPLOYMENT_PROGRESSING,
  MAX_INT32,
  MAX_REV_HISTORY_LENGTH_IN_CHARS,
  NEW_RS_AVAILABLE_REASON,
  RECREATE,
  ROLLING_UPDATE,
  TIMED_OUT_REASON,
  deploymentReplicas,
  isRollingUpdate,
  rsSpecReplicas,
  timeMs,
  type Deployment,
  type DeploymentStatus,
  type IntOrString,
  type ReplicaSet,
} from './types.js';
import { DESIRED_REPLICAS_ANNOTATION, equalIgnoreHash, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, revisionOf, ANNOTATIONS_TO_SKIP } from '../../api/deployment-util.js';

// ---------------------------------------------------------------------------------------------
// intstr

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer is taken as is; "N%" is N% of `total`,
 * rounded up or down. Throws with apimachinery's messages for anything else.
 *
 * e.g. ("25%", 10, roundUp) → ceil(25 × 10 / 100) = ceil(2.5) = 3; rounded down it is 2.
 */
export function getScaledValueFromIntOrPercent(v: IntOrString | null | undefined, total: number, roundUp: boolean): number {
  if (v === null || v === undefined) throw new Error('nil value for IntOrString');
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v !== 'string') throw new Error('invalid value for IntOrString: invalid type: neither int nor percentage');
  if (!v.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(digits)) {
    throw new Error(`invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`);
  }
  const pct = parseInt(digits, 10);
  // Go computes float64(value) * float64(total) / 100, in that order.
  const scaled = (pct * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

// ---------------------------------------------------------------------------------------------
// Fenceposts

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, an unset value counts as 0,
 * and when both come out 0 maxUnavailable becomes 1 (validation forbids an explicit 0/0, but a
 * small percentage can round down to it; surge might not work because of quota, so allow 1
 * unavailable rather than stall). Throws on a malformed value (validation rejects those).
 *
 * e.g. 10 replicas, 25%/25%: surge ceil(2.5) = 3, unavailable floor(2.5) = 2.
 *      3 replicas, 25%/25%: surge ceil(0.75) = 1, unavailable floor(0.75) = 0 (3..4 pods).
 *      2 replicas, 1%/0:    surge ceil(0.02) = 1, unavailable 0.
 *      2 replicas, 0%/1%:   surge 0, unavailable floor(0.02) = 0 → both 0 → unavailable 1.
 */
export function resolveFenceposts(
  maxSurgeValue: IntOrString | null | undefined,
  maxUnavailableValue: IntOrString | null | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = getScaledValueFromIntOrPercent(maxSurgeValue ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailableValue ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxSurge: 0 unless RollingUpdate; a malformed value counts as 0 ("caught by validation"). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  try {
    return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, deploymentReplicas(d)).surge;
  } catch {
    return 0;
  }
}

/**
 * MaxUnavailable: 0 unless RollingUpdate or when replicas is 0, and never more than replicas.
 * e.g. 5 replicas, maxUnavailable 10 → 5; 10 replicas, "50%" → 5.
 */
export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  let unavailable: number;
  try {
    unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas).unavailable;
  } catch {
    return 0;
  }
  return Math.min(unavailable, replicas);
}

/** MinAvailable: replicas − maxUnavailable for RollingUpdate, 0 otherwise. e.g. 10, "60%" → 4. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return deploymentReplicas(d) - maxUnavailable(d);
}

// ---------------------------------------------------------------------------------------------
// Sorting (controller_utils.go), all returning new arrays

const byName = (a: ReplicaSet, b: ReplicaSet): number => {
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

// Go's zero time sorts before every real time.
function creationMs(rs: ReplicaSet): number {
  const t = timeMs(rs.metadata.creationTimestamp);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = creationMs(a);
  const tb = creationMs(b);
  if (ta === tb) return byName(a, b);
  return ta < tb ? -1 : 1;
}

export function sortByCreationTimestamp(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort(compareByCreationTimestamp);
}

/** ReplicaSetsBySizeOlder: largest spec.replicas first, ties oldest first (scale-down order). */
export function sortBySizeOlder(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => {
    const d = rsSpecReplicas(b) - rsSpecReplicas(a);
    return d !== 0 ? d : compareByCreationTimestamp(a, b);
  });
}

/** ReplicaSetsBySizeNewer: largest spec.replicas first, ties newest first (scale-up order). */
export function sortBySizeNewer(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => {
    const d = rsSpecReplicas(b) - rsSpecReplicas(a);
    return d !== 0 ? d : compareByCreationTimestamp(b, a);
  });
}

/** ReplicaSetsByRevision: lowest revision first; an unparsable or equal revision falls back to creation time. */
export function sortByRevision(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => {
    const ra = revisionOf(a);
    const rb = revisionOf(b);
    if (ra === undefined || rb === undefined || ra === rb) return compareByCreationTimestamp(a, b);
    return ra - rb;
  });
}

/** FilterActiveReplicaSets: those with spec.replicas > 0 (absent entries skipped). */
export function filterActiveReplicaSets(list: readonly (ReplicaSet | undefined | null)[]): ReplicaSet[] {
  return list.filter((rs): rs is ReplicaSet => !!rs && rsSpecReplicas(rs) > 0);
}

// ---------------------------------------------------------------------------------------------
// Counting (GetReplicaCountForReplicaSets & co.)

type MaybeRS = ReplicaSet | undefined | null;

/** Σ spec.replicas: the pods the ReplicaSets are asked for ("allPods" of the rolling update). */
export function getReplicaCountForReplicaSets(list: readonly MaybeRS[]): number {
  return list.reduce((n, rs) => n + (rs ? rsSpecReplicas(rs) : 0), 0);
}

/** Σ status.replicas: the active pods that exist. */
export function getActualReplicaCountForReplicaSets(list: readonly MaybeRS[]): number {
  return list.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(list: readonly MaybeRS[]): number {
  return list.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(list: readonly MaybeRS[]): number {
  return list.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/** Σ status.terminatingReplicas, or undefined as soon as one ReplicaSet does not report it. */
export function getTerminatingReplicaCountForReplicaSets(list: readonly MaybeRS[]): number | undefined {
  let n = 0;
  for (const rs of list) {
    if (!rs) continue;
    const t = rs.status?.terminatingReplicas;
    if (t === undefined || t === null) return undefined;
    n += t;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// New and old ReplicaSets

/**
 * FindNewReplicaSet: the oldest ReplicaSet (creation time, then name) whose template equals the
 * deployment's ignoring `pod-template-hash`; undefined when there is none yet. Oldest because
 * duplicates can exist after upgrades (kubernetes#40415) and the choice must be deterministic.
 */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return sortByCreationTimestamp(rsList).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec.template));
}

/**
 * FindOldReplicaSets: every ReplicaSet but the new one (`allOldRSs`), and the subset that still
 * has replicas (`oldRSs`), both in creation order.
 */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { oldRSs: ReplicaSet[]; allOldRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = sortByCreationTimestamp(rsList).filter((rs) => !newRS || !sameReplicaSet(rs, newRS));
  return { oldRSs: allOldRSs.filter((rs) => rsSpecReplicas(rs) !== 0), allOldRSs };
}

/** Same object: by UID when both have one, else by name. */
export function sameReplicaSet(a: ReplicaSet, b: ReplicaSet): boolean {
  if (a.metadata.uid && b.metadata.uid) return a.metadata.uid === b.metadata.uid;
  return a.metadata.name === b.metadata.name;
}

/**
 * FindActiveOrLatest: the only active ReplicaSet, or when none is active the newest one (the new
 * one if it exists, else the newest old one); undefined when several are active (then they are
 * scaled proportionally).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = sortByCreationTimestamp(oldRSs).reverse();
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Revisions

/** MaxRevision: the highest parsable revision, 0 for none. */
export function maxRevision(list: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of list) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision (the one `rollout undo` goes back to), 0 for none. */
export function lastRevision(list: readonly ReplicaSet[]): number {
  let max = 0;
  let secMax = 0;
  for (const rs of list) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) secMax = v;
  }
  return secMax;
}

/**
 * The revision the new ReplicaSet gets: max(old revisions) + 1, as a string.
 * e.g. revisions 1, 2, 3 and `rollout undo --to-revision=2`: the ReplicaSet of revision 2 is
 * the new one again, the old ones are at 1 and 3, so it becomes "4" (history then reads 1, 3, 4).
 */
export function nextRevision(oldRSs: readonly ReplicaSet[]): string {
  return String(maxRevision(oldRSs) + 1);
}

// ---------------------------------------------------------------------------------------------
// Annotations

const SKIPPED: ReadonlySet<string> = new Set(ANNOTATIONS_TO_SKIP);

/** Whether the deployment annotation `key` is one never copied onto its ReplicaSets (annotationsToSkip). */
export function skipCopyAnnotation(key: string): boolean {
  return SKIPPED.has(key);
}

/** The desired-replicas / max-replicas pair every scale writes: replicas and replicas + maxSurge. */
export function replicasAnnotations(d: Deployment): Record<string, string> {
  const replicas = deploymentReplicas(d);
  return {
    [DESIRED_REPLICAS_ANNOTATION]: String(replicas),
    [MAX_REPLICAS_ANNOTATION]: String(replicas + maxSurge(d)),
  };
}

/** ReplicasAnnotationsNeedUpdate: the RS's pair differs from (desired, max). */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  if (!a) return true;
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * getNonNegativeInt32FromAnnotation: the value when it is a base-10 unsigned integer that fits an
 * int32 (strconv.ParseUint then ≤ MaxInt32), else undefined ("-1", "x", "2147483648" all fail).
 */
export function nonNegativeInt32Annotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= MAX_INT32 ? n : undefined;
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, MAX_REPLICAS_ANNOTATION);
}

/**
 * SetNewReplicaSetAnnotations, returning the annotations the new ReplicaSet must carry and
 * whether they differ from what it has:
 * 1. every deployment annotation except ANNOTATIONS_TO_SKIP is copied (so a later
 *    `kubernetes.io/change-cause` on the deployment lands on the current revision);
 * 2. the revision becomes `newRevision` when the RS's is lower (an unparsable RS revision
 *    aborts: nothing changes, as Kubernetes logs and returns false);
 * 3. when an RS that already had a revision is renumbered (a rollback reusing it), its old number
 *    is appended to `revision-history` (comma list, oldest entries dropped to stay within
 *    `revHistoryLimitInChars`, 2000 in the controller);
 * 4. when the RS is about to be created (`exists` false), desired-replicas and max-replicas.
 *
 * e.g. RS at revision 2 with history "1", newRevision "5" → revision 5, history "1,2".
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): { annotations: Record<string, string>; changed: boolean } {
  const original = rs.metadata.annotations ?? {};
  const ann: Record<string, string> = { ...original };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  const hadRevision = REVISION_ANNOTATION in ann;
  const oldRevision = ann[REVISION_ANNOTATION] ?? '';
  let oldRevisionInt = 0;
  if (oldRevision !== '') {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return { annotations: { ...original }, changed: false };
    oldRevisionInt = Number(oldRevision);
  }
  if (!/^[+-]?[0-9]+$/.test(newRevision)) return { annotations: { ...original }, changed: false };
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = ann[REVISION_HISTORY_ANNOTATION] ?? '';
    const oldRevisions = history.split(',');
    if (oldRevisions[0]!.length === 0) {
      ann[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      // Drop the oldest entries until "<history>,<old>" fits.
      // e.g. limit 5, history "10,11", old "12": 5+2+1 = 8 > 5 → drop "10" (8−3 = 5) → "11,12".
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start]!.length - 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) {
        ann[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists) {
    const pair = replicasAnnotations(d);
    for (const [k, v] of Object.entries(pair)) {
      if (ann[k] !== v) {
        ann[k] = v;
        changed = true;
      }
    }
  }
  return { annotations: ann, changed };
}

/**
 * SetDeploymentAnnotationsTo (what a rollback does to the deployment): keep the deployment's
 * values of the skip-listed keys, take every other annotation from the ReplicaSet.
 */
export function deploymentAnnotationsForRollback(d: Deployment, rollbackTo: ReplicaSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) out[k] = v;
  for (const [k, v] of Object.entries(rollbackTo.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sizing the new ReplicaSet

/**
 * NewRSNewReplicas: the size the new ReplicaSet may have now.
 * RollingUpdate: the room left under replicas + maxSurge (counting every RS's spec.replicas),
 * never beyond replicas. Recreate: replicas at once. Throws for another strategy type or a
 * malformed maxSurge.
 *
 * e.g. 10 replicas, maxSurge 2, old RS at 10, new at 0: max total 12, 10 counted → new 0 + min(2, 10) = 2.
 *      10 replicas, maxSurge 2, old RS at 5, new at 0: room 7, still ≤ 10 → 7.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly MaybeRS[], newRS: ReplicaSet): number {
  const replicas = deploymentReplicas(d);
  const type = d.spec.strategy?.type;
  if (type === ROLLING_UPDATE) {
    const surge = getScaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge, replicas, true);
    const currentPodCount = getReplicaCountForReplicaSets(allRSs);
    const maxTotalPods = replicas + surge;
    if (currentPodCount >= maxTotalPods) return rsSpecReplicas(newRS);
    const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - rsSpecReplicas(newRS));
    return rsSpecReplicas(newRS) + scaleUpCount;
  }
  if (type === RECREATE) return replicas;
  throw new Error(`deployment type ${type ?? ''} isn't supported`);
}

/**
 * IsSaturated: the new RS holds all the replicas — its spec.replicas and its desired-replicas
 * annotation equal the deployment's replicas and all of them are available.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return rsSpecReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * isScalingEvent: some active ReplicaSet was last sized for a different spec.replicas (its
 * desired-replicas annotation, when readable, differs). Then the sync only scales
 * proportionally (no rollout step), even if the template changed too.
 */
export function isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  const replicas = deploymentReplicas(d);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== replicas) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Proportions

/** integer.RoundToInt32: half away from zero. e.g. 2.5 → 3, −2.5 → −3. */
export function roundToInt32(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5);
}

/**
 * getReplicaSetFraction: how many replicas this RS gains (or loses) when the deployment goes
 * from its old max size (the RS's max-replicas annotation) to replicas + maxSurge. Scaling the
 * deployment to 0 takes the whole RS. A missing or zero annotation falls back to
 * status.replicas of the deployment; if that is 0 too the RS is left alone.
 *
 * e.g. old 8 in a deployment of 10 + surge 3 (annotation 13) scaled to 15 + surge 3:
 *      round(8 × 18 / 13) − 8 = round(11.08) − 8 = 3.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -rsSpecReplicas(rs);
  const deploymentMaxReplicas = replicas + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  if (before === deploymentMaxReplicas) return 0;
  const newRSsize = (rsSpecReplicas(rs) * deploymentMaxReplicas) / before;
  return roundToInt32(newRSsize) - rsSpecReplicas(rs);
}

/**
 * GetReplicaSetProportion (GetProportion): the RS's fraction, bounded by what is left to add
 * (scaling up: min) or to remove (scaling down: max). An RS at 0 never grows here.
 *
 * e.g. toAdd 5, already added 3, fraction 3 → min(3, 2) = 2.
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, deploymentReplicasToAdd: number, deploymentReplicasAdded: number): number {
  if (!rs || rsSpecReplicas(rs) === 0 || deploymentReplicasToAdd === 0 || deploymentReplicasToAdd === deploymentReplicasAdded) return 0;
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  return deploymentReplicasToAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed);
}

// ---------------------------------------------------------------------------------------------
// Progress predicates

export function hasProgressDeadline(d: Deployment): boolean {
  const p = d.spec.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

/**
 * DeploymentComplete: all desired replicas are updated and available, no old pod is left
 * (status.replicas counts every active pod), and the status is for the current generation.
 * e.g. desired 1, replicas 2, updated 1, available 1 → not complete (an old pod still runs).
 */
export function deploymentComplete(d: Deployment, newStatus: DeploymentStatus | undefined): boolean {
  const replicas = deploymentReplicas(d);
  const s = newStatus ?? {};
  return (
    (s.updatedReplicas ?? 0) === replicas &&
    (s.replicas ?? 0) === replicas &&
    (s.availableReplicas ?? 0) === replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the deployment's current status, more pods were updated,
 * fewer old pods remain (replicas − updated went down), or more are ready or available.
 * e.g. (10 total, 4 updated) → (8 total, 4 updated): old pods 6 → 4, progressing.
 */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: with a progress deadline, the Progressing condition of `newStatus` was
 * last updated more than progressDeadlineSeconds before `now` (strictly), or already says
 * ProgressDeadlineExceeded. Never after NewReplicaSetAvailable, never without the condition.
 *
 * e.g. deadline 10 s, last update 00:01:09, now 00:01:20: 09 + 10 = 19 < 20 → timed out;
 *      last update 00:01:11: 21 is not before 20 → not yet.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = (newStatus.conditions ?? []).find((c) => c.type === DEPLOYMENT_PROGRESSING);
  if (!condition) return false;
  if (condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  const from = timeMs(condition.lastUpdateTime);
  // A zero (unset) lastUpdateTime is the year 1: long past any deadline.
  const fromMs = Number.isNaN(from) ? Number.NEGATIVE_INFINITY : from;
  return fromMs + (d.spec.progressDeadlineSeconds as number) * 1000 < now;
}
