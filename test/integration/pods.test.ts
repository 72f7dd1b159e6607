// Pods on real Docker through the real kbx binary: the two-container pod, logs, exec, describe,
// delete, crash backoff, a missing image, graceful deletion.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Cluster, ROOT, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;
let dir: string;

beforeAll(() => {
  c = new Cluster('pods');
  dir = c.home;
});
afterAll(() => c?.destroy());

const phase = (name: string) => c.kbx(['get', 'pod', name, '-o', 'jsonpath={.status.phase}']).stdout;
const row = (name: string) => podRow(c.kbx(['get', 'pods']).stdout, name);

describe('the two-container pod', () => {
  it('starts, prints 2/2 Running exactly as kubectl does, and shares network and volume', async () => {
    const first = c.kbx(['apply', '-f', path.join(ROOT, 'samples/pods/two-container-pod.yaml')]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('pod/wp created\n');
    expect(first.stderr).toMatch(/started the control plane/);
    await waitFor('wp running', () => row('wp')?.status === 'Running' && row('wp')?.ready === '2/2', 60_000);
    const out = c.ok(['get', 'pods']);
    expect(out).toMatch(/^NAME   READY   STATUS    RESTARTS   AGE\nwp     2\/2     Running   0          \d+s\n$/);
    // Re-applying the same manifest: the admission-added kube-api-access volume and mounts make the three-way
    // patch carry $setElementOrder lists, so kubectl 1.35 itself says "configured" here (checked against kbx).
    expect(c.ok(['apply', '-f', path.join(ROOT, 'samples/pods/two-container-pod.yaml')])).toBe('pod/wp configured\n');
    // writer fetched web's page over 127.0.0.1, from the shared emptyDir.
    await waitFor('writer read back', () => /read back from http:\/\/127\.0\.0\.1: post \d+ written by wp/.test(c.kbx(['logs', 'wp', '-c', 'writer']).stdout), 30_000);
    // Docker shows one infrastructure container and two app containers, all labelled.
    const containers = c.containers();
    expect(containers.filter((x) => x.labels['io.kbx.pod'] === 'wp').map((x) => x.labels['io.kbx.container']).sort()).toEqual(['POD', 'web', 'writer']);
  });

  it('logs: default container notice, --tail, --timestamps', () => {
    const r = c.kbx(['logs', 'wp', '--tail=1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Defaulted container "web" out of: web, writer');
    const ts = c.ok(['logs', 'wp', '-c', 'writer', '--tail=1', '--timestamps']);
    expect(ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z read back/);
    expect(c.ok(['logs', 'wp', '-c', 'writer', '--tail=1']).trim().split('\n')).toHaveLength(1);
  });

  it('exec: output, exit code passed through, stdin piped', () => {
    expect(c.ok(['exec', 'wp', '-c', 'web', '--', 'cat', '/data/index.html'])).toMatch(/^post \d+ written by wp\n$/);
    const fail = c.kbx(['exec', 'wp', '-c', 'web', '--', 'sh', '-c', 'echo oops >&2; exit 3']);
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('oops');
    expect(fail.stderr).toContain('command terminated with exit code 3');
    const piped = c.kbx(['exec', '-i', 'wp', '-c', 'web', '--', 'sh', '-c', 'tr a-z A-Z'], { input: 'hello kbx\n' });
    expect(piped.stdout).toBe('HELLO KBX\n');
    expect(piped.code).toBe(0);
    // Containers of one pod share the hostname (the pod's name).
    expect(c.ok(['exec', 'wp', '-c', 'writer', '--', 'hostname'])).toBe('wp\n');
  });

  it('describe shows containers, conditions and events as kubectl does', () => {
    const d = c.ok(['describe', 'pod', 'wp']);
    expect(d).toMatch(/^Name:\s+wp\nNamespace:\s+default\n/);
    expect(d).toMatch(/Status:\s+Running/);
    expect(d).toMatch(/Containers:\n\s+web:/);
    expect(d).toMatch(/Conditions:\n\s+Type\s+Status/);
    expect(d).toMatch(/Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message/);
    expect(d).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\/wp to kbx/);
    expect(d).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+spec\.containers\{writer\}: Started container writer/);
  });

  it('delete removes the pod and its containers, and says so as kubectl does', async () => {
    const r = c.kbx(['delete', '-f', path.join(ROOT, 'samples/pods/two-container-pod.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('pod "wp" deleted from default namespace\n');
    expect(c.kbx(['get', 'pod', 'wp']).stderr).toBe('Error from server (NotFound): pods "wp" not found\n');
    await waitFor('containers removed', () => c.containers().filter((x) => x.labels['io.kbx.pod'] === 'wp').length === 0, 20_000);
  });
});

describe('failures', () => {
  it('a crashing container restarts with backoff: Error → CrashLoopBackOff, RESTARTS "N (Xs ago)"', async () => {
    c.ok(['run', 'crash', '--image=busybox:latest', '--image-pull-policy=IfNotPresent', '--', 'sh', '-c', 'echo attempt; exit 1']);
    await waitFor('restarted once', () => Number((row('crash')?.restarts ?? '0').split(' ')[0]) >= 1, 30_000);
    await waitFor('CrashLoopBackOff', () => row('crash')?.status === 'CrashLoopBackOff', 30_000);
    expect(row('crash')!.restarts).toMatch(/^\d+ \(\d+s ago\)$/);
    const d = c.ok(['describe', 'pod', 'crash']);
    expect(d).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/);
    expect(d).toMatch(/Warning\s+BackOff\s+.*spec\.containers\{crash\}: Back-off restarting failed container crash in pod crash_default/);
    expect(c.ok(['logs', 'crash', '--previous'])).toBe('attempt\n');
    // The backoff holds: no restart storm (at most 3 attempts in the first ~15 s).
    expect(Number(row('crash')!.restarts.split(' ')[0])).toBeLessThanOrEqual(3);
    c.ok(['delete', 'pod', 'crash', '--now']);
  });

  it('a missing image gives ErrImagePull then ImagePullBackOff, and the control plane stays up', async () => {
    c.ok(['run', 'ghost', '--image=kbx-test/does-not-exist:1']);
    await waitFor('pull error', () => ['ErrImagePull', 'ImagePullBackOff'].includes(row('ghost')?.status ?? ''), 60_000);
    await waitFor('ImagePullBackOff', () => row('ghost')?.status === 'ImagePullBackOff', 60_000);
    const d = c.ok(['describe', 'pod', 'ghost']);
    expect(d).toMatch(/Warning\s+Failed\s+.*Failed to pull image "kbx-test\/does-not-exist:1"/);
    expect(d).toMatch(/Normal\s+Pulling\s+.*Pulling image "kbx-test\/does-not-exist:1"/);
    expect(c.kbx(['get', 'pods']).code).toBe(0);
    c.ok(['delete', 'pod', 'ghost', '--now']);
  });

  it('graceful deletion: Terminating during the grace period, then gone; --force is immediate', async () => {
    const manifest = writeManifest(
      dir,
      'slow.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  terminationGracePeriodSeconds: 3
  containers:
  - name: slow
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'echo got TERM; sleep 1; exit 0' TERM; while true; do sleep 0.2; done"]
`,
    );
    c.ok(['apply', '-f', manifest]);
    await waitFor('slow running', () => phase('slow') === 'Running', 30_000);
    const started = Date.now();
    const r = c.kbx(['delete', 'pod', 'slow', '--wait=false']);
    expect(r.stdout).toBe('pod "slow" deleted from default namespace\n');
    expect(row('slow')?.status).toBe('Terminating');
    await waitFor('slow gone', () => c.kbx(['get', 'pod', 'slow']).code === 1, 30_000);
    // The trap ran (SIGTERM first), so it took about a second, well within the 3 s grace.
    expect(Date.now() - started).toBeLessThan(10_000);

    c.ok(['apply', '-f', manifest]);
    await waitFor('slow running again', () => phase('slow') === 'Running', 30_000);
    const f = c.kbx(['delete', 'pod', 'slow', '--force', '--grace-period=0']);
    expect(f.code).toBe(0);
    expect(f.stderr).toContain('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated.');
    expect(f.stdout).toBe('pod "slow" force deleted from default namespace\n');
    expect(c.kbx(['get', 'pod', 'slow']).code).toBe(1);
    await waitFor('slow containers removed', () => c.containers().filter((x) => x.labels['io.kbx.pod'] === 'slow').length === 0, 20_000);
  });
});

describe('restart policies', () => {
  it('Never: a pod that exits 0 is Completed and keeps its logs', async () => {
    c.ok(['run', 'once', '--image=busybox:latest', '--image-pull-policy=IfNotPresent', '--restart=Never', '--', 'sh', '-c', 'echo done']);
    await waitFor('Completed', () => row('once')?.status === 'Completed', 30_000);
    expect(row('once')!.ready).toBe('0/1');
    expect(phase('once')).toBe('Succeeded');
    expect(c.ok(['logs', 'once'])).toBe('done\n');
    c.ok(['delete', 'pod', 'once']);
  });

  it('OnFailure: a non-zero exit restarts, exit 0 completes', async () => {
    const m = writeManifest(
      dir,
      'onfailure.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: retry
spec:
  restartPolicy: OnFailure
  volumes:
  - name: state
    emptyDir: {}
  containers:
  - name: retry
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    volumeMounts:
    - name: state
      mountPath: /state
    command: ["sh", "-c", "if [ -f /state/seen ]; then echo second; exit 0; fi; touch /state/seen; echo first; exit 1"]
`,
    );
    c.ok(['apply', '-f', m]);
    await waitFor('Completed after one restart', () => row('retry')?.status === 'Completed', 40_000);
    expect(row('retry')!.restarts).toMatch(/^1 \(\d+s ago\)$/);
    expect(c.ok(['logs', 'retry'])).toBe('second\n');
    expect(c.ok(['logs', 'retry', '-p'])).toBe('first\n');
    c.ok(['delete', 'pod', 'retry']);
  });
});

describe('pod spec features', () => {
  it('env, workingDir, args, limits, hostPath', async () => {
    const hostDir = fs.mkdtempSync(path.join(dir, 'host-'));
    fs.writeFileSync(path.join(hostDir, 'hello.txt'), 'from the host\n');
    const m = writeManifest(
      dir,
      'features.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: features
spec:
  volumes:
  - name: host
    hostPath:
      path: ${hostDir}
  containers:
  - name: main
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    workingDir: /tmp
    command: ["sh", "-c"]
    args: ["echo \\"$GREETING from $(pwd)\\"; cat /host/hello.txt; sleep 3600"]
    env:
    - name: GREETING
      value: hello
    resources:
      limits:
        memory: 64Mi
        cpu: 250m
    volumeMounts:
    - name: host
      mountPath: /host
      readOnly: true
`,
    );
    c.ok(['apply', '-f', m]);
    await waitFor('features logs', () => c.kbx(['logs', 'features']).stdout.includes('from the host'), 30_000);
    expect(c.ok(['logs', 'features'])).toBe('hello from /tmp\nfrom the host\n');
    const ro = c.kbx(['exec', 'features', '--', 'sh', '-c', 'touch /host/x']);
    expect(ro.code).not.toBe(0);
    const app = c.containers().find((x) => x.labels['io.kbx.pod'] === 'features' && x.labels['io.kbx.container'] === 'main')!;
    const { execFileSync } = await import('node:child_process');
    const hc = JSON.parse(execFileSync('docker', ['inspect', app.id], { encoding: 'utf8' }))[0].HostConfig;
    expect(hc.Memory).toBe(64 * 1024 * 1024);
    expect(hc.NanoCpus).toBe(250_000_000);
    c.ok(['delete', 'pod', 'features', '--now']);
  });
});
