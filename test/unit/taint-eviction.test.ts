// Cases after pkg/controller/tainteviction/taint_eviction_test.go (TestCreatePod, TestUpdateNode,
// TestGetMinTolerationTime).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { planTaintEviction } from '../../src/controllers/tainteviction/plan.js';

const pod = (tolerations?: any[]) => ({ metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'n', containers: [], tolerations } }) as unknown as Pod;
const T = { key: 'k', value: 'v', effect: 'NoExecute' };
const NOW = 1_000_000;

describe('planTaintEviction', () => {
  const cases: { name: string; pod: Pod; taints: any[]; since?: number; want: unknown }[] = [
    { name: 'no taints', pod: pod(), taints: [], want: { kind: 'none' } },
    { name: 'NoSchedule taints do not evict', pod: pod(), taints: [{ key: 'k', effect: 'NoSchedule' }], want: { kind: 'none' } },
    { name: 'untolerated NoExecute evicts now', pod: pod(), taints: [T], want: { kind: 'evict' } },
    { name: 'tolerated forever', pod: pod([{ key: 'k', operator: 'Exists', effect: 'NoExecute' }]), taints: [T], want: { kind: 'none' } },
    { name: 'tolerated for 30s', pod: pod([{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute', tolerationSeconds: 30 }]), taints: [T], want: { kind: 'schedule', at: NOW + 30_000 } },
    { name: 'counted from when first seen', pod: pod([{ key: 'k', operator: 'Exists', tolerationSeconds: 30 }]), taints: [T], since: NOW - 10_000, want: { kind: 'schedule', at: NOW + 20_000 } },
    { name: 'tolerationSeconds 0 or negative evicts now', pod: pod([{ key: 'k', operator: 'Exists', tolerationSeconds: -5 }]), taints: [T], want: { kind: 'evict' } },
    {
      name: 'the shortest of several tolerations wins',
      pod: pod([{ key: 'k', operator: 'Exists', tolerationSeconds: 60 }, { key: 'j', operator: 'Exists', tolerationSeconds: 10 }]),
      taints: [T, { key: 'j', effect: 'NoExecute' }],
      want: { kind: 'schedule', at: NOW + 10_000 },
    },
    { name: 'one taint untolerated among tolerated ones', pod: pod([{ key: 'k', operator: 'Exists' }]), taints: [T, { key: 'j', effect: 'NoExecute' }], want: { kind: 'evict' } },
  ];
  for (const c of cases) it(c.name, () => expect(planTaintEviction(c.pod, c.taints, NOW, c.since)).toEqual(c.want));
});
