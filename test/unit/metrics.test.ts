import { describe, expect, it } from 'vitest';
import { cpuRate, snapshotOf, type Reading } from '../../src/kubelet/metrics/usage.js';
import { ResourceMetricsCollector } from '../../src/kubelet/metrics/collector.js';
import { statsFromDocker } from '../../src/runtime/docker/convert.js';
import { FakeRuntime } from '../../src/runtime/fake-runtime.js';
import { LABELS } from '../../src/runtime/runtime.js';
import { FakeClock } from '../../src/util/clock.js';
import { cpuQuantity, memoryQuantity, windowString } from '../../src/kubelet/metrics/pod-metrics.js';
import { formatNodeMetrics, formatPodMetrics } from '../../src/cli/commands/top.js';
import { formatGoDuration } from '../../src/cli/duration.js';

const stats = (cpuS: number, mem: number, t: number) => ({ cpuUsageNanoSeconds: cpuS * 1e9, memoryWorkingSetBytes: mem, timestamp: t });

describe('resource usage', () => {
  it('CPU is the rate between two readings; a counter going back starts a new window', () => {
    expect(cpuRate(undefined, stats(1, 0, 1000))).toBeUndefined();
    expect(cpuRate(stats(1, 0, 0), stats(2.5, 0, 10_000))).toBe(150_000_000); // 1.5 s over 10 s = 150m
    expect(cpuRate(stats(5, 0, 0), stats(1, 0, 10_000))).toBeUndefined();
    expect(cpuRate(stats(1, 0, 10_000), stats(2, 0, 10_000))).toBeUndefined();
  });

  it('a pod appears once one of its containers has a window; the node is the sum', () => {
    const r = (id: string, pod: string, container: string, s: ReturnType<typeof stats>): Reading => ({ id, namespace: 'default', pod, podUid: `uid-${pod}`, container, stats: s });
    const prev = new Map([['a', stats(1, 0, 0)], ['b', stats(0, 0, 0)]]);
    const snap = snapshotOf([r('a', 'web', 'app', stats(2, 5 << 20, 10_000)), r('b', 'web', 'side', stats(0.5, 1 << 20, 10_000)), r('c', 'new', 'app', stats(1, 0, 10_000))], prev);
    expect(snap.pods).toEqual([
      { namespace: 'default', name: 'web', uid: 'uid-web', timestamp: 10_000, windowMs: 10_000, containers: [
        { name: 'app', cpuNanoCores: 100_000_000, memoryBytes: 5 << 20 },
        { name: 'side', cpuNanoCores: 50_000_000, memoryBytes: 1 << 20 },
      ] },
    ]);
    expect(snap.node).toEqual({ timestamp: 10_000, windowMs: 10_000, cpuNanoCores: 150_000_000, memoryBytes: 6 << 20 });
  });

  it("Docker's stats: the working set is usage minus inactive file pages (cgroup v1 and v2)", () => {
    const v1 = { read: '2026-12-02T13:38:25.240456067Z', cpu_stats: { cpu_usage: { total_usage: 2072744704 } }, memory_stats: { usage: 2609152, stats: { total_inactive_file: 1974272 } } };
    expect(statsFromDocker(v1, 0)).toEqual({ cpuUsageNanoSeconds: 2072744704, memoryWorkingSetBytes: 634880, timestamp: Date.parse('2026-12-02T13:38:25.240Z') });
    const v2 = { cpu_stats: { cpu_usage: { total_usage: 10 } }, memory_stats: { usage: 100, stats: { inactive_file: 400 } } };
    expect(statsFromDocker(v2, 7)).toEqual({ cpuUsageNanoSeconds: 10, memoryWorkingSetBytes: 0, timestamp: 7 });
    expect(statsFromDocker({ cpu_stats: { cpu_usage: { total_usage: 0 } } }, 7)).toBeNull();
  });

  it('collects one stats reading per pod container per round, none for infrastructure containers', async () => {
    const clock = new FakeClock();
    const rt = new FakeRuntime(clock);
    rt.addImage('busybox');
    const labels = (container: string, role: string) => ({ [LABELS.cluster]: 'c1', [LABELS.namespace]: 'default', [LABELS.pod]: 'web', [LABELS.podUid]: 'u1', [LABELS.container]: container, [LABELS.role]: role });
    const infra = await rt.createContainer({ name: 'infra', image: 'busybox', env: [], mounts: [], labels: labels('POD', 'infra') });
    const app = await rt.createContainer({ name: 'app', image: 'busybox', env: [], mounts: [], labels: labels('app', 'app') });
    await rt.startContainer(infra);
    await rt.startContainer(app);
    const col = new ResourceMetricsCollector({ runtime: rt, clusterId: 'c1', periodMs: 15_000 });
    rt.setUsage(app, 1e9, 3 << 20);
    await col.collect();
    expect(col.snapshot().pods).toEqual([]);
    clock.advance(15_000);
    rt.setUsage(app, 4e9, 4 << 20);
    await col.collect();
    expect(col.snapshot().pods[0]!.containers).toEqual([{ name: 'app', cpuNanoCores: 200_000_000, memoryBytes: 4 << 20 }]);
    expect(rt.callsTo('stats')).toEqual([[app], [app]]);
  });
});

describe('metrics.k8s.io quantities', () => {
  it('as metrics-server serialises them', () => {
    expect(cpuQuantity(150_000_000)).toBe('150m');
    expect(cpuQuantity(1_234_567)).toBe('1234567n');
    expect(memoryQuantity(2617344)).toBe('2556Ki');
    expect(memoryQuantity(1000)).toBe('1k');
    expect(windowString(10_069)).toBe('10.069s');
    expect(windowString(15_000)).toBe('15s');
  });
});

describe('kbx top', () => {
  const pm = (ns: string, name: string, containers: [string, string, string][]) => ({
    metadata: { namespace: ns, name }, containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })),
  });
  const metrics = [pm('default', 'web-b', [['app', '1234567n', '5Mi']]), pm('default', 'web-a', [['app', '250m', '2556Ki'], ['side', '1m', '1Mi']])];

  it('pods: kubectl columns, sorted by name, CPU rounded up to millicores, memory down to Mi', () => {
    expect(formatPodMetrics(metrics, {})).toBe(
      'NAME    CPU(cores)   MEMORY(bytes)   \n' +
      'web-a   251m         3Mi             \n' +
      'web-b   2m           5Mi             \n');
  });

  it('--containers -A --sort-by=memory --sum', () => {
    expect(formatPodMetrics(metrics, { containers: true, allNamespaces: true, sortBy: 'memory', sum: true })).toBe(
      'NAMESPACE   POD     NAME   CPU(cores)   MEMORY(bytes)   \n' +
      'default     web-b   app    2m           5Mi             \n' +
      'default     web-a   app    250m         2Mi             \n' +
      'default     web-a   side   1m           1Mi             \n' +
      '                           ________     ________        \n' +
      '                           253m         8Mi             \n');
  });

  it('nodes: percentages of allocatable; a node without metrics is <unknown>', () => {
    const nodes = [
      { metadata: { name: 'kbx' }, status: { allocatable: { cpu: '2', memory: '4Gi' }, capacity: { cpu: '4', memory: '8Gi' } } },
      { metadata: { name: 'other' }, status: {} },
    ];
    const m = [{ metadata: { name: 'kbx' }, usage: { cpu: '500m', memory: '1Gi' } }];
    expect(formatNodeMetrics(nodes, m, {})).toBe(
      'NAME    CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n' +
      'kbx     500m         25%         1024Mi          25%         \n' +
      'other   <unknown>    <unknown>   <unknown>       <unknown>   \n');
    expect(formatNodeMetrics(nodes.slice(0, 1), m, { showCapacity: true, headers: false })).toBe('kbx   500m   12%   1024Mi   12%   \n');
  });

  it("ages as Go's Duration.String()", () => {
    expect(formatGoDuration(151_500)).toBe('2m31.5s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
    expect(formatGoDuration(450)).toBe('450ms');
  });
});

describe('metrics.k8s.io responses', async () => {
  const { Registry } = await import('../../src/registry/registry.js');
  const { Store } = await import('../../src/store/store.js');
  const { resourceByKind } = await import('../../src/api/registry.js');
  const { metricsResponse } = await import('../../src/apiserver/metrics-api.js');
  const os = await import('node:os');
  const fs = await import('node:fs');
  const path = await import('node:path');

  it('PodMetrics for the pods with usage, selected by the pods labels; a missing one in metrics-server words', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-metrics-'));
    try {
      const reg = new Registry(Store.open(dir), new FakeClock());
      const pods = resourceByKind('v1', 'Pod')!;
      reg.create(resourceByKind('v1', 'Namespace')!, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as never);
      const mk = (name: string, app: string) => reg.create(pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } as never);
      const a = mk('a', 'web');
      mk('b', 'db');
      const snap = { pods: [{ namespace: 'default', name: 'a', uid: a.metadata.uid!, timestamp: Date.UTC(2026, 0, 1), windowMs: 15_000, containers: [{ name: 'c', cpuNanoCores: 5_000_000, memoryBytes: 2 << 20 }] }] };
      const pm = resourceByKind('metrics.k8s.io/v1beta1', 'PodMetrics')!;
      const list = metricsResponse(reg, { info: pm, namespace: 'default' }, new URLSearchParams('labelSelector=app%3Dweb'), snap) as { items: KObjectLike[] };
      expect(list.items).toEqual([{
        kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'a', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'web' } },
        timestamp: '2026-01-01T00:00:00Z', window: '15s', containers: [{ name: 'c', usage: { cpu: '5m', memory: '2Mi' } }],
      }]);
      expect((metricsResponse(reg, { info: pm, namespace: 'default' }, new URLSearchParams('labelSelector=app%3Ddb'), snap) as { items: unknown[] }).items).toEqual([]);
      expect(() => metricsResponse(reg, { info: pm, namespace: 'default', name: 'b' }, new URLSearchParams(), snap)).toThrow('podmetrics.metrics.k8s.io "default/b" not found');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

type KObjectLike = Record<string, unknown>;
