// RFC 7386 JSON merge patch (`application/merge-patch+json`): applying (evanphx/json-patch v4
// MergePatch, the apiserver's library), creating (CreateMergePatch) and kubectl's three-way
// variant for kinds without strategic-merge metadata (apimachinery jsonmergepatch).
import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch, createThreeWayJsonMergePatch } from '../../src/api/patch/index.js';

type Obj = Record<string, any>;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as Obj).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}

describe('applyMergePatch: RFC 7386 appendix A', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)('%j + %j → %j', (target, patch, want) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });
});

describe('applyMergePatch: evanphx/json-patch v4 behaviour', () => {
  it.each([
    [{ title: 'hello' }, { title: 'goodbye' }, { title: 'goodbye' }],
    [{ title: 'hello', age: 18 }, { title: 'goodbye' }, { title: 'goodbye', age: 18 }],
    [{ title: null }, { title: { foo: 'bar' } }, { title: { foo: 'bar' } }],
    [{ person: { title: 'hello', age: 18 } }, { person: { title: 'goodbye' } }, { person: { title: 'goodbye', age: 18 } }],
    [{ array: ['one', 'two'] }, { array: [] }, { array: [] }],
    // Null array items are values and stay.
    [{ a: [{ b: 'c' }] }, { a: [null, 1] }, { a: [null, 1] }],
    [{ a: ['b'] }, { a: ['b', null] }, { a: ['b', null] }],
    [{ a: [] }, { a: ['b', null, null, 'a'] }, { a: ['b', null, null, 'a'] }],
    // Nulls inside objects within a new array are pruned (the RFC would keep them).
    [{ a: 1 }, { a: [{ b: null, c: 1 }] }, { a: [{ c: 1 }] }],
    [{ 'a/b': 1, '~c': 2 }, { 'a/b': 3, '~c': null }, { 'a/b': 3 }],
  ])('%j + %j → %j', (target, patch, want) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it('kubectl scale / annotate bodies (KUBECTL-WIRE.md §6)', () => {
    const scale = { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { replicas: 1 }, status: { replicas: 1 } };
    expect(applyMergePatch(scale, { spec: { replicas: 3 } })).toEqual({ ...scale, spec: { replicas: 3 } });
    const dep = { metadata: { name: 'web', annotations: { a: '1' } } };
    expect(applyMergePatch(dep, { metadata: { annotations: { 'kubernetes.io/change-cause': 'x' } } })).toEqual({
      metadata: { name: 'web', annotations: { a: '1', 'kubernetes.io/change-cause': 'x' } },
    });
  });

  it('does not modify its inputs or share structure with them', () => {
    const target = { a: { b: [1, { c: 2 }] }, d: 1 };
    const patch = { a: { e: { f: [1] } }, d: null };
    const before = JSON.stringify([target, patch]);
    const out = applyMergePatch(target, patch) as Obj;
    expect(JSON.stringify([target, patch])).toBe(before);
    out.a.b.push(3);
    out.a.e.f.push(2);
    expect(JSON.stringify([target, patch])).toBe(before);
  });
});

// Results from the real kubectl v1.35: `kubectl patch --local --type merge` on DOC.
describe('applyMergePatch: results kubectl computes', () => {
  const DOC: Obj = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cm', labels: { a: '1', 'x/y': '2', 'm~n': '3' } },
    data: { k: 'v' },
    list: [1, 2, 3],
    objs: [{ n: 'a' }, { n: 'b' }],
    nul: null,
  };
  const cases: [string, Obj, Obj][] = [
  ["merge set", {"data":{"k":"x","n":"y"}}, {"apiVersion":"v1","data":{"k":"x","n":"y"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["merge delete", {"data":{"k":null},"metadata":{"labels":{"a":null}}}, {"apiVersion":"v1","data":{},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["merge replace list", {"list":[4,null,{"a":null,"b":1}]}, {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[4,null,{"b":1}],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["merge object over scalar", {"data":{"k":{"a":1,"b":null}}}, {"apiVersion":"v1","data":{"k":{"a":1}},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ["merge nested new with null", {"spec":{"a":{"b":null,"c":1}}}, {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}],"spec":{"a":{"c":1}}}],
  ["merge null into null", {"nul":{"x":1}}, {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":{"a":"1","m~n":"3","x/y":"2"},"name":"cm"},"nul":{"x":1},"objs":[{"n":"a"},{"n":"b"}]}],
  ["merge scalar over object", {"metadata":{"labels":"x"}}, {"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","list":[1,2,3],"metadata":{"labels":"x","name":"cm"},"nul":null,"objs":[{"n":"a"},{"n":"b"}]}],
  ];
  for (const [name, patch, expected] of cases) {
    it(name, () => {
      expect(applyMergePatch(DOC, patch)).toEqual(expected);
    });
  }
});

describe('createMergePatch (evanphx CreateMergePatch)', () => {
  it.each([
    [{ title: 'hello', nested: { one: 1, two: 2 } }, { title: 'goodbye', nested: { one: 2, two: 2 } }, '{"nested":{"one":2},"title":"goodbye"}'],
    [{ title: 'hello', array: ['one', 'two'], notmatch: [1, 2, 3] }, { title: 'hello', array: ['one', 'two', 'three'], notmatch: [1, 2, 3] }, '{"array":["one","two","three"]}'],
    [
      { title: 'hello', array: [{ banana: true }, { evil: false }], notmatch: [{ one: 1 }, { two: 2 }, { three: 3 }] },
      { title: 'hello', array: [{ banana: false }, { evil: true }], notmatch: [{ one: 1 }, { two: 2 }, { three: 3 }] },
      '{"array":[{"banana":false},{"evil":true}]}',
    ],
    [{ title: 'hello', nested: { one: 1, two: 2 } }, { title: 'hello', nested: { one: 1 } }, '{"nested":{"two":null}}'],
    [{ array: null }, { array: [] }, '{"array":[]}'],
    [{ title: 'hello', nested: { one: 1, two: [{ one: null }, { two: null }, { three: null }] } }, { title: 'hello', nested: { one: 1, two: [{ one: null }, { two: null }, { three: null }] } }, '{}'],
    [{ array: [{ a: { b: 2 } }, { a: { b: 3 } }] }, { array: [{ a: { b: 2 } }, { a: { b: 3 } }] }, '{}'],
    [
      { hello: 'world', t: true, f: false, n: null, i: 123, pi: 3.1416, a: [1, 2, 3, 4], nested: { hello: 'world', t: true, f: false, n: null, i: 123, pi: 3.1416, a: [1, 2, 3, 4] } },
      { hello: 'world', t: true, f: false, n: null, i: 123, pi: 3.1416, a: [1, 2, 3, 4], nested: { hello: 'world', t: true, f: false, n: null, i: 123, pi: 3.1416, a: [1, 2, 3, 4] } },
      '{}',
    ],
    [{}, { hello: 'world', nested: { a: [1] } }, '{"hello":"world","nested":{"a":[1]}}'],
    [{ hello: 'world', t: true, nested: { a: 1 } }, {}, '{"hello":null,"nested":null,"t":null}'],
    [{ a: 100, b: [1, 2], c: { d: 1 } }, { a: '100', b: { x: 1 }, c: [1] }, '{"a":"100","b":{"x":1},"c":[1]}'],
    [{ 'a/b': 1 }, { 'a/b': 2, 'c~d': 3 }, '{"a/b":2,"c~d":3}'],
  ])('%j → %j', (original, modified, want) => {
    expect(JSON.stringify(createMergePatch(original, modified))).toBe(want);
  });

  it('round-trips: applying the created patch gives the modified document', () => {
    const a = { metadata: { name: 'x', labels: { a: '1', b: '2' } }, spec: { replicas: 1, list: [1, 2] } };
    const b = { metadata: { name: 'x', labels: { b: '3', c: '4' } }, spec: { list: [2] }, status: {} };
    expect(applyMergePatch(a, createMergePatch(a, b))).toEqual(b);
  });
});

// apimachinery pkg/util/jsonmergepatch/patch_test.go createJSONMergePatchTestCaseData
// (Apache License 2.0), converted from YAML.
describe('createThreeWayJsonMergePatch (apimachinery jsonmergepatch test cases)', () => {
  const cases: { description: string; original?: Obj; modified?: Obj; current?: Obj; threeWay?: Obj; result?: Obj }[] = [
  {"description":"nil original","modified":{"name":1,"value":1},"current":{"name":1,"other":"a"},"threeWay":{"value":1},"result":{"name":1,"value":1,"other":"a"}},
  {"description":"nil patch","original":{"name":1},"modified":{"name":1},"current":{"name":1},"threeWay":{},"result":{"name":1}},
  {"description":"add field to map","original":{"name":1},"modified":{"name":1,"value":1},"current":{"name":1,"other":"a"},"threeWay":{"value":1},"result":{"name":1,"value":1,"other":"a"}},
  {"description":"add field to map with conflict","original":{"name":1},"modified":{"name":1,"value":1},"current":{"name":"a","other":"a"},"threeWay":{"name":1,"value":1},"result":{"name":1,"value":1,"other":"a"}},
  {"description":"add field and delete field from map","original":{"name":1},"modified":{"value":1},"current":{"name":1,"other":"a"},"threeWay":{"name":null,"value":1},"result":{"value":1,"other":"a"}},
  {"description":"add field and delete field from map with conflict","original":{"name":1},"modified":{"value":1},"current":{"name":"a","other":"a"},"threeWay":{"name":null,"value":1},"result":{"value":1,"other":"a"}},
  {"description":"delete field from nested map","original":{"simpleMap":{"key1":1,"key2":1}},"modified":{"simpleMap":{"key1":1}},"current":{"simpleMap":{"key1":1,"key2":1,"other":"a"}},"threeWay":{"simpleMap":{"key2":null}},"result":{"simpleMap":{"key1":1,"other":"a"}}},
  {"description":"delete field from nested map with conflict","original":{"simpleMap":{"key1":1,"key2":1}},"modified":{"simpleMap":{"key1":1}},"current":{"simpleMap":{"key1":"a","key2":1,"other":"a"}},"threeWay":{"simpleMap":{"key1":1,"key2":null}},"result":{"simpleMap":{"key1":1,"other":"a"}}},
  {"description":"delete all fields from map","original":{"name":1,"value":1},"modified":{},"current":{"name":1,"value":1,"other":"a"},"threeWay":{"name":null,"value":null},"result":{"other":"a"}},
  {"description":"delete all fields from map with conflict","original":{"name":1,"value":1},"modified":{},"current":{"name":1,"value":"a","other":"a"},"threeWay":{"name":null,"value":null},"result":{"other":"a"}},
  {"description":"add field and delete all fields from map","original":{"name":1,"value":1},"modified":{"other":"a"},"current":{"name":1,"value":1,"other":"a"},"threeWay":{"name":null,"value":null},"result":{"other":"a"}},
  {"description":"add field and delete all fields from map with conflict","original":{"name":1,"value":1},"modified":{"other":"a"},"current":{"name":1,"value":1,"other":"b"},"threeWay":{"name":null,"value":null,"other":"a"},"result":{"other":"a"}},
  {"description":"replace list of scalars","original":{"intList":[1,2]},"modified":{"intList":[2,3]},"current":{"intList":[1,2]},"threeWay":{"intList":[2,3]},"result":{"intList":[2,3]}},
  {"description":"replace list of scalars with conflict","original":{"intList":[1,2]},"modified":{"intList":[2,3]},"current":{"intList":[1,4]},"threeWay":{"intList":[2,3]},"result":{"intList":[2,3]}},
  {"description":"patch with different scalar type","original":{"foo":1},"modified":{"foo":true},"current":{"foo":1,"bar":2},"threeWay":{"foo":true},"result":{"foo":true,"bar":2}},
  {"description":"patch from scalar to list","original":{"foo":0},"modified":{"foo":[1,2]},"current":{"foo":0,"bar":2},"threeWay":{"foo":[1,2]},"result":{"foo":[1,2],"bar":2}},
  {"description":"patch from list to scalar","original":{"foo":[1,2]},"modified":{"foo":0},"current":{"foo":[1,2],"bar":2},"threeWay":{"foo":0},"result":{"foo":0,"bar":2}},
  {"description":"patch from scalar to map","original":{"foo":0},"modified":{"foo":{"baz":1}},"current":{"foo":0,"bar":2},"threeWay":{"foo":{"baz":1}},"result":{"foo":{"baz":1},"bar":2}},
  {"description":"patch from map to scalar","original":{"foo":{"baz":1}},"modified":{"foo":0},"current":{"foo":{"baz":1},"bar":2},"threeWay":{"foo":0},"result":{"foo":0,"bar":2}},
  {"description":"patch from map to list","original":{"foo":{"baz":1}},"modified":{"foo":[1,2]},"current":{"foo":{"baz":1},"bar":2},"threeWay":{"foo":[1,2]},"result":{"foo":[1,2],"bar":2}},
  {"description":"patch from list to map","original":{"foo":[1,2]},"modified":{"foo":{"baz":0}},"current":{"foo":[1,2],"bar":2},"threeWay":{"foo":{"baz":0}},"result":{"foo":{"baz":0},"bar":2}},
  {"description":"patch with different nested types","original":{"foo":[{"a":true},2,false]},"modified":{"foo":[1,false,{"b":1}]},"current":{"foo":[{"a":true},2,false],"bar":0},"threeWay":{"foo":[1,false,{"b":1}]},"result":{"foo":[1,false,{"b":1}],"bar":0}},
  {"description":"patch array with nil","original":{"foo":[{"a":true},null,false],"bar":[],"drop":[1]},"modified":{"foo":[1,false,{"b":1}],"bar":["c",null,null,"a"],"drop":[null]},"current":{"foo":[{"a":true},2,false],"bar":["c",null,null,"a"],"drop":null},"threeWay":{"foo":[1,false,{"b":1}],"drop":[null]},"result":{"foo":[1,false,{"b":1}],"drop":[null],"bar":["c",null,null,"a"]}},
  ];
  for (const c of cases) {
    it(c.description, () => {
      const patch = createThreeWayJsonMergePatch(c.original ?? {}, c.modified ?? {}, c.current ?? {});
      expect(JSON.stringify(patch)).toBe(JSON.stringify(sortKeys(c.threeWay ?? {})));
      if (c.result) expect(sortKeys(applyMergePatch(c.current ?? {}, patch))).toEqual(sortKeys(c.result));
    });
  }
});
