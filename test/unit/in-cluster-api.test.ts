import { describe, it, expect } from 'vitest';
import { admitServiceAccount, shouldAutomount, TOKEN_MOUNT_PATH } from '../../src/api/serviceaccount-admission.js';
import { desiredEndpoints, desiredService, planObject } from '../../src/controllers/kubernetes-service.js';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { KubernetesServiceController } from '../../src/controllers/kubernetes-service.js';
import { kubernetesServiceIP } from '../../src/registry/ip-allocator.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { FakeClock } from '../../src/util/clock.js';

const pod = (spec: Record<string, unknown> = {}): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'i', image: 'x' }], ...spec } }) as Pod;
const sa = (extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'ns' }, ...extra }) as KObject;

describe('ServiceAccount admission', () => {
  it('automount: the pod decides first, then the service account, else true', () => {
    expect(shouldAutomount(pod(), sa())).toBe(true);
    expect(shouldAutomount(pod(), sa({ automountServiceAccountToken: false }))).toBe(false);
    expect(shouldAutomount(pod({ automountServiceAccountToken: true }), sa({ automountServiceAccountToken: false }))).toBe(true);
    expect(shouldAutomount(pod({ automountServiceAccountToken: false }), sa())).toBe(false);
  });

  it('adds kube-api-access-<5> (token 3607 s, ca.crt, namespace) mounted read-only in every container', () => {
    const p = pod();
    admitServiceAccount(p, sa(), () => 0);
    const spec = p.spec as any;
    expect(spec.volumes).toHaveLength(1);
    expect(spec.volumes[0].name).toBe('kube-api-access-bbbbb');
    expect(spec.volumes[0].projected.sources.map((s: object) => Object.keys(s)[0])).toEqual(['serviceAccountToken', 'configMap', 'downwardAPI']);
    expect(spec.volumes[0].projected.sources[0].serviceAccountToken).toEqual({ expirationSeconds: 3607, path: 'token' });
    for (const c of [...spec.containers, ...spec.initContainers]) expect(c.volumeMounts).toEqual([{ name: 'kube-api-access-bbbbb', readOnly: true, mountPath: TOKEN_MOUNT_PATH }]);
  });

  it('keeps a container’s own mount at the path, reuses an existing kube-api-access volume, copies imagePullSecrets', () => {
    const p = pod({
      volumes: [{ name: 'kube-api-access-abcde', emptyDir: {} }],
      containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'mine', mountPath: TOKEN_MOUNT_PATH }] }, { name: 'b', image: 'x' }],
    });
    admitServiceAccount(p, sa({ imagePullSecrets: [{ name: 'reg' }] }));
    const spec = p.spec as any;
    expect(spec.volumes).toHaveLength(1);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'mine', mountPath: TOKEN_MOUNT_PATH }]);
    expect(spec.containers[1].volumeMounts[0].name).toBe('kube-api-access-abcde');
    expect(spec.imagePullSecrets).toEqual([{ name: 'reg' }]);
  });

  it('mounts nothing when automount is off or the account does not exist yet', () => {
    const p = pod({ automountServiceAccountToken: false });
    admitServiceAccount(p, sa());
    expect((p.spec as any).volumes).toBeUndefined();
    const q = pod();
    admitServiceAccount(q, undefined);
    expect((q.spec as any).volumes).toBeUndefined();
  });

  it('the registry refuses a pod whose (non-default) service account is missing, in the apiserver’s words', () => {
    const registry = new Registry(Store.memory(), new FakeClock());
    const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
    const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
    registry.create(NS, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } } as KObject);
    expect(() => registry.create(PODS, 'ns', pod({ serviceAccountName: 'robot' }))).toThrow('pods "p" is forbidden: error looking up service account ns/robot: serviceaccount "robot" not found');
  });
});

describe('the kubernetes Service', () => {
  it('is ClusterIP 10.96.0.1:443 → 6443 without selector; endpoints name the forwarder', () => {
    const s = desiredService(kubernetesServiceIP('10.96.0.0/16')) as any;
    expect(s.spec.clusterIP).toBe('10.96.0.1');
    expect(s.spec.selector).toBeUndefined();
    expect(s.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
    expect((desiredEndpoints('172.18.0.2') as any).subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('plan: create when missing, update when an owned field or label differs, else nothing', () => {
    const d = desiredEndpoints('172.18.0.2');
    expect(planObject(undefined, d, ['subsets'])).toBe('create');
    expect(planObject({ ...d, metadata: { ...d.metadata, labels: { ...d.metadata.labels, extra: 'x' } } } as KObject, d, ['subsets'])).toBe('none');
    expect(planObject(desiredEndpoints('172.18.0.3'), d, ['subsets'])).toBe('update');
    expect(planObject({ ...d, metadata: { name: 'kubernetes' } } as KObject, d, ['subsets'])).toBe('update');
  });

  it('the controller creates the Service, then Endpoints and EndpointSlice for the address, and puts back an edited one', async () => {
    const registry = new Registry(Store.memory(), new FakeClock());
    const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
    registry.create(NS, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KObject);
    const c = new KubernetesServiceController(registry);
    c.start();
    const SVC = RESOURCES.find((r) => r.kind === 'Service')!;
    const EP = RESOURCES.find((r) => r.kind === 'Endpoints')!;
    const ES = RESOURCES.find((r) => r.kind === 'EndpointSlice')!;
    expect((registry.get(SVC, 'default', 'kubernetes').spec as any).clusterIP).toBe('10.96.0.1');
    c.setEndpoint('172.18.0.2');
    expect((registry.get(EP, 'default', 'kubernetes') as any).subsets[0].addresses).toEqual([{ ip: '172.18.0.2' }]);
    expect((registry.get(ES, 'default', 'kubernetes') as any).endpoints[0].addresses).toEqual(['172.18.0.2']);
    const ep = registry.get(EP, 'default', 'kubernetes') as any;
    ep.subsets[0].addresses = [{ ip: '1.2.3.4' }];
    registry.update(EP, 'default', 'kubernetes', ep);
    await new Promise((r) => setTimeout(r, 0));
    expect((registry.get(EP, 'default', 'kubernetes') as any).subsets[0].addresses).toEqual([{ ip: '172.18.0.2' }]);
    c.close();
  });
});
