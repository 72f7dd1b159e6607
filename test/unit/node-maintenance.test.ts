// kubectl drain's filters (kubectl pkg/drain/filters_test.go) and taint parsing/reorganizing
// (pkg/cmd/taint/taint_test.go, utils_test.go), in kubectl's words.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { aggregate, drainErrors, drainVerdict, drainWarnings, parseTaints, reorganizeTaints, taintOverwriteErrors } from '../../src/cli/node-maintenance.js';

const pod = (name: string, o: { owner?: string; emptyDir?: boolean; phase?: string; mirror?: boolean } = {}): KObject => ({
  metadata: {
    name,
    namespace: 'default',
    ...(o.owner ? { ownerReferences: [{ apiVersion: o.owner === 'DaemonSet' ? 'apps/v1' : 'apps/v1', kind: o.owner, name: 'x', uid: 'u', controller: true }] } : {}),
    ...(o.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'abc' } } : {}),
  },
  spec: { containers: [], ...(o.emptyDir ? { volumes: [{ name: 'v', emptyDir: {} }] } : {}) },
  status: { phase: o.phase ?? 'Running' },
});
const NOW = Date.now();

describe('drain filters', () => {
  it('refuses DaemonSet pods, unmanaged pods and local storage, in kubectl words', () => {
    const v = [pod('ds', { owner: 'DaemonSet' }), pod('solo'), pod('cache', { owner: 'ReplicaSet', emptyDir: true }), pod('ok', { owner: 'ReplicaSet' })].map((p) => drainVerdict(p, { now: NOW }));
    expect(drainErrors(v)).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/ds',
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ]);
    expect(v[3]).toMatchObject({ remove: true });
  });
  it('with the flags, warns and removes (DaemonSet pods are skipped)', () => {
    const o = { now: NOW, ignoreDaemonSets: true, force: true, deleteEmptyDirData: true };
    const v = [pod('ds', { owner: 'DaemonSet' }), pod('solo'), pod('cache', { owner: 'ReplicaSet', emptyDir: true })].map((p) => drainVerdict(p, o));
    expect(v.map((x) => x.remove)).toEqual([false, true, true]);
    expect(drainWarnings(v)).toBe('ignoring DaemonSet-managed Pods: default/ds; deleting Pods that declare no controller: default/solo; deleting Pods with local storage: default/cache');
  });
  it('terminal pods go without --force; mirror pods are skipped', () => {
    expect(drainVerdict(pod('done', { phase: 'Succeeded' }), { now: NOW })).toEqual({ pod: expect.anything(), remove: true });
    expect(drainVerdict(pod('m', { mirror: true, owner: 'Node' }), { now: NOW }).remove).toBe(false);
  });
  it('aggregates one error alone and several in brackets', () => {
    expect(aggregate(['a'])).toBe('a');
    expect(aggregate(['a', 'b'])).toBe('[a, b]');
  });
});

describe('taints', () => {
  const node = (taints: any[]): KObject => ({ metadata: { name: 'kbx' }, spec: { taints } });
  it('parses additions and removals', () => {
    expect(parseTaints(['dedicated=gpu:NoSchedule', 'k:NoExecute', 'old:NoSchedule-', 'gone-'])).toEqual({
      add: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'k', effect: 'NoExecute' }],
      remove: [{ key: 'old', effect: 'NoSchedule' }, { key: 'gone', effect: '' }],
    });
    expect(() => parseTaints(['k=v'])).toThrow('invalid taint spec: k=v');
    expect(() => parseTaints(['k=v:Sometimes'])).toThrow('invalid taint effect: Sometimes, unsupported taint effect');
  });
  it('tainted, untainted, modified; not found; overwrite needed', () => {
    expect(reorganizeTaints(node([]), false, [{ key: 'a', effect: 'NoSchedule' }], [])).toMatchObject({ operation: 'tainted', taints: [{ key: 'a', effect: 'NoSchedule' }] });
    expect(reorganizeTaints(node([{ key: 'a', effect: 'NoSchedule' }]), false, [], [{ key: 'a', effect: '' }])).toMatchObject({ operation: 'untainted', taints: [] });
    expect(reorganizeTaints(node([{ key: 'a', effect: 'NoSchedule' }]), false, [{ key: 'b', effect: 'NoSchedule' }], [{ key: 'a', effect: 'NoSchedule' }]).operation).toBe('modified');
    expect(reorganizeTaints(node([]), false, [], [{ key: 'x', effect: '' }]).errors).toEqual(['taint "x" not found']);
    expect(taintOverwriteErrors(node([{ key: 'a', value: '1', effect: 'NoSchedule' }]), [{ key: 'a', value: '2', effect: 'NoSchedule' }])).toEqual([
      'node kbx already has a taint(s) with same effect(s) and --overwrite is false',
    ]);
  });
});
