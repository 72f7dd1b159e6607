// batch/v1 Job and CronJob shapes, well-known label/annotation/finalizer keys and defaults
// (k8s.io/api/batch/v1 types.go; pkg/apis/batch/v1/defaults.go SetDefaults_Job, SetDefaults_CronJob).
import type { KObject, ObjectMeta, Pod, PodSpec } from './types.js';
import { defaultPodTemplate } from './defaults-apps.js';

type Obj = Record<string, any>;
const isUnset = (v: unknown): boolean => v === undefined || v === null;

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
export const CRONJOB_INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status?: string }[];
}

export interface JobSpec {
  parallelism?: number;
  completions?: number | null;
  activeDeadlineSeconds?: number;
  podFailurePolicy?: { rules: PodFailurePolicyRule[] };
  backoffLimit?: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  manualSelector?: boolean;
  template: { metadata?: ObjectMeta; spec: PodSpec };
  ttlSecondsAfterFinished?: number;
  completionMode?: 'NonIndexed' | 'Indexed';
  suspend?: boolean;
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  successPolicy?: unknown;
  managedBy?: string;
}

export interface JobCondition {
  type: 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet' | string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  completedIndexes?: string;
  failedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  ready?: number;
}

export interface Job extends KObject {
  spec: JobSpec;
  status?: JobStatus;
}

export interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  suspend?: boolean;
  jobTemplate: { metadata?: ObjectMeta; spec: JobSpec };
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
}

export interface CronJobStatus {
  active?: { apiVersion?: string; kind?: string; name: string; namespace?: string; uid: string; resourceVersion?: string }[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

export interface CronJob extends KObject {
  spec: CronJobSpec;
  status?: CronJobStatus;
}

export type { Pod };

// Rebuilds `obj` with `order` first (when present), then the remaining keys as they were.
function ordered(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

const JOB_SPEC_ORDER = [
  'parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex',
  'maxFailedIndexes', 'selector', 'manualSelector', 'template', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy',
];

/**
 * SetDefaults_Job: completions and parallelism 1 when both are unset (parallelism 1 when only it is),
 * backoffLimit 6 (MaxInt32 with backoffLimitPerIndex), the job's labels from the template when it
 * has none, completionMode NonIndexed, suspend false, podReplacementPolicy (Failed with a
 * podFailurePolicy, else TerminatingOrFailed), onPodConditions status True; the pod template as
 * any pod template.
 */
export function defaultJobSpec(spec: Obj): Obj {
  const s = structuredClone(spec ?? {}) as Obj;
  if (isUnset(s.completions) && isUnset(s.parallelism)) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (isUnset(s.parallelism)) s.parallelism = 1;
  if (isUnset(s.backoffLimit)) s.backoffLimit = isUnset(s.backoffLimitPerIndex) ? 6 : 2147483647;
  if (isUnset(s.completionMode)) s.completionMode = 'NonIndexed';
  if (isUnset(s.suspend)) s.suspend = false;
  if (isUnset(s.podReplacementPolicy)) s.podReplacementPolicy = s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const r of (s.podFailurePolicy?.rules ?? []) as Obj[]) {
    for (const c of (r?.onPodConditions ?? []) as Obj[]) if (c && isUnset(c.status)) c.status = 'True';
  }
  if (s.template !== undefined) s.template = defaultPodTemplate(s.template);
  return ordered(s, JOB_SPEC_ORDER);
}

export function defaultJob<T extends KObject>(job: T): T {
  const out = structuredClone(job);
  out.spec = defaultJobSpec(out.spec ?? {});
  const tl = out.spec.template?.metadata?.labels;
  if ((!out.metadata.labels || !Object.keys(out.metadata.labels).length) && tl && Object.keys(tl).length) out.metadata.labels = { ...tl };
  return out;
}

/** SetDefaults_CronJob: concurrencyPolicy Allow, suspend false, history limits 3 and 1; the job's pod template defaulted. */
export function defaultCronJob<T extends KObject>(cj: T): T {
  const out = structuredClone(cj);
  const s: Obj = out.spec ?? {};
  if (isUnset(s.concurrencyPolicy)) s.concurrencyPolicy = 'Allow';
  if (isUnset(s.suspend)) s.suspend = false;
  if (isUnset(s.successfulJobsHistoryLimit)) s.successfulJobsHistoryLimit = 3;
  if (isUnset(s.failedJobsHistoryLimit)) s.failedJobsHistoryLimit = 1;
  const jt: Obj | undefined = s.jobTemplate;
  if (jt?.spec?.template !== undefined) jt.spec.template = defaultPodTemplate(jt.spec.template);
  out.spec = ordered(s, ['schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']);
  return out;
}

/**
 * The job strategy's generateSelector (pkg/registry/batch/job/strategy.go): without
 * manualSelector, the template gets the job-name and controller-uid labels (new and legacy keys,
 * unless already set) and the selector matches `batch.kubernetes.io/controller-uid=<uid>`.
 */
export function generateJobSelector(job: KObject): void {
  const spec = job.spec as Obj;
  if (spec.manualSelector === true) return;
  spec.template = spec.template ?? {};
  spec.template.metadata = spec.template.metadata ?? {};
  const labels: Record<string, string> = (spec.template.metadata.labels = spec.template.metadata.labels ?? {});
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = job.metadata.name ?? '';
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = job.metadata.uid ?? '';
  spec.selector = spec.selector ?? {};
  spec.selector.matchLabels = spec.selector.matchLabels ?? {};
  if (!(CONTROLLER_UID_LABEL in spec.selector.matchLabels)) spec.selector.matchLabels[CONTROLLER_UID_LABEL] = job.metadata.uid ?? '';
}

export function isJobFinished(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}
