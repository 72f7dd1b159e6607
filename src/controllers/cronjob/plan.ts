// One CronJob sync as a pure plan (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob,
// cleanupFinishedJobs; utils.go mostRecentScheduleTime, nextScheduleTime,
// nextScheduleTimeDuration, getJobFromTemplate2; v1.35 behaviour): the active list reconciled with
// the jobs that exist, the scheduled time due now (at most one — missed runs collapse into the
// latest, with the "too many missed start times" event beyond 100), concurrency policy,
// startingDeadlineSeconds, the job to create, old jobs to delete, when to look again.
import type { ObjectMeta } from '../../api/types.js';
import { CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION, isJobFinished, type CronJob, type CronJobStatus, type Job } from '../../api/batch.js';
import { rfc3339 } from '../../util/clock.js';
import { CronParseError, loadLocationError, parseStandard, rfc1123z, rfc3339In, type Schedule } from '../../util/cron.js';
import { ownerRefTo } from '../ownership.js';

/** nextScheduleDelta: look 100 ms after the scheduled time. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export interface CronJobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface CronJobPlan {
  /** The status after reconciling the active list (before a new job is recorded). */
  status: CronJobStatus;
  events: CronJobEvent[];
  /** Jobs to delete (Replace, then history limits), with the event each gets. */
  deleteJobs: Job[];
  /** The job due now, and its scheduled time. */
  createJob?: Job;
  scheduledTime?: number;
  /** Sync again after this many ms. */
  requeueAfterMs?: number;
}

export type MissedSchedules = 'none' | 'few' | 'many';

/** getTimeHashInMinutes: the scheduled time in minutes since the epoch. */
export const jobNameFor = (cj: CronJob, scheduled: number) => `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;

/**
 * formatSchedule + cron.ParseStandard: the schedule in the CronJob's time zone (the control plane's
 * local zone without one). Throws CronParseError.
 */
export function scheduleOf(cj: CronJob): Schedule {
  const s = cj.spec.schedule;
  if (s.includes('TZ')) return parseStandard(s);
  if (cj.spec.timeZone) return parseStandard(`TZ=${cj.spec.timeZone} ${s}`);
  return parseStandard(s);
}

/** mostRecentScheduleTime: [earliest, most recent due time or undefined, missed kind]; throws for schedules that never fire twice. */
export function mostRecentScheduleTime(cj: CronJob, now: number, sched: Schedule, includeStartingDeadline: boolean): { earliest: number; mostRecent?: number; missed: MissedSchedules } {
  let earliest = Date.parse(cj.metadata.creationTimestamp ?? '') || now;
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const sds = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadline && sds !== undefined && sds !== null) {
    const deadline = now - sds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  const t2 = t1 ? sched.next(t1) : 0;
  if (!t1 || now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) throw new CronParseError('time difference between two schedules is less than 1 second');
  const elapsed = Math.floor((now - t1) / 1000);
  const missedCount = Math.floor(elapsed / between) + 1;
  let mostRecent = 0;
  const potentialEarliest = t1 + (missedCount - 1 - 1) * between * 1000;
  for (let t = sched.next(potentialEarliest); t && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent: mostRecent || undefined, missed };
}

/** nextScheduleTimeDuration: until 100 ms after the next activation. */
export function nextScheduleDelay(cj: CronJob, now: number, sched: Schedule): number {
  let from: number;
  try {
    const r = mostRecentScheduleTime(cj, now, sched, false);
    from = r.mostRecent ?? r.earliest;
  } catch {
    from = now;
  }
  const next = sched.next(from);
  return next ? next + NEXT_SCHEDULE_DELTA_MS - now : 24 * 3_600_000;
}

/** getJobFromTemplate2: `<cronjob>-<minutes>`, the template's labels and annotations, the scheduled-timestamp annotation, owned by the CronJob. */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const tm: ObjectMeta = cj.spec.jobTemplate?.metadata ?? {};
  const annotations: Record<string, string> = { ...(tm.annotations ?? {}) };
  annotations[CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduled, cj.spec.timeZone || 'UTC');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduled),
      namespace: cj.metadata.namespace,
      ...(tm.labels ? { labels: { ...tm.labels } } : {}),
      annotations,
      ownerReferences: [ownerRefTo(cj)],
    },
    spec: structuredClone(cj.spec.jobTemplate?.spec ?? ({} as Job['spec'])),
  };
}

/** A reference in status.active (an ObjectReference). */
export function jobRef(j: Job): NonNullable<CronJobStatus['active']>[number] {
  return { apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name!, namespace: j.metadata.namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid! };
}

/** The status once the job for `scheduled` exists. */
export function recordScheduled(status: CronJobStatus, job: Job, scheduled: number): CronJobStatus {
  const active = (status.active ?? []).filter((a) => a.uid !== job.metadata.uid);
  if (!isJobFinished(job)) active.push(jobRef(job));
  return orderedStatus({ ...status, active, lastScheduleTime: rfc3339(scheduled) });
}

function orderedStatus(s: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}

const startTimeOf = (j: Job) => (j.status?.startTime ? Date.parse(j.status.startTime) : undefined);

/** removeOldestJobs: the oldest (by start time; unstarted last, then by name) beyond `limit`. */
export function oldestBeyond(jobs: Job[], limit: number): Job[] {
  const sorted = [...jobs].sort((a, b) => {
    const sa = startTimeOf(a);
    const sb = startTimeOf(b);
    if (sa === undefined && sb !== undefined) return 1;
    if (sa !== undefined && sb === undefined) return -1;
    if (sa === sb) return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
    return sa! - sb!;
  });
  return sorted.slice(0, Math.max(0, sorted.length - limit));
}

export function planCronJob(cj: CronJob, jobs: Job[], now: number): CronJobPlan {
  const events: CronJobEvent[] = [];
  const status: CronJobStatus = structuredClone(cj.status ?? {});
  let active = [...(status.active ?? [])];
  const deleteJobs: Job[] = [];
  const plan: CronJobPlan = { status, events, deleteJobs };
  const finish = (p: Partial<CronJobPlan> = {}): CronJobPlan => {
    Object.assign(plan, p);
    plan.status = orderedStatus({ ...status, active });
    // cleanupFinishedJobs: history limits over the finished jobs that remain.
    const remaining = jobs.filter((j) => !deleteJobs.includes(j));
    const limits: [number | undefined, 'Complete' | 'Failed'][] = [
      [cj.spec.successfulJobsHistoryLimit, 'Complete'],
      [cj.spec.failedJobsHistoryLimit, 'Failed'],
    ];
    for (const [limit, type] of limits) {
      if (limit === undefined || limit === null) continue;
      for (const j of oldestBeyond(remaining.filter((x) => isJobFinished(x) === type), limit)) {
        deleteJobs.push(j);
        plan.status.active = (plan.status.active ?? []).filter((a) => a.uid !== j.metadata.uid);
        if (!plan.status.active.length) delete plan.status.active;
      }
    }
    return plan;
  };

  const inActive = (uid: string | undefined) => active.some((a) => a.uid === uid);
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata.uid!);
    const finished = isJobFinished(j);
    const found = inActive(j.metadata.uid);
    if (!found && !finished) {
      events.push({ type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${j.metadata.name}` });
    } else if (found && finished) {
      active = active.filter((a) => a.uid !== j.metadata.uid);
      events.push({ type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${j.metadata.name}, condition: ${finished}` });
    }
    if (finished === 'Complete' && j.status?.completionTime) {
      const t = Date.parse(j.status.completionTime);
      if (!status.lastSuccessfulTime || t > Date.parse(status.lastSuccessfulTime)) status.lastSuccessfulTime = j.status.completionTime;
    }
  }
  for (const a of [...active]) {
    if (children.has(a.uid)) continue;
    events.push({ type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${a.name}` });
    active = active.filter((x) => x.uid !== a.uid);
  }
  if (cj.metadata.deletionTimestamp) return finish();

  if (cj.spec.timeZone) {
    const err = loadLocationError(cj.spec.timeZone);
    if (err) {
      events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: `invalid timeZone: ${JSON.stringify(cj.spec.timeZone)}: ${err}` });
      return finish();
    }
  }
  if (cj.spec.suspend) return finish();
  let sched: Schedule;
  try {
    if (cj.spec.schedule.includes('TZ')) {
      events.push({
        type: 'Warning',
        reason: 'UnsupportedSchedule',
        message: `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      });
    }
    sched = scheduleOf(cj);
  } catch (e) {
    events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${(e as Error).message}` });
    return finish();
  }
  let due: number | undefined;
  try {
    const r = mostRecentScheduleTime({ ...cj, status: { ...status, active } }, now, sched, true);
    due = r.mostRecent !== undefined && r.mostRecent <= now ? r.mostRecent : undefined;
    if (due !== undefined && r.missed === 'many') {
      events.push({ type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
    }
  } catch (e) {
    events.push({ type: 'Warning', reason: 'InvalidSchedule', message: `invalid schedule: ${cj.spec.schedule} : ${(e as Error).message}` });
    return finish();
  }
  const requeueAfterMs = nextScheduleDelay({ ...cj, status: { ...status, active } }, now, sched);
  if (due === undefined) return finish({ requeueAfterMs });
  const sds = cj.spec.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null && due + sds * 1000 < now) {
    events.push({ type: 'Warning', reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${rfc1123z(due)}` });
    return finish({ requeueAfterMs });
  }
  const name = jobNameFor(cj, due);
  if (active.some((a) => a.name === name) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === due)) return finish({ requeueAfterMs });
  if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    events.push({ type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return finish({ requeueAfterMs });
  }
  if (cj.spec.concurrencyPolicy === 'Replace') {
    for (const a of active) {
      const j = jobs.find((x) => x.metadata.uid === a.uid);
      if (j) deleteJobs.push(j);
    }
    active = [];
  }
  return finish({ createJob: jobFromTemplate(cj, due), scheduledTime: due, requeueAfterMs });
}
