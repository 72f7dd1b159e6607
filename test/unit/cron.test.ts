// Cron schedules (robfig/cron v3 parser_test.go / spec_test.go behaviour, through ParseStandard) and
// the CronJob controller's pure sync (pkg/controller/cronjob/utils_test.go TestMostRecentScheduleTime,
// cronjob_controllerv2_test.go TestControllerV2SyncCronJob; cases re-expressed, not copied).
import { describe, expect, it } from 'vitest';
import { CronParseError, parseStandard, rfc3339In } from '../../src/util/cron.js';
import { defaultCronJob, type CronJob, type Job } from '../../src/api/batch.js';
import { jobNameFor, mostRecentScheduleTime, planCronJob, recordScheduled } from '../../src/controllers/cronjob/plan.js';

const utc = (s: string) => Date.parse(s.endsWith('Z') ? s : `${s}Z`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const nextOf = (spec: string, from: string) => iso(parseStandard(`TZ=UTC ${spec}`).next(utc(from)));

describe('parseStandard errors (robfig/cron messages)', () => {
  const cases: [string, string][] = [
    ['', 'empty spec string'],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ];
  for (const [spec, msg] of cases) {
    it(JSON.stringify(spec), () => {
      expect(() => parseStandard(spec)).toThrow(CronParseError);
      expect(() => parseStandard(spec)).toThrow(msg);
    });
  }
});

describe('Schedule.next (spec_test.go TestNext, 5-field forms)', () => {
  const cases: [string, string, string][] = [
    ['2012-07-09T14:45:00', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:00', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:59', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    // Wrap around hours, days, months, years.
    ['2012-07-09T15:45:00', '20-35/15 * * * *', '2012-07-09T16:20:00Z'],
    ['2012-07-09T23:46:00', '*/15 * * * *', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:45:00', '20-35/15 * * * *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:00', '20-35/15 * * * *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:00', '20-35/15 1/2 * * *', '2012-07-10T01:20:00Z'],
    ['2012-07-09T23:35:00', '20-35/15 10-12 * * *', '2012-07-10T10:20:00Z'],
    ['2012-07-09T23:35:00', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00Z'],
    ['2012-07-09T23:35:00', '0 0 9 Apr,Aug,Oct Mon', '2012-08-06T00:00:00Z'],
    ['2012-07-09T23:35:00', '0 0 1 Jan ?', '2013-01-01T00:00:00Z'],
    ['2012-12-31T23:59:45', '0 * * * *', '2013-01-01T00:00:00Z'],
    // Leap year.
    ['2012-07-09T23:35:00', '0 0 29 Feb ?', '2016-02-29T00:00:00Z'],
    // Day of month and day of week: either when both are restricted, both when one is `*`.
    ['2012-07-09T23:35:00', '0 0 * * Sun', '2012-07-15T00:00:00Z'],
    ['2012-07-09T23:35:00', '0 0 15 * Fri', '2012-07-13T00:00:00Z'],
    ['2012-07-09T23:35:00', '0 0 */2 * Sun', '2012-07-11T00:00:00Z'],
    // Descriptors.
    ['2012-07-09T23:35:00', '@hourly', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:35:00', '@daily', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:35:00', '@weekly', '2012-07-15T00:00:00Z'],
    ['2012-07-09T23:35:00', '@monthly', '2012-08-01T00:00:00Z'],
    ['2012-07-09T23:35:00', '@yearly', '2013-01-01T00:00:00Z'],
    ['2012-07-09T23:35:00', '@every 90s', '2012-07-09T23:36:30Z'],
    // Never.
    ['2012-07-09T23:35:00', '0 0 30 Feb ?', '1970-01-01T00:00:00Z'],
  ];
  for (const [from, spec, want] of cases) it(`${spec} after ${from}`, () => expect(nextOf(spec, from)).toBe(want));

  it('in a time zone: wall-clock times across daylight saving', () => {
    const ny = parseStandard('TZ=America/New_York 0 9 * * *');
    expect(iso(ny.next(utc('2026-01-01T00:00:00')))).toBe('2026-01-01T14:00:00Z');
    expect(iso(ny.next(utc('2026-07-01T00:00:00')))).toBe('2026-07-01T13:00:00Z');
    expect(rfc3339In(utc('2026-07-01T13:00:00'), 'America/New_York')).toBe('2026-07-01T09:00:00-04:00');
    expect(rfc3339In(utc('2026-07-01T13:00:00'), 'UTC')).toBe('2026-07-01T13:00:00Z');
  });
});

const T0 = utc('2026-03-01T10:00:00');

function cronJob(spec: Partial<CronJob['spec']> = {}, status: CronJob['status'] = {}, created = T0): CronJob {
  const cj = defaultCronJob({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'mycronjob', namespace: 'default', uid: 'cj-uid', creationTimestamp: iso(created) },
    spec: { schedule: '0 * * * *', timeZone: 'UTC', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } }, ...spec },
  }) as CronJob;
  cj.status = status;
  return cj;
}

function job(name: string, o: { finished?: 'Complete' | 'Failed'; start?: number; uid?: string } = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: o.uid ?? `${name}-uid`, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: 'cj-uid', controller: true }] },
    spec: { template: { spec: { containers: [] } } },
    status: {
      ...(o.start !== undefined ? { startTime: iso(o.start) } : {}),
      ...(o.finished ? { conditions: [{ type: o.finished, status: 'True' }], ...(o.finished === 'Complete' ? { completionTime: iso((o.start ?? T0) + 1000) } : {}) } : {}),
    },
  };
}
const ref = (j: Job) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name!, namespace: 'default', uid: j.metadata.uid! });

describe('mostRecentScheduleTime (utils.go)', () => {
  const hourly = parseStandard('TZ=UTC 0 * * * *');
  it('nothing due before the first activation after creation', () => {
    expect(mostRecentScheduleTime(cronJob({}, {}, T0 + 1000), T0 + 30 * 60_000, hourly, true).mostRecent).toBeUndefined();
  });
  it('one due', () => {
    expect(mostRecentScheduleTime(cronJob({}, {}, T0 - 60_000), T0 + 60_000, hourly, true).mostRecent).toBe(T0);
  });
  it('several missed: only the most recent is due', () => {
    const r = mostRecentScheduleTime(cronJob({}, { lastScheduleTime: iso(T0) }), T0 + 5 * 3_600_000 + 60_000, hourly, true);
    expect(r).toMatchObject({ mostRecent: T0 + 5 * 3_600_000, missed: 'few' });
  });
  it('more than 100 missed', () => {
    const r = mostRecentScheduleTime(cronJob({}, { lastScheduleTime: iso(T0) }), T0 + 200 * 3_600_000 + 60_000, hourly, true);
    expect(r).toMatchObject({ mostRecent: T0 + 200 * 3_600_000, missed: 'many' });
  });
  it('startingDeadlineSeconds bounds how far back the controller looks', () => {
    const cj = cronJob({ startingDeadlineSeconds: 30 * 60 }, { lastScheduleTime: iso(T0) });
    const r = mostRecentScheduleTime(cj, T0 + 200 * 3_600_000 + 60_000, hourly, true);
    expect(r).toMatchObject({ mostRecent: T0 + 200 * 3_600_000, missed: 'none' });
  });
});

describe('planCronJob (TestControllerV2SyncCronJob)', () => {
  const due = T0 + 3_600_000; // 11:00
  const now = due + 5000;
  const last = { lastScheduleTime: iso(T0) };

  it('not yet time: nothing created, look again 100 ms after the next activation', () => {
    const p = planCronJob(cronJob({}, last), [], T0 + 60_000);
    expect(p.createJob).toBeUndefined();
    expect(p.requeueAfterMs).toBe(due + 100 - (T0 + 60_000));
  });

  it('time to run: the job is <cronjob>-<minutes>, from the template, annotated and owned', () => {
    const p = planCronJob(cronJob({ jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } }, last), [], now);
    expect(p.createJob?.metadata).toEqual({
      name: `mycronjob-${due / 60_000}`,
      namespace: 'default',
      labels: { a: 'b' },
      annotations: { x: 'y', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-03-01T11:00:00Z' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(p.scheduledTime).toBe(due);
    expect(jobNameFor(cronJob(), utc('2026-03-01T11:00:00'))).toBe('mycronjob-29539380');
    const created = { ...p.createJob!, metadata: { ...p.createJob!.metadata, uid: 'new-uid' } };
    expect(recordScheduled(p.status, created, due)).toEqual({ active: [ref(created)], lastScheduleTime: iso(due) });
  });

  it('already scheduled for that time: nothing created', () => {
    expect(planCronJob(cronJob({}, { lastScheduleTime: iso(due) }), [], now).createJob).toBeUndefined();
  });

  it('suspended: nothing created', () => {
    expect(planCronJob(cronJob({ suspend: true }, last), [], now).createJob).toBeUndefined();
  });

  it('Forbid with an active job: JobAlreadyActive, nothing created', () => {
    const running = job('mycronjob-1');
    const p = planCronJob(cronJob({ concurrencyPolicy: 'Forbid' }, { ...last, active: [ref(running)] }), [running], now);
    expect(p.createJob).toBeUndefined();
    expect(p.events).toContainEqual({ type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
  });

  it('Replace with an active job: it is deleted and the new one created', () => {
    const running = job('mycronjob-1');
    const p = planCronJob(cronJob({ concurrencyPolicy: 'Replace' }, { ...last, active: [ref(running)] }), [running], now);
    expect(p.deleteJobs).toEqual([running]);
    expect(p.createJob).toBeDefined();
    expect(p.status.active).toBeUndefined();
  });

  it('Allow with an active job: another one runs beside it', () => {
    const running = job('mycronjob-1');
    const p = planCronJob(cronJob({}, { ...last, active: [ref(running)] }), [running], now);
    expect(p.createJob).toBeDefined();
    expect(p.status.active).toEqual([ref(running)]);
  });

  it('past startingDeadlineSeconds: the missed run is skipped; within it, it runs late', () => {
    const p = planCronJob(cronJob({ startingDeadlineSeconds: 2 }, last), [], now);
    expect(p.createJob).toBeUndefined();
    expect(p.requeueAfterMs).toBe(due + 3_600_000 + 100 - now);
    expect(planCronJob(cronJob({ startingDeadlineSeconds: 10 }, last), [], now).scheduledTime).toBe(due);
  });

  it('after a long stop: one catch-up run for the latest missed time, and the warning beyond 100 missed', () => {
    const late = T0 + 150 * 3_600_000 + 1000;
    const p = planCronJob(cronJob({}, last), [], late);
    expect(p.scheduledTime).toBe(T0 + 150 * 3_600_000);
    expect(p.events).toContainEqual({ type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
  });

  it('finished jobs leave the active list; lastSuccessfulTime follows the latest completion', () => {
    const done = job('mycronjob-1', { finished: 'Complete', start: T0 });
    const p = planCronJob(cronJob({}, { lastScheduleTime: iso(due), active: [ref(done)] }), [done], now);
    expect(p.status.active).toBeUndefined();
    expect(p.status.lastSuccessfulTime).toBe(iso(T0 + 1000));
    expect(p.events).toContainEqual({ type: 'Normal', reason: 'SawCompletedJob', message: 'Saw completed job: mycronjob-1, condition: Complete' });
  });

  it('an active job that is gone: MissingJob', () => {
    const p = planCronJob(cronJob({}, { lastScheduleTime: iso(due), active: [{ name: 'mycronjob-9', uid: 'gone' }] }), [], now);
    expect(p.status.active).toBeUndefined();
    expect(p.events).toContainEqual({ type: 'Normal', reason: 'MissingJob', message: 'Active job went missing: mycronjob-9' });
  });

  it('an unfinished job it did not record: UnexpectedJob', () => {
    const p = planCronJob(cronJob({}, { lastScheduleTime: iso(due) }), [job('mycronjob-5')], now);
    expect(p.events).toContainEqual({ type: 'Warning', reason: 'UnexpectedJob', message: 'Saw a job that the controller did not create or forgot: mycronjob-5' });
  });

  it('history limits delete the oldest finished jobs', () => {
    const ok = [1, 2, 3, 4].map((i) => job(`ok-${i}`, { finished: 'Complete', start: T0 + i * 1000 }));
    const bad = [1, 2].map((i) => job(`bad-${i}`, { finished: 'Failed', start: T0 + i * 1000 }));
    const p = planCronJob(cronJob({ successfulJobsHistoryLimit: 2, failedJobsHistoryLimit: 1 }, { lastScheduleTime: iso(due) }), [...ok, ...bad], now);
    expect(p.deleteJobs.map((j) => j.metadata.name)).toEqual(['ok-1', 'ok-2', 'bad-1']);
  });

  it('an unparseable schedule or an unknown zone is an event, not a crash', () => {
    const p = planCronJob(cronJob({ schedule: '61 * * * *' }, last), [], now);
    expect(p.events[0]).toMatchObject({ type: 'Warning', reason: 'UnparseableSchedule' });
    const q = planCronJob(cronJob({ timeZone: 'Mars/Olympus' }, last), [], now);
    expect(q.events[0]).toEqual({ type: 'Warning', reason: 'UnknownTimeZone', message: 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus' });
  });
});
