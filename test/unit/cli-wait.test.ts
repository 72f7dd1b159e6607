// kbx wait's --for parsing and condition checks (kubectl's wait.go rules).
import { describe, it, expect } from 'vitest';
import { met, parseWaitFor, relaxedJsonPath } from '../../src/cli/wait-conditions.js';
import type { KObject } from '../../src/api/types.js';

const deploy = (conditions: object[], generation = 2): KObject => ({ metadata: { name: 'x', generation }, spec: { replicas: 3 }, status: { phase: 'Running', conditions } });

describe('parseWaitFor', () => {
  it.each([
    ['delete', { kind: 'delete' }],
    ['Delete', { kind: 'delete' }],
    ['create', { kind: 'create' }],
    ['condition=Ready', { kind: 'condition', type: 'Ready', value: 'True' }],
    ['condition=Progressing=False', { kind: 'condition', type: 'Progressing', value: 'False' }],
    ['jsonpath={.status.phase}=Running', { kind: 'jsonpath', expr: '{.status.phase}', value: 'Running' }],
    ['jsonpath=.status.phase=Running', { kind: 'jsonpath', expr: '{.status.phase}', value: 'Running' }],
    ['jsonpath={.spec.replicas}', { kind: 'jsonpath', expr: '{.spec.replicas}' }],
    ['jsonpath={.items[?(@.a=="b")].c}=d', { kind: 'jsonpath', expr: '{.items[?(@.a=="b")].c}', value: 'd' }],
  ])('%s', (f, want) => expect(parseWaitFor(f)).toEqual(want));

  it.each([
    [undefined, 'unrecognized condition: ""'],
    ['bogus', 'unrecognized condition: "bogus"'],
    ['condition=', 'unrecognized condition: "condition="'],
    ['jsonpath={.spec.replicas', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])('refuses %s', (f, message) => expect(() => parseWaitFor(f)).toThrow(message));

  it('relaxed JSONPath', () => {
    expect(relaxedJsonPath('a.b')).toBe('{.a.b}');
    expect(relaxedJsonPath('{a.b}')).toBe('{.a.b}');
  });
});

describe('met', () => {
  const available = { type: 'Available', status: 'True' };
  it.each([
    [deploy([available]), 'condition=Available', true],
    [deploy([available]), 'condition=available=true', true],
    [deploy([available]), 'condition=Available=False', false],
    [deploy([]), 'condition=Available', false],
    [deploy([{ ...available, observedGeneration: 1 }]), 'condition=Available', false],
    [deploy([{ ...available, observedGeneration: 2 }]), 'condition=Available', true],
    [deploy([]), 'jsonpath={.status.phase}=Running', true],
    [deploy([]), 'jsonpath={.spec.replicas}=3', true],
    [deploy([]), 'jsonpath={.spec.replicas}=1', false],
    [deploy([]), 'jsonpath={.spec.replicas}', true],
    [deploy([]), 'jsonpath={.status.nope}', false],
  ] as [KObject, string, boolean][])('%#: %s', (obj, f, want) => expect(met(obj, parseWaitFor(f))).toBe(want));
});

describe('waitOne (a fake client)', async () => {
  const { waitOne } = await import('../../src/cli/commands/wait.js');
  const { StatusError } = await import('../../src/client/client.js');
  const { RESOURCES } = await import('../../src/api/registry.js');
  const info = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
  const notFound = () => new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'configmaps "x" not found' } as never);
  /** A client whose GET answers from a script: an object, or undefined for 404. */
  const scripted = (answers: (KObject | undefined)[]) => ({
    get: async () => {
      const a = answers.length > 1 ? answers.shift() : answers[0];
      if (!a) throw notFound();
      return a;
    },
  });
  const obj = (uid: string, conditions: object[] = []): KObject => ({ metadata: { name: 'x', uid }, status: { conditions } });
  const item = { info, namespace: 'default', name: 'x' };
  const later = Date.now() + 10_000;

  it('delete: met when the object goes, or is replaced by another uid; gone when it was never there', async () => {
    expect(await waitOne(scripted([obj('a'), obj('a'), undefined]) as never, item, { kind: 'delete' }, later)).toBe('met');
    expect(await waitOne(scripted([obj('a'), obj('b')]) as never, item, { kind: 'delete' }, later)).toBe('met');
    expect(await waitOne(scripted([undefined]) as never, item, { kind: 'delete' }, later)).toBe('gone');
  });
  it('create and conditions', async () => {
    expect(await waitOne(scripted([undefined, undefined, obj('a')]) as never, item, { kind: 'create' }, later)).toBe('met');
    expect(await waitOne(scripted([obj('a'), obj('a', [{ type: 'Ready', status: 'True' }])]) as never, item, parseWaitFor('condition=Ready'), later)).toBe('met');
    await expect(waitOne(scripted([undefined]) as never, item, parseWaitFor('condition=Ready'), later)).rejects.toThrow('configmaps "x" not found');
  });
  it('times out at the deadline', async () => {
    expect(await waitOne(scripted([obj('a')]) as never, item, parseWaitFor('condition=Ready'), Date.now())).toBe('timeout');
  });
});
