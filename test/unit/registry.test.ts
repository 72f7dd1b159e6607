import { describe, it, expect, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import { EventTTLController } from '../../src/controllers/event-ttl.js';
import type { KObject, WatchEvent } from '../../src/api/types.js';
import { applyPatch } from '../../src/api/patch/apply.js';

const P = { patcher: applyPatch };

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;

const pod = (name: string, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'x' } },
  spec: { containers: [{ name: 'c', image: 'busybox:1' }] },
  ...extra,
});

let reg: Registry;
let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock();
  reg = new Registry(Store.memory(), clock);
  for (const n of ['default', 'kube-system']) reg.create(NS, undefined, { metadata: { name: n } });
});

describe('Registry', () => {
  it('create sets identity, defaults and the initial status', () => {
    const p = reg.create(PODS, 'default', pod('a'));
    expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.metadata.generation).toBe(1);
    expect(p.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(p.spec.restartPolicy).toBe('Always');
    expect(p.status.phase).toBe('Pending');
    expect(() => reg.create(PODS, 'default', pod('a'))).toThrow('pods "a" already exists');
  });

  it('rejects invalid objects and missing namespaces without writing anything', () => {
    const rv = reg.store.resourceVersion;
    expect(() => reg.create(PODS, 'default', pod('Bad_Name'))).toThrow(/Pod "Bad_Name" is invalid: metadata.name: Invalid value/);
    expect(() => reg.create(PODS, 'nowhere', pod('a'))).toThrow('namespaces "nowhere" not found');
    expect(reg.store.resourceVersion).toBe(rv);
  });

  it('bumps generation on spec changes only, and refuses stale resourceVersions', () => {
    const p = reg.create(PODS, 'default', pod('a'));
    const labeled = reg.patch(PODS, 'default', 'a', 'application/merge-patch+json', { metadata: { labels: { x: 'y' } } }, P);
    expect(labeled.metadata.generation).toBe(1);
    const imaged = reg.patch(PODS, 'default', 'a', 'application/strategic-merge-patch+json', { spec: { containers: [{ name: 'c', image: 'busybox:2' }] } }, P);
    expect(imaged.metadata.generation).toBe(2);
    expect(() => reg.update(PODS, 'default', 'a', { ...p })).toThrow(/the object has been modified/);
  });

  it('status writes change only status', () => {
    reg.create(PODS, 'default', pod('a'));
    const w = reg.mutate(PODS, 'default', 'a', (o) => {
      o.status = { phase: 'Running' };
      o.spec.containers[0].image = 'evil';
    }, { subresource: 'status' })!;
    expect(w.status.phase).toBe('Running');
    expect(w.spec.containers[0].image).toBe('busybox:1');
  });

  it('graceful pod deletion: deletionTimestamp first, removal on a zero-grace delete', () => {
    reg.create(PODS, 'default', pod('a', { spec: { nodeName: 'kbx', containers: [{ name: 'c', image: 'busybox:1' }] } }));
    const d = reg.delete(PODS, 'default', 'a', {});
    expect(d.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(d.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(reg.tryGet(PODS, 'default', 'a')).toBeDefined();
    reg.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
    expect(reg.tryGet(PODS, 'default', 'a')).toBeUndefined();
  });

  it('unscheduled pods go at once', () => {
    reg.create(PODS, 'default', pod('a'));
    reg.delete(PODS, 'default', 'a', {});
    expect(reg.tryGet(PODS, 'default', 'a')).toBeUndefined();
  });

  it('namespaces: immortal ones, Terminating, no new content, second delete conflicts', () => {
    expect(() => reg.delete(NS, undefined, 'default')).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
    reg.create(NS, undefined, { metadata: { name: 'team' } });
    const t = reg.delete(NS, undefined, 'team');
    expect(t.status.phase).toBe('Terminating');
    expect(() => reg.create(PODS, 'team', pod('a'))).toThrow(/unable to create new content in namespace team because it is being terminated/);
    expect(() => reg.delete(NS, undefined, 'team')).toThrow(/The system is ensuring all content is removed from this namespace/);
  });

  it('watch: initial ADDED without a resourceVersion, then changes; selectors turn non-matches into DELETED', () => {
    reg.create(PODS, 'default', pod('a'));
    const seen: string[] = [];
    const stop = reg.watch(PODS, 'default', { labelSelector: 'app=x' }, (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`));
    reg.create(PODS, 'default', pod('b'));
    reg.patch(PODS, 'default', 'a', 'application/merge-patch+json', { metadata: { labels: { app: 'other' } } }, P);
    stop();
    expect(seen).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
  });

  it('events expire an hour after they were last seen', () => {
    reg.create(EVENTS, 'default', { metadata: { name: 'e1' }, involvedObject: { kind: 'Pod', name: 'a' }, lastTimestamp: '2026-01-01T00:00:00Z' });
    const ttl = new EventTTLController(reg);
    clock.advance(30 * 60_000);
    expect(ttl.sweep()).toBe(0);
    clock.advance(31 * 60_000);
    expect(ttl.sweep()).toBe(1);
  });
});
