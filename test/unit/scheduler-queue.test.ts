// The scheduler's queue over an in-memory registry: a pod created before any node registered is bound as soon
// as the node appears (it waits in the queue, without backoff); a pod that does not fit waits with backoff and
// is bound once a change makes room.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import { EventRecorder } from '../../src/events/recorder.js';
import { Scheduler, podBackoffMs } from '../../src/controllers/scheduler/scheduler.js';
import type { KObject, Pod } from '../../src/api/types.js';

const info = (kind: string) => RESOURCES.find((r) => r.kind === kind)!;
const [NS, PODS, NODES] = [info('Namespace'), info('Pod'), info('Node')];

async function until(what: string, fn: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function setup() {
  const clock = new FakeClock();
  const reg = new Registry(Store.memory(), clock);
  reg.create(NS, undefined, { metadata: { name: 'default' } } as KObject);
  const s = new Scheduler(reg, new EventRecorder(reg, 'kbx'));
  s.start();
  const node = (labels: Record<string, string> = {}) =>
    reg.create(NODES, undefined, {
      metadata: { name: 'kbx', labels },
      status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, capacity: { cpu: '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
    } as unknown as KObject);
  const pod = (name: string, spec: Record<string, unknown> = {}) =>
    reg.create(PODS, 'default', { metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } } as unknown as KObject);
  const nodeOf = (name: string) => (reg.tryGet(PODS, 'default', name) as Pod | undefined)?.spec.nodeName;
  return { reg, s, node, pod, nodeOf, clock };
}

describe('scheduler queue', () => {
  it('a pod created before the node registered is bound when the node appears', async () => {
    const { s, node, pod, nodeOf } = setup();
    pod('early');
    await new Promise((r) => setTimeout(r, 20));
    expect(nodeOf('early')).toBeUndefined();
    node();
    await until('early bound', () => nodeOf('early') === 'kbx', 500);
    s.close();
  });

  it('a pod that does not fit waits, and is bound once the node gets the label it selects', async () => {
    const { reg, s, node, pod, nodeOf, clock } = setup();
    node();
    pod('picky', { nodeSelector: { disk: 'ssd' } });
    await until('unschedulable', () => ((reg.tryGet(PODS, 'default', 'picky') as Pod).status?.conditions ?? []).some((c) => c.reason === 'Unschedulable'));
    // Its backoff (1 s after one attempt) is over when the node changes.
    clock.advance(podBackoffMs(1));
    reg.mutate(NODES, undefined, 'kbx', (n) => {
      n.metadata.labels = { disk: 'ssd' };
    });
    await until('picky bound', () => nodeOf('picky') === 'kbx', podBackoffMs(1) + 2000);
    s.close();
  });

  it('backoff doubles from 1 s to at most 10 s', () => {
    expect([1, 2, 3, 4, 5, 9].map(podBackoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
});
