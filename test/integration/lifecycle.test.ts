// Init containers and lifecycle hooks on real Docker through the real kbx binary: one cluster, several pods at once.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Cluster, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('lifecycle');
});
afterAll(() => c?.destroy());

const row = (name: string) => podRow(c.kbx(['get', 'pods']).stdout, name);
const restarts = (name: string) => Number((row(name)?.restarts ?? '0').split(' ')[0]);

function apply(file: string, text: string): void {
  const r = c.kbx(['apply', '-f', writeManifest(c.home, file, text)]);
  if (r.code !== 0) throw new Error(`apply ${file}: ${r.stderr}`);
}

/** Polls `get pods` until `done`, recording every STATUS seen for `name`. */
async function statusesUntil(name: string, done: (status: string) => boolean, timeoutMs = 40_000): Promise<string[]> {
  const seen: string[] = [];
  await waitFor(
    `${name} to settle`,
    () => {
      const s = row(name)?.status;
      if (s && seen[seen.length - 1] !== s) seen.push(s);
      return !!s && done(s);
    },
    timeoutMs,
    100,
  );
  return seen;
}

/** Docker containers of one of the pod's containers (all attempts). */
const dockerContainers = (pod: string, container: string) =>
  c.containers().filter((x) => x.labels['io.kbx.pod'] === pod && x.labels['io.kbx.container'] === container);

describe('init containers', () => {
  it('run one at a time, in order, before the app: Init:0/2, Init:1/2, PodInitializing, Running; describe lists them', async () => {
    apply(
      'init-order.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: init-order
spec:
  initContainers:
  - name: first
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo first >> /work/log; sleep 2"]
    volumeMounts: [{ name: work, mountPath: /work }]
  - name: second
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo second >> /work/log; sleep 2"]
    volumeMounts: [{ name: work, mountPath: /work }]
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo app >> /work/log; cat /work/log; trap 'exit 0' TERM; sleep 600 & wait"]
    volumeMounts: [{ name: work, mountPath: /work }]
    lifecycle:
      postStart:
        exec:
          command: ["sleep", "2"]
  volumes:
  - name: work
    emptyDir: {}
`,
    );
    const seen = await statusesUntil('init-order', (s) => s === 'Running');
    expect(seen).toContain('Init:0/2');
    expect(seen).toContain('Init:1/2');
    expect(seen).toContain('PodInitializing'); // init done, the app's postStart still running
    expect(seen.indexOf('Init:0/2')).toBeLessThan(seen.indexOf('Init:1/2'));
    expect(seen.indexOf('Init:1/2')).toBeLessThan(seen.indexOf('PodInitializing'));
    expect(c.ok(['logs', 'init-order', '-c', 'app']).trim().split('\n')).toEqual(['first', 'second', 'app']);
    const d = c.ok(['describe', 'pod', 'init-order']);
    expect(d).toMatch(/Init Containers:\n  first:\n[\s\S]*State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0[\s\S]*\n  second:\n[\s\S]*Containers:\n  app:/);
    expect(d).toMatch(/Initialized\s+True/);
    expect(d).toMatch(/spec\.initContainers\{first\}: Started container first/);
  });

  it('a failing one is retried under restartPolicy Always (Init:Error, Init:CrashLoopBackOff) and the app never starts', async () => {
    apply(
      'init-fail.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: init-fail
spec:
  initContainers:
  - name: migrate
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo cannot reach the database; exit 1"]
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sleep", "600"]
`,
    );
    const seen = await statusesUntil('init-fail', (s) => s === 'Init:CrashLoopBackOff' && restarts('init-fail') >= 1);
    expect(seen.some((s) => s === 'Init:Error' || s === 'Init:CrashLoopBackOff')).toBe(true);
    expect(seen.every((s) => s === 'Pending' || s.startsWith('Init:'))).toBe(true);
    expect(dockerContainers('init-fail', 'app')).toHaveLength(0);
    const d = c.ok(['describe', 'pod', 'init-fail']);
    expect(d).toMatch(/Initialized\s+False/);
    expect(d).toMatch(/Back-off restarting failed container migrate/);
    expect(c.ok(['logs', 'init-fail', '-c', 'migrate'])).toContain('cannot reach the database');
  });

  it('under restartPolicy Never a failing one fails the pod: Init:Error, phase Failed', async () => {
    apply(
      'init-never.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: init-never
spec:
  restartPolicy: Never
  initContainers:
  - name: check
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "exit 2"]
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sleep", "600"]
`,
    );
    await statusesUntil('init-never', (s) => s === 'Init:Error');
    await waitFor('Failed', () => c.kbx(['get', 'pod', 'init-never', '-o', 'jsonpath={.status.phase}']).stdout === 'Failed', 20_000);
    expect(restarts('init-never')).toBe(0);
    expect(dockerContainers('init-never', 'app')).toHaveLength(0);
  });
});

describe('lifecycle hooks', () => {
  it('postStart runs after the start; preStop runs before SIGTERM and within the grace period', async () => {
    const dir = path.join(c.home, 'hooks-data');
    fs.mkdirSync(dir, { recursive: true });
    apply(
      'hooks.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: hooks
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'echo term >> /data/log; exit 0' TERM; sleep 600 & wait"]
    volumeMounts: [{ name: data, mountPath: /data }]
    lifecycle:
      postStart:
        exec:
          command: ["sh", "-c", "echo poststart >> /data/log"]
      preStop:
        exec:
          command: ["sh", "-c", "echo prestop >> /data/log; sleep 2"]
  volumes:
  - name: data
    hostPath:
      path: ${dir}
`,
    );
    await waitFor('Running', () => row('hooks')?.status === 'Running', 30_000);
    expect(fs.readFileSync(path.join(dir, 'log'), 'utf8')).toBe('poststart\n');
    const t0 = Date.now();
    c.ok(['delete', 'pod', 'hooks', '--wait']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2000); // the preStop's sleep, then SIGTERM
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(fs.readFileSync(path.join(dir, 'log'), 'utf8')).toBe('poststart\nprestop\nterm\n');
  });

  it('a failing postStart kills and restarts the container (FailedPostStartHook); a failing preStop is an event (FailedPreStopHook)', async () => {
    apply(
      'bad-hooks.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: bad-hooks
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
    lifecycle:
      postStart:
        exec:
          command: ["sh", "-c", "echo no config; exit 3"]
      preStop:
        httpGet:
          path: /shutdown
          port: 8080
`,
    );
    await waitFor('restarted', () => restarts('bad-hooks') >= 1, 30_000);
    const d = c.ok(['describe', 'pod', 'bad-hooks']);
    expect(d).toMatch(
      /Warning\s+FailedPostStartHook\s+.*spec\.containers\{app\}: Exec lifecycle hook \(\[sh -c echo no config; exit 3\]\) for Container "app" in Pod "bad-hooks_default\([0-9a-f-]+\)" failed - error: command 'sh -c echo no config; exit 3' exited with 3: , message: "no config\\n"/,
    );
    expect(d).toMatch(/Normal\s+Killing\s+.*spec\.containers\{app\}: FailedPostStartHook/);
    // The kill ran the preStop hook, which found nothing listening on 8080.
    expect(d).toMatch(/Warning\s+FailedPreStopHook\s+.*HTTP lifecycle hook \(\/shutdown\) for Container "app" in Pod "bad-hooks_default\([0-9a-f-]+\)" failed - error: Get "http:\/\/[\d.]+:8080\/shutdown": dial tcp [\d.]+:8080: connect: connection refused/);
    expect(['PostStartHookError', 'CrashLoopBackOff', 'Completed', 'Running']).toContain(row('bad-hooks')?.status);
  });
});
