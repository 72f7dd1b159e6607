// Jobs and CronJobs on the real Docker engine through the real kbx CLI: completions and
// parallelism, failure with backoffLimit, Indexed completion (JOB_COMPLETION_INDEX, hostname),
// kill -9 of the control plane mid-job (exactly the completions, no extra pod), cascading delete,
// and one CronJob run (`* * * * *`; created first so its wait of up to a minute overlaps the rest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

const c = new Cluster('jobs');
afterAll(() => c.destroy());

const job = (name: string, spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      containers:
      - name: main
        image: busybox:latest
        imagePullPolicy: IfNotPresent
        command: ["sh", "-c", ${JSON.stringify(command)}]
      restartPolicy: Never
`;

interface JobJson {
  status?: { succeeded?: number; failed?: number; active?: number; conditions?: { type: string; status: string; reason?: string }[] };
}
const getJob = (name: string): JobJson => JSON.parse(c.ok(`get job ${name} -o json`));
const hasCondition = (name: string, type: string) => (getJob(name).status?.conditions ?? []).some((x) => x.type === type && x.status === 'True');
const jobPods = (name: string) => c.ok(`get pods -l batch.kubernetes.io/job-name=${name} -o name`).split('\n').filter(Boolean);

beforeAll(() => {
  c.ok(['create', 'cronjob', 'tick', '--image=busybox:latest', '--schedule=* * * * *', '--', 'sh', '-c', 'echo tick']);
});

describe('Job', () => {
  it('runs completions with parallelism to Complete; get, describe and logs as kubectl', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'pi.yaml', job('pi', '  completions: 3\n  parallelism: 2', 'echo done on $(hostname)'))]);
    await waitFor('pi complete', () => hasCondition('pi', 'Complete'), 90_000);
    const st = getJob('pi').status!;
    expect(st.succeeded).toBe(3);
    expect(st.failed ?? 0).toBe(0);
    expect(jobPods('pi')).toHaveLength(3);
    const row = c.ok('get jobs pi').split('\n')[1]!.split(/\s{2,}/);
    expect(row.slice(0, 3)).toEqual(['pi', 'Complete', '3/3']);
    expect(c.ok('get pods -l job-name=pi --no-headers').split('\n').filter(Boolean).every((l) => /0\/1\s+Completed\s+0/.test(l))).toBe(true);
    const d = c.ok('describe job pi');
    expect(d).toMatch(/Pods Statuses: +0 Active \(0 Ready\) \/ 3 Succeeded \/ 0 Failed/);
    expect(d).toMatch(/Normal +Completed +\S+ +job-controller +Job completed/);
    expect(c.ok('logs job/pi')).toMatch(/^done on pi-[a-z0-9]{5}\n$/);
  });

  it('fails after backoffLimit with BackoffLimitExceeded (the retry waits for the 10 s backoff)', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'fail.yaml', job('fail', '  backoffLimit: 1', 'exit 3'))]);
    await waitFor('fail failed', () => hasCondition('fail', 'Failed'), 90_000);
    const st = getJob('fail').status!;
    expect(st.failed).toBe(2);
    expect(st.conditions!.find((x) => x.type === 'Failed')!.reason).toBe('BackoffLimitExceeded');
    expect(jobPods('fail')).toHaveLength(2);
    expect(c.ok('get jobs fail --no-headers')).toMatch(/^fail\s+Failed\s+0\/1\s/);
    expect(c.ok('describe job fail')).toMatch(/Warning +BackoffLimitExceeded +\S+ +job-controller +Job has reached the specified backoff limit/);
  });

  it('Indexed: each pod gets JOB_COMPLETION_INDEX and the hostname <job>-<index>', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'idx.yaml', job('idx', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed', 'echo index=$JOB_COMPLETION_INDEX host=$(hostname)'))]);
    await waitFor('idx complete', () => hasCondition('idx', 'Complete'), 90_000);
    const logs = jobPods('idx').map((p) => c.ok(['logs', p]).trim()).sort();
    expect(logs).toEqual(['index=0 host=idx-0', 'index=1 host=idx-1', 'index=2 host=idx-2']);
    expect(c.ok('get job idx -o jsonpath={.status.completedIndexes}')).toBe('0-2');
  });

  it('kill -9 of the control plane mid-job: exactly 3 succeeded and no extra pod', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'k9.yaml', job('k9', '  completions: 3\n  parallelism: 1', 'sleep 2'))]);
    await waitFor('one pod done', () => c.ok('get pods -l job-name=k9 --no-headers').includes('Completed'), 60_000);
    const pid = c.serverPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('control plane dead', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000);
    await waitFor('k9 complete after the restart', () => hasCondition('k9', 'Complete'), 90_000);
    expect(c.serverPid()).not.toBe(pid);
    const st = getJob('k9').status!;
    expect(st.succeeded).toBe(3);
    expect(st.failed ?? 0).toBe(0);
    expect(jobPods('k9')).toHaveLength(3);
  });

  it('deleting a job deletes its pods (and their containers)', async () => {
    c.ok(['create', 'job', 'sleeper', '--image=busybox:latest', '--', 'sh', '-c', "trap 'exit 0' TERM; sleep 600 & wait"]);
    await waitFor('sleeper running', () => c.ok('get pods -l job-name=sleeper --no-headers').includes('Running'), 60_000);
    expect(c.ok('delete job sleeper')).toBe('job.batch "sleeper" deleted from default namespace\n');
    await waitFor('sleeper pods gone', () => jobPods('sleeper').length === 0, 60_000);
    await waitFor('sleeper containers gone', () => c.containers().every((x) => !x.labels['io.kbx.pod']?.startsWith('sleeper-')), 30_000);
  });
});

describe('CronJob', () => {
  it('a `* * * * *` CronJob runs a job named <cronjob>-<minutes> within a minute', async () => {
    const name = await waitFor(
      'a job of the cronjob',
      () => c.ok('get jobs -o name').split('\n').find((l) => /^job\.batch\/tick-\d+$/.test(l)),
      75_000,
      1000,
    );
    const minutes = Number(name.split('-').pop());
    const stamp = c.ok(['get', name, '-o', 'jsonpath={.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}']);
    expect(Date.parse(stamp)).toBe(minutes * 60_000);
    await waitFor('its job complete', () => hasCondition(name.split('/')[1]!, 'Complete'), 60_000);
    await waitFor('last schedule recorded', () => c.ok('get cronjob tick -o jsonpath={.status.lastScheduleTime}') !== '', 30_000);
    expect(Date.parse(c.ok('get cronjob tick -o jsonpath={.status.lastScheduleTime}'))).toBeGreaterThanOrEqual(minutes * 60_000);
    expect(c.ok('get cronjobs tick --no-headers')).toMatch(/^tick\s+\* \* \* \* \*\s+<none>\s+False\s+[01]\s+\d+s\s+\S+$/m);
    expect(c.ok('get all --no-headers -o name').split('\n')).toContain('cronjob.batch/tick');
  });
});
