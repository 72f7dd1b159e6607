// LimitRanger and Priority admission, with the plugins' cases and messages
// (plugin/pkg/admission/limitranger/admission_test.go, plugin/pkg/admission/priority/admission_test.go).
import { describe, expect, it } from 'vitest';
import { limitRangerAdmission } from '../../src/admission/limit-ranger.js';
import { defaultLimitRange } from '../../src/api/validation-limitrange.js';
import { priorityAdmission } from '../../src/admission/priority.js';
import type { AdmissionReader } from '../../src/admission/admission.js';
import { resourceByKind } from '../../src/api/registry.js';
import type { KObject } from '../../src/api/types.js';

const POD = resourceByKind('v1', 'Pod')!;
const PC = resourceByKind('scheduling.k8s.io/v1', 'PriorityClass')!;
const reader = (objs: Record<string, KObject[]>): AdmissionReader => ({ listKind: (_v, kind) => objs[kind] ?? [], getObject: (_v, kind, _ns, name) => (objs[kind] ?? []).find((o) => o.metadata.name === name) });
const pod = (resources: object, extra: object = {}) => ({ metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [{ name: 'app', resources }], ...extra } }) as unknown as KObject;
const range = (item: object) => {
  const lr = { metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', ...item }] } } as unknown as KObject;
  defaultLimitRange(lr);
  return lr;
};

describe('LimitRanger', () => {
  it('defaults requests and limits and notes them in the annotation', () => {
    const p = pod({});
    limitRangerAdmission.admitCreate!(POD, p, reader({ LimitRange: [range({ default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { memory: '256Mi' } })] }));
    expect((p as any).spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '500m', memory: '256Mi' } });
    expect(p.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app' });
  });
  it('a container with a limit keeps it as its request; max is the default limit', () => {
    const p = pod({ limits: { cpu: '200m' } });
    limitRangerAdmission.admitCreate!(POD, p, reader({ LimitRange: [range({ max: { cpu: '1' }, defaultRequest: { cpu: '100m' } })] }));
    expect((p as any).spec.containers[0].resources).toEqual({ limits: { cpu: '200m' } });
  });
  it('min, max and ratio, in the plugin words', () => {
    const refuse = (resources: object, item: object) => {
      try {
        limitRangerAdmission.admitCreate!(POD, pod(resources), reader({ LimitRange: [range(item)] }));
      } catch (e) {
        return (e as Error).message;
      }
      return 'admitted';
    };
    expect(refuse({ limits: { cpu: '2' } }, { max: { cpu: '1' } })).toBe('pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
    expect(refuse({ requests: { memory: '10Mi' }, limits: { memory: '20Mi' } }, { min: { memory: '16Mi' } })).toBe('pods "p" is forbidden: minimum memory usage per Container is 16Mi, but request is 10Mi');
    expect(refuse({ requests: { cpu: '100m' }, limits: { cpu: '400m' } }, { maxLimitRequestRatio: { cpu: '2' } })).toBe(
      'pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
    );
    expect(refuse({ requests: { cpu: '100m' }, limits: { cpu: '200m' } }, { min: { cpu: '50m' }, max: { cpu: '1' } })).toBe('admitted');
  });
});

describe('Priority', () => {
  const classes = [
    { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' },
    { metadata: { name: 'default' }, value: 10, globalDefault: true, preemptionPolicy: 'PreemptLowerPriority' },
  ] as unknown as KObject[];
  it('resolves the class to its value and policy; no name means the global default', () => {
    const p = pod({}, { priorityClassName: 'high' });
    priorityAdmission.admitCreate!(POD, p, reader({ PriorityClass: classes }));
    expect((p as any).spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
    const q = pod({});
    priorityAdmission.admitCreate!(POD, q, reader({ PriorityClass: classes }));
    expect((q as any).spec).toMatchObject({ priorityClassName: 'default', priority: 10 });
    const r = pod({});
    priorityAdmission.admitCreate!(POD, r, reader({}));
    expect((r as any).spec.priority).toBe(0);
  });
  it('refuses an unknown class, a contradicting priority, a second global default', () => {
    expect(() => priorityAdmission.admitCreate!(POD, pod({}, { priorityClassName: 'nope' }), reader({ PriorityClass: classes }))).toThrow(
      'pods "p" is forbidden: no PriorityClass with name nope was found',
    );
    expect(() => priorityAdmission.admitCreate!(POD, pod({}, { priorityClassName: 'high', priority: 5 }), reader({ PriorityClass: classes }))).toThrow(
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
    const second = { metadata: { name: 'other' }, value: 1, globalDefault: true } as unknown as KObject;
    expect(() => priorityAdmission.admitCreate!(PC, second, reader({ PriorityClass: classes }))).toThrow(
      'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass default is already marked as default. Only one default can exist',
    );
  });
});

import { resourceQuotaAdmission, usage } from '../../src/admission/resource-quota.js';
import { quotaStatus } from '../../src/controllers/resourcequota.js';

describe('ResourceQuota', () => {
  const quota = { metadata: { name: 'compute', namespace: 'ns' }, spec: { hard: { pods: '2', 'requests.cpu': '1', 'count/deployments.apps': '1' } } } as unknown as KObject;
  const running = (name: string, cpu: string, phase = 'Running') =>
    ({ metadata: { name, namespace: 'ns' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu } } }] }, status: { phase } }) as unknown as KObject;
  const objs = { ResourceQuota: [quota], Pod: [running('a', '600m'), running('done', '900m', 'Succeeded')] };
  it('usage counts non-terminal pods and their requests', () => {
    expect(quotaStatus(quota as any, (info) => (info.kind === 'Pod' ? objs.Pod : []))).toEqual({
      hard: { pods: '2', 'requests.cpu': '1', 'count/deployments.apps': '1' },
      used: { pods: '1', 'requests.cpu': '600m', 'count/deployments.apps': '0' },
    });
    expect(Object.keys(usage({ 'limits.memory': '1Gi' }, () => []))).toEqual(['limits.memory']);
  });
  it('refuses a create over hard with the API server words, and a pod that does not say its request', () => {
    expect(() => resourceQuotaAdmission.admitCreate!(POD, running('b', '500m'), reader(objs))).toThrow(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1',
    );
    expect(() => resourceQuotaAdmission.admitCreate!(POD, running('b', '400m'), reader(objs))).not.toThrow();
    expect(() => resourceQuotaAdmission.admitCreate!(POD, pod({}), reader(objs))).toThrow('pods "p" is forbidden: failed quota: compute: must specify requests.cpu');
    const deploy = resourceByKind('apps/v1', 'Deployment')!;
    const d = { metadata: { name: 'd2', namespace: 'ns' }, spec: {} } as unknown as KObject;
    expect(() => resourceQuotaAdmission.admitCreate!(deploy, d, reader({ ...objs, Deployment: [d] }))).toThrow(
      'deployments.apps "d2" is forbidden: exceeded quota: compute, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });
});
