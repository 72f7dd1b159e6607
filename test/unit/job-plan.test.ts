// The Job controller's pure sync (pkg/controller/job/job_controller_test.go TestControllerSyncJob,
// TestTrackJobStatusAndRemoveFinalizers, TestSyncJobPastDeadline, TestPastDeadlineJobFinished,
// TestJobPodFailurePolicy, backoff_utils_test.go; cases re-expressed, not copied).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { defaultJob, generateJobSelector, JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER, type Job } from '../../src/api/batch.js';
import { planJob, podGenerateNameWithIndex, type JobPlan } from '../../src/controllers/job/plan.js';
import { nextBackoffRecord, remainingBackoff } from '../../src/controllers/job/backoff.js';
import { firstPendingIndexes, formatIndexes, parseIndexes, withIndexes } from '../../src/controllers/job/indexes.js';
import { matchPodFailurePolicy } from '../../src/controllers/job/pods.js';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function job(spec: Record<string, unknown> = {}, status: Job['status'] = undefined, meta: Record<string, unknown> = {}): Job {
  const j = defaultJob({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'foobar', namespace: 'default', uid: 'job-uid', creationTimestamp: iso(NOW - 60_000), ...meta },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } }, ...spec },
  }) as Job;
  generateJobSelector(j);
  if (status) j.status = status;
  return j;
}

let seq = 0;
function pod(phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed', o: { finalizer?: boolean; index?: number; deleting?: boolean; ready?: boolean; finishedAt?: number; exitCode?: number; restarts?: number; uid?: string } = {}): Pod {
  const n = seq++;
  const annotations = o.index !== undefined ? { [JOB_COMPLETION_INDEX_ANNOTATION]: String(o.index) } : undefined;
  const terminated = phase === 'Succeeded' || phase === 'Failed' ? { exitCode: o.exitCode ?? (phase === 'Failed' ? 1 : 0), finishedAt: iso(o.finishedAt ?? NOW - 1000) } : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `foobar-${n}`,
      namespace: 'default',
      uid: o.uid ?? `pod-${n}`,
      creationTimestamp: iso(NOW - 30_000 + n),
      labels: { 'batch.kubernetes.io/controller-uid': 'job-uid' },
      ...(annotations ? { annotations } : {}),
      ...(o.finalizer !== false ? { finalizers: [JOB_TRACKING_FINALIZER] } : {}),
      ...(o.deleting ? { deletionTimestamp: iso(NOW - 500) } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: 'job-uid', controller: true }],
    },
    spec: { containers: [{ name: 'c', image: 'busybox' }], nodeName: 'kbx' },
    status: {
      phase,
      conditions: o.ready ? [{ type: 'Ready', status: 'True' }] : [],
      containerStatuses: [
        { name: 'c', ready: !!o.ready, restartCount: o.restarts ?? 0, image: 'busybox', imageID: '', state: terminated ? { terminated } : { running: {} }, lastState: {} } as never,
      ],
    },
  };
}

const pods = (n: number, phase: Parameters<typeof pod>[0], o: Parameters<typeof pod>[1] = {}) => Array.from({ length: n }, () => pod(phase, o));
const types = (p: JobPlan) => (p.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);

describe('planJob: pods to create and delete (TestControllerSyncJob)', () => {
  const cases: { name: string; spec: Record<string, unknown>; pods: Pod[]; status?: Job['status']; create: number; del: number; active: number }[] = [
    { name: 'job start', spec: { parallelism: 2, completions: 5 }, pods: [], create: 2, del: 0, active: 2 },
    { name: 'WQ job start (completions unset)', spec: { parallelism: 2 }, pods: [], create: 2, del: 0, active: 2 },
    { name: 'correct # of pods', spec: { parallelism: 2, completions: 5 }, pods: pods(2, 'Running', { ready: true }), create: 0, del: 0, active: 2 },
    { name: 'too few active pods', spec: { parallelism: 2, completions: 5 }, pods: [...pods(1, 'Running'), ...pods(1, 'Succeeded')], create: 1, del: 0, active: 2 },
    { name: 'too many active pods', spec: { parallelism: 2, completions: 5 }, pods: pods(3, 'Running'), create: 0, del: 1, active: 2 },
    { name: 'never more than the remaining completions', spec: { parallelism: 5, completions: 3 }, pods: pods(2, 'Succeeded', { finalizer: false }), status: { succeeded: 2 }, create: 1, del: 0, active: 1 },
    { name: 'WQ job: once one succeeded, no new pods', spec: { parallelism: 2 }, pods: [...pods(1, 'Running'), ...pods(1, 'Succeeded')], create: 0, del: 0, active: 1 },
    { name: 'pending pods count as active', spec: { parallelism: 2, completions: 5 }, pods: pods(2, 'Pending'), create: 0, del: 0, active: 2 },
    { name: 'a deleted pod counts as failed: its replacement waits for the backoff', spec: { parallelism: 1, completions: 5 }, pods: pods(1, 'Running', { deleting: true }), create: 0, del: 0, active: 0 },
    { name: 'parallelism 0 creates nothing', spec: { parallelism: 0, completions: 5 }, pods: [], create: 0, del: 0, active: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = planJob({ job: job(c.spec, c.status), pods: c.pods, now: NOW });
      expect(p.createPods.length).toBe(c.create);
      expect(p.deletePods.length).toBe(c.del);
      expect(p.status?.active ?? 0).toBe(c.active);
    });
  }

  it('new pods carry the template, the tracking finalizer and a controller reference', () => {
    const p = planJob({ job: job({ parallelism: 1, completions: 1 }), pods: [], now: NOW });
    const created = p.createPods[0]!;
    expect(created.metadata.generateName).toBe('foobar-');
    expect(created.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(created.metadata.labels).toMatchObject({ 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'foobar', 'controller-uid': 'job-uid', 'job-name': 'foobar' });
    expect(created.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: 'job-uid', controller: true, blockOwnerDeletion: true }]);
    expect(p.status?.startTime).toBe(iso(NOW));
  });
});

describe('planJob: counting through uncountedTerminatedPods (TestTrackJobStatusAndRemoveFinalizers)', () => {
  it('a finished pod is recorded as uncounted first, its finalizer removed after the write', () => {
    const done = pod('Succeeded');
    const p = planJob({ job: job({ completions: 2, parallelism: 1 }), pods: [done], now: NOW });
    expect(p.status?.uncountedTerminatedPods).toEqual({ succeeded: [done.metadata.uid] });
    expect(p.status?.succeeded).toBeUndefined();
    expect(p.removeFinalizers).toEqual([done]);
  });

  it('an uncounted pod whose finalizer is gone is counted, once', () => {
    const done = pod('Succeeded', { finalizer: false });
    const p = planJob({ job: job({ completions: 2, parallelism: 1 }, { uncountedTerminatedPods: { succeeded: [done.metadata.uid!] } }), pods: [done], now: NOW });
    expect(p.status?.succeeded).toBe(1);
    expect(p.status?.uncountedTerminatedPods).toEqual({});
    expect(p.removeFinalizers).toEqual([]);
  });

  it('after a restart between the status write and the finalizer removal, the pod is not counted twice', () => {
    const done = pod('Succeeded');
    const j = job({ completions: 2, parallelism: 1 }, { startTime: iso(NOW - 5000), active: 1, terminating: 0, uncountedTerminatedPods: { succeeded: [done.metadata.uid!] }, ready: 0 });
    const p = planJob({ job: j, pods: [done, pod('Running')], now: NOW });
    expect(p.status).toBeUndefined(); // nothing new to record
    expect(p.removeFinalizers).toEqual([done]);
  });

  it('a pod without the finalizer and not uncounted was already counted', () => {
    const p = planJob({ job: job({ completions: 3, parallelism: 1 }, { succeeded: 1, startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: [pod('Succeeded', { finalizer: false })], now: NOW });
    expect(p.status?.succeeded).toBe(1);
    expect(p.createPods.length).toBe(1);
  });

  it('an uncounted pod that is gone altogether is counted', () => {
    const p = planJob({ job: job({ completions: 3, parallelism: 1 }, { uncountedTerminatedPods: { failed: ['gone'] } }), pods: [], now: NOW });
    expect(p.status?.failed).toBe(1);
  });
});

describe('planJob: completion', () => {
  it('enough successes: SuccessCriteriaMet and Complete, completionTime, Completed event', () => {
    const p = planJob({ job: job({ completions: 2, parallelism: 2 }, { succeeded: 2, startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: pods(2, 'Succeeded', { finalizer: false }), now: NOW });
    expect(types(p)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(p.status?.conditions?.[1]).toMatchObject({ reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(p.status?.completionTime).toBe(iso(NOW));
    expect(p.events).toEqual([{ type: 'Normal', reason: 'Completed', message: 'Job completed' }]);
  });

  it('SuccessCriteriaMet at once, Complete only when nothing is left uncounted', () => {
    const p = planJob({ job: job({ completions: 1, parallelism: 1 }), pods: [pod('Succeeded')], now: NOW });
    expect(types(p)).toEqual(['SuccessCriteriaMet']);
    expect(p.events).toEqual([]);
  });

  it('WQ job completes when one succeeded and none is active', () => {
    const p = planJob({ job: job({ parallelism: 2 }, { succeeded: 1, failed: 1, startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: [], now: NOW });
    expect(types(p)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  it('a finished job only releases its pods, and is deleted after its TTL', () => {
    const finished = job({ completions: 1, ttlSecondsAfterFinished: 10 }, { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: iso(NOW - 11_000) }] });
    const stray = pod('Succeeded');
    const p = planJob({ job: finished, pods: [stray], now: NOW });
    expect(p.removeFinalizers).toEqual([stray]);
    expect(p.deleteJob).toBe(true);
    const early = planJob({ job: finished, pods: [], now: NOW - 5000 });
    expect(early.deleteJob).toBeUndefined();
    expect(early.requeueAfterMs).toBe(4000);
  });
});

describe('planJob: failure (backoffLimit, activeDeadlineSeconds)', () => {
  it('failures beyond backoffLimit: FailureTarget, active pods deleted, Failed once none is left', () => {
    const running = pod('Running');
    const p = planJob({ job: job({ completions: 5, parallelism: 2, backoffLimit: 1 }, { failed: 2, startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: [running], now: NOW });
    expect(types(p)).toEqual(['FailureTarget']);
    expect(p.status?.conditions?.[0]).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(p.deletePods).toEqual([running]);
    expect(p.status?.terminating).toBe(1);
    const after = planJob({ job: job({ completions: 5, parallelism: 2, backoffLimit: 1 }, p.status), pods: [], now: NOW + 1000 });
    expect(types(after)).toEqual(['FailureTarget', 'Failed']);
    expect(after.status?.completionTime).toBeUndefined();
    expect(after.events).toEqual([{ type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]);
  });

  it('backoffLimit 0 and one failure fails the job', () => {
    const p = planJob({ job: job({ backoffLimit: 0 }, { failed: 1, startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: [], now: NOW });
    expect(types(p)).toEqual(['FailureTarget', 'Failed']);
  });

  it('restartPolicy OnFailure: container restarts count against backoffLimit', () => {
    const j = job({ backoffLimit: 2, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } }, { startTime: iso(NOW - 5000), uncountedTerminatedPods: {} });
    expect(types(planJob({ job: j, pods: [pod('Running', { restarts: 1 })], now: NOW }))).toEqual([]);
    expect(types(planJob({ job: j, pods: [pod('Running', { restarts: 2 })], now: NOW }))).toEqual(['FailureTarget']);
  });

  it('activeDeadlineSeconds passed: DeadlineExceeded; not yet: look again when it passes', () => {
    const j = (start: number) => job({ completions: 1, activeDeadlineSeconds: 10 }, { startTime: iso(start), uncountedTerminatedPods: {} });
    const late = planJob({ job: j(NOW - 10_000), pods: [pod('Running')], now: NOW });
    expect(late.status?.conditions?.[0]).toMatchObject({ type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    const early = planJob({ job: j(NOW - 4000), pods: [pod('Running')], now: NOW });
    expect(early.requeueAfterMs).toBe(6000);
  });

  it('a failed pod is replaced only after the backoff (10 s after the first failure)', () => {
    const failed = pod('Failed', { finishedAt: NOW - 3000 });
    const p = planJob({ job: job({ completions: 1, parallelism: 1 }), pods: [failed], now: NOW });
    expect(p.createPods.length).toBe(0);
    expect(p.requeueAfterMs).toBe(7000);
    expect(p.backoff).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: NOW - 3000 });
    const later = planJob({ job: job({ completions: 1, parallelism: 1 }, p.status), pods: [{ ...failed, metadata: { ...failed.metadata, finalizers: undefined } }], now: NOW + 7000, backoff: p.backoff });
    expect(later.createPods.length).toBe(1);
  });
});

describe('backoff (backoff_utils.go)', () => {
  it('10 s doubling per failure after the last success, capped at 6 minutes', () => {
    const rec = (n: number) => ({ failuresAfterLastSuccess: n, lastFailureTime: NOW });
    expect(remainingBackoff(rec(0), NOW)).toBe(0);
    expect(remainingBackoff(rec(1), NOW)).toBe(10_000);
    expect(remainingBackoff(rec(2), NOW)).toBe(20_000);
    expect(remainingBackoff(rec(3), NOW)).toBe(40_000);
    expect(remainingBackoff(rec(6), NOW)).toBe(320_000);
    expect(remainingBackoff(rec(7), NOW)).toBe(360_000);
    expect(remainingBackoff(rec(30), NOW)).toBe(360_000);
    expect(remainingBackoff(rec(2), NOW + 15_000)).toBe(5000);
    expect(remainingBackoff(rec(2), NOW + 25_000)).toBe(0);
  });

  it('a success resets the count; failures after it are counted from it', () => {
    const s = pod('Succeeded', { finishedAt: NOW - 5000 });
    const f1 = pod('Failed', { finishedAt: NOW - 6000 });
    const f2 = pod('Failed', { finishedAt: NOW - 2000 });
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTime: NOW - 9000 }, [s], [f1, f2], NOW)).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: NOW - 2000 });
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTime: NOW - 9000 }, [s], [], NOW)).toEqual({ failuresAfterLastSuccess: 0 });
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 1, lastFailureTime: NOW - 9000 }, [], [f1, f2], NOW)).toEqual({ failuresAfterLastSuccess: 3, lastFailureTime: NOW - 2000 });
  });
});

describe('planJob: suspend', () => {
  it('suspending deletes the active pods and sets Suspended', () => {
    const running = pods(2, 'Running');
    const p = planJob({ job: job({ completions: 4, parallelism: 2, suspend: true }, { startTime: iso(NOW - 5000), uncountedTerminatedPods: {} }), pods: running, now: NOW });
    expect(p.deletePods).toEqual(running);
    expect(p.status?.conditions).toEqual([{ type: 'Suspended', status: 'True', lastProbeTime: iso(NOW), lastTransitionTime: iso(NOW), reason: 'JobSuspended', message: 'Job suspended' }]);
    expect(p.events).toEqual([{ type: 'Normal', reason: 'Suspended', message: 'Job suspended' }]);
  });

  it('a job created suspended gets no startTime; resuming sets it and says so', () => {
    const created = planJob({ job: job({ completions: 1, suspend: true }), pods: [], now: NOW });
    expect(created.status?.startTime).toBeUndefined();
    expect(created.createPods.length).toBe(0);
    const resumed = planJob({ job: job({ completions: 1, suspend: false }, created.status), pods: [], now: NOW + 60_000 });
    expect(resumed.status?.startTime).toBe(iso(NOW + 60_000));
    expect(resumed.status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(resumed.events).toEqual([{ type: 'Normal', reason: 'Resumed', message: 'Job resumed' }]);
    expect(resumed.createPods.length).toBe(1);
  });
});

describe('planJob: Indexed completion mode', () => {
  const indexed = (st?: Job['status'], extra: Record<string, unknown> = {}) => job({ completionMode: 'Indexed', completions: 5, parallelism: 3, ...extra }, st);

  it('creates the lowest pending indexes with the annotation, label, env and hostname', () => {
    const p = planJob({ job: indexed({ completedIndexes: '1', succeeded: 1, uncountedTerminatedPods: {} }), pods: [pod('Running', { index: 0 })], now: NOW });
    expect(p.createPods.map((x) => x.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION])).toEqual(['2', '3']);
    const c = p.createPods[0]!;
    expect(c.metadata.generateName).toBe('foobar-2-');
    expect(c.metadata.labels?.[JOB_COMPLETION_INDEX_ANNOTATION]).toBe('2');
    expect(c.spec.hostname).toBe('foobar-2');
    expect(c.spec.containers[0]!.env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
  });

  it('succeeded indexes go to completedIndexes (no uids), duplicates and out-of-range indexes are deleted', () => {
    const p = planJob({ job: indexed({ completedIndexes: '0', succeeded: 1, uncountedTerminatedPods: {} }), pods: [pod('Succeeded', { index: 3 }), pod('Running', { index: 1 }), pod('Running', { index: 1 }), pod('Running', { index: 7 })], now: NOW });
    expect(p.status?.completedIndexes).toBe('0,3');
    expect(p.status?.succeeded).toBe(2);
    expect(p.status?.uncountedTerminatedPods).toEqual({});
    expect(p.deletePods.map((x) => x.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION]).sort()).toEqual(['1', '7']);
  });

  it('interval helpers: parse, merge, format, first pending', () => {
    expect(formatIndexes(parseIndexes('0,1,2,5-7,9', 8))).toBe('0-2,5-7');
    expect(formatIndexes(withIndexes(parseIndexes('1,3-5', 10), [2, 8, 6]))).toBe('1-6,8');
    expect(firstPendingIndexes(parseIndexes('0,2', 6), new Set([1, 3]), 3, 6)).toEqual([4, 5]);
    expect(podGenerateNameWithIndex('a'.repeat(60), 12)).toBe('a'.repeat(54) + '-12-');
  });
});

describe('podFailurePolicy (pod_failure_policy.go)', () => {
  const rules = [
    { action: 'Ignore' as const, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    { action: 'FailJob' as const, onExitCodes: { containerName: 'c', operator: 'In' as const, values: [42] } },
    { action: 'Count' as const, onExitCodes: { operator: 'NotIn' as const, values: [1, 2] } },
  ];

  it('matches exit codes and conditions in rule order', () => {
    expect(matchPodFailurePolicy(rules, pod('Failed', { exitCode: 42 }))).toMatchObject({ action: 'FailJob', countFailed: true });
    expect(matchPodFailurePolicy(rules, pod('Failed', { exitCode: 7 }))).toEqual({ action: 'Count', countFailed: true });
    expect(matchPodFailurePolicy(rules, pod('Failed', { exitCode: 1 }))).toEqual({ countFailed: true });
    const disrupted = pod('Failed', { exitCode: 42 });
    disrupted.status!.conditions = [{ type: 'DisruptionTarget', status: 'True' }];
    expect(matchPodFailurePolicy(rules, disrupted)).toEqual({ action: 'Ignore', countFailed: false });
  });

  it('FailJob fails the job with the rule in the message; Ignore does not count', () => {
    const j = job({ completions: 1, backoffLimit: 6, podFailurePolicy: { rules }, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } });
    const bad = pod('Failed', { exitCode: 42 });
    const p = planJob({ job: j, pods: [bad], now: NOW });
    expect(p.status?.conditions?.[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'PodFailurePolicy',
      message: `Container c for pod default/${bad.metadata.name} failed with exit code 42 matching FailJob rule at index 1`,
    });
    const disrupted = pod('Failed', { exitCode: 42 });
    disrupted.status!.conditions = [{ type: 'DisruptionTarget', status: 'True' }];
    const q = planJob({ job: j, pods: [disrupted], now: NOW });
    expect(q.status?.uncountedTerminatedPods).toEqual({});
    expect(q.removeFinalizers).toEqual([disrupted]);
  });
});
