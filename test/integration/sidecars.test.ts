// Native sidecars (init containers with restartPolicy: Always) on real Docker through the real kbx binary: the
// sidecar starts first (its startup probe gates the next init container), writes a file the app reads, counts in
// READY, is restarted on exit although the pod's restartPolicy is Never, and is stopped after the app on deletion;
// a pod whose app completes stops its sidecar and is Completed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Cluster, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('sidecars');
});
afterAll(() => c?.destroy());

const row = (name: string) => podRow(c.kbx(['get', 'pods']).stdout, name);
const pod = (name: string) => JSON.parse(c.ok(['get', 'pod', name, '-o', 'json']));

function apply(file: string, text: string): void {
  const r = c.kbx(['apply', '-f', writeManifest(c.home, file, text)]);
  if (r.code !== 0) throw new Error(`apply ${file}: ${r.stderr}`);
}

describe('native sidecars', () => {
  it('start before the next init container, feed the app, count in READY, restart on exit, stop after the app', async () => {
    const hostDir = fs.mkdtempSync(path.join(c.home, 'order-'));
    apply(
      'sidecar.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: side
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 10
  volumes:
  - name: shared
    emptyDir: {}
  - name: order
    hostPath:
      path: ${hostDir}
  initContainers:
  - name: writer
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    restartPolicy: Always
    command: ["sh", "-c", "trap 'echo writer >> /order/stopped; exit 0' TERM; while true; do echo tick > /shared/now.tmp; mv /shared/now.tmp /shared/now; sleep 1; done & wait"]
    startupProbe:
      exec:
        command: ["test", "-f", "/shared/now"]
      periodSeconds: 1
    volumeMounts: [{ name: shared, mountPath: /shared }, { name: order, mountPath: /order }]
  - name: check
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "test -f /shared/now && echo sidecar was up"]
    volumeMounts: [{ name: shared, mountPath: /shared }]
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'echo app >> /order/stopped; exit 0' TERM; while true; do echo \\"read $(cat /shared/now)\\"; sleep 1; done & wait"]
    volumeMounts: [{ name: shared, mountPath: /shared }, { name: order, mountPath: /order }]
`,
    );
    await waitFor('side 2/2 Running', () => {
      const r = row('side');
      return r?.ready === '2/2' && r.status === 'Running';
    }, 60_000);
    // The regular init container ran once the sidecar had started (its startup probe passed): it found the file.
    expect(c.ok(['logs', 'side', '-c', 'check'])).toBe('sidecar was up\n');
    await waitFor('the app reads what the sidecar writes', () => c.kbx(['logs', 'side', '-c', 'app']).stdout.includes('read tick'), 20_000);
    let p = pod('side');
    expect(p.status.phase).toBe('Running');
    const writer = p.status.initContainerStatuses.find((s: any) => s.name === 'writer');
    expect(writer).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(writer.state.running).toBeDefined();
    expect(p.status.initContainerStatuses.find((s: any) => s.name === 'check').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');

    // The sidecar exits (exit 0): restarted although the pod's restartPolicy is Never; the app keeps running.
    const appID = p.status.containerStatuses[0].containerID;
    // The exec may end with the container (137) or just before it (0).
    expect([0, 137]).toContain(c.kbx(['exec', 'side', '-c', 'writer', '--', 'kill', '1']).code);
    await waitFor('the sidecar restarted', () => {
      const w = pod('side').status.initContainerStatuses.find((s: any) => s.name === 'writer');
      return w.restartCount === 1 && !!w.state.running;
    }, 30_000);
    p = pod('side');
    expect(p.status.containerStatuses[0].containerID).toBe(appID);
    expect(p.status.containerStatuses[0].restartCount).toBe(0);
    fs.rmSync(path.join(hostDir, 'stopped'), { force: true }); // the restart's own stop record
    await waitFor('2/2 again', () => row('side')?.ready === '2/2', 30_000);
    expect(row('side')!.restarts).toMatch(/^1 \(\d+s ago\)$/);

    // Deletion: the app stops first, then the sidecar.
    c.ok(['delete', 'pod', 'side']);
    expect(fs.readFileSync(path.join(hostDir, 'stopped'), 'utf8').trim().split('\n')).toEqual(['app', 'writer']);
  });

  it('a pod whose app completes stops its sidecar and is Completed (restartPolicy Never)', async () => {
    apply(
      'sidecar-job.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: side-job
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 10
  initContainers:
  - name: helper
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    restartPolicy: Always
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
  containers:
  - name: work
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "echo done"]
`,
    );
    await waitFor('side-job Completed', () => row('side-job')?.status === 'Completed', 60_000);
    const p = pod('side-job');
    expect(p.status.phase).toBe('Succeeded');
    expect(row('side-job')!.ready).toBe('0/2');
    const helper = p.status.initContainerStatuses.find((s: any) => s.name === 'helper');
    expect(helper.state.terminated).toMatchObject({ exitCode: 0 });
    expect(helper.restartCount).toBe(0);
    expect(c.ok(['logs', 'side-job', '-c', 'work'])).toBe('done\n');
    const events = c.ok(['get', 'events', '--field-selector', 'involvedObject.name=side-job']);
    expect(events).toMatch(/Killing\s+pod\/side-job\s+Stopping container helper/);
  });
});
