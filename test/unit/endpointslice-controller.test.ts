// The EndpointSlice controller over an in-memory registry: it creates the slice, updates it in
// place as pods change, writes nothing when nothing changed, puts back a slice someone deleted,
// and leaves the slice to the garbage collector when the Service goes.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject } from '../../src/api/types.js';
import { EndpointSliceController } from '../../src/controllers/endpointslice/controller.js';
import { GarbageCollector } from '../../src/controllers/gc.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const SVC = RESOURCES.find((r) => r.kind === 'Service')!;
const POD = RESOURCES.find((r) => r.kind === 'Pod')!;
const ES = RESOURCES.find((r) => r.kind === 'EndpointSlice')!;

const settle = () => new Promise((r) => setTimeout(r, 20));

let reg: Registry;
let ctl: EndpointSliceController;
beforeEach(() => {
  reg = new Registry(Store.memory(), new FakeClock());
  reg.create(NS, undefined, { metadata: { name: 'default' } });
  ctl = new EndpointSliceController(reg);
  ctl.start();
});
afterEach(() => ctl.close());

function addPod(name: string, ip: string, ready: boolean): void {
  reg.create(POD, 'default', {
    metadata: { name, labels: { app: 'web' } },
    spec: { nodeName: 'kbx', containers: [{ name: 'c', image: 'busybox', ports: [{ name: 'http', containerPort: 8080 }] }] },
  } as KObject);
  setReady(name, ip, ready);
}

function setReady(name: string, ip: string, ready: boolean): void {
  const p = reg.get(POD, 'default', name);
  reg.update(POD, 'default', name, { ...p, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } }, { subresource: 'status' });
}

const slices = () => reg.list(ES, 'default').items as any[];

describe('EndpointSliceController', () => {
  it('keeps one slice for the service, in place, writing only on change', async () => {
    addPod('a', '10.0.0.1', true);
    addPod('b', '10.0.0.2', false);
    const svc = reg.create(SVC, 'default', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } } as KObject);
    await settle();
    expect(slices()).toHaveLength(1);
    const first = slices()[0];
    expect(first.metadata.ownerReferences[0].uid).toBe(svc.metadata.uid);
    expect(first.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(first.endpoints.map((e: any) => [e.addresses[0], e.conditions.ready])).toEqual([
      ['10.0.0.1', true],
      ['10.0.0.2', false],
    ]);

    // A pod change that does not touch the endpoint: no write.
    const p = reg.get(POD, 'default', 'a');
    reg.update(POD, 'default', 'a', { ...p, metadata: { ...p.metadata, annotations: { x: 'y' } } });
    await settle();
    expect(slices()[0].metadata.resourceVersion).toBe(first.metadata.resourceVersion);

    // Readiness: the same slice, updated.
    setReady('b', '10.0.0.2', true);
    await settle();
    expect(slices().map((s) => s.metadata.name)).toEqual([first.metadata.name]);
    expect(slices()[0].endpoints.map((e: any) => e.conditions.ready)).toEqual([true, true]);

    // A pod goes: removed from the slice.
    reg.remove(POD, 'default', 'a');
    await settle();
    expect(slices()[0].endpoints.map((e: any) => e.addresses[0])).toEqual(['10.0.0.2']);

    // Someone deletes the slice: it comes back.
    reg.delete(ES, 'default', first.metadata.name);
    await settle();
    expect(slices()).toHaveLength(1);
    expect(slices()[0].endpoints.map((e: any) => e.addresses[0])).toEqual(['10.0.0.2']);

    // The service goes: the garbage collector takes the slice.
    reg.delete(SVC, 'default', 'web');
    await settle();
    new GarbageCollector(reg).sweep();
    expect(slices()).toEqual([]);
  });

  it('leaves services without a selector alone', async () => {
    reg.create(SVC, 'default', { metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } } as KObject);
    await settle();
    expect(slices()).toEqual([]);
  });
});
