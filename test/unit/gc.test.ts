import { describe, it, expect, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import { GarbageCollector } from '../../src/controllers/gc.js';
import type { KObject } from '../../src/api/types.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const RS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;

let reg: Registry;
let gc: GarbageCollector;
let owner: KObject;

function podOwnedBy(name: string, o: KObject): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'x' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true }] },
    spec: { containers: [{ name: 'c', image: 'busybox:1' }] },
  };
}

beforeEach(() => {
  reg = new Registry(Store.memory(), new FakeClock());
  reg.create(NS, undefined, { metadata: { name: 'default' } });
  gc = new GarbageCollector(reg);
  owner = reg.create(RS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox:1' }] } } },
  });
  reg.create(PODS, 'default', podOwnedBy('web-a', owner));
});

describe('garbage collector', () => {
  it('background: dependents of a deleted owner are deleted', () => {
    reg.delete(RS, 'default', 'web', {});
    expect(reg.tryGet(RS, 'default', 'web')).toBeUndefined();
    gc.sweep();
    expect(reg.tryGet(PODS, 'default', 'web-a')).toBeUndefined();
  });

  it('foreground: the owner waits for its dependents', () => {
    reg.delete(RS, 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(reg.tryGet(RS, 'default', 'web')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    gc.sweep(); // deletes the pod (unscheduled pods go at once)
    expect(reg.tryGet(PODS, 'default', 'web-a')).toBeUndefined();
    gc.sweep(); // no dependents left: the owner goes
    expect(reg.tryGet(RS, 'default', 'web')).toBeUndefined();
  });

  it('orphan: dependents stay, without the owner reference', () => {
    reg.delete(RS, 'default', 'web', { propagationPolicy: 'Orphan' });
    gc.sweep();
    expect(reg.tryGet(RS, 'default', 'web')).toBeUndefined();
    const pod = reg.tryGet(PODS, 'default', 'web-a')!;
    expect(pod.metadata.ownerReferences).toBeUndefined();
  });
});
