// batch/v1 defaults, the generated selector, validation messages (pkg/apis/batch/validation
// validation_test.go cases), and kubectl's columns and describe for Jobs and CronJobs.
import { describe, expect, it } from 'vitest';
import { aggregateMessage } from '../../src/api/field-errors.js';
import { defaultCronJob, defaultJob, generateJobSelector, type Job } from '../../src/api/batch.js';
import { validateCronJob, validateJob, validateJobUpdate } from '../../src/api/validation-batch.js';
import { printCronJob, printJob } from '../../src/printers/columns-batch.js';
import { describeCronJob, describeJob } from '../../src/printers/describe-batch.js';
import type { KObject } from '../../src/api/types.js';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function created(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Job {
  const j = defaultJob({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'u-1', creationTimestamp: iso(NOW - 120_000), ...meta },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } }, ...spec },
  } as KObject) as Job;
  generateJobSelector(j);
  return j;
}

describe('Job defaults and the generated selector', () => {
  it('SetDefaults_Job and generateSelector', () => {
    const j = created({});
    expect(j.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect(j.spec.template.metadata?.labels).toEqual({ 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'batch.kubernetes.io/controller-uid': 'u-1' });
    expect(created({ parallelism: 3 }).spec.completions).toBeUndefined();
    expect(validateJob(j)).toEqual([]);
  });
});

describe('Job validation messages', () => {
  const msg = (j: Job) => aggregateMessage(validateJob(j));
  it('restartPolicy must be OnFailure or Never', () => {
    expect(msg(created({ template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } }))).toBe('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });
  it('negative counts', () => {
    expect(msg(created({ parallelism: -1, completions: 1 }))).toBe('spec.parallelism: Invalid value: -1: must be greater than or equal to 0');
    expect(msg(created({ backoffLimit: -1 }))).toBe('spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0');
    expect(msg(created({ activeDeadlineSeconds: -1 }))).toBe('spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0');
  });
  it('Indexed needs completions', () => {
    expect(msg(created({ completionMode: 'Indexed', parallelism: 2 }))).toBe('spec.completions: Required value: when completion mode is Indexed');
    expect(msg(created({ completionMode: 'Sequential' }))).toBe('spec.completionMode: Unsupported value: "Sequential": supported values: "NonIndexed", "Indexed"');
  });
  it('a selector without manualSelector is not the generated one', () => {
    const j = created({ selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } });
    expect(msg(j)).toBe('spec.selector: Invalid value: {"matchLabels":{"app":"x","batch.kubernetes.io/controller-uid":"u-1"}}: `selector` not auto-generated');
  });
  it('manualSelector: the selector must match the template', () => {
    const j = created({ manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } });
    expect(msg(j)).toBe('spec.template.metadata.labels: Invalid value: {"app":"y"}: `selector` does not match template `labels`');
  });
  it('podFailurePolicy needs restartPolicy Never', () => {
    const j = created({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] }, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } });
    expect(msg(j)).toBe('spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified');
  });
  it('what kbx does not implement is refused, not ignored', () => {
    expect(msg(created({ successPolicy: { rules: [] } }))).toBe('spec.successPolicy: Forbidden: not supported by kbx');
  });
  it('updates: template, selector and completions are immutable', () => {
    const old = created({ completions: 3 });
    const changed = structuredClone(old);
    changed.spec.completions = 4;
    changed.spec.template.spec.containers[0]!.image = 'perl:2';
    expect(aggregateMessage(validateJobUpdate(changed, old))).toBe('[spec.completions: Invalid value: 4: field is immutable, spec.template: Invalid value: field is immutable]');
    const suspended = structuredClone(old);
    suspended.spec.suspend = true;
    expect(validateJobUpdate(suspended, old)).toEqual([]);
  });
});

describe('CronJob defaults and validation messages', () => {
  const cj = (spec: Record<string, unknown>, name = 'hello') =>
    defaultCronJob({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name, namespace: 'default' },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } }, ...spec },
    } as KObject);
  const msg = (o: KObject) => aggregateMessage(validateCronJob(o));
  it('defaults', () => {
    expect(cj({}).spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(msg(cj({}))).toBe('');
  });
  it('schedule, TZ, time zone, policy, name length', () => {
    expect(msg(cj({ schedule: 'TZ=UTC 0 * * * *' }))).toBe('spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(msg(cj({ schedule: '@every' }))).toBe('spec.schedule: Invalid value: "@every": unrecognized descriptor: @every');
    expect(msg(cj({ timeZone: 'Not/AZone' }))).toBe('spec.timeZone: Invalid value: "Not/AZone": unknown time zone Not/AZone');
    expect(msg(cj({ timeZone: 'Local' }))).toBe('spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
    expect(msg(cj({ timeZone: 'Europe/Paris' }))).toBe('');
    expect(msg(cj({ concurrencyPolicy: 'Sometimes' }))).toBe('spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"');
    expect(msg(cj({}, 'a'.repeat(53)))).toBe(`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`);
    expect(msg(cj({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } }))).toBe(
      'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });
});

describe('kubectl get jobs / cronjobs (printJob, printCronJob)', () => {
  it('STATUS, COMPLETIONS, DURATION, AGE and the wide columns', () => {
    const j = created({ completions: 3 });
    j.status = { startTime: iso(NOW - 65_000), succeeded: 1 };
    expect(printJob(j, NOW).cells).toEqual(['pi', 'Running', '1/3', '65s', '2m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u-1']);
    j.status = { startTime: iso(NOW - 65_000), completionTime: iso(NOW - 5000), succeeded: 3, conditions: [{ type: 'Complete', status: 'True' }] };
    expect(printJob(j, NOW).cells.slice(1, 4)).toEqual(['Complete', '3/3', '60s']);
    const wq = created({ parallelism: 3 });
    expect(printJob(wq, NOW).cells.slice(1, 4)).toEqual(['Running', '0/1 of 3', '']);
    wq.status = { conditions: [{ type: 'Suspended', status: 'True' }] };
    expect(printJob(wq, NOW).cells[1]).toBe('Suspended');
    wq.status = { conditions: [{ type: 'FailureTarget', status: 'True' }] };
    expect(printJob(wq, NOW).cells[1]).toBe('FailureTarget');
  });

  it('SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE', () => {
    const cj = defaultCronJob({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', creationTimestamp: iso(NOW - 3_600_000) },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } },
    } as KObject);
    expect(printCronJob(cj, NOW).cells).toEqual(['hello', '*/5 * * * *', '<none>', 'False', 0, '<none>', '60m', 'c', 'busybox', '<none>']);
    cj.spec.timeZone = 'Etc/UTC';
    cj.status = { active: [{ name: 'x', uid: 'y' }], lastScheduleTime: iso(NOW - 90_000) };
    expect(printCronJob(cj, NOW).cells.slice(2, 6)).toEqual(['Etc/UTC', 'False', 1, '90s']);
  });
});

describe('kubectl describe job / cronjob', () => {
  it('describe job', () => {
    const j = created({ completions: 3, completionMode: 'Indexed' });
    j.status = { startTime: iso(NOW - 65_000), completionTime: iso(NOW - 5000), succeeded: 3, ready: 0, completedIndexes: '0-2' };
    const text = describeJob(j, [], { now: NOW, timeZone: 'UTC' });
    // One tabwriter block: every value starts in the same column (after "Completed Indexes:  ").
    expect(text).toContain('Name:               pi\nNamespace:          default\nSelector:           batch.kubernetes.io/controller-uid=u-1\n');
    expect(text).toContain('Completions:        3\nCompletion Mode:    Indexed\nSuspend:            false\nBackoff Limit:      6\n');
    expect(text).toContain('Start Time:         Sat, 31 Jan 2026 11:58:55 +0000\nCompleted At:       Sat, 31 Jan 2026 11:59:55 +0000\nDuration:           60s\n');
    expect(text).toContain('Pods Statuses:      0 Active (0 Ready) / 3 Succeeded / 0 Failed\nCompleted Indexes:  0-2\n');
    expect(text).toMatch(/Events: +<none>/);
  });

  it('describe cronjob', () => {
    const cj = defaultCronJob({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default' },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } },
      status: { active: [{ name: 'hello-1', uid: 'a' }, { name: 'hello-2', uid: 'b' }] },
    } as KObject);
    const text = describeCronJob(cj, undefined, { now: NOW, timeZone: 'UTC' });
    expect(text).toContain('Schedule:                      */1 * * * *\nConcurrency Policy:            Allow\nSuspend:                       False\n');
    expect(text).toContain('Starting Deadline Seconds:     <unset>\nSelector:                      <unset>\nParallelism:                   <unset>\nCompletions:                   <unset>\n');
    expect(text).toMatch(/Last Schedule Time: +<unset>\nActive Jobs: +hello-1, hello-2\n/);
  });
});
