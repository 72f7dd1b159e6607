// PodDisruptionBudgets: the disruption controller's arithmetic (pkg/controller/disruption's cases),
// the eviction subresource's answers, and the scheduler leaving unschedulable pods Pending.
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { computeStatus } from '../../src/controllers/disruption/compute.js';
import { evictPod } from '../../src/apiserver/eviction.js';
import { isApiError } from '../../src/api/errors.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const PDBS = RESOURCES.find((r) => r.kind === 'PodDisruptionBudget')!;

const readyPod = (name: string, ready = true, extra: Partial<Pod['metadata']> = {}): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' }, ...extra },
    spec: { containers: [{ name: 'c', image: 'busybox' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  }) as unknown as Pod;

const pdb = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web-pdb', namespace: 'default', generation: 1 },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  status,
});

const scaleOf = (replicas: number) => () => ({ key: 'Deployment/web', replicas });

describe('disruption status', () => {
  it.each([
    // [spec, ready pods, unready pods, controller replicas, desired, allowed, expected]
    [{ minAvailable: 2 }, 3, 0, 3, 2, 1, 3],
    [{ minAvailable: 3 }, 3, 0, 3, 3, 0, 3],
    [{ minAvailable: 2 }, 2, 1, 3, 2, 0, 3],
    [{ minAvailable: '50%' }, 3, 0, 3, 2, 1, 3],
    [{ maxUnavailable: 1 }, 3, 0, 3, 2, 1, 3],
    [{ maxUnavailable: '50%' }, 4, 0, 4, 2, 2, 4],
    [{ maxUnavailable: 0 }, 3, 0, 3, 3, 0, 3],
    [{ maxUnavailable: 1 }, 2, 0, 3, 2, 0, 3],
  ])('%o over %i ready + %i unready pods of %i replicas → desired %i, allowed %i, expected %i', (spec, ready, unready, replicas, desired, allowed, expectedPods) => {
    const pods = [...Array.from({ length: ready }, (_, i) => readyPod(`r${i}`)), ...Array.from({ length: unready }, (_, i) => readyPod(`u${i}`, false))];
    const st = computeStatus({ pdb: pdb(spec), pods, scaleOf: scaleOf(replicas), now: 't' });
    expect([st.desiredHealthy, st.disruptionsAllowed, st.expectedPods, st.currentHealthy]).toEqual([desired, allowed, expectedPods, ready]);
    expect(st.conditions![0]).toMatchObject({ type: 'DisruptionAllowed', status: allowed > 0 ? 'True' : 'False', reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods' });
  });

  it('evictions granted but not done count against the budget; deleted pods leave disruptedPods', () => {
    const pods = [readyPod('a'), readyPod('b'), readyPod('c')];
    const st = computeStatus({ pdb: pdb({ minAvailable: 1 }, { disruptedPods: { a: 't0', gone: 't0' } }), pods, scaleOf: scaleOf(3), now: 't' });
    expect(st.disruptionsAllowed).toBe(1);
    expect(st.disruptedPods).toEqual({ a: 't0' });
  });

  it('a percentage over unmanaged pods is an error: nothing may be disrupted', () => {
    const st = computeStatus({ pdb: pdb({ maxUnavailable: '10%' }), pods: [readyPod('a')], scaleOf: () => undefined, now: 't' });
    expect(st.disruptionsAllowed).toBe(0);
    expect(st.conditions![0]).toMatchObject({ reason: 'SyncFailed', message: 'found no controller ref for pod "a"' });
  });
});

describe('pods/eviction', () => {
  let reg: Registry;
  beforeEach(() => {
    reg = new Registry(Store.memory(), new FakeClock());
    reg.create(NS, undefined, { metadata: { name: 'default' } });
  });
  const addPod = (name: string, ready = true) => {
    const created = reg.create(PODS, 'default', readyPod(name, ready));
    reg.mutate(PODS, 'default', name, (p) => {
      (p as Pod).spec.nodeName = 'kbx';
    }, { subresource: 'binding' });
    reg.mutate(PODS, 'default', name, (p) => {
      p.status = readyPod(name, ready).status;
    }, { subresource: 'status' });
    return created;
  };
  const status = (o: Record<string, unknown>) =>
    reg.mutate(PDBS, 'default', 'web-pdb', (p) => {
      p.status = { observedGeneration: 1, ...o };
    }, { subresource: 'status' });
  const evict = (name: string) => {
    try {
      return evictPod(reg, 'default', name, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });
    } catch (e) {
      if (isApiError(e)) return e.status;
      throw e;
    }
  };

  it('no budget: the pod is deleted (gracefully: it is bound and running)', () => {
    addPod('a');
    expect(evict('a')).toMatchObject({ status: 'Success', code: 201 });
    expect(reg.get(PODS, 'default', 'a').metadata.deletionTimestamp).toBeDefined();
  });

  it('a budget with no disruption left answers 429 with the budget in its cause', () => {
    addPod('a');
    addPod('b');
    reg.create(PDBS, 'default', pdb({ minAvailable: 2 }));
    status({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 2 });
    const st = evict('a') as Record<string, any>;
    expect(st.code).toBe(429);
    expect(st.reason).toBe('TooManyRequests');
    expect(st.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(st.details.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }]);
    expect(reg.get(PODS, 'default', 'a').metadata.deletionTimestamp).toBeUndefined();
  });

  it('an allowed disruption is spent and the pod recorded in disruptedPods', () => {
    addPod('a');
    addPod('b');
    reg.create(PDBS, 'default', pdb({ minAvailable: 1 }));
    status({ disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 });
    expect(evict('a')).toMatchObject({ status: 'Success' });
    const st = reg.get(PDBS, 'default', 'web-pdb').status as Record<string, any>;
    expect(st.disruptionsAllowed).toBe(0);
    expect(Object.keys(st.disruptedPods)).toEqual(['a']);
    expect((evict('b') as Record<string, any>).code).toBe(429);
  });

  it('a budget not yet observed is "still being processed"; a name mismatch is a bad request', () => {
    addPod('a');
    reg.create(PDBS, 'default', pdb({ minAvailable: 1 }));
    expect((evict('a') as Record<string, any>).details.causes[0].message).toBe('The disruption budget web-pdb is still being processed by the server.');
    expect(() => evictPod(reg, 'default', 'a', { kind: 'Eviction', metadata: { name: 'b' } })).toThrow('name in URL does not match name in Eviction object');
  });

  it('unready pods may go while the budget is met', () => {
    addPod('a');
    addPod('b', false);
    reg.create(PDBS, 'default', pdb({ minAvailable: 1 }));
    status({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 2 });
    expect(evict('b')).toMatchObject({ status: 'Success' });
  });
});
