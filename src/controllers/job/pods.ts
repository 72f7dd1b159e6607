// What the Job controller reads off its pods (pkg/controller/job/job_controller.go and
// pod_failure_policy.go): finished or not, failed as the job counts it, the completion index, when
// it finished, and which podFailurePolicy rule matches a failed pod.
import type { Pod } from '../../api/types.js';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER, type Job, type PodFailurePolicyRule } from '../../api/batch.js';

export const hasTrackingFinalizer = (p: Pod) => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);

/** Pods that will not be replaced while terminating: podReplacementPolicy Failed. */
export const onlyReplaceFailedPods = (job: Job) => job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy;

/**
 * isPodFailed: phase Failed, or deleted before it succeeded. (Upstream, podReplacementPolicy Failed
 * waits for the kubelet's Failed phase of a deleted pod; kbx's kubelet removes a deleted pod without
 * setting a phase, so a deleted pod counts as failed under both policies — with Failed, its
 * replacement still waits until it is gone.)
 */
export function isPodFailed(p: Pod, _job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  return !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

export const isPodSucceeded = (p: Pod) => p.status?.phase === 'Succeeded';

/** controller.FilterActivePods: not terminal and not being deleted. */
export function isActive(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

/** Being deleted and not terminal (status.terminating). */
export function isTerminating(p: Pod): boolean {
  return !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

export function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** getCompletionIndex: the annotation as a non-negative integer, or -1. */
export function completionIndex(p: Pod): number {
  const v = p.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION] ?? p.metadata.labels?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return -1;
  return Number(v);
}

/** getFinishedTime: the latest container finish, else the deletion time, else `now`. */
export function finishedTime(p: Pod, now: number): number {
  let t: number | undefined;
  for (const cs of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) {
    const f = (cs.state as { terminated?: { finishedAt?: string } } | undefined)?.terminated?.finishedAt;
    const ms = f ? Date.parse(f) : NaN;
    if (!Number.isNaN(ms) && (t === undefined || ms > t)) t = ms;
  }
  if (t !== undefined) return t;
  if (p.metadata.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp);
  return now;
}

export interface PolicyMatch {
  /** The FailureTarget message when the matching rule is FailJob. */
  failJobMessage?: string;
  /** Whether the failure counts against backoffLimit. */
  countFailed: boolean;
  action?: PodFailurePolicyRule['action'];
}

interface TerminatedStatus {
  name: string;
  state?: { terminated?: { exitCode?: number } };
}

/** matchPodFailurePolicy: the first rule matching the failed pod's exit codes or conditions. */
export function matchPodFailurePolicy(rules: PodFailurePolicyRule[], pod: Pod): PolicyMatch {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])] as unknown as TerminatedStatus[];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    let matched: string | undefined;
    if (r.onExitCodes) {
      const req = r.onExitCodes;
      const cs = statuses.find((s) => {
        const code = s.state?.terminated?.exitCode;
        if (code === undefined || code === 0) return false;
        if (req.containerName && req.containerName !== s.name) return false;
        const inValues = req.values.includes(code);
        return req.operator === 'In' ? inValues : !inValues;
      });
      if (cs) matched = `Container ${cs.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${cs.state!.terminated!.exitCode} matching ${r.action} rule at index ${i}`;
    } else if (r.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((c) => r.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (cond) matched = `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${cond.type} matching ${r.action} rule at index ${i}`;
    }
    if (matched === undefined) continue;
    switch (r.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' };
      case 'FailJob':
        return { failJobMessage: matched, countFailed: true, action: 'FailJob' };
    }
  }
  return { countFailed: true };
}
