// RFC 6902 JSON patch (`application/json-patch+json`), as gopkg.in/evanphx/json-patch.v4 (the
// apiserver's library) applies it.
//
// KUBECTL_CASES: results and error texts from the real kubectl v1.35
// (`kubectl patch --local --type json`, which uses the same library). For one case kubectl
// rewrites the library's message client-side ("Object to be patched is missing field"); the
// expectation is the library's own text, which is what the apiserver returns.
// EVANPHX_*: the library's own test tables (patch_test.go, BSD-3-Clause).
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from '../../src/api/patch/index.js';

type Obj = Record<string, any>;

const DOC: Obj = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', labels: { a: '1', 'x/y': '2', 'm~n': '3' } },
  data: { k: 'v' },
  list: [1, 2, 3],
  objs: [{ n: 'a' }, { n: 'b' }],
  nul: null,
};

const KUBECTL_CASES: [name: string, patch: unknown, expected: Obj][] = [
  ["add member", [{"op":"add","path":"/data/k2","value":"v2"}], {"apiVersion":"v1","data":{"k":"v","k2":"v2"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add escaped", [{"op":"add","path":"/metadata/labels/b~1c","value":"z"},{"op":"add","path":"/metadata/labels/t~0","value":"w"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","b/c":"z","m~n":"3","t~":"w","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["replace escaped", [{"op":"replace","path":"/metadata/labels/x~1y","value":"r"},{"op":"remove","path":"/metadata/labels/m~0n"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","x/y":"r"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add index", [{"op":"add","path":"/list/1","value":9}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,9,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add dash", [{"op":"add","path":"/list/-","value":9}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3,9],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add end index", [{"op":"add","path":"/list/3","value":9}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3,9],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add past end", [{"op":"add","path":"/list/5","value":9}], {"error":"error in add for path: '/list/5': Unable to access invalid index: 5: invalid index referenced"}],
  ["add negative", [{"op":"add","path":"/list/-1","value":9}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3,9],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["add bad index", [{"op":"add","path":"/list/x","value":9}], {"error":"error in add for path: '/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax"}],
  ["add missing parent", [{"op":"add","path":"/spec/x","value":1}], {"error":"add operation does not apply: doc is missing path: \"/spec/x\": missing value"}],
  ["add missing deep", [{"op":"add","path":"/a/b/c","value":1}], {"error":"add operation does not apply: doc is missing path: \"/a/b/c\": missing value"}],
  ["add through null", [{"op":"add","path":"/nul/x","value":1}], {"error":"add operation does not apply: doc is missing path: \"/nul/x\": missing value"}],
  ["add through scalar", [{"op":"add","path":"/data/k/x","value":1}], {"error":"add operation does not apply: doc is missing path: \"/data/k/x\": missing value"}],
  ["remove member", [{"op":"remove","path":"/data/k"}], {"apiVersion":"v1","data":{},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["remove missing member", [{"op":"remove","path":"/data/zz"}], {"error":"error in remove for path: '/data/zz': Unable to remove nonexistent key: zz: missing value"}],
  ["remove index", [{"op":"remove","path":"/list/0"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["remove out of range", [{"op":"remove","path":"/list/7"}], {"error":"error in remove for path: '/list/7': Unable to access invalid index: 7: invalid index referenced"}],
  ["remove negative", [{"op":"remove","path":"/list/-1"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["remove missing parent", [{"op":"remove","path":"/spec/x"}], {"error":"remove operation does not apply: doc is missing path: \"/spec/x\": missing value"}],
  ["replace member", [{"op":"replace","path":"/data/k","value":{"a":1}}], {"apiVersion":"v1","data":{"k":{"a":1}},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["replace missing member (v4 adds)", [{"op":"replace","path":"/data/new","value":1}], {"apiVersion":"v1","data":{"k":"v","new":1},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["replace missing parent", [{"op":"replace","path":"/spec/x","value":1}], {"error":"replace operation does not apply: doc is missing path: /spec/x: missing value"}],
  ["replace index", [{"op":"replace","path":"/objs/1","value":{"n":"c"}}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"c"}]}],
  ["replace index out of range", [{"op":"replace","path":"/objs/5","value":{"n":"c"}}], {"error":"replace operation does not apply: doc is missing key: /objs/5: missing value"}],
  ["replace root", [{"op":"replace","path":"","value":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm2"}}}], {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm2"}}],
  ["move member", [{"op":"move","from":"/data/k","path":"/metadata/labels/k"}], {"apiVersion":"v1","data":{},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","k":"v","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["move index", [{"op":"move","from":"/list/0","path":"/list/-"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[2,3,1],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["move missing", [{"op":"move","from":"/data/zz","path":"/data/yy"}], {"error":"error in move for path: 'zz': Unable to remove nonexistent key: zz: missing value"}],
  ["move missing from parent", [{"op":"move","from":"/spec/zz","path":"/data/yy"}], {"error":"move operation does not apply: doc is missing from path: /spec/zz: missing value"}],
  ["move missing dest", [{"op":"move","from":"/data/k","path":"/spec/yy"}], {"error":"move operation does not apply: doc is missing destination path: /spec/yy: missing value"}],
  ["copy member", [{"op":"copy","from":"/metadata/labels","path":"/data/copied"}], {"apiVersion":"v1","data":{"copied":{"a":"1","m~n":"3","x/y":"2"},"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["copy missing member", [{"op":"copy","from":"/data/zz","path":"/data/yy"}], {"apiVersion":"v1","data":{"k":"v","yy":null},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["copy index", [{"op":"copy","from":"/objs/0","path":"/objs/-"}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"},{"n":"a"}]}],
  ["copy missing dest", [{"op":"copy","from":"/data/k","path":"/q/r"}], {"error":"copy operation does not apply: doc is missing destination path: /q/r: missing value"}],
  ["test ok", [{"op":"test","path":"/data/k","value":"v"},{"op":"replace","path":"/data/k","value":"w"}], {"apiVersion":"v1","data":{"k":"w"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["test fail", [{"op":"test","path":"/data/k","value":"nope"}], {"error":"testing value /data/k failed: test failed"}],
  ["test object ok", [{"op":"test","path":"/metadata/labels","value":{"m~n":"3","a":"1","x/y":"2"}}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["test missing null ok", [{"op":"test","path":"/data/zz","value":null}], {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["test missing fail", [{"op":"test","path":"/data/zz","value":1}], {"error":"testing value /data/zz failed: test failed"}],
  ["test missing parent", [{"op":"test","path":"/zz/y","value":1}], {"error":"test operation does not apply: is missing path: /zz/y: missing value"}],
  ["test bad index", [{"op":"test","path":"/list/9","value":1}], {"error":"error in test for path: '/list/9': Unable to access invalid index: 9: invalid index referenced"}],
  ["unknown op", [{"op":"frob","path":"/data"}], {"error":"Unexpected kind: frob"}],
  ["missing path", [{"op":"add","value":1}], {"error":"add operation failed to decode path: missing value"}],
  ["missing path replace", [{"op":"replace","value":1}], {"error":"replace operation failed to decode path: operation missing path field: missing value"}],
  ["missing from", [{"op":"move","path":"/x"}], {"error":"move operation failed to decode from: operation, missing from field: missing value"}],
  ["add no value", [{"op":"add","path":"/data/nv"}], {"apiVersion":"v1","data":{"k":"v","nv":null},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["path without slash", [{"op":"add","path":"data","value":1}], {"error":"add operation does not apply: doc is missing path: \"data\": missing value"}],
  ["add root", [{"op":"add","path":"","value":{}}], {"error":"add operation does not apply: doc is missing path: \"\": missing value"}],
  ["multiple ops sequence", [{"op":"add","path":"/data/a","value":"1"},{"op":"copy","from":"/data/a","path":"/data/b"},{"op":"remove","path":"/data/a"},{"op":"test","path":"/data/b","value":"1"}], {"apiVersion":"v1","data":{"b":"1","k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["not an array", {"op":"add"}, {"error":"json: cannot unmarshal object into Go value of type jsonpatch.Patch"}],
];

function run(doc: unknown, patch: unknown): { ok?: unknown; err?: JsonPatchError } {
  try {
    return { ok: applyJsonPatch(doc, patch) };
  } catch (e) {
    if (!(e instanceof JsonPatchError)) throw e;
    return { err: e };
  }
}

describe('applyJsonPatch: results and messages kubectl (evanphx v4) gives', () => {
  for (const [name, patch, expected] of KUBECTL_CASES) {
    it(name, () => {
      const r = run(DOC, patch);
      if ('error' in expected) {
        expect(r.err?.message).toBe(expected.error);
      } else {
        expect(r.err).toBeUndefined();
        expect(r.ok).toEqual(expected);
      }
    });
  }

  it('a body that is not an array of operations is a 400; an operation that does not apply is a 422', () => {
    expect(run(DOC, { op: 'add' }).err).toMatchObject({ code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
    expect(run(DOC, ['x']).err).toMatchObject({ code: 400, message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation' });
    expect(run(DOC, [{ op: 'remove', path: '/nope' }]).err).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
    });
  });

  it('rollout undo body (KUBECTL-WIRE.md §7)', () => {
    const dep: Obj = {
      metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'x' } },
      spec: { replicas: 2, template: { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'c', image: 'v3' }] } } },
    };
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } };
    const out = applyJsonPatch(dep, [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
    ]) as Obj;
    expect(out.spec).toEqual({ replicas: 2, template });
    expect(out.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3' });
  });

  it('does not modify the document or the operations', () => {
    const doc = structuredClone(DOC);
    const ops = [
      { op: 'add', path: '/data/new', value: { deep: [1] } },
      { op: 'copy', from: '/data/new', path: '/data/copy' },
      { op: 'add', path: '/data/copy/deep/-', value: 2 },
      { op: 'move', from: '/list/0', path: '/list/-' },
    ];
    const before = JSON.stringify([doc, ops]);
    const out = applyJsonPatch(doc, ops) as Obj;
    expect(JSON.stringify([doc, ops])).toBe(before);
    expect(out.data).toEqual({ k: 'v', new: { deep: [1] }, copy: { deep: [1, 2] } });
    expect(out.list).toEqual([2, 3, 1]);
  });
});

// RFC 6902 Appendix A.
describe('RFC 6902 appendix A', () => {
  const ok: [string, unknown, unknown[], unknown][] = [
    ['A.1 add an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    ['A.2 add an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    ['A.3 remove an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 remove an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    ['A.5 replace a value', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    ['A.7 move an array element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
    [
      'A.8 test a value: success',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    ['A.10 add a nested member object', { foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    ['A.11 ignore unrecognized elements', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }], { foo: 'bar', baz: 'qux' }],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    ['A.16 add an array value', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
  ];
  it.each(ok)('%s', (_name, doc, ops, want) => {
    expect(applyJsonPatch(doc, ops)).toEqual(want);
  });

  const bad: [string, unknown, unknown[], string][] = [
    ['A.9 test a value: error', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 'testing value /baz failed: test failed'],
    ['A.12 adding to a nonexistent target', { foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }], 'add operation does not apply: doc is missing path: "/baz/bat": missing value'],
    ['A.15 comparing strings and numbers', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }], 'testing value /~01 failed: test failed'],
  ];
  it.each(bad)('%s', (_name, doc, ops, message) => {
    expect(() => applyJsonPatch(doc, ops)).toThrow(message);
  });
});

describe('evanphx/json-patch v4 test tables', () => {
  const A48 = 'A'.repeat(48);
  const cases: [unknown, unknown[], unknown][] = [
    [{ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/-1', value: 'qux' }], { foo: ['bar', 'baz', 'qux'] }],
    [{ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    [{ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    [{ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }], { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } }],
    [{ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
    [{ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/2' }], { foo: ['all', 'cows', 'grass', 'eat'] }],
    [{ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    [{ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
    [{ foo: 'bar', qux: { baz: 1, bar: null } }, [{ op: 'remove', path: '/qux/bar' }], { foo: 'bar', qux: { baz: 1 } }],
    [{ foo: 'bar' }, [{ op: 'add', path: '/baz', value: null }], { baz: null, foo: 'bar' }],
    [{ foo: ['bar'] }, [{ op: 'replace', path: '/foo/0', value: 'baz' }], { foo: ['baz'] }],
    [{ foo: ['bar', 'baz'] }, [{ op: 'replace', path: '/foo/0', value: 'bum' }], { foo: ['bum', 'baz'] }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'replace', path: '/foo/1', value: 'bum' }], { foo: ['bar', 'bum', 'baz'] }],
    [[{ foo: ['bar', 'qux', 'baz'] }], [{ op: 'replace', path: '/0/foo/0', value: 'bum' }], [{ foo: ['bum', 'qux', 'baz'] }]],
    [[{ foo: ['bar', 'qux', 'baz'], bar: ['qux', 'baz'] }], [{ op: 'copy', from: '/0/foo/0', path: '/0/bar/0' }], [{ foo: ['bar', 'qux', 'baz'], bar: ['bar', 'qux', 'baz'] }]],
    [[{ foo: ['bar', 'qux', 'baz'], bar: ['qux', 'baz'] }], [{ op: 'copy', from: '/0/foo/0', path: '/0/bar' }], [{ foo: ['bar', 'qux', 'baz'], bar: 'bar' }]],
    [[{ foo: { bar: ['qux', 'baz'] }, baz: { qux: 'bum' } }], [{ op: 'copy', from: '/0/foo/bar', path: '/0/baz/bar' }], [{ baz: { bar: ['qux', 'baz'], qux: 'bum' }, foo: { bar: ['qux', 'baz'] } }]],
    [{ foo: ['bar'] }, [{ op: 'copy', path: '/foo/0', from: '/foo' }], { foo: [['bar'], 'bar'] }],
    [{ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/-2' }], { foo: ['bar', 'baz'] }],
    [{ foo: [] }, [{ op: 'add', path: '/foo/-1', value: 'qux' }], { foo: ['qux'] }],
    [{ bar: [{ baz: null }] }, [{ op: 'replace', path: '/bar/0/baz', value: 1 }], { bar: [{ baz: 1 }] }],
    [{ bar: [{ baz: 1 }] }, [{ op: 'replace', path: '/bar/0/baz', value: null }], { bar: [{ baz: null }] }],
    [{ bar: [null] }, [{ op: 'replace', path: '/bar/0', value: 1 }], { bar: [1] }],
    [{ bar: [1] }, [{ op: 'replace', path: '/bar/0', value: null }], { bar: [null] }],
    [
      { foo: ['A', A48] },
      [
        { op: 'copy', path: '/foo/-', from: '/foo/1' },
        { op: 'copy', path: '/foo/-', from: '/foo/1' },
      ],
      { foo: ['A', A48, A48, A48] },
    ],
    [
      { id: '0', parentID: '0' },
      [
        { op: 'test', path: '', value: { id: '0', parentID: '0' } },
        { op: 'replace', path: '', value: { id: '7', originalID: 'bar', parentID: '0' } },
      ],
      { id: '7', originalID: 'bar', parentID: '0' },
    ],
  ];
  it.each(cases)('Cases %#', (doc, ops, want) => {
    expect(applyJsonPatch(doc, ops)).toEqual(want);
  });

  const badCases: [unknown, unknown[]][] = [
    [{ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]],
    [{ a: { b: { d: 1 } } }, [{ op: 'remove', path: '/a/b/c' }]],
    [{ a: { b: { d: 1 } } }, [{ op: 'move', from: '/a/b/c', path: '/a/b/e' }]],
    [{ a: { b: [1] } }, [{ op: 'remove', path: '/a/b/1' }]],
    [{ a: { b: [1] } }, [{ op: 'move', from: '/a/b/1', path: '/a/b/2' }]],
    [{ foo: 'bar' }, [{ op: 'add', pathz: '/baz', value: 'qux' }]],
    [{ foo: 'bar' }, [{ op: 'add', path: '', value: 'qux' }]],
    [{ foo: ['bar', 'baz'] }, [{ op: 'replace', path: '/foo/2', value: 'bum' }]],
    [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/-4', value: 'bum' }]],
    [{ name: { foo: 'bat', qux: 'bum' } }, [{ op: 'replace', path: '/foo/bar', value: 'baz' }]],
    [{ foo: ['bar'] }, [{ op: 'add', path: '/foo/2', value: 'bum' }]],
    [{ foo: [] }, [{ op: 'remove', path: '/foo/-' }]],
    [{ foo: [] }, [{ op: 'remove', path: '/foo/-1' }]],
    [{ foo: ['bar'] }, [{ op: 'remove', path: '/foo/-2' }]],
    [{}, [{ op: null, path: '' }]],
    [{}, [{ op: 'add', path: null }]],
    [{}, [{ op: 'copy', from: null }]],
    [{ foo: ['bar'] }, [{ op: 'copy', path: '/foo/6666666666', from: '/' }]],
    [{ foo: ['bar'] }, [{ op: 'copy', path: '/foo/2', from: '/foo/0' }]],
    [{ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/4' }]],
  ];
  it.each(badCases)('BadCases %#', (doc, ops) => {
    expect(() => applyJsonPatch(doc, ops)).toThrow(JsonPatchError);
  });

  const testCases: [unknown, unknown[], boolean, string][] = [
    [{ baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }], true, ''],
    [{ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], false, '/baz'],
    [{ baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 'c' }], false, '/foo/1'],
    [{ baz: 'qux' }, [{ op: 'test', path: '/foo', value: 42 }], false, '/foo'],
    [{ baz: 'qux' }, [{ op: 'test', path: '/foo', value: null }], true, ''],
    [{ foo: null }, [{ op: 'test', path: '/foo', value: null }], true, ''],
    [{ foo: {} }, [{ op: 'test', path: '/foo', value: null }], false, '/foo'],
    [{ foo: [] }, [{ op: 'test', path: '/foo', value: null }], false, '/foo'],
    [{ 'baz/foo': 'qux' }, [{ op: 'test', path: '/baz~1foo', value: 'qux' }], true, ''],
    [{ foo: [] }, [{ op: 'test', path: '/foo' }], false, '/foo'],
    [{ baz: [] }, [{ op: 'test', path: '/foo' }], true, ''],
  ];
  it.each(testCases)('TestCases %#', (doc, ops, passes, failedPath) => {
    if (passes) expect(() => applyJsonPatch(doc, ops)).not.toThrow();
    else expect(() => applyJsonPatch(doc, ops)).toThrow(`testing value ${failedPath} failed: test failed`);
  });
});
