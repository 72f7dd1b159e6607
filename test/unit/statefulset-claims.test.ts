// Cases after pkg/controller/statefulset/stateful_set_utils_test.go (TestGetPersistentVolumeClaims,
// TestUpdateStorage, TestUpdateClaimOwnerRefForSetAndPod) and newStatefulSetPod's storage.
import { describe, expect, it } from 'vitest';
import type { KObject, Pod } from '../../src/api/types.js';
import { claimName, claimsForOrdinal, desiredClaimOwners, ownersMatch, withClaimVolumes } from '../../src/controllers/statefulset/claims.js';
import { newStatefulSetPod } from '../../src/controllers/statefulset/plan.js';

const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
function sts(policy: Record<string, string> = {}, templates = ['data']): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'ns', uid: 'set-uid' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'data', emptyDir: {} }, { name: 'conf', configMap: { name: 'c' } }] } },
      volumeClaimTemplates: templates.map((n) => ({ metadata: { name: n, labels: { tier: 'db' } }, spec: claimSpec })),
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain', ...policy },
    },
  };
}
const pod = (ord: number): Pod => ({ ...newStatefulSetPod(sts(), ord, 'r1'), metadata: { ...newStatefulSetPod(sts(), ord, 'r1').metadata, uid: `pod-${ord}` } });

describe('claims', () => {
  it('getPersistentVolumeClaimName and getPersistentVolumeClaims: template labels plus the selector', () => {
    expect(claimName(sts(), 'data', 3)).toBe('data-web-3');
    const [c] = claimsForOrdinal(sts(), 1);
    expect(c).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-web-1', namespace: 'ns', labels: { tier: 'db', app: 'web' } },
      spec: claimSpec,
    });
    expect(claimsForOrdinal(sts({}, []), 0)).toEqual([]);
  });

  it('updateStorage: a claim volume per template replaces the template volume of that name', () => {
    const spec = withClaimVolumes(sts({}, ['data', 'logs']), sts().spec.template.spec, 0);
    expect(spec.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } },
      { name: 'logs', persistentVolumeClaim: { claimName: 'logs-web-0' } },
      { name: 'conf', configMap: { name: 'c' } },
    ]);
    expect(newStatefulSetPod(sts(), 1, 'r1').spec.volumes?.[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } });
    const none = sts({}, []);
    expect(withClaimVolumes(none, none.spec.template.spec, 0)).toBe(none.spec.template.spec);
  });

  it('updateClaimOwnerRefForSetAndPod: the retention policy decides the owners', () => {
    const claim = claimsForOrdinal(sts(), 1)[0]!;
    const other = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'other' };
    const setRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid' };
    const podRef = { apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'pod-1' };
    const cases: [Record<string, string>, boolean, string[]][] = [
      [{}, false, []],
      [{}, true, []],
      [{ whenDeleted: 'Delete' }, false, ['set-uid']],
      [{ whenDeleted: 'Delete' }, true, ['set-uid']],
      [{ whenScaled: 'Delete' }, false, []],
      [{ whenScaled: 'Delete' }, true, ['pod-1']],
      [{ whenDeleted: 'Delete', whenScaled: 'Delete' }, false, ['set-uid']],
      [{ whenDeleted: 'Delete', whenScaled: 'Delete' }, true, ['pod-1']],
    ];
    for (const [policy, condemned, want] of cases) {
      for (const start of [[], [setRef], [podRef], [setRef, podRef]]) {
        const got = desiredClaimOwners(sts(policy), { ...claim, metadata: { ...claim.metadata, ownerReferences: [other, ...start] } }, pod(1), condemned);
        expect(got.map((r) => r.uid), JSON.stringify({ policy, condemned, start })).toEqual(['other', ...want]);
      }
    }
    expect(desiredClaimOwners(sts({ whenDeleted: 'Delete', whenScaled: 'Delete' }), claim, pod(1), true)).toEqual([podRef]);
    expect(desiredClaimOwners(sts({ whenDeleted: 'Delete' }), claim, undefined, false)).toEqual([setRef]);
    expect(ownersMatch(undefined, [])).toBe(true);
    expect(ownersMatch([podRef, setRef], [setRef, podRef])).toBe(true);
    expect(ownersMatch([setRef], [])).toBe(false);
  });
});
