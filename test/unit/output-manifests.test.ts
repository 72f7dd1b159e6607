import { describe, it, expect } from 'vitest';
import { parseManifests, ManifestError } from '../../src/cli/output/yaml.js';
import { toKubectlJson } from '../../src/cli/output/json.js';
import { rfc3339Error } from '../../src/cli/output/manifest-decode.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.
// Each case is `kubectl create -f FILE --dry-run=client -o json --validate=false`: the objects
// kubectl read (it adds the default namespace) and its error. Known differences are listed.
const KNOWN = new Map<string, string>([
  // A JSON number literal like 1e3 is an integer to JS; Go refuses it for an int64 field.
  ['gen3.json', 'number literal syntax is not kept'],
  // int64 max does not fit a JS number.
  ['types.yaml', 'integers beyond 2^53 lose precision'],
  // kubectl keeps metadata: null; the stand-in for create below adds a namespace.
  ['metanull.yaml', 'not a parsing difference'],
]);

function kubectlCreate(c: (typeof CASES)[number]): { stdout: string; stderr: string } {
  let objs;
  let stderr = '';
  try {
    objs = parseManifests(c.content, c.file, { validate: false });
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    objs = (e as ManifestError).objects;
    stderr = ((e as ManifestError).raw ? '' : 'error: ') + (e as Error).message + '\n';
  }
  let stdout = '';
  for (const o of objs) {
    const c2 = structuredClone(o);
    c2.metadata = c2.metadata ?? {};
    if (!c2.metadata.namespace) c2.metadata.namespace = 'default';
    stdout += toKubectlJson(c2, { sortKeys: true });
  }
  if (!objs.length && !stderr) stderr = 'error: no objects passed to create\n';
  return { stdout, stderr };
}

describe('reading manifests like kubectl create -f', () => {
  it.each(CASES.filter((c) => !KNOWN.has(c.file)))('$file', (c) => {
    expect(kubectlCreate(c)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
  // The known differences run too, and must still differ: when one is fixed, this fails until it
  // leaves KNOWN.
  it.fails.each(CASES.filter((c) => KNOWN.has(c.file)).map((c) => ({ ...c, why: KNOWN.get(c.file)! })))('$file (known difference: $why)', (c) => {
    expect(kubectlCreate(c)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
  it('every known difference names a golden case', () => {
    for (const file of KNOWN.keys()) expect(CASES.map((c) => c.file)).toContain(file);
  });
});

describe('with validation on', () => {
  it('a document that is not an object', () => {
    expect(() => parseManifests('- a\n- b\n', 'list.yaml')).toThrow(
      'error validating "list.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });
  it('leaves kind and metadata checks to the validator', () => {
    expect(parseManifests('metadata:\n  name: 5\n', 'x.yaml')).toEqual([{ metadata: { name: 5 } }]);
  });
});

describe('details', () => {
  it('objects read before an error come with it', () => {
    try {
      parseManifests('kind: A\n---\nkind: B\n---\na: b: c\n', 'f.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as ManifestError).objects).toEqual([{ kind: 'A' }, { kind: 'B' }]);
      expect((e as Error).message).toBe('error parsing f.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context');
    }
  });
  it('stdin', () => {
    expect(() => parseManifests('a:\n\tb: c\n', 'STDIN')).toThrow('error parsing STDIN: error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
  });
  it('RFC 3339 timestamps as Go parses them', () => {
    expect(rfc3339Error('2024-01-01T00:00:00Z')).toBeUndefined();
    expect(rfc3339Error('2024-01-01T00:00:00.5+01:00')).toBeUndefined();
    expect(rfc3339Error('2024-02-30T00:00:00Z')).toBe('parsing time "2024-02-30T00:00:00Z": day out of range');
    expect(rfc3339Error('2024-01-01')).toBe('parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"');
  });
});

const CASES: Array<{ file: string; content: string; stdout: string; stderr: string }> = [
 {
  "file": "alias.yaml",
  "content": "a: &x 1\nb: *y\n",
  "stdout": "",
  "stderr": "error: error parsing alias.yaml: error converting YAML to JSON: yaml: unknown anchor 'y' referenced\n"
 },
 {
  "file": "anchor.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: x\nspec: *m\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    },\n    \"spec\": {\n        \"name\": \"x\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "anchorbad.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\ndata: &\n  a: b\n",
  "stdout": "",
  "stderr": "error: error parsing anchorbad.yaml: error converting YAML to JSON: yaml: line 5: did not find expected alphabetic or numeric character\n"
 },
 {
  "file": "anchors.yaml",
  "content": "base: &b\n  a: 1\n  b: 2\nother: &o\n  c: 3\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchors\n  labels: &l {x: \"1\"}\n  annotations: *l\ndata:\n  <<: [*b, *o]\n  b: override\nlist: &seq [1, 2]\nlist2: *seq\nmerged:\n  b: before\n  <<: *b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"base\": {\n        \"a\": 1,\n        \"b\": 2\n    },\n    \"data\": {\n        \"a\": 1,\n        \"b\": \"override\",\n        \"c\": 3\n    },\n    \"kind\": \"ConfigMap\",\n    \"list\": [\n        1,\n        2\n    ],\n    \"list2\": [\n        1,\n        2\n    ],\n    \"merged\": {\n        \"a\": 1,\n        \"b\": 2\n    },\n    \"metadata\": {\n        \"annotations\": {\n            \"x\": \"1\"\n        },\n        \"labels\": {\n            \"x\": \"1\"\n        },\n        \"name\": \"anchors\",\n        \"namespace\": \"default\"\n    },\n    \"other\": {\n        \"c\": 3\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "ann.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: [x]\n",
  "stdout": "",
  "stderr": "error: unable to decode \"ann.yaml\": json: cannot unmarshal array into Go struct field ObjectMeta.metadata.annotations of type map[string]string\n"
 },
 {
  "file": "api.yaml",
  "content": "apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: a\n",
  "stdout": "",
  "stderr": "error: unable to decode \"api.yaml\": json: cannot unmarshal number into Go struct field metadataOnlyObject.TypeMeta.apiVersion of type string\n"
 },
 {
  "file": "at.yaml",
  "content": "key: @bad\n",
  "stdout": "",
  "stderr": "error: error parsing at.yaml: error converting YAML to JSON: yaml: found character that cannot start any token\n"
 },
 {
  "file": "bad.json",
  "content": "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"x\",}}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "bad2.json",
  "content": "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": }}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": null,\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "badescape.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\ndata:\n  a: \"\\uZZZZ\"\n",
  "stdout": "",
  "stderr": "error: error parsing badescape.yaml: error converting YAML to JSON: yaml: line 6: did not find expected hexdecimal number\n"
 },
 {
  "file": "binary.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bin\nx: !!binary aGVsbG8=\ny: !!str 123\nz: !!float 1\nw: !custom tagged\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"bin\",\n        \"namespace\": \"default\"\n    },\n    \"true\": \"123\",\n    \"w\": \"tagged\",\n    \"x\": \"hello\",\n    \"z\": 1\n}\n",
  "stderr": ""
 },
 {
  "file": "block.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: |\n  x\n",
  "stdout": "",
  "stderr": "error: error parsing block.yaml: error converting YAML to JSON: yaml: line 6: could not find expected ':'\n"
 },
 {
  "file": "blockbad.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    a: |\n      line1\n     line2\n",
  "stdout": "",
  "stderr": "error: error parsing blockbad.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key\n"
 },
 {
  "file": "blocks.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blocks\ndata:\n  lit: |\n    line1\n      indented\n    line3\n  litstrip: |-\n    a\n    b\n  litkeep: |+\n    a\n\n  folded: >\n    folded\n    text\n\n    para\n  foldstrip: >-\n    a\n    b\n  plainmulti: first\n    second\n\n    third\n  dq: \"a\\tb\\u00e9\\x41\\\n    continued\"\n  sq: 'it''s\n    folded'\n  indent: |2\n      two extra\n  comment: value # trailing comment\n  hash: a#b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"comment\": \"value\",\n        \"dq\": \"a\\tbéAcontinued\",\n        \"folded\": \"folded text\\npara\\n\",\n        \"foldstrip\": \"a b\",\n        \"hash\": \"a#b\",\n        \"indent\": \"  two extra\\n\",\n        \"lit\": \"line1\\n  indented\\nline3\\n\",\n        \"litkeep\": \"a\\n\\n\",\n        \"litstrip\": \"a\\nb\",\n        \"plainmulti\": \"first second\\nthird\",\n        \"sq\": \"it's folded\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"blocks\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "bom.yaml",
  "content": "﻿apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "bomjson.json",
  "content": "﻿{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"bom\"}}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"bom\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "booldoc.yaml",
  "content": "true\n",
  "stdout": "",
  "stderr": "error: unable to decode \"booldoc.yaml\": json: cannot unmarshal bool into Go value of type unstructured.detector\n"
 },
 {
  "file": "brace.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n",
  "stdout": "",
  "stderr": "error: error parsing brace.yaml: error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'\n"
 },
 {
  "file": "brace2.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata: {name: x]\n",
  "stdout": "",
  "stderr": "error: error parsing brace2.yaml: error converting YAML to JSON: yaml: line 2: did not find expected ',' or '}'\n"
 },
 {
  "file": "bt.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: `x\n",
  "stdout": "",
  "stderr": "error: error parsing bt.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n"
 },
 {
  "file": "close.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata: x]\n",
  "stdout": "",
  "stderr": "error: unable to decode \"close.yaml\": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta\n"
 },
 {
  "file": "colonnospace.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name:x\n",
  "stdout": "",
  "stderr": "error: unable to decode \"colonnospace.yaml\": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta\n"
 },
 {
  "file": "comments.yaml",
  "content": "# leading comment\n---\n# only a comment\n---\napiVersion: v1 # c\nkind: ConfigMap\nmetadata:\n  name: c1\n--- # separator comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n...\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c1\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c2\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "complexkey.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  ? a\n  : b\n  ? |\n    multi\n  : c\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"b\",\n        \"multi\\n\": \"c\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"s\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "cr.yaml",
  "content": "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  a: |\r\n    x\r\n    y\r\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"x\\ny\\n\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"crlf\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "crlf.yaml",
  "content": "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: x\r\n   labels: y\r\n",
  "stdout": "",
  "stderr": "error: error parsing crlf.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n"
 },
 {
  "file": "dash3.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n----\n",
  "stdout": "",
  "stderr": "error: error parsing dash3.yaml: invalid Yaml document separator: -\n"
 },
 {
  "file": "dashes.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: b\n---x\n",
  "stdout": "",
  "stderr": "error: error parsing dashes.yaml: invalid Yaml document separator: x\n"
 },
 {
  "file": "dedent.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: y\n",
  "stdout": "",
  "stderr": "error: error parsing dedent.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n"
 },
 {
  "file": "directive.yaml",
  "content": "%YAML 1.1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n",
  "stdout": "",
  "stderr": "error: error parsing directive.yaml: error converting YAML to JSON: yaml: line 1: did not find expected <document start>\n"
 },
 {
  "file": "dq_after.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\" y\n",
  "stdout": "",
  "stderr": "error: error parsing dq_after.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key\n"
 },
 {
  "file": "dq_esc.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\\qy\"\n",
  "stdout": "",
  "stderr": "error: error parsing dq_esc.yaml: error converting YAML to JSON: yaml: line 4: found unknown escape character\n"
 },
 {
  "file": "dq_mid.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\n  labels:\n    a: b\n",
  "stdout": "",
  "stderr": "error: error parsing dq_mid.yaml: error converting YAML to JSON: yaml: line 7: found unexpected end of stream\n"
 },
 {
  "file": "dup.yaml",
  "content": "kind: Pod\nkind: Pod\n",
  "stdout": "{\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "dupanchor.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r\nx: &a [1, *a]\n",
  "stdout": "",
  "stderr": "error: error parsing dupanchor.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself\n"
 },
 {
  "file": "dupkey.yaml",
  "content": "apiVersion: v1\nkind: Pod\nkind: Service\nmetadata:\n  name: x\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Service\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "empty.yaml",
  "content": "",
  "stdout": "",
  "stderr": "error: no objects passed to create\n"
 },
 {
  "file": "emptydocs.yaml",
  "content": "---\n---\n",
  "stdout": "",
  "stderr": "error: no objects passed to create\n"
 },
 {
  "file": "emptylist.yaml",
  "content": "apiVersion: v1\nkind: List\nitems: []\n",
  "stdout": "",
  "stderr": "error: no objects passed to create\n"
 },
 {
  "file": "emptyval.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n  labels:\ndata:\n  a:\n  b: \"\"\nx: [ ]\ny: { }\nz: -\n",
  "stdout": "",
  "stderr": "error: error parsing emptyval.yaml: error converting YAML to JSON: yaml: line 11: block sequence entries are not allowed in this context\n"
 },
 {
  "file": "fin.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  finalizers: [1]\n",
  "stdout": "",
  "stderr": "error: unable to decode \"fin.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.finalizers of type string\n"
 },
 {
  "file": "flow.yaml",
  "content": "{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}, data: {a: \"1\", b: two, c: [x, y, {z: 1}], d: [a: b]}}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"1\",\n        \"b\": \"two\",\n        \"c\": [\n            \"x\",\n            true,\n            {\n                \"z\": 1\n            }\n        ],\n        \"d\": [\n            {\n                \"a\": \"b\"\n            }\n        ]\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"flow\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "gen.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  generation: 1.5\n",
  "stdout": "",
  "stderr": "error: unable to decode \"gen.yaml\": json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64\n"
 },
 {
  "file": "gen2.json",
  "content": "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"generation\":\"1\"}}",
  "stdout": "",
  "stderr": "error: unable to decode \"gen2.json\": json: cannot unmarshal string into Go struct field ObjectMeta.metadata.generation of type int64\n"
 },
 {
  "file": "gen3.json",
  "content": "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"generation\":1e3}}",
  "stdout": "",
  "stderr": "error: unable to decode \"gen3.json\": json: cannot unmarshal number 1e3 into Go struct field ObjectMeta.metadata.generation of type int64\n"
 },
 {
  "file": "indent.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n",
  "stdout": "",
  "stderr": "error: error parsing indent.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n"
 },
 {
  "file": "indentseq.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\nx:\n    - a\n    - b\ny:\n- - nested\n  - seq\n- key: v\n  k2: v2\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"s\",\n        \"namespace\": \"default\"\n    },\n    \"true\": [\n        [\n            \"nested\",\n            \"seq\"\n        ],\n        {\n            \"k2\": \"v2\",\n            \"key\": \"v\"\n        }\n    ],\n    \"x\": [\n        \"a\",\n        \"b\"\n    ]\n}\n",
  "stderr": ""
 },
 {
  "file": "inf.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inf\nx: .inf\n",
  "stdout": "",
  "stderr": "error: error parsing inf.yaml: error converting YAML to JSON: json: unsupported value: +Inf\n"
 },
 {
  "file": "jsonarray.json",
  "content": "[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"}}]",
  "stdout": "",
  "stderr": "error: unable to decode \"jsonarray.json\": json: cannot unmarshal array into Go value of type unstructured.detector\n"
 },
 {
  "file": "jsonctl.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\u0001\"}}",
  "stdout": "",
  "stderr": "error: error parsing jsonctl.json: json: offset 60: invalid character '\\x01' in string literal\n"
 },
 {
  "file": "jsonesc.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},\"data\":{\"a\":\"\\q\"}}",
  "stdout": "",
  "stderr": "error: error parsing jsonesc.json: json: offset 77: invalid character 'q' in string escape code\n"
 },
 {
  "file": "jsonkey.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},x:1}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"j\",\n        \"namespace\": \"default\"\n    },\n    \"x:1\": null\n}\n",
  "stderr": ""
 },
 {
  "file": "jsonlit.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},\"x\":tru}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"j\",\n        \"namespace\": \"default\"\n    },\n    \"x\": \"tru\"\n}\n",
  "stderr": ""
 },
 {
  "file": "jsonnum.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},\"x\":[1,-0,0.5,1e2,1E-2,-1.5e+3,01]}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"j\",\n        \"namespace\": \"default\"\n    },\n    \"x\": [\n        1,\n        0,\n        0.5,\n        100,\n        0.01,\n        -1500,\n        1\n    ]\n}\n",
  "stderr": ""
 },
 {
  "file": "jsonthenyaml.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"j\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: unable to decode \"jsonthenyaml.json\": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n"
 },
 {
  "file": "jsonthreebad.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing jsonthreebad.json: invalid character '}' looking for beginning of object key string\n"
 },
 {
  "file": "jsontrunc.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"",
  "stdout": "",
  "stderr": "error: error parsing jsontrunc.json: unexpected EOF\n"
 },
 {
  "file": "jy.yaml",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "keyonly.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata\n  name: x\n",
  "stdout": "",
  "stderr": "error: error parsing keyonly.yaml: error converting YAML to JSON: yaml: line 4: could not find expected ':'\n"
 },
 {
  "file": "keyonly2.yaml",
  "content": "apiVersion: v1\nkind\n",
  "stdout": "",
  "stderr": "error: error parsing keyonly2.yaml: error converting YAML to JSON: yaml: line 3: could not find expected ':'\n"
 },
 {
  "file": "keyseq.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n? [a, b]\n: c\n",
  "stdout": "",
  "stderr": "error: error parsing keyseq.yaml: error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\", \"b\"}\n"
 },
 {
  "file": "kindlist.yaml",
  "content": "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- kind: ConfigMap\n  metadata:\n    name: two\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"one\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "unable to get type info from the object \"*unstructured.Unstructured\": Object 'apiVersion' is missing in 'object has no apiVersion field'\n"
 },
 {
  "file": "kindnum.yaml",
  "content": "apiVersion: v1\nkind: 5\nmetadata:\n  name: a\n",
  "stdout": "",
  "stderr": "error: unable to decode \"kindnum.yaml\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"kind\":5,\"metadata\":{\"name\":\"a\"}}'\n"
 },
 {
  "file": "kl2.yaml",
  "content": "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- apiVersion: v1\n  metadata:\n    name: two\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"one\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "unable to get type info from the object \"*unstructured.Unstructured\": Object 'Kind' is missing in 'object has no kind field '\n"
 },
 {
  "file": "kl3.yaml",
  "content": "apiVersion: v1\nkind: List\nmetadata:\n  name: 5\n  labels: {a: 1}\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n    labels: {b: 2}\n",
  "stdout": "",
  "stderr": "error: unable to decode \"kl3.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n"
 },
 {
  "file": "labels.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    version: 1\n",
  "stdout": "",
  "stderr": "error: unable to decode \"labels.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n"
 },
 {
  "file": "labelsb.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    ok: \"x\"\n    enabled: true\n  annotations:\n    n: 5\n",
  "stdout": "",
  "stderr": "error: unable to decode \"labelsb.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string\n"
 },
 {
  "file": "list.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}]}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "list.yaml",
  "content": "- a\n- b\n",
  "stdout": "",
  "stderr": "error: unable to decode \"list.yaml\": json: cannot unmarshal array into Go value of type unstructured.detector\n"
 },
 {
  "file": "longkey.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: x\n",
  "stdout": "",
  "stderr": "error: error parsing longkey.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n"
 },
 {
  "file": "m1.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n\"metadata\": {\"name\": \"b\"}} x: y\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing m1.json: invalid character 'x' looking for beginning of value\n"
 },
 {
  "file": "m10.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\nnull\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "m2.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\nkind: Pod\napiVersion: v1\nmetadata: {name: b}\n---\nmetadata: a: b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing m2.json: error converting YAML to JSON: yaml: mapping values are not allowed in this context\n"
 },
 {
  "file": "m3.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\nkind: Pod\napiVersion: v1\nmetadata: a: b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing m3.json: json: offset 58: invalid character 'k' looking for beginning of value\n"
 },
 {
  "file": "m4.json",
  "content": "  {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n\"metadata\":{\"name\":\"a\"},\n  \"spec\": {\"x\": [1, 2,, 3]}}\n",
  "stdout": "",
  "stderr": "error: error parsing m4.json: json: offset 83: invalid character ',' looking for beginning of value\n"
 },
 {
  "file": "m5.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "m6.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n[{\"a\":1}]\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: unable to decode \"m6.json\": json: cannot unmarshal array into Go value of type unstructured.detector\n"
 },
 {
  "file": "m7.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\", \"x\": 1e400}}",
  "stdout": "",
  "stderr": "error: unable to decode \"m7.json\": json: cannot unmarshal number 1e400 into Go value of type float64\n"
 },
 {
  "file": "m8.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"n\": 12345678901234567890123}}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    },\n    \"spec\": {\n        \"n\": 1.2345678901234568e+22\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "m9.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n---\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "mapinseq.yaml",
  "content": "- apiVersion: v1\n  kind: ConfigMap\n",
  "stdout": "",
  "stderr": "error: unable to decode \"mapinseq.yaml\": json: cannot unmarshal array into Go value of type unstructured.detector\n"
 },
 {
  "file": "mapval.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata: a: b\n",
  "stdout": "",
  "stderr": "error: error parsing mapval.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n"
 },
 {
  "file": "merge.yaml",
  "content": "base: &b\n  name: x\napiVersion: v1\nkind: Pod\nmetadata:\n  <<: *b\n  namespace: y\n",
  "stdout": "",
  "stderr": "error: unable to decode \"merge.yaml\": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.namespace of type string\n"
 },
 {
  "file": "metanull.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata: null\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": null\n}\n",
  "stderr": ""
 },
 {
  "file": "mix.yaml",
  "content": "a:\n  - b\n  c: d\n",
  "stdout": "",
  "stderr": "error: error parsing mix.yaml: error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator\n"
 },
 {
  "file": "multi.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n   z: 1\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing multi.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n"
 },
 {
  "file": "multikey.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  \"a\n  b\": x\n",
  "stdout": "",
  "stderr": "error: error parsing multikey.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n"
 },
 {
  "file": "nk.json",
  "content": "{\"apiVersion\": \"v1\",\n  \"metadata\": {\"name\": \"<x>\"}}\n",
  "stdout": "",
  "stderr": "error: unable to decode \"nk.json\": Object 'Kind' is missing in '{\"apiVersion\": \"v1\",\n  \"metadata\": {\"name\": \"<x>\"}}'\n"
 },
 {
  "file": "noapi.yaml",
  "content": "kind: Pod\nmetadata:\n  name: x\n",
  "stdout": "{\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "nokind.yaml",
  "content": "apiVersion: v1\nmetadata:\n  name: x\n",
  "stdout": "",
  "stderr": "error: unable to decode \"nokind.yaml\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'\n"
 },
 {
  "file": "nokind2.yaml",
  "content": "metadata:\n  name: x\napiVersion: v1\nzz: 1\nspec: {a: [1, 2.50, true, null, \"s\"]}\n",
  "stdout": "",
  "stderr": "error: unable to decode \"nokind2.yaml\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"},\"spec\":{\"a\":[1,2.5,true,null,\"s\"]},\"zz\":1}'\n"
 },
 {
  "file": "nonprint.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\u0001y\n",
  "stdout": "",
  "stderr": "error: error parsing nonprint.yaml: error converting YAML to JSON: yaml: control characters are not allowed\n"
 },
 {
  "file": "nsnull.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: null\n  labels: null\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"labels\": null,\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "nullkey.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nk\nx:\n  ~: y\n",
  "stdout": "",
  "stderr": "error: error parsing nullkey.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: true\n"
 },
 {
  "file": "nulls.yaml",
  "content": "null\n---\n~\n---\n# only comment\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "numdoc.yaml",
  "content": "42\n",
  "stdout": "",
  "stderr": "error: unable to decode \"numdoc.yaml\": json: cannot unmarshal number into Go value of type unstructured.detector\n"
 },
 {
  "file": "order.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"namespace\":5,\"labels\":{\"a\":1},\"name\":true}}",
  "stdout": "",
  "stderr": "error: unable to decode \"order.json\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.namespace of type string\n"
 },
 {
  "file": "order.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: 5\n  labels: {a: 1}\n  name: true\n",
  "stdout": "",
  "stderr": "error: unable to decode \"order.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string\n"
 },
 {
  "file": "owner.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  ownerReferences:\n  - name: 5\n",
  "stdout": "",
  "stderr": "error: unable to decode \"owner.yaml\": json: cannot unmarshal number into Go struct field OwnerReference.metadata.ownerReferences.name of type string\n"
 },
 {
  "file": "pct.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 0\n",
  "stdout": "",
  "stderr": "error: unable to decode \"pct.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string\n"
 },
 {
  "file": "podlist.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"},\"data\":{\"k\":\"v\"}}]}",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"k\": \"v\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "question.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  ? name\n  : x\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "quote.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\n  labels: {}\n",
  "stdout": "",
  "stderr": "error: error parsing quote.yaml: error converting YAML to JSON: yaml: line 6: found unexpected end of stream\n"
 },
 {
  "file": "quoteslong.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\ndata:\n  a: \"unterminated\n  b: c\n\n\n",
  "stdout": "",
  "stderr": "error: error parsing quoteslong.yaml: error converting YAML to JSON: yaml: line 10: found unexpected end of stream\n"
 },
 {
  "file": "secondbad.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\n# comment\n\napiVersion: v1\nkind: Pod\nmetadata: a: b\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: error parsing secondbad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n"
 },
 {
  "file": "sepc.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n--- # c\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n...\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "sepfirst.yaml",
  "content": "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n---\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"s\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "sepx.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n--- x\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n",
  "stdout": "",
  "stderr": "error: error parsing sepx.yaml: invalid Yaml document separator: x\n"
 },
 {
  "file": "seq.yaml",
  "content": "a: b\n- c\n",
  "stdout": "",
  "stderr": "error: error parsing seq.yaml: error converting YAML to JSON: yaml: line 1: did not find expected key\n"
 },
 {
  "file": "seqdedent.yaml",
  "content": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: x\n   - name: y\n",
  "stdout": "",
  "stderr": "error: error parsing seqdedent.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key\n"
 },
 {
  "file": "seqindent.yaml",
  "content": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n     image: y\n",
  "stdout": "",
  "stderr": "error: error parsing seqindent.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context\n"
 },
 {
  "file": "seqmap.yaml",
  "content": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n  image: y\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"namespace\": \"default\"\n    },\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"x\"\n            }\n        ],\n        \"image\": true\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "sq_after.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'x' y\n",
  "stdout": "",
  "stderr": "error: error parsing sq_after.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key\n"
 },
 {
  "file": "squote.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'x\n",
  "stdout": "",
  "stderr": "error: error parsing squote.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream\n"
 },
 {
  "file": "str.yaml",
  "content": "just a string\n",
  "stdout": "",
  "stderr": "error: unable to decode \"str.yaml\": json: cannot unmarshal string into Go value of type unstructured.detector\n"
 },
 {
  "file": "stringdoc.yaml",
  "content": "just a string\n",
  "stdout": "",
  "stderr": "error: unable to decode \"stringdoc.yaml\": json: cannot unmarshal string into Go value of type unstructured.detector\n"
 },
 {
  "file": "tab.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n",
  "stdout": "",
  "stderr": "error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n"
 },
 {
  "file": "tabafter.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\t\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "tabempty.yaml",
  "content": "apiVersion: v1\n\t\nkind: Pod\nmetadata:\n  name: x\n",
  "stdout": "",
  "stderr": "error: error parsing tabempty.yaml: error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation\n"
 },
 {
  "file": "tabline1.yaml",
  "content": "\tapiVersion: v1\nkind: Pod\n",
  "stdout": "",
  "stderr": "error: error parsing tabline1.yaml: error converting YAML to JSON: yaml: found character that cannot start any token\n"
 },
 {
  "file": "tabmid.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\ty\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\\ty\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "tabs.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tabs\ndata:\n  a:\tb\n  c: d\te\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"b\",\n        \"c\": \"d\\te\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"tabs\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "tabseq.yaml",
  "content": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n\t- name: x\n",
  "stdout": "",
  "stderr": "error: error parsing tabseq.yaml: error converting YAML to JSON: yaml: line 5: found character that cannot start any token\n"
 },
 {
  "file": "tabval.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name:\tx\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "tag.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: !foo x\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "tag2.yaml",
  "content": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: !!int x\n",
  "stdout": "",
  "stderr": "error: error parsing tag2.yaml: error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int\n"
 },
 {
  "file": "trail.json",
  "content": "  \n{\"apiVersion\":\"v1\",\n\n\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}} garbage",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": "error: unable to decode \"trail.json\": json: cannot unmarshal string into Go value of type unstructured.detector\n"
 },
 {
  "file": "trailingws.json",
  "content": "   \n\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ws\"}}   \n\n  ",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"ws\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "ts.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  creationTimestamp: yesterday\n",
  "stdout": "",
  "stderr": "error: unable to decode \"ts.yaml\": parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"\n"
 },
 {
  "file": "ts2.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  creationTimestamp: 5\n",
  "stdout": "",
  "stderr": "error: unable to decode \"ts2.yaml\": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string\n"
 },
 {
  "file": "ts3.json",
  "content": "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"creationTimestamp\":\"2024-13-01T00:00:00Z\"}}",
  "stdout": "",
  "stderr": "error: unable to decode \"ts3.json\": parsing time \"2024-13-01T00:00:00Z\": month out of range\n"
 },
 {
  "file": "ts4.json",
  "content": "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"creationTimestamp\":\"2024-01-01T00:00:00\"}}",
  "stdout": "",
  "stderr": "error: unable to decode \"ts4.json\": parsing time \"2024-01-01T00:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"\n"
 },
 {
  "file": "ts5.json",
  "content": "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\",\"creationTimestamp\":\"2024-01-01T00:00:00Zx\"}}",
  "stdout": "",
  "stderr": "error: unable to decode \"ts5.json\": parsing time \"2024-01-01T00:00:00Zx\": extra text: \"x\"\n"
 },
 {
  "file": "two.json",
  "content": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"a\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"b\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "types.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: types\ndata: {}\nx:\n  bools: [yes, no, on, off, y, n, true, False, ~, null, Null]\n  ints: [0, 1, -1, +1, 0x1F, 0o17, 0b101, 0777, 08, 1_000, 9223372036854775807]\n  floats: [1.5, 1e3, .5, -.5, 5., 1.0]\n  strs: [1:20, 2024-01-01, 2024-01-01T00:00:00Z, \"yes\", 'no', 0x, abc, \"\", '']\n  timestamp: 2024-01-01 10:00:00\n  \"<<\": literal merge key\n  on: key true\n  1: int key\n  1.5: float key\n  0.1: small float key\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {},\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"types\",\n        \"namespace\": \"default\"\n    },\n    \"x\": {\n        \"0.1\": \"small float key\",\n        \"1\": \"int key\",\n        \"1.5\": \"float key\",\n        \"\\u003c\\u003c\": \"literal merge key\",\n        \"bools\": [\n            true,\n            false,\n            true,\n            false,\n            true,\n            false,\n            true,\n            false,\n            null,\n            null,\n            null\n        ],\n        \"floats\": [\n            1.5,\n            1000,\n            0.5,\n            -0.5,\n            5,\n            1\n        ],\n        \"ints\": [\n            0,\n            1,\n            -1,\n            1,\n            31,\n            15,\n            5,\n            511,\n            8,\n            1000,\n            9223372036854775807\n        ],\n        \"strs\": [\n            \"1:20\",\n            \"2024-01-01\",\n            \"2024-01-01T00:00:00Z\",\n            \"yes\",\n            \"no\",\n            \"0x\",\n            \"abc\",\n            \"\",\n            \"\"\n        ],\n        \"timestamp\": \"2024-01-01 10:00:00\",\n        \"true\": \"key true\"\n    }\n}\n",
  "stderr": ""
 },
 {
  "file": "unicode.yaml",
  "content": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: uni\ndata:\n  a: héllo wörld ✓ 😀\n  \"é\": \"\\U0001F600\"\n",
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"héllo wörld ✓ 😀\",\n        \"é\": \"😀\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"uni\",\n        \"namespace\": \"default\"\n    }\n}\n",
  "stderr": ""
 }
];
