import { describe, it, expect } from 'vitest';
import { claimInUse, findMatchingVolume, planClaim, planVolume, LOCAL_PROVISIONER, PROVISIONED_BY, SELECTED_NODE } from '../../src/controllers/volume/persistentvolume/plan.js';
import { volumeBinding, preFilterMessage } from '../../src/controllers/scheduler/volume-binding.js';
import { accessModesString, validatePersistentVolume, validatePersistentVolumeClaimUpdate } from '../../src/api/validation-storage.js';
import { PVC_PRINTER, PV_PRINTER, STORAGECLASS_PRINTER } from '../../src/printers/columns-storage.js';
import type { KObject, Pod } from '../../src/api/types.js';

const claim = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}, status: Record<string, unknown> = { phase: 'Pending' }): KObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'u1', ...meta }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem', ...spec }, status }) as KObject;
const pv = (name: string, spec: Record<string, unknown> = {}, phase = 'Available', meta: Record<string, unknown> = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, ...meta }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/x' }, ...spec }, status: { phase } }) as KObject;
const sc = (name: string, mode = 'Immediate', provisioner = LOCAL_PROVISIONER): KObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, volumeBindingMode: mode, reclaimPolicy: 'Delete' }) as KObject;
const classes = (...l: KObject[]) => new Map(l.map((c) => [c.metadata.name!, c]));

describe('findMatchingVolume (Kubernetes’ binder cases)', () => {
  it('the smallest volume that fits, of the same class, access modes and selector', () => {
    const vols = [pv('big', { capacity: { storage: '10Gi' } }), pv('small', { capacity: { storage: '2Gi' } }), pv('tiny', { capacity: { storage: '500Mi' } })];
    expect(findMatchingVolume(claim({ storageClassName: '' }), vols)?.metadata.name).toBe('small');
    expect(findMatchingVolume(claim({ storageClassName: 'fast' }), vols)).toBeUndefined();
    expect(findMatchingVolume(claim({ storageClassName: '', accessModes: ['ReadWriteMany'] }), vols)).toBeUndefined();
    expect(findMatchingVolume(claim({ storageClassName: '', selector: { matchLabels: { tier: 'gold' } } }), [...vols, pv('gold', { capacity: { storage: '20Gi' } }, 'Available', { labels: { tier: 'gold' } })])?.metadata.name).toBe('gold');
  });

  it('skips volumes bound to other claims or released; takes one pre-bound to this claim first', () => {
    const other = pv('other', { claimRef: { namespace: 'default', name: 'x', uid: 'u9' } }, 'Bound');
    const released = pv('rel', {}, 'Released');
    const pre = pv('pre', { capacity: { storage: '50Gi' }, claimRef: { namespace: 'default', name: 'data' } });
    expect(findMatchingVolume(claim({ storageClassName: '' }), [other, released])).toBeUndefined();
    expect(findMatchingVolume(claim({ storageClassName: '' }), [pv('a'), pre])?.metadata.name).toBe('pre');
  });
});

describe('planClaim', () => {
  it('a claim without class gets the default class; WaitForFirstConsumer waits for a node; then the local provisioner', () => {
    expect(planClaim({ claim: claim(), volumes: [], classes: classes(sc('standard')), defaultClass: 'standard' })).toEqual({ type: 'setDefaultClass', className: 'standard' });
    const wffc = classes(sc('standard', 'WaitForFirstConsumer'));
    expect(planClaim({ claim: claim({ storageClassName: 'standard' }), volumes: [], classes: wffc })).toMatchObject({ type: 'pending', event: { reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' } });
    expect(planClaim({ claim: claim({ storageClassName: 'standard' }, { annotations: { [SELECTED_NODE]: 'kbx' } }), volumes: [], classes: wffc })).toEqual({ type: 'provision', className: 'standard' });
    expect(planClaim({ claim: claim({ storageClassName: 'standard' }), volumes: [], classes: classes(sc('standard')) })).toEqual({ type: 'provision', className: 'standard' });
  });

  it('no class and no volume, a missing class, another provisioner: pending with the controller’s event', () => {
    expect(planClaim({ claim: claim({ storageClassName: '' }), volumes: [], classes: classes() })).toMatchObject({ event: { reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' } });
    expect(planClaim({ claim: claim({ storageClassName: 'gold' }), volumes: [], classes: classes() })).toMatchObject({ event: { type: 'Warning', reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "gold" not found' } });
    expect(planClaim({ claim: claim({ storageClassName: 'ebs' }), volumes: [], classes: classes(sc('ebs', 'Immediate', 'ebs.csi.aws.com')) })).toMatchObject({ event: { reason: 'ExternalProvisioning' } });
  });

  it('binds a matching volume; a bound claim whose volume vanished is Lost', () => {
    expect(planClaim({ claim: claim({ storageClassName: '' }), volumes: [pv('a')], classes: classes() })).toEqual({ type: 'bind', volume: 'a' });
    expect(planClaim({ claim: claim({ storageClassName: '', volumeName: 'gone' }, {}, { phase: 'Bound' }), volumes: [], classes: classes() })).toMatchObject({ type: 'lost', event: { reason: 'ClaimLost' } });
    const bound = pv('a', { claimRef: { namespace: 'default', name: 'data', uid: 'u1' } }, 'Bound');
    expect(planClaim({ claim: claim({ storageClassName: '', volumeName: 'a' }, {}, { phase: 'Bound' }), volumes: [bound], classes: classes() })).toEqual({ type: 'none' });
  });
});

describe('planVolume', () => {
  it('Available without claim, Bound with its claim, Released once the claim is gone, then reclaimed', () => {
    expect(planVolume(pv('a', {}, 'Pending'), undefined)).toEqual({ type: 'phase', phase: 'Available' });
    const ref = { claimRef: { namespace: 'default', name: 'data', uid: 'u1' } };
    expect(planVolume(pv('a', ref, 'Available'), claim({ volumeName: 'a' }))).toEqual({ type: 'phase', phase: 'Bound' });
    expect(planVolume(pv('a', ref, 'Bound'), undefined)).toEqual({ type: 'phase', phase: 'Released' });
    expect(planVolume(pv('a', ref, 'Bound'), claim({}, { uid: 'other' }))).toEqual({ type: 'phase', phase: 'Released' });
    expect(planVolume(pv('a', ref, 'Released'), undefined)).toEqual({ type: 'none' }); // Retain
    expect(planVolume(pv('a', { ...ref, persistentVolumeReclaimPolicy: 'Delete' }, 'Released', { annotations: { [PROVISIONED_BY]: LOCAL_PROVISIONER } }), undefined)).toEqual({ type: 'delete' });
    expect(planVolume(pv('a', { ...ref, persistentVolumeReclaimPolicy: 'Delete' }, 'Released'), undefined)).toMatchObject({ type: 'phase', phase: 'Failed' });
  });

  it('claim protection: in use while a running pod names it', () => {
    const pod = { metadata: { name: 'p', namespace: 'default' }, spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] }, status: { phase: 'Running' } } as unknown as KObject;
    expect(claimInUse(claim(), [pod])).toBe(true);
    expect(claimInUse(claim(), [{ ...pod, status: { phase: 'Succeeded' } } as KObject])).toBe(false);
  });
});

describe('scheduler volume binding', () => {
  const pod = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } } as unknown as Pod;
  it('missing claim, unbound immediate claim, WaitForFirstConsumer, bound', () => {
    expect(volumeBinding(pod, () => undefined, () => undefined)).toEqual({ type: 'unschedulable', reason: 'persistentvolumeclaim "data" not found' });
    expect(volumeBinding(pod, () => claim({ storageClassName: 'x' }), () => sc('x'))).toEqual({ type: 'unschedulable', reason: 'pod has unbound immediate PersistentVolumeClaims' });
    expect(volumeBinding(pod, () => claim({ storageClassName: 'x' }), () => sc('x', 'WaitForFirstConsumer'))).toEqual({ type: 'wait', select: ['data'] });
    expect(volumeBinding(pod, () => claim({ volumeName: 'a' }, {}, { phase: 'Bound' }), () => undefined)).toEqual({ type: 'ok' });
    expect(preFilterMessage(1, 'pod has unbound immediate PersistentVolumeClaims')).toBe('0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });
});

describe('storage API', () => {
  it('access modes as kubectl abbreviates them; unsupported volume sources refused; claim spec immutable', () => {
    expect(accessModesString(['ReadWriteMany', 'ReadWriteOnce'])).toBe('RWO,RWX');
    expect(validatePersistentVolume(pv('a', { hostPath: undefined, nfs: { server: 's', path: '/' } })).map((e) => e.field)).toEqual(['spec.nfs']);
    expect(validatePersistentVolumeClaimUpdate(claim({ volumeName: 'a', storageClassName: 'x' }), claim({ storageClassName: 'x' }))).toEqual([]);
    expect(validatePersistentVolumeClaimUpdate(claim({ accessModes: ['ReadWriteMany'] }), claim())).toHaveLength(1);
  });

  it('columns: PV, PVC (capacity only once bound), StorageClass (default)', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    const meta = { creationTimestamp: '2026-01-01T00:00:00Z' };
    expect(PV_PRINTER.row(pv('a', { claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'standard' }, 'Bound', meta), now).cells).toEqual(['a', '5Gi', 'RWO', 'Retain', 'Bound', 'default/data', 'standard', '<unset>', '', '60s', 'Filesystem']);
    const c = claim({ storageClassName: 'standard' }, meta);
    expect(PVC_PRINTER.row(c, now).cells).toEqual(['data', 'Pending', '', '', '', 'standard', '<unset>', '60s', 'Filesystem']);
    expect(PVC_PRINTER.row(claim({ storageClassName: 'standard', volumeName: 'a' }, meta, { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] }), now).cells.slice(0, 5)).toEqual(['data', 'Bound', 'a', '1Gi', 'RWO']);
    const s = { ...sc('standard', 'WaitForFirstConsumer'), metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' }, ...meta } } as KObject;
    expect(STORAGECLASS_PRINTER.row(s, now).cells).toEqual(['standard (default)', LOCAL_PROVISIONER, 'Delete', 'WaitForFirstConsumer', 'false', '60s']);
  });
});

describe('describe pv, pvc, storageclass', () => {
  it('as kubectl prints them', async () => {
    const { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } = await import('../../src/printers/describe-storage.js');
    const ctx = { now: Date.parse('2026-01-01T00:01:00Z') };
    const c = claim({ storageClassName: 'standard', volumeName: 'pvc-1' }, { finalizers: ['kubernetes.io/pvc-protection'] }, { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] });
    const text = describePersistentVolumeClaim(c, undefined, { ...ctx, related: { pods: [{ metadata: { name: 'writer' } } as KObject] } });
    expect(text).toBe(
      'Name:          data\nNamespace:     default\nStorageClass:  standard\nStatus:        Bound\nVolume:        pvc-1\nLabels:        <none>\nAnnotations:   <none>\nFinalizers:    [kubernetes.io/pvc-protection]\nCapacity:      1Gi\nAccess Modes:  RWO\nVolumeMode:    Filesystem\nUsed By:       writer\n',
    );
    const v = describePersistentVolume(pv('pvc-1', { claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'standard', hostPath: { path: '/h', type: 'DirectoryOrCreate' } }, 'Bound'), undefined, ctx);
    expect(v).toMatch(/^Claim:\s+default\/data$/m);
    expect(v).toMatch(/^Source:\n    Type:\s+HostPath \(bare host directory volume\)\n    Path:\s+\/h\n    HostPathType:\s+DirectoryOrCreate\n/m);
    const s = describeStorageClass({ ...sc('standard', 'WaitForFirstConsumer'), metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } } as KObject, undefined, ctx);
    expect(s).toBe(`Name:                  standard\nIsDefaultClass:        Yes\nAnnotations:           storageclass.kubernetes.io/is-default-class=true\nProvisioner:           ${LOCAL_PROVISIONER}\nParameters:            <none>\nAllowVolumeExpansion:  <unset>\nMountOptions:          <none>\nReclaimPolicy:         Delete\nVolumeBindingMode:     WaitForFirstConsumer\n`);
  });
});
