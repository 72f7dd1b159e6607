import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { hpaFromV1, hpaToV1 } from '../../src/api/autoscaling-v1.js';
import { parsePath } from '../../src/apiserver/routes.js';
import { aggregatedDiscovery, apiResourceList, legacyApiGroupList } from '../../src/apiserver/discovery.js';

const v2 = {
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    behavior: { scaleDown: { stabilizationWindowSeconds: 30 } },
  },
  status: {
    currentReplicas: 2, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 70, averageValue: '70m' } } }],
    conditions: [{ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale' }],
  },
} as unknown as KObject;

describe('autoscaling/v1 by conversion', () => {
  it('shows the CPU target and current utilization, behavior and conditions in the alpha annotations', () => {
    const v1 = hpaToV1(v2);
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 });
    expect(v1.status).toEqual({ currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 70 });
    expect(JSON.parse(v1.metadata.annotations!['autoscaling.alpha.kubernetes.io/behavior']!)).toEqual({ scaleDown: { stabilizationWindowSeconds: 30 } });
    expect(JSON.parse(v1.metadata.annotations!['autoscaling.alpha.kubernetes.io/conditions']!)).toEqual([{ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale' }]);
  });

  it('a v1 body becomes the v2 object (the CPU target, 80% when absent; the behavior from its annotation)', () => {
    const back = hpaFromV1(hpaToV1(v2));
    expect(back.spec).toEqual(v2.spec);
    expect(back.metadata.annotations).toBeUndefined();
    const bare = hpaFromV1({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'x' }, maxReplicas: 3 } } as KObject);
    expect(bare.spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  it('is routed and discovered beside v2 (preferred), as is metrics.k8s.io/v1beta1', () => {
    const r = parsePath('/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web');
    expect(r.type === 'resource' && [r.req.info.version, r.req.version, r.req.name]).toEqual(['v2', 'v1', 'web']);
    const r2 = parsePath('/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers');
    expect(r2.type === 'resource' && r2.req.version).toBeUndefined();
    expect(parsePath('/apis/autoscaling/v2beta2/namespaces/default/horizontalpodautoscalers').type).toBe('notFound');
    expect(parsePath('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods').type).toBe('resource');
    const group = legacyApiGroupList().groups.find((g) => g.name === 'autoscaling')!;
    expect(group.versions.map((v) => v.groupVersion)).toEqual(['autoscaling/v2', 'autoscaling/v1']);
    expect(group.preferredVersion.groupVersion).toBe('autoscaling/v2');
    expect(apiResourceList('autoscaling', 'v1')!.resources.map((x) => x.name)).toEqual(['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
    const agg = aggregatedDiscovery(false).items.find((g) => g.metadata.name === 'autoscaling')!;
    expect(agg.versions.map((v) => [v.version, v.resources[0]!.responseKind.version])).toEqual([['v2', 'v2'], ['v1', 'v1']]);
    const metrics = aggregatedDiscovery(false).items.find((g) => g.metadata.name === 'metrics.k8s.io')!;
    expect(metrics.versions[0]!.resources.map((x) => [x.resource, x.responseKind.kind, x.verbs])).toEqual([['nodes', 'NodeMetrics', ['get', 'list']], ['pods', 'PodMetrics', ['get', 'list']]]);
  });
});
