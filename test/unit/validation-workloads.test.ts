// DaemonSet/StatefulSet validation messages (pkg/apis/apps/validation/validation_test.go cases).
import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../src/api/field-errors.js';
import { defaultDaemonSet, defaultStatefulSet } from '../../src/api/defaults-apps.js';
import { validateDaemonSet, validateStatefulSet, validateStatefulSetUpdate } from '../../src/api/validation-workloads.js';

const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
const ds = (spec: Record<string, any>) => defaultDaemonSet({ metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template, ...spec } }) as any;
const sts = (spec: Record<string, any>) => defaultStatefulSet({ metadata: { name: 's' }, spec: { selector: { matchLabels: { a: 'b' } }, template, ...spec } }) as any;
const msgs = (errs: ReturnType<typeof validateDaemonSet>) => errs.map(formatFieldError);

describe('DaemonSet', () => {
  it('defaults RollingUpdate 1/0 and passes', () => {
    const d = ds({});
    expect(d.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(validateDaemonSet(d)).toEqual([]);
  });
  it('refuses maxSurge with maxUnavailable, and both zero', () => {
    expect(msgs(validateDaemonSet(ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } })))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    ]);
    expect(msgs(validateDaemonSet(ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } })))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
  });
  it('refuses an empty selector and a template that does not match', () => {
    expect(msgs(validateDaemonSet(ds({ selector: { matchLabels: { x: 'y' } } })))[0]).toBe(
      'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
    );
  });
});

describe('StatefulSet', () => {
  it('defaults and passes', () => {
    const s = sts({});
    expect(s.spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 });
    expect(validateStatefulSet(s)).toEqual([]);
  });
  it('refuses a bad podManagementPolicy and OnDelete with rollingUpdate', () => {
    expect(msgs(validateStatefulSet(sts({ podManagementPolicy: 'Fast' })))).toEqual([
      `spec.podManagementPolicy: Invalid value: "Fast": must be 'OrderedReady' or 'Parallel'`,
    ]);
    expect(msgs(validateStatefulSet(sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } })))[0]).toMatch(
      /^spec.updateStrategy.rollingUpdate: Invalid value: .*only allowed for updateStrategy 'RollingUpdate'$/,
    );
  });
  it('validates volumeClaimTemplates as claims, and lets the pod template mount them', () => {
    const claim = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
    const mounting = { ...template, spec: { containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'www', mountPath: '/d' }] }] } };
    const ok = sts({ template: mounting, volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: claim }] });
    expect(msgs(validateStatefulSet(ok))).toEqual([]);
    expect(ok.spec.volumeClaimTemplates[0]).toEqual({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www' }, spec: { ...claim, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(msgs(validateStatefulSet(sts({ template: mounting })))).toContain('spec.template.spec.containers[0].volumeMounts[0].name: Not found: "www"');
    const cases: [unknown, RegExp][] = [
      [{ spec: claim }, /^spec.volumeClaimTemplates\[0\].metadata.name: Required value/],
      [{ metadata: { name: 'Www' }, spec: claim }, /^spec.volumeClaimTemplates\[0\].metadata.name: Invalid value: "Www": a lowercase RFC 1123 label/],
      [{ metadata: { name: 'www' }, spec: { resources: claim.resources } }, /^spec.volumeClaimTemplates\[0\].spec.accessModes: Required value: at least 1 access mode is required$/],
      [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }, /^spec.volumeClaimTemplates\[0\].spec.resources.requests.storage: Required value/],
    ];
    for (const [t, re] of cases) expect(msgs(validateStatefulSet(sts({ volumeClaimTemplates: [t] })))[0]).toMatch(re);
    const dup = sts({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: claim }, { metadata: { name: 'www' }, spec: claim }] });
    expect(msgs(validateStatefulSet(dup))).toEqual(['spec.volumeClaimTemplates[1].metadata.name: Duplicate value: "www"']);
  });
  it('allows only the mutable fields to change', () => {
    const a = sts({});
    expect(validateStatefulSetUpdate({ ...a, spec: { ...a.spec, replicas: 5 } }, a)).toEqual([]);
    expect(msgs(validateStatefulSetUpdate({ ...a, spec: { ...a.spec, serviceName: 'other' } }, a))[0]).toMatch(/^spec: Forbidden: updates to statefulset spec for fields other than/);
  });
});
