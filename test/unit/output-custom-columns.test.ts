import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import {
  parseCustomColumns,
  parseCustomColumnsTemplate,
  renderCustomColumns,
  relaxedJsonPathExpression,
  CustomColumnsError,
} from '../../src/cli/output/custom-columns.js';
import { tabify } from '../../src/compat/tabwriter.js';

const tabwrite = (text: string) => tabify(text, 6, 4, 3);
import { SERVER_LIST } from './fixtures/server-pod-list.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.



const PODS = SERVER_LIST.items.map((i) => ({ apiVersion: 'v1', kind: 'Pod', ...i }));

function run(c: (typeof CASES)[number]): { stdout: string; stderr: string; code: number } {
  const objs = c.objects === 'none' ? [] : c.objects === 'web-1' ? [PODS[0]!] : PODS;
  try {
    const cols = c.file !== undefined ? parseCustomColumnsTemplate(c.file) : parseCustomColumns(c.spec!);
    return { stdout: renderCustomColumns(cols, objs, { noHeaders: c.noHeaders }), stderr: '', code: 0 };
  } catch (e) {
    // kubectl has printed the header and earlier rows when a column fails.
    const partial = e instanceof CustomColumnsError ? e.partialOutput : '';
    return { stdout: partial, stderr: 'error: ' + (e as Error).message + '\n', code: 1 };
  }
}

describe('kubectl get pods -o custom-columns / custom-columns-file', () => {
  it.each(CASES)('$spec$file (no headers: $noHeaders)', (c) => {
    expect(run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
});

describe('pieces', () => {
  it('relaxed paths', () => {
    expect(relaxedJsonPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{metadata.name}')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
  });
  it('a spec with a line break is a custom-columns-file', () => {
    expect(parseCustomColumns('A B\n.x .y\n')).toEqual([
      { header: 'A', fieldSpec: '{.x}' },
      { header: 'B', fieldSpec: '{.y}' },
    ]);
  });
  it('tabwriter: minimum width 6, padding 3, last cell unpadded', () => {
    expect(tabwrite('A\tB\nxx\ty\n')).toBe('A     B\nxx    y\n');
    expect(tabwrite('NAME\tX\nweb-123\t\n')).toBe('NAME      X\nweb-123   \n');
  });
});

const CASES: Array<{ spec?: string; file?: string; noHeaders: boolean; objects: 'list' | 'web-1' | 'none'; stdout: string; stderr: string; code: number }> = [
 {
  "spec": "NAME:.metadata.name,IMG:.spec.containers[*].image,X:.foo",
  "noHeaders": false,
  "objects": "list",
  "stdout": "NAME    IMG                  X\nweb-1   nginx:1.25,busybox   <none>\ndb-0    postgres             <none>\njob-x   alpine               <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "NAME:metadata.name,N:{.spec.nodeName},R:{status.containerStatuses[*].restartCount}",
  "noHeaders": false,
  "objects": "list",
  "stdout": "NAME    N        R\nweb-1   n1       3,0\ndb-0    <none>   <none>\njob-x   n2       <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.annotations,L:.metadata.labels",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A     L\nmap[b:true big:1.2345675e+06 e: f:1.5 i:10 multi:a\nb n:<nil> neg:-1e-05 s:<x>&y]   map[app:web app.kubernetes.io/name:web tier:front]\n<none>                          map[app:db]\n<none>                          <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.name,B:.spec.containers[?(@.name==\"a\")].image,C:.status.conditions[0]",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A       B            C\nweb-1   nginx:1.25   map[status:True type:Ready]\ndb-0    <none>       map[status:False type:Ready]\n",
  "stderr": "error: array index out of bounds: index 0, length 0\n",
  "code": 1
 },
 {
  "spec": ":.metadata.name,:.kind",
  "noHeaders": false,
  "objects": "list",
  "stdout": "        \nweb-1   Pod\ndb-0    Pod\njob-x   Pod\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.annotations.n,B:.metadata.annotations.f,C:.metadata.annotations.e,D:.spec.tolerations",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A        B        C        D\n<nil>    1.5               <nil>\n<none>   <none>   <none>   <none>\n<none>   <none>   <none>   <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A B:.metadata.name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A B\nweb-1\ndb-0\njob-x\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.items[0]",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n<none>\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "X:.spec.containers[0].name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "X\na\npg\nc\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "X:.spec.containers[0].name,Y:.kind",
  "noHeaders": false,
  "objects": "list",
  "stdout": "X     Y\na     Pod\npg    Pod\nc     Pod\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "P:.spec.priority,S:.status.phase",
  "noHeaders": false,
  "objects": "list",
  "stdout": "P     S\n0     Running\n10    Pending\n-5    Succeeded\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "N:.metadata.name,ARGS:.spec.containers[*].args",
  "noHeaders": false,
  "objects": "list",
  "stdout": "N       ARGS\nweb-1   [sh -c echo hi]\ndb-0    <none>\njob-x   <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "PORTS:.spec.containers[*].ports[*].containerPort",
  "noHeaders": false,
  "objects": "list",
  "stdout": "PORTS\n80,443\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "C:.status.conditions",
  "noHeaders": false,
  "objects": "list",
  "stdout": "C\n[map[status:True type:Ready] map[status:True type:Initialized]]\n[map[status:False type:Ready]]\n[]\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "C:.status.conditions[*].type",
  "noHeaders": false,
  "objects": "list",
  "stdout": "C\nReady,Initialized\nReady\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "M:.metadata.annotations.multi,N:.metadata.name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "M     N\na\nb        web-1\n<none>   db-0\n<none>   job-x\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "B:.metadata.annotations.big,NEG:.metadata.annotations.neg",
  "noHeaders": false,
  "objects": "list",
  "stdout": "B               NEG\n1.2345675e+06   -1e-05\n<none>          <none>\n<none>          <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "E:.spec.containers[0].resources",
  "noHeaders": false,
  "objects": "list",
  "stdout": "E\nmap[]\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n<none>\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "NAME:.metadata.name,LONGHEADERNAME:.kind",
  "noHeaders": false,
  "objects": "list",
  "stdout": "NAME    LONGHEADERNAME\nweb-1   Pod\ndb-0    Pod\njob-x   Pod\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "N:{.metadata.name}",
  "noHeaders": false,
  "objects": "list",
  "stdout": "N\nweb-1\ndb-0\njob-x\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "N:{metadata.name}",
  "noHeaders": false,
  "objects": "list",
  "stdout": "N\nweb-1\ndb-0\njob-x\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "N:metadata.name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "N\nweb-1\ndb-0\njob-x\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "N:.metadata.name,",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected custom-columns spec: , expected <header>:<json-path-expr>\n",
  "code": 1
 },
 {
  "spec": ",N:.metadata.name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected custom-columns spec: , expected <header>:<json-path-expr>\n",
  "code": 1
 },
 {
  "spec": "N:.metadata.name,,K:.kind",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected custom-columns spec: , expected <header>:<json-path-expr>\n",
  "code": 1
 },
 {
  "spec": "",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: custom-columns format specified but no custom columns given\n",
  "code": 1
 },
 {
  "spec": "NAME",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
  "code": 1
 },
 {
  "spec": "NAME:.metadata.name,BAD",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected custom-columns spec: BAD, expected <header>:<json-path-expr>\n",
  "code": 1
 },
 {
  "spec": "A:{.a}{.b}",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
  "code": 1
 },
 {
  "spec": "A:.a[",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n",
  "stderr": "error: unterminated array\n",
  "code": 1
 },
 {
  "spec": "A:.a[?(@.x",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n",
  "stderr": "error: unterminated filter\n",
  "code": 1
 },
 {
  "spec": "A:{.a",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
  "code": 1
 },
 {
  "spec": "A:.metadata.name:x",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n<none>\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:..name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\nweb-1,a,b,a,b\ndb-0,pg\njob-x,c\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.spec.containers[5].name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n",
  "stderr": "error: array index out of bounds: index 5, length 2\n",
  "code": 1
 },
 {
  "spec": "A:.spec.containers[-1].name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\nb\npg\nc\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.labels.app\\.kubernetes\\.io/name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\nweb\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.status.containerStatuses[?(@.ready)].name",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\na,b\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.status.conditions[?(@.status==\"True\")].type",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\nReady,Initialized\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.name.x",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n<none>\n<none>\n<none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.spec.containers[*].name[0]",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\n",
  "stderr": "error: string is not array or slice\n",
  "code": 1
 },
 {
  "spec": "NAME:.metadata.name,IMG:.spec.containers[*].image,X:.foo",
  "noHeaders": true,
  "objects": "list",
  "stdout": "web-1   nginx:1.25,busybox   <none>\ndb-0    postgres             <none>\njob-x   alpine               <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "NAME:metadata.name,N:{.spec.nodeName},R:{status.containerStatuses[*].restartCount}",
  "noHeaders": true,
  "objects": "list",
  "stdout": "web-1   n1       3,0\ndb-0    <none>   <none>\njob-x   n2       <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.annotations,L:.metadata.labels",
  "noHeaders": true,
  "objects": "list",
  "stdout": "map[b:true big:1.2345675e+06 e: f:1.5 i:10 multi:a\nb n:<nil> neg:-1e-05 s:<x>&y]   map[app:web app.kubernetes.io/name:web tier:front]\n<none>                          map[app:db]\n<none>                          <none>\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.name,B:.spec.containers[?(@.name==\"a\")].image,C:.status.conditions[0]",
  "noHeaders": true,
  "objects": "list",
  "stdout": "web-1   nginx:1.25   map[status:True type:Ready]\ndb-0    <none>       map[status:False type:Ready]\n",
  "stderr": "error: array index out of bounds: index 0, length 0\n",
  "code": 1
 },
 {
  "spec": "A:.metadata.name",
  "noHeaders": false,
  "objects": "none",
  "stdout": "A\n",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "A:.metadata.name",
  "noHeaders": true,
  "objects": "none",
  "stdout": "",
  "stderr": "",
  "code": 0
 },
 {
  "spec": "NAME:.metadata.name,IMG:.spec.containers[*].image",
  "noHeaders": false,
  "objects": "web-1",
  "stdout": "NAME    IMG\nweb-1   nginx:1.25,busybox\n",
  "stderr": "",
  "code": 0
 },
 {
  "file": "NAME   IMAGE\n.metadata.name   .spec.containers[*].image\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "NAME    IMAGE\nweb-1   nginx:1.25,busybox\ndb-0    postgres\njob-x   alpine\n",
  "stderr": "",
  "code": 0
 },
 {
  "file": "NAME IMAGE\n{.metadata.name} {.spec.containers[0].image}",
  "noHeaders": false,
  "objects": "list",
  "stdout": "NAME    IMAGE\nweb-1   nginx:1.25\ndb-0    postgres\njob-x   alpine\n",
  "stderr": "",
  "code": 0
 },
 {
  "file": "NAME IMAGE\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.\n",
  "code": 1
 },
 {
  "file": "",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.\n",
  "code": 1
 },
 {
  "file": "A B C\n.x .y\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: number of headers (3) and field specifications (2) don't match\n",
  "code": 1
 },
 {
  "file": "A\n\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "",
  "stderr": "error: number of headers (1) and field specifications (0) don't match\n",
  "code": 1
 },
 {
  "file": "A\tB\r\n.metadata.name\t.kind\r\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A       B\nweb-1   Pod\ndb-0    Pod\njob-x   Pod\n",
  "stderr": "",
  "code": 0
 },
 {
  "file": "A\n.metadata.name\n.kind\n",
  "noHeaders": false,
  "objects": "list",
  "stdout": "A\nweb-1\ndb-0\njob-x\n",
  "stderr": "",
  "code": 0
 }
];
