// securityContext on real Docker: the user and groups (`id`), a read-only root filesystem, capabilities
// dropped, no_new_privs, a memory-backed emptyDir with its size, and runAsNonRoot refusing a root image with
// the kubelet's CreateContainerConfigError; a field kbx does not honour is an API warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Cluster, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('security');
}, 60_000);
afterAll(() => c?.destroy());

const pods = `apiVersion: v1
kind: Pod
metadata: { name: sec }
spec:
  terminationGracePeriodSeconds: 1
  securityContext: { runAsUser: 1000, runAsGroup: 3000, supplementalGroups: [4000] }
  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']
    securityContext:
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      capabilities: { drop: [ALL] }
    volumeMounts: [{ name: cache, mountPath: /cache }]
  volumes:
  - name: cache
    emptyDir: { medium: Memory, sizeLimit: 16Mi }
---
apiVersion: v1
kind: Pod
metadata: { name: nonroot }
spec:
  terminationGracePeriodSeconds: 1
  securityContext: { runAsNonRoot: true }
  containers:
  - name: main
    image: busybox:latest
    command: ['sleep', '3600']
`;

describe('securityContext', () => {
  it('id, read-only /, tmpfs emptyDir, no_new_privs; runAsNonRoot refuses a root image', async () => {
    c.ok(['apply', '-f', '-'], { input: pods });
    await waitFor('sec running', () => c.kbx(['get', 'pod', 'sec', '-o', 'jsonpath={.status.phase}']).stdout === 'Running', 120_000);
    expect(c.ok(['exec', 'sec', '--', 'id'])).toBe('uid=1000 gid=3000 groups=3000,4000\n');
    const w = c.kbx(['exec', 'sec', '--', 'touch', '/x']);
    expect(w.code).not.toBe(0);
    expect(w.stderr).toContain('Read-only file system');
    expect(c.ok(['exec', 'sec', '--', 'sh', '-c', 'mount | grep " /cache "'])).toMatch(/^tmpfs on \/cache type tmpfs \(rw,.*size=16384k/);
    expect(c.ok(['exec', 'sec', '--', 'sh', '-c', 'echo ok > /cache/f && cat /cache/f'])).toBe('ok\n');
    const status = c.ok(['exec', 'sec', '--', 'cat', '/proc/self/status']);
    expect(status).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(status).toMatch(/^CapBnd:\s+0000000000000000$/m);
    await waitFor('CreateContainerConfigError', () => c.kbx('get pod nonroot --no-headers').stdout.includes('CreateContainerConfigError'), 60_000);
    expect(c.ok('describe pod nonroot')).toMatch(/Error: container has runAsNonRoot and image will run as root \(pod: "nonroot_default\([0-9a-f-]+\)", container: main\)/);
  }, 240_000);

  it("Kubernetes' security-context demo: runAsUser 1000, fsGroup 2000: the emptyDir is writable, its files belong to group 2000", async () => {
    c.ok(['apply', '-f', '-'], {
      input: `apiVersion: v1
kind: Pod
metadata: { name: security-context-demo }
spec:
  terminationGracePeriodSeconds: 1
  securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 }
  volumes: [{ name: sec-ctx-vol, emptyDir: {} }]
  containers:
  - name: sec-ctx-demo
    image: busybox:latest
    command: ['sh', '-c', 'echo hello > /data/demo/testfile && ls -ln /data/demo/testfile && ls -lnd /data/demo; trap "exit 0" TERM; sleep 600 & wait']
    volumeMounts: [{ name: sec-ctx-vol, mountPath: /data/demo }]
`,
    });
    await waitFor('the demo wrote its file', () => /testfile/.test(c.kbx('logs security-context-demo').stdout), 60_000);
    const out = c.ok('logs security-context-demo');
    expect(out).toMatch(/^-rw-r--r--\s+1\s+1000\s+2000\s+.*\/data\/demo\/testfile$/m);
    expect(out).toMatch(/^drwxrwsrwx\s+\d+\s+0\s+2000\s+.*\/data\/demo$/m);
    c.ok('delete pod security-context-demo --wait=false');
  }, 120_000);

  it('hostPID and hostIPC: the host\'s namespaces, announced with a Warning; a field kbx does not honour is accepted with a warning', async () => {
    const r = c.kbx(['apply', '-f', '-'], {
      input: `apiVersion: v1\nkind: Pod\nmetadata: { name: hostns }\nspec:\n  hostPID: true\n  hostIPC: true\n  terminationGracePeriodSeconds: 1\n  containers:\n  - { name: main, image: busybox:latest, command: ['sh', '-c', 'echo pid=$$ ipc=$(readlink /proc/self/ns/ipc); trap "exit 0" TERM; sleep 600 & wait'] }\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Warning: spec.hostPID: the pod's containers run in this machine's PID namespace");
    // In its own PID namespace the shell is PID 1; in the host's it is not, and the IPC namespace is the host's.
    await waitFor('hostns logs', () => /pid=\d+/.test(c.kbx('logs hostns').stdout), 60_000);
    const line = c.ok('logs hostns');
    expect(Number(/pid=(\d+)/.exec(line)![1])).toBeGreaterThan(1);
    expect(line).toContain(`ipc=${fs.readlinkSync('/proc/self/ns/ipc')}`);
    const u = c.kbx(['apply', '-f', '-'], { input: `apiVersion: v1\nkind: Pod\nmetadata: { name: users }\nspec:\n  hostUsers: false\n  containers:\n  - { name: main, image: busybox:latest, command: ['sleep', '1'] }\n` });
    expect(u.code).toBe(0);
    expect(u.stderr).toContain('Warning: spec.hostUsers: not honoured by kbx');
    c.ok('delete pod hostns users --wait=false');
  }, 120_000);
});
