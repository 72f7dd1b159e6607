// PersistentVolumeClaims on real Docker: the default StorageClass `standard` (WaitForFirstConsumer, kbx's
// local provisioner), a pod waiting on its claim, data that survives deleting and re-creating the pod, a
// missing claim keeping the pod Pending with the scheduler's words, and reclaim Delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Cluster, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('storage');
}, 60_000);
afterAll(() => c?.destroy());

const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;
const pod = (claimName = 'data') => `apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'date >> /data/log; trap "exit 0" TERM; sleep 3600 & wait']
    volumeMounts: [{ name: d, mountPath: /data }]
  volumes:
  - name: d
    persistentVolumeClaim: { claimName: ${claimName} }
`;
const phase = (kind: string, name: string) => c.kbx(['get', kind, name, '-o', 'jsonpath={.status.phase}']).stdout;

describe('persistent volumes', () => {
  it('standard class, Pending until a consumer, provisioned and bound, data kept across pod re-creation, deleted with its claim', async () => {
    expect(c.ok('get sc')).toMatch(/^NAME\s+PROVISIONER\s+RECLAIMPOLICY\s+VOLUMEBINDINGMODE\s+ALLOWVOLUMEEXPANSION\s+AGE\nstandard \(default\)\s+kbx\.io\/hostpath\s+Delete\s+WaitForFirstConsumer\s+false\s+\S+\n$/);
    c.ok(['apply', '-f', '-'], { input: claim });
    await waitFor('the claim waits for a consumer', () => /WaitForFirstConsumer\s+\S+\s+persistentvolume-controller\s+waiting for first consumer to be created before binding/.test(c.ok('describe pvc data')), 90_000);
    expect(c.ok('get pvc data --no-headers')).toMatch(/^data\s+Pending\s+standard\s+<unset>\s+\S+\n$/);

    c.ok(['apply', '-f', '-'], { input: pod() });
    await waitFor('writer running', () => phase('pod', 'writer') === 'Running', 120_000);
    const volume = c.ok(['get', 'pvc', 'data', '-o', 'jsonpath={.spec.volumeName}']);
    expect(volume).toMatch(/^pvc-[0-9a-f-]{36}$/);
    expect(c.ok('get pvc data --no-headers')).toMatch(new RegExp(`^data\\s+Bound\\s+${volume}\\s+1Gi\\s+RWO\\s+standard\\s+<unset>\\s+\\S+\\n$`));
    expect(c.ok('get pv --no-headers')).toMatch(new RegExp(`^${volume}\\s+1Gi\\s+RWO\\s+Delete\\s+Bound\\s+default/data\\s+standard\\s+<unset>\\s+\\S+\\n$`));
    expect(c.ok('describe pvc data')).toMatch(/^Used By:\s+writer$/m);
    const first = c.ok(['exec', 'writer', '--', 'cat', '/data/log']);
    expect(first.trim().split('\n')).toHaveLength(1);

    c.ok('delete pod writer');
    c.ok(['apply', '-f', '-'], { input: pod() });
    await waitFor('writer running again', () => phase('pod', 'writer') === 'Running', 120_000);
    const second = c.ok(['exec', 'writer', '--', 'cat', '/data/log']);
    expect(second.startsWith(first)).toBe(true);
    expect(second.trim().split('\n')).toHaveLength(2);
    expect(c.ok('get pv -o name').trim().split('\n')).toEqual([`persistentvolume/${volume}`]); // no second volume

    // The control plane killed with the claim in use: nothing lost, no second volume, the pod keeps its data.
    process.kill(c.serverPid()!, 'SIGKILL');
    await waitFor('the control plane back', () => c.kbx('get pvc data --no-headers').stdout.includes('Bound'), 60_000);
    expect(c.ok('get pv -o name').trim().split('\n')).toEqual([`persistentvolume/${volume}`]);
    expect(c.ok(['exec', 'writer', '--', 'cat', '/data/log'])).toBe(second);

    const dir = `${c.home}/volumes/${volume}`;
    expect(fs.existsSync(dir)).toBe(true);
    c.ok('delete pod writer');
    c.ok('delete pvc data');
    await waitFor('volume reclaimed', () => c.kbx('get pv -o name').stdout === '' && !fs.existsSync(dir), 30_000);
  }, 300_000);

  it('a pod whose claim does not exist stays Pending with the scheduler’s message', async () => {
    c.ok(['apply', '-f', '-'], { input: pod('nothing') });
    await waitFor('FailedScheduling', () => /persistentvolumeclaim "nothing" not found/.test(c.ok('describe pod writer')), 30_000);
    expect(phase('pod', 'writer')).toBe('Pending');
    c.ok('delete pod writer');
  }, 60_000);

  it('subPath into an emptyDir: created when missing, the file is in the volume for the other container', async () => {
    c.ok(['apply', '-f', '-'], {
      input: `apiVersion: v1
kind: Pod
metadata: { name: subpath }
spec:
  terminationGracePeriodSeconds: 1
  initContainers:
  - { name: write, image: busybox:latest, command: ['sh', '-c', 'echo hello > /logs/out'], volumeMounts: [{ name: shared, mountPath: /logs, subPath: app/logs }] }
  containers:
  - { name: read, image: busybox:latest, command: ['sh', '-c', 'cat /all/app/logs/out; trap "exit 0" TERM; sleep 3600 & wait'], volumeMounts: [{ name: shared, mountPath: /all }] }
  volumes:
  - { name: shared, emptyDir: {} }
`,
    });
    await waitFor('the reader printed the file', () => c.kbx('logs subpath -c read').stdout === 'hello\n', 60_000);
    c.ok('delete pod subpath --wait=false');
  }, 90_000);
});
