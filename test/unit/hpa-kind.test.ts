import { describe, expect, it } from 'vitest';
import type { KObject, Pod } from '../../src/api/types.js';
import { defaultHPA, type HPA } from '../../src/api/autoscaling.js';
import { validateHPA } from '../../src/api/validation-autoscaling.js';
import { formatFieldError } from '../../src/api/field-errors.js';
import { formatHPAMetrics, printHPA } from '../../src/printers/columns-autoscaling.js';
import { describeHPA } from '../../src/printers/describe-autoscaling.js';
import { newMemory } from '../../src/controllers/podautoscaler/normalize.js';
import { applyConditions, finishSync, planSync, statusAfter } from '../../src/controllers/podautoscaler/reconcile.js';
import { autoscalerFor, resourceMetric } from '../../src/cli/commands/autoscale.js';
import { rfc3339 } from '../../src/util/clock.js';

const NOW = Date.UTC(2026, 0, 1, 12);

const hpa = (spec: Partial<HPA['spec']> = {}): HPA =>
  defaultHPA({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default', generation: 1, creationTimestamp: rfc3339(NOW - 60_000) }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...spec } as HPA['spec'] });

describe('HorizontalPodAutoscaler defaults and validation', () => {
  it('defaults minReplicas 1 and a CPU 80% target; behavior only when given', () => {
    const h = hpa();
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(h.spec.behavior).toBeUndefined();
    const b = hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 10 } } });
    expect(b.spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 10, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it("refuses what the API server refuses, in its words", () => {
    const errs = validateHPA({ metadata: {}, spec: { scaleTargetRef: { kind: 'Deployment' }, minReplicas: 5, maxReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }], behavior: { scaleDown: { policies: [{ type: 'Pods', value: 0, periodSeconds: 2000 }], selectPolicy: 'Sometimes' } } } } as KObject).map(formatFieldError);
    expect(errs).toEqual([
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
      'spec.scaleTargetRef.name: Required value',
      'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      'spec.behavior.scaleDown.selectPolicy: Unsupported value: "Sometimes": supported values: "Disabled", "Max", "Min"',
      'spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 2000: must be less than or equal to 1800',
    ]);
  });
});

describe('kubectl get hpa / describe hpa', () => {
  it('TARGETS as kubectl prints them', () => {
    const cpu = { type: 'Resource' as const, resource: { name: 'cpu', target: { type: 'Utilization' as const, averageUtilization: 50 } } };
    const mem = { type: 'Resource' as const, resource: { name: 'memory', target: { type: 'AverageValue' as const, averageValue: '100Mi' } } };
    expect(formatHPAMetrics([cpu], null)).toBe('cpu: <unknown>/50%');
    expect(formatHPAMetrics([cpu, mem], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '12m' } } }, { type: 'Resource', resource: { name: 'memory', current: { averageValue: '5Mi' } } }])).toBe('cpu: 12%/50%, memory: 5Mi/100Mi');
    expect(formatHPAMetrics([cpu, cpu, mem], [])).toBe('cpu: <unknown>/50%, cpu: <unknown>/50% + 1 more...');
    expect(formatHPAMetrics([], [])).toBe('<none>');
    expect(printHPA(hpa() as unknown as KObject, NOW).cells).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/80%', '1', 10, 0, '60s']);
  });

  it('describe', () => {
    const h = hpa();
    h.status = { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0, averageValue: '1m' } } }], conditions: [{ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }] };
    const text = describeHPA(h as unknown as KObject, [], { now: NOW, timeZone: 'UTC' });
    expect(text).toContain('Reference:                                             Deployment/web\n');
    expect(text).toContain('  resource cpu on pods  (as a percentage of request):  0% (1m) / 80%\n');
    expect(text).toContain('Deployment pods:                                       1 current / 1 desired\n');
    expect(text).toContain('  AbleToScale  True    ReadyForNewScale  recommended size matches current size\n');
  });
});

describe('one sync (reconcileAutoscaler)', () => {
  const pod = (name: string, cpu: string): Pod => ({
    metadata: { name, namespace: 'default', uid: name },
    spec: { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu } } }] },
    status: { phase: 'Running', startTime: rfc3339(NOW - 600_000), conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(NOW - 590_000) }] },
  }) as Pod;
  const usage = (name: string, cpu: string) => ({ name, timestamp: NOW - 5000, windowMs: 15_000, containers: [{ name: 'app', usage: { cpu, memory: '1Mi' } }] });

  it('scales up above the target, with the events and conditions Kubernetes writes', () => {
    const h = hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    const mem = newMemory();
    const plan = planSync({ hpa: h, scale: { replicas: 2, selector: 'app=web' }, pods: [pod('a', '100m'), pod('b', '100m')], metrics: [usage('a', '150m'), usage('b', '150m')], mem, now: NOW });
    expect([plan.rescale, plan.desiredReplicas, plan.rescaleReason]).toEqual([true, 4, 'cpu resource utilization (percentage of request) above target']); // 6 wanted, max(2×2, 4) allowed
    const done = finishSync(plan, {});
    expect(done.events).toEqual([{ type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target' }]);
    const st = statusAfter(h, done, NOW);
    expect(st.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 150, averageValue: '150m' } } }]);
    expect(st.conditions!.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['AbleToScale', 'True', 'SucceededRescale'], ['ScalingActive', 'True', 'ValidMetricFound'], ['ScalingLimited', 'True', 'ScaleUpLimit'],
    ]);
    expect(st.lastScaleTime).toBe(rfc3339(NOW));
  });

  it('without metrics: ScalingActive False, FailedGetResourceMetric and FailedComputeMetricsReplicas', () => {
    const plan = planSync({ hpa: hpa(), scale: { replicas: 1, selector: 'app=web' }, pods: [pod('a', '100m')], metrics: [], mem: newMemory(), now: NOW });
    expect(plan.rescale).toBe(false);
    expect(plan.events).toEqual([
      { type: 'Warning', reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' },
      { type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: 'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' },
    ]);
    expect(plan.conditions.at(-1)).toEqual({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' });
  });

  it('a missing target: AbleToScale False FailedGetScale', () => {
    const plan = planSync({ hpa: hpa(), scale: { error: 'deployments.apps "web" not found' }, pods: [], metrics: [], mem: newMemory(), now: NOW });
    expect(plan.conditions).toEqual([{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "web" not found' }]);
    expect(plan.events).toEqual([{ type: 'Warning', reason: 'FailedGetScale', message: 'deployments.apps "web" not found' }]);
  });

  it('replicas above max are brought down whatever the metrics; a zero target disables scaling', () => {
    const over = planSync({ hpa: hpa({ maxReplicas: 3 }), scale: { replicas: 5, selector: 'app=web' }, pods: [], metrics: [], mem: newMemory(), now: NOW });
    expect([over.rescale, over.desiredReplicas, over.rescaleReason]).toEqual([true, 3, 'Current number of replicas above Spec.MaxReplicas']);
    const zero = planSync({ hpa: hpa(), scale: { replicas: 0, selector: 'app=web' }, pods: [], metrics: [], mem: newMemory(), now: NOW });
    expect(zero.rescale).toBe(false);
    expect(zero.conditions.at(-1)).toMatchObject({ reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
  });

  it("a condition's lastTransitionTime moves only with its status", () => {
    const first = applyConditions(undefined, [{ type: 'AbleToScale', status: 'True', reason: 'A', message: 'a' }], NOW);
    const same = applyConditions(first, [{ type: 'AbleToScale', status: 'True', reason: 'B', message: 'b' }], NOW + 60_000);
    expect(same[0]).toEqual({ type: 'AbleToScale', status: 'True', lastTransitionTime: rfc3339(NOW), reason: 'B', message: 'b' });
  });
});

describe('kbx autoscale', () => {
  it("builds kubectl's HPA: --cpu 50% or 500 (milliCPU), --memory 200 (Mi)", () => {
    expect(resourceMetric('cpu', '500')).toEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } });
    expect(resourceMetric('memory', '200')).toEqual({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } });
    expect(() => resourceMetric('cpu', 'abc')).toThrow('invalid resource cpu value: abc');
    expect(() => resourceMetric('cpu', '-5%')).toThrow('invalid percentage value: -5');
    const target = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } as KObject;
    expect(autoscalerFor(target, { min: -1, max: 5, cpuPercent: 50 }).spec).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    });
  });
});
