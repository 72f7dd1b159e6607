// A namespace with a LimitRange and a ResourceQuota, through the real kubectl: defaults appear in
// the pod's spec, a pod over quota is refused with the API server's message, status.used follows
// the pods, and a PriorityClass becomes the pod's priority.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, KUBECTL, requireTool, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  requireTool(KUBECTL);
  c = new Cluster('policy');
  c.ok('create namespace team');
}, 60_000);
afterAll(() => c?.destroy());

const policy = `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: team }
spec:
  limits:
  - type: Container
    default: { cpu: 500m, memory: 128Mi }
    defaultRequest: { cpu: 250m, memory: 64Mi }
    max: { cpu: "1" }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: team }
spec:
  hard: { pods: "2", requests.cpu: 600m }
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: important }
value: 1000
description: for the test
`;

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: team }
spec:
  terminationGracePeriodSeconds: 1
${extra}  containers:
  - name: app
    image: busybox:latest
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']
`;

describe('LimitRange, ResourceQuota and PriorityClass', () => {
  it('defaults, refuses over quota, keeps status.used, resolves priority', async () => {
    const k = (args: string | string[], input?: string) => c.kubectl(args, { input });
    expect(k(['apply', '--validate=false', '-f', '-'], policy).code).toBe(0);
    expect(k(['create', '--validate=false', '-f', '-'], pod('one', '  priorityClassName: important\n')).code).toBe(0);
    const spec = JSON.parse(k('get pod one -n team -o json').stdout);
    expect(spec.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } });
    expect(spec.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
    expect(spec.spec.priority).toBe(1000);
    await waitFor('status.used', () => /requests.cpu: 250m\/600m/.test(k('get quota -n team').stdout));
    expect(k(['create', '--validate=false', '-f', '-'], pod('two')).code).toBe(0);
    const over = k(['create', '--validate=false', '-f', '-'], pod('three'));
    expect(over.code).toBe(1);
    expect(over.stderr.trim()).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "three" is forbidden: exceeded quota: compute, requested: pods=1,requests.cpu=250m, used: pods=2,requests.cpu=500m, limited: pods=2,requests.cpu=600m',
    );
    const big = k(['create', '--validate=false', '-f', '-'], pod('big').replace("    command:", '    resources: { limits: { cpu: "2" } }\n    command:'));
    expect(big.stderr.trim()).toMatch(/pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2$/);
    expect(k('describe quota compute -n team').stdout).toMatch(/pods\s+2\s+2\n/);
    c.ok('delete pod two -n team --now');
    await waitFor('usage to drop', () => /pods: 1\/2/.test(k('get quota -n team').stdout));
    expect(k(['create', '--validate=false', '-f', '-'], pod('four', '  priorityClassName: missing\n')).stderr.trim()).toMatch(/pods "four" is forbidden: no PriorityClass with name missing was found$/);
  }, 120_000);
});
