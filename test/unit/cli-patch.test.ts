// kbx patch's pure parts: the flags' checks in kubectl's words, the patch read as YAML or JSON, "no change".
import { describe, it, expect } from 'vitest';
import { changed, patchRequest } from '../../src/cli/commands/patch.js';

describe('patchRequest', () => {
  it.each([
    [{ patch: '{"spec":{"replicas":2}}' }, 'application/strategic-merge-patch+json', { spec: { replicas: 2 } }],
    [{ patch: 'spec:\n  replicas: 2', type: 'merge' }, 'application/merge-patch+json', { spec: { replicas: 2 } }],
    [{ patch: '[{"op":"remove","path":"/x"}]', type: 'json' }, 'application/json-patch+json', [{ op: 'remove', path: '/x' }]],
    [{ patch: '{}', type: 'Strategic' }, 'application/strategic-merge-patch+json', {}],
  ])('%j', (o, contentType, body) => expect(patchRequest(o)).toEqual({ contentType, body }));

  it('reads --patch-file', () => {
    expect(patchRequest({ patchFile: 'p.yaml' }, (f) => (f === 'p.yaml' ? 'a: 1' : '')).body).toEqual({ a: 1 });
  });

  it.each([
    [{}, 'must specify --patch or --patch-file containing the contents of the patch'],
    [{ patch: '  ' }, 'must specify --patch or --patch-file containing the contents of the patch'],
    [{ patch: '{}', type: 'foo' }, '--type must be one of [json merge strategic], not "foo"'],
    [{ patch: '{}', patchFile: 'x' }, 'cannot specify --patch and --patch-file together'],
    [{ patch: 'not json: [' }, 'unable to parse "not json: [": yaml: line 1: did not find expected node content'],
  ])('refuses %j', (o, message) => expect(() => patchRequest(o, () => '')).toThrow(message));
});

describe('changed', () => {
  it('compares objects whatever the key order', () => {
    expect(changed({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(false);
    expect(changed({ a: 1 }, { a: 2 })).toBe(true);
    expect(changed({ a: [1, 2] }, { a: [2, 1] })).toBe(true);
  });
});
