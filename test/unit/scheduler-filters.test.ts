// The scheduler's filters with kube-scheduler's own cases (plugins' *_test.go), on one node.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { filterNode, fitErrorMessage, tolerates, type NodeView } from '../../src/controllers/scheduler/filters.js';
import { podRequests } from '../../src/controllers/scheduler/requests.js';

const node = (o: Partial<{ labels: Record<string, string>; unschedulable: boolean; taints: NodeView['spec']['taints']; alloc: Record<string, string> }> = {}): NodeView => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'kbx', labels: { 'kubernetes.io/hostname': 'kbx', 'kubernetes.io/os': 'linux', ...(o.labels ?? {}) } },
  spec: { unschedulable: o.unschedulable, taints: o.taints },
  status: { allocatable: o.alloc ?? { cpu: '2', memory: '4Gi', pods: '110' } },
});

let n = 0;
const pod = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${++n}`, namespace: 'default', uid: `u${n}`, ...meta },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
  }) as unknown as Pod;

const withRequests = (requests: Record<string, string>, extra: Record<string, unknown> = {}) => pod({ containers: [{ name: 'c', image: 'busybox', resources: { requests } }], ...extra });

const reasons = (p: Pod, nd = node(), on: Pod[] = []) => filterNode({ pod: p, node: nd, podsOnNode: on })?.reasons ?? [];

describe('NodeResourcesFit', () => {
  it.each([
    [{ cpu: '100' }, ['Insufficient cpu']],
    [{ cpu: '1', memory: '8Gi' }, ['Insufficient memory']],
    [{ cpu: '3', memory: '5Gi' }, ['Insufficient cpu', 'Insufficient memory']],
    [{ cpu: '2', memory: '4Gi' }, []],
    [{ 'example.com/gpu': '1' }, ['Insufficient example.com/gpu']],
  ])('requests %o → %o', (req, want) => expect(reasons(withRequests(req))).toEqual(want));

  it('counts what bound pods request', () => {
    expect(reasons(withRequests({ cpu: '1500m' }), node(), [withRequests({ cpu: '600m' })])).toEqual(['Insufficient cpu']);
    expect(reasons(withRequests({ cpu: '1400m' }), node(), [withRequests({ cpu: '600m' })])).toEqual([]);
  });

  it('Too many pods at the pods allocatable', () => {
    expect(reasons(pod(), node({ alloc: { cpu: '2', memory: '1Gi', pods: '2' } }), [pod(), pod()])).toEqual(['Too many pods']);
  });

  it('requests: a limit without a request counts as the request; init containers take the max; sidecars add up', () => {
    expect(podRequests(pod({ containers: [{ name: 'a', resources: { limits: { cpu: '500m' } } }, { name: 'b', resources: { requests: { cpu: '250m' } } }] })).cpu).toBe(750n);
    expect(podRequests(pod({ initContainers: [{ name: 'i', resources: { requests: { cpu: '2' } } }], containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] })).cpu).toBe(2000n);
    expect(
      podRequests(pod({ initContainers: [{ name: 's', restartPolicy: 'Always', resources: { requests: { cpu: '1' } } }], containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] })).cpu,
    ).toBe(2000n);
  });
});

describe('NodeUnschedulable, TaintToleration', () => {
  it('a cordoned node refuses pods without the unschedulable toleration', () => {
    expect(reasons(pod(), node({ unschedulable: true }))).toEqual(['node(s) were unschedulable']);
    expect(reasons(pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), node({ unschedulable: true }))).toEqual([]);
  });
  it('NoSchedule and NoExecute taints need a toleration; PreferNoSchedule does not', () => {
    const tainted = node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    expect(reasons(pod(), tainted)).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
    expect(reasons(pod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }), tainted)).toEqual([]);
    expect(reasons(pod(), node({ taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }))).toEqual([]);
    expect(reasons(pod(), node({ taints: [{ key: 'gone', effect: 'NoExecute' }] }))).toEqual(['node(s) had untolerated taint {gone: }']);
  });
  it.each([
    [{ key: 'k', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'k', value: 'v' }, true],
    [{ key: 'k', value: 'w' }, false],
    [{ key: 'k', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ value: 'v' }, false],
  ])('toleration %o tolerates k=v:NoSchedule: %s', (t, want) => expect(tolerates(t, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(want));
});

describe('NodeAffinity', () => {
  const nd = node({ labels: { disk: 'ssd', zone: '3' } });
  it.each([
    [{ nodeSelector: { disk: 'ssd' } }, true],
    [{ nodeSelector: { disk: 'hdd' } }, false],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd', 'nvme'] }] }] } } } }, true],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }] } } } }, false],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['2'] }] }] } } } }, true],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kbx'] }] }] } } } }, true],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }, false],
  ])('%o fits: %s', (spec, fits) => expect(reasons(pod(spec), nd)).toEqual(fits ? [] : ["node(s) didn't match Pod's node affinity/selector"]));
});

describe('NodePorts, InterPodAffinity, PodTopologySpread', () => {
  const hp = (port: number, hostIP?: string) => pod({ containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: port, ...(hostIP ? { hostIP } : {}) }] }] });
  it('host ports in use', () => {
    expect(reasons(hp(8080), node(), [hp(8080)])).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    expect(reasons(hp(8080, '127.0.0.1'), node(), [hp(8080, '127.0.0.2')])).toEqual([]);
    expect(reasons(hp(8081), node(), [hp(8080)])).toEqual([]);
  });
  const term = (labels: Record<string, string>) => ({ labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' });
  it('anti-affinity against pods already there, and theirs against the newcomer', () => {
    const web = pod({}, { labels: { app: 'web' } });
    expect(reasons(pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } }, { labels: { app: 'web' } }), node(), [web])).toEqual(["node(s) didn't match pod anti-affinity rules"]);
    const guard = pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } });
    expect(reasons(pod({}, { labels: { app: 'db' } }), node(), [guard])).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
  });
  it('affinity: satisfied by a matching pod, or by the first pod matching its own terms', () => {
    const aff = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'cache' })] } } };
    expect(reasons(pod(aff), node(), [pod({}, { labels: { app: 'cache' } })])).toEqual([]);
    expect(reasons(pod(aff), node(), [])).toEqual(["node(s) didn't match pod affinity rules"]);
    expect(reasons(pod(aff, { labels: { app: 'cache' } }), node(), [])).toEqual([]);
  });
  it('topology spread: one domain never skews, unless minDomains asks for more', () => {
    const c = (minDomains?: number) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'w' } }, ...(minDomains ? { minDomains } : {}) }] });
    const w = () => pod({}, { labels: { app: 'w' } });
    expect(reasons(pod(c(), { labels: { app: 'w' } }), node(), [w(), w()])).toEqual([]);
    expect(reasons(pod(c(2), { labels: { app: 'w' } }), node(), [w()])).toEqual(["node(s) didn't match pod topology spread constraints"]);
  });
});

describe('the FailedScheduling message', () => {
  it('FitError plus the preemption post-filter, as kube-scheduler 1.35 writes it', () => {
    const cpu = filterNode({ pod: withRequests({ cpu: '100' }), node: node(), podsOnNode: [] })!;
    expect(fitErrorMessage(1, [cpu])).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    const sel = filterNode({ pod: pod({ nodeSelector: { disk: 'x' } }), node: node(), podsOnNode: [] })!;
    expect(fitErrorMessage(1, [sel])).toBe("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
    const both = filterNode({ pod: withRequests({ cpu: '3', memory: '5Gi' }), node: node(), podsOnNode: [] })!;
    expect(fitErrorMessage(1, [both])).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  });
  it('the first failing plugin decides (unschedulable before resources)', () => {
    expect(reasons(withRequests({ cpu: '100' }), node({ unschedulable: true }))).toEqual(['node(s) were unschedulable']);
  });
});
