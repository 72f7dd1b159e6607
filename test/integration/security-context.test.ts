// securityContext on real Docker: the user and groups (`id`), a read-only root filesystem, capabilities
// dropped, no_new_privs, a memory-backed emptyDir with its size, and runAsNonRoot refusing a root image with
// the kubelet's CreateContainerConfigError; a field kbx does not honour is an API warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('a field kbx does not honour is accepted with a warning', () => {
    const r = c.kbx(['apply', '-f', '-'], { input: `apiVersion: v1\nkind: Pod\nmetadata: { name: hostpid }\nspec:\n  hostPID: true\n  containers:\n  - { name: main, image: busybox:latest, command: ['sleep', '1'] }\n` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: spec.hostPID: not honoured by kbx');
    c.ok('delete pod hostpid --wait=false');
  });
});
