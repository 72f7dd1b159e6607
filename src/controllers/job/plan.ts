// One Job sync as a pure plan (pkg/controller/job/job_controller.go syncJob, manageJob,
// trackJobStatusAndRemoveFinalizers, enactJobFinished; v1.35 behaviour): which pods to delete and
// create, the status to write, whose job-tracking finalizers to remove after it is written, the
// events, the backoff record and when to look again.
//
// Counting is crash-safe as upstream's: a finished pod still holding the finalizer is first
// recorded in status.uncountedTerminatedPods (or, Indexed and succeeded, in completedIndexes),
// then loses its finalizer, then — in a later sync — moves from uncounted into succeeded/failed.
// A pod without the finalizer is never counted again, so a restart anywhere counts each pod once.
import type { Pod } from '../../api/types.js';
import { rfc3339 } from '../../util/clock.js';
import { ownerRefTo } from '../ownership.js';
import { podsToDelete } from '../replicaset/ranking.js';
import {
  JOB_COMPLETION_INDEX_ANNOTATION,
  JOB_COMPLETION_INDEX_ENV,
  JOB_TRACKING_FINALIZER,
  isJobFinished,
  type Job,
  type JobCondition,
  type JobStatus,
} from '../../api/batch.js';
import { completionIndex, hasTrackingFinalizer, isActive, isPodFailed, isPodSucceeded, isReady, isTerminating, matchPodFailurePolicy, onlyReplaceFailedPods } from './pods.js';
import { firstPendingIndexes, formatIndexes, hasIndex, parseIndexes, totalIndexes, withIndexes, type Intervals } from './indexes.js';
import { nextBackoffRecord, remainingBackoff, type BackoffRecord } from './backoff.js';

export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
export const MAX_GENERATED_NAME_LENGTH = 58;

export const REASON = {
  backoffLimitExceeded: 'BackoffLimitExceeded',
  deadlineExceeded: 'DeadlineExceeded',
  podFailurePolicy: 'PodFailurePolicy',
  completionsReached: 'CompletionsReached',
} as const;
export const MESSAGE = {
  backoffLimitExceeded: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'Job was active longer than specified deadline',
  completionsReached: 'Reached expected number of succeeded pods',
} as const;

export interface JobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface JobPlan {
  /** Active pods to delete (before anything else). */
  deletePods: Pod[];
  /** Pods to create (generateName set), in order. */
  createPods: Pod[];
  /** The status to write; undefined when it is unchanged. */
  status?: JobStatus;
  /** Pods whose job-tracking finalizer goes once the status is written. */
  removeFinalizers: Pod[];
  events: JobEvent[];
  backoff: BackoffRecord;
  /** Sync again after this many ms (backoff, active deadline, TTL). */
  requeueAfterMs?: number;
  /** ttlSecondsAfterFinished has passed: delete the Job. */
  deleteJob?: boolean;
}

export interface JobSyncInput {
  job: Job;
  /** The pods the job controls. */
  pods: Pod[];
  now: number;
  backoff?: BackoffRecord;
}

const condition = (type: string, reason: string, message: string, now: number): JobCondition => ({
  type,
  status: 'True',
  lastProbeTime: rfc3339(now),
  lastTransitionTime: rfc3339(now),
  reason,
  message,
});

const findCondition = (st: JobStatus, type: string) => (st.conditions ?? []).find((c) => c.type === type);
const isTrue = (st: JobStatus, type: string) => findCondition(st, type)?.status === 'True';

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix stays within 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/** A pod of the job: the template, the tracking finalizer, owned by the job; Indexed: index annotation/label, env and hostname. */
export function podForJob(job: Job, index?: number): Pod {
  const t = job.spec.template ?? { spec: { containers: [] } };
  const meta = t.metadata ?? {};
  const spec = structuredClone(t.spec ?? { containers: [] }) as Pod['spec'];
  const labels: Record<string, string> = { ...(meta.labels ?? {}) };
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  const name = job.metadata.name!;
  let generateName = `${name}-`;
  if (index !== undefined) {
    annotations[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
    labels[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
    generateName = podGenerateNameWithIndex(name, index);
    if (!spec.hostname) spec.hostname = `${name}-${index}`;
    const env = { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } };
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      if (!(c.env ?? []).some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) c.env = [...(c.env ?? []), structuredClone(env)];
    }
  }
  const finalizers = [...((meta.finalizers as string[] | undefined) ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers,
      ownerReferences: [ownerRefTo(job)],
    },
    spec,
  } as Pod;
}

/** pastBackoffLimitOnFailure: restartPolicy OnFailure counts the active pods' container restarts. */
export function pastBackoffLimitOnFailure(job: Job, active: Pod[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of active) for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** pastActiveDeadline (and the time left when not yet). */
function activeDeadline(job: Job, startTime: string | undefined, now: number): { past: boolean; leftMs?: number } {
  const ads = job.spec.activeDeadlineSeconds;
  if (ads === undefined || ads === null || !startTime || job.spec.suspend) return { past: false };
  const left = Date.parse(startTime) + ads * 1000 - now;
  return left <= 0 ? { past: true } : { past: false, leftMs: left };
}

/** activePodsForRemoval: Indexed pods with an invalid or duplicate index always, then the lowest-ranked up to `n`. */
function activePodsForRemoval(job: Job, active: Pod[], n: number, now: number): Pod[] {
  const out: Pod[] = [];
  let rest = active;
  if (job.spec.completionMode === 'Indexed') {
    const completions = job.spec.completions ?? 0;
    const seen = new Set<number>();
    rest = [];
    const sorted = [...active].sort((a, b) => Number(isReady(b)) - Number(isReady(a)) || Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''));
    for (const p of sorted) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= completions || seen.has(ix)) out.push(p);
      else {
        seen.add(ix);
        rest.push(p);
      }
    }
  }
  if (out.length < n) out.push(...podsToDelete(rest, n - out.length, now));
  return out;
}

function statusEqual(a: JobStatus | undefined, b: JobStatus): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b);
}

/** JobStatus in the order batch/v1 marshals it (omitempty counters dropped at 0). */
function orderedStatus(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes) out.failedIndexes = s.failedIndexes;
  out.uncountedTerminatedPods = {};
  if (s.uncountedTerminatedPods?.succeeded?.length) out.uncountedTerminatedPods.succeeded = s.uncountedTerminatedPods.succeeded;
  if (s.uncountedTerminatedPods?.failed?.length) out.uncountedTerminatedPods.failed = s.uncountedTerminatedPods.failed;
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}

/** A finished job only lets its pods go (and waits for its TTL). */
function planFinished(job: Job, pods: Pod[], now: number, backoff?: BackoffRecord): JobPlan {
  const plan: JobPlan = { deletePods: [], createPods: [], removeFinalizers: pods.filter(hasTrackingFinalizer), events: [], backoff: backoff ?? { failuresAfterLastSuccess: 0 } };
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl !== undefined && ttl !== null && !job.metadata.deletionTimestamp) {
    const type = isJobFinished(job)!;
    const finishedAt = Date.parse(findCondition(job.status ?? {}, type)?.lastTransitionTime ?? job.status?.completionTime ?? '') || now;
    const left = finishedAt + ttl * 1000 - now;
    if (left <= 0) plan.deleteJob = true;
    else plan.requeueAfterMs = left;
  }
  return plan;
}

export function planJob({ job, pods, now, backoff }: JobSyncInput): JobPlan {
  if (isJobFinished(job)) return planFinished(job, pods, now, backoff);
  const prev = job.status ?? {};
  const st: JobStatus = structuredClone(prev);
  const events: JobEvent[] = [];
  const indexed = job.spec.completionMode === 'Indexed';
  const completions = job.spec.completions ?? undefined;
  const suspended = !!job.spec.suspend;
  const byUid = new Map(pods.map((p) => [p.metadata.uid!, p]));
  const uncSucc = new Set(prev.uncountedTerminatedPods?.succeeded ?? []);
  const uncFail = new Set(prev.uncountedTerminatedPods?.failed ?? []);

  // 1. Uncounted pods that lost their finalizer (or are gone) are counted now.
  let succeeded = prev.succeeded ?? 0;
  let failed = prev.failed ?? 0;
  for (const uid of [...uncSucc]) {
    const p = byUid.get(uid);
    if (!p || !hasTrackingFinalizer(p)) {
      uncSucc.delete(uid);
      succeeded++;
    }
  }
  for (const uid of [...uncFail]) {
    const p = byUid.get(uid);
    if (!p || !hasTrackingFinalizer(p)) {
      uncFail.delete(uid);
      failed++;
    }
  }

  // 2. Pods that finished since: recorded as uncounted, their finalizer removed after the write.
  const existingTarget = (st.conditions ?? []).find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
  const failing = existingTarget?.type === 'FailureTarget';
  let succeededIdx: Intervals = indexed ? parseIndexes(prev.completedIndexes, completions ?? 0) : [];
  const newIdx: number[] = [];
  const newSucceeded: Pod[] = [];
  const newFailed: Pod[] = [];
  const removeFinalizers: Pod[] = [];
  for (const p of pods) {
    if (!hasTrackingFinalizer(p)) continue;
    const uid = p.metadata.uid!;
    if (uncSucc.has(uid) || uncFail.has(uid)) {
      removeFinalizers.push(p);
      continue;
    }
    const ix = completionIndex(p);
    if (isPodSucceeded(p)) {
      if (indexed) {
        if (ix >= 0 && ix < (completions ?? 0) && !hasIndex(succeededIdx, ix)) newIdx.push(ix);
      } else uncSucc.add(uid);
      newSucceeded.push(p);
      removeFinalizers.push(p);
    } else if (isPodFailed(p, job) || (failing && !isActive(p))) {
      if (!indexed || (ix >= 0 && ix < (completions ?? 0))) {
        const counts = job.spec.podFailurePolicy && p.status?.phase === 'Failed' ? matchPodFailurePolicy(job.spec.podFailurePolicy.rules ?? [], p).countFailed : true;
        if (counts) uncFail.add(uid);
        newFailed.push(p);
      }
      removeFinalizers.push(p);
    } else if (job.metadata.deletionTimestamp) removeFinalizers.push(p);
  }
  if (indexed) {
    succeededIdx = withIndexes(succeededIdx, newIdx);
    succeeded = totalIndexes(succeededIdx);
  }
  const succeededTotal = indexed ? succeeded : succeeded + uncSucc.size;
  const failedTotal = failed + uncFail.size;

  const active = pods.filter(isActive);
  let terminating = pods.filter(isTerminating).length;
  if (!st.startTime && !suspended) st.startTime = rfc3339(now);
  const newBackoff = nextBackoffRecord(backoff, newSucceeded, newFailed, now);
  let requeueAfterMs: number | undefined;
  const requeue = (ms: number) => {
    requeueAfterMs = requeueAfterMs === undefined ? ms : Math.min(requeueAfterMs, ms);
  };

  // 3. Is the job failing?
  let finishing: JobCondition | undefined = existingTarget;
  if (!finishing && job.spec.podFailurePolicy) {
    for (const p of pods) {
      if (p.status?.phase !== 'Failed') continue;
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy.rules ?? [], p);
      if (m.failJobMessage) {
        finishing = condition('FailureTarget', REASON.podFailurePolicy, m.failJobMessage, now);
        break;
      }
    }
  }
  if (!finishing) {
    const deadline = activeDeadline(job, st.startTime, now);
    if (failedTotal > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, active)) {
      finishing = condition('FailureTarget', REASON.backoffLimitExceeded, MESSAGE.backoffLimitExceeded, now);
    } else if (deadline.past) {
      finishing = condition('FailureTarget', REASON.deadlineExceeded, MESSAGE.deadlineExceeded, now);
    } else if (deadline.leftMs !== undefined) requeue(deadline.leftMs);
  }

  const deletePods: Pod[] = [];
  const createPods: Pod[] = [];
  let activeCount = active.length;
  if (finishing?.type === 'FailureTarget') {
    deletePods.push(...active);
    activeCount = 0;
  } else if (!finishing) {
    if (!job.metadata.deletionTimestamp) {
      // manageJob
      const parallelism = job.spec.parallelism ?? 1;
      if (suspended) deletePods.push(...active);
      else {
        let wantActive: number;
        if (completions === undefined) wantActive = succeededTotal > 0 ? active.length : parallelism;
        else wantActive = Math.max(0, Math.min(completions - succeededTotal, parallelism));
        const rm = activePodsForRemoval(job, active, Math.max(0, active.length - wantActive), now);
        if (rm.length) deletePods.push(...rm.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
        else if (active.length < wantActive) {
          const wait = remainingBackoff(newBackoff, now);
          if (wait > 0) requeue(wait);
          else {
            let diff = wantActive - active.length - (onlyReplaceFailedPods(job) ? terminating : 0);
            diff = Math.max(0, Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC));
            if (indexed) {
              const running = new Set(active.map(completionIndex));
              if (onlyReplaceFailedPods(job)) for (const p of pods.filter(isTerminating)) running.add(completionIndex(p));
              for (const ix of firstPendingIndexes(succeededIdx, running, diff, completions ?? 0)) createPods.push(podForJob(job, ix));
            } else for (let i = 0; i < diff; i++) createPods.push(podForJob(job));
          }
        }
      }
      activeCount = active.length - deletePods.length + createPods.length;
    }
    const complete = completions === undefined ? succeededTotal > 0 && activeCount === 0 : succeededTotal >= completions && activeCount === 0;
    if (complete) finishing = condition('SuccessCriteriaMet', REASON.completionsReached, MESSAGE.completionsReached, now);
    else if (!job.metadata.deletionTimestamp) {
      const susp = findCondition(st, 'Suspended');
      if (suspended && susp?.status !== 'True') {
        setCondition(st, { ...condition('Suspended', 'JobSuspended', 'Job suspended', now) });
        events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      } else if (!suspended && susp?.status === 'True') {
        setCondition(st, { ...condition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' });
        events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
        // ActiveDeadlineSeconds counts the time the job is continuously active.
        st.startTime = rfc3339(now);
      }
    }
  }
  terminating += deletePods.length;

  // 4. The status: counters, uncounted, indexes, the interim and the final condition.
  st.active = activeCount;
  st.ready = active.filter((p) => isReady(p) && !deletePods.includes(p)).length;
  st.terminating = terminating;
  st.succeeded = succeeded;
  st.failed = failed;
  if (indexed) st.completedIndexes = formatIndexes(succeededIdx);
  st.uncountedTerminatedPods = { succeeded: [...uncSucc], failed: [...uncFail] };
  if (finishing && !isTrue(st, finishing.type)) setCondition(st, finishing);
  const settled = uncSucc.size === 0 && uncFail.size === 0 && removeFinalizers.length === 0 && terminating === 0 && activeCount === 0 && createPods.length === 0;
  if (finishing && settled) {
    if (finishing.type === 'SuccessCriteriaMet') {
      setCondition(st, condition('Complete', finishing.reason!, finishing.message!, now));
      st.completionTime = rfc3339(now);
      events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
    } else {
      setCondition(st, condition('Failed', finishing.reason!, finishing.message!, now));
      events.push({ type: 'Warning', reason: finishing.reason!, message: finishing.message! });
    }
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl !== undefined && ttl !== null) requeue(Math.max(1, ttl * 1000));
  }
  const status = orderedStatus(st);
  return {
    deletePods,
    createPods,
    status: statusEqual(prev, status) ? undefined : status,
    removeFinalizers,
    events,
    backoff: newBackoff,
    requeueAfterMs,
  };
}

function setCondition(st: JobStatus, c: JobCondition): void {
  const list = st.conditions ?? [];
  const i = list.findIndex((x) => x.type === c.type);
  if (i >= 0) {
    const old = list[i]!;
    list[i] = { ...c, lastTransitionTime: old.status === c.status ? old.lastTransitionTime : c.lastTransitionTime };
  } else list.push(c);
  st.conditions = list;
}
