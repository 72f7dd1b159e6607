import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { toKubectlYaml, toKubectlYamlDocuments, parseManifests } from '../../src/cli/output/yaml.js';
import { yamlKeyLess, compareYamlKeys } from '../../src/compat/yaml-emit.js';
import { resolvePlain, isYamlTimestamp, isBase60Float } from '../../src/compat/yaml-resolve.js';
import { asListObject } from '../../src/cli/output/list.js';
import { SERVER_LIST } from './fixtures/server-pod-list.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.

describe('toKubectlYaml: kubectl create -f obj.json --dry-run=client -o yaml', () => {
  it.each(YAML_CASES.filter((c) => c.code === 0))('$name', ({ input, stdout }) => {
    expect(toKubectlYaml(input)).toBe(stdout);
  });

  it.each(YAML_CASES.filter((c) => c.code !== 0))('$name fails like kubectl', ({ input, stderr }) => {
    expect(() => toKubectlYaml(input)).toThrow(stderr.replace(/^error: /, '').trimEnd());
  });
});

describe('generators (typed objects) print the same YAML', () => {
  it('kubectl run x --image=y --labels=a=b --dry-run=client -o yaml', () => {
    expect(toKubectlYaml(JSON.parse(TYPED.runJson))).toBe(TYPED.runYaml);
  });
  it('kubectl create deployment web --image=nginx --dry-run=client -o yaml', () => {
    expect(toKubectlYaml(JSON.parse(TYPED.deployJson))).toBe(TYPED.deployYaml);
  });
});

describe('lists and several objects', () => {
  it('get pods -o yaml: the List wrapper around server items', () => {
    const list = asListObject(SERVER_LIST.items, '', { apiVersion: 'v1', kind: 'Pod' });
    expect(toKubectlYaml(list)).toBe(LIST_YAML);
  });
  it('get pods -o yaml with no pods', () => {
    expect(toKubectlYaml(asListObject([], ''))).toBe(EMPTY_LIST_YAML);
  });
  it('create -f multi.yaml -o yaml: documents separated by ---', () => {
    const objs = parseManifests(MULTI.content, 'multi.yaml', { validate: false });
    expect(toKubectlYamlDocuments(objs)).toBe(MULTI.yaml);
  });
});

describe('go-yaml details', () => {
  it('root values', () => {
    expect(toKubectlYaml({})).toBe('{}\n');
    expect(toKubectlYaml([])).toBe('[]\n');
    expect(toKubectlYaml(null)).toBe('null\n');
    expect(toKubectlYaml('x')).toBe('x\n');
    expect(toKubectlYaml('yes')).toBe('"yes"\n');
    expect(toKubectlYaml('a\nb')).toBe('|-\n  a\n  b\n');
    expect(toKubectlYaml([1, 'a', [true, {}], { k: [] }])).toBe('- 1\n- a\n- - true\n  - {}\n- k: []\n');
  });
  it('undefined fields are dropped, as JSON would', () => {
    expect(toKubectlYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
  });
  it('natural key order', () => {
    expect(yamlKeyLess('k9', 'k10')).toBe(true);
    expect(yamlKeyLess('_x', 'A')).toBe(true);
    expect(yamlKeyLess('A', 'a')).toBe(true);
    expect(yamlKeyLess('a', 'a.b')).toBe(true);
    expect(['b', 'a10', 'a9', 'A'].sort(compareYamlKeys)).toEqual(['A', 'a9', 'a10', 'b']);
  });
  it('YAML 1.1 scalars', () => {
    expect(resolvePlain('on')).toEqual({ tag: 'bool', value: true });
    expect(resolvePlain('0777')).toEqual({ tag: 'int', value: 511 });
    expect(resolvePlain('0x1F')).toEqual({ tag: 'int', value: 31 });
    expect(resolvePlain('1_000')).toEqual({ tag: 'int', value: 1000 });
    expect(resolvePlain('08')).toEqual({ tag: 'float', value: 8 });
    expect(resolvePlain('1e400')).toEqual({ tag: 'str', value: '1e400' });
    expect(resolvePlain('1.2.3').tag).toBe('str');
    expect(isYamlTimestamp('2024-02-29')).toBe(true);
    expect(isYamlTimestamp('2023-02-29')).toBe(false);
    expect(isYamlTimestamp('2024-01-01T00:00:00')).toBe(false);
    expect(isYamlTimestamp('2024-01-01 10:00:00')).toBe(true);
    expect(isBase60Float('1:20')).toBe(true);
  });
});

const YAML_CASES: Array<{ name: string; input: unknown; stdout: string; stderr: string; code: number }> = [
 {
  "name": "strings",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "namespace": "default"
   },
   "data": {
    "s000": "",
    "s001": " ",
    "s002": "  ",
    "s003": "a",
    "s004": "yes",
    "s005": "Yes",
    "s006": "no",
    "s007": "on",
    "s008": "off",
    "s009": "y",
    "s010": "n",
    "s011": "true",
    "s012": "False",
    "s013": "null",
    "s014": "~",
    "s015": "Null",
    "s016": "1",
    "s017": "-1",
    "s018": "+1",
    "s019": "1.5",
    "s020": "1e3",
    "s021": "1E3",
    "s022": ".5",
    "s023": "-.5",
    "s024": "5.",
    "s025": "0x1F",
    "s026": "0o17",
    "s027": "0b101",
    "s028": "0777",
    "s029": "08",
    "s030": "09.5",
    "s031": "1_000",
    "s032": "1:20",
    "s033": "1:2:3",
    "s034": "12:30",
    "s035": "190:20:30.15",
    "s036": ".inf",
    "s037": "-.inf",
    "s038": ".NaN",
    "s039": "nan",
    "s040": "inf",
    "s041": "2024-01-01",
    "s042": "2024-1-1",
    "s043": "2024-01-01T00:00:00Z",
    "s044": "2024-01-01t00:00:00Z",
    "s045": "2024-01-01T00:00:00",
    "s046": "2024-01-01 10:00:00",
    "s047": "2024-01-01 10:00:00Z",
    "s048": "2024-02-30",
    "s049": "2024-13-01",
    "s050": "2023-02-29",
    "s051": "2024-02-29",
    "s052": "2024-01-01T25:00:00Z",
    "s053": "2024-01-01T10:00:00.123+01:00",
    "s054": "2024-01-01T10:00:00,5Z",
    "s055": "20240101",
    "s056": "a: b",
    "s057": "a:b",
    "s058": "a :b",
    "s059": "a #b",
    "s060": "a#b",
    "s061": "#a",
    "s062": "- a",
    "s063": "-a",
    "s064": "-",
    "s065": "--",
    "s066": "---",
    "s067": "--- a",
    "s068": "...",
    "s069": "....",
    "s070": "? a",
    "s071": "?a",
    "s072": ":a",
    "s073": ": a",
    "s074": "a:",
    "s075": "a: ",
    "s076": "[a]",
    "s077": "{a}",
    "s078": "a,b",
    "s079": "a]",
    "s080": "a}",
    "s081": "&a",
    "s082": "*a",
    "s083": "!a",
    "s084": "|a",
    "s085": ">a",
    "s086": "'a",
    "s087": "\"a",
    "s088": "%a",
    "s089": "@a",
    "s090": "`a",
    "s091": "a'b",
    "s092": "a\"b",
    "s093": "a\\b",
    "s094": "<<",
    "s095": "=",
    "s096": "a=b",
    "s097": "a\tb",
    "s098": "\ta",
    "s099": "a\n",
    "s100": "a\nb",
    "s101": "a\nb\n",
    "s102": "a\nb\n\n",
    "s103": "\na",
    "s104": "\n",
    "s105": "\n\n",
    "s106": " a\nb",
    "s107": "a \nb",
    "s108": "a\n b",
    "s109": "a\n\tb",
    "s110": "a\r\nb",
    "s111": "a\rb",
    "s112": "line1\n\nline3",
    "s113": "x y",
    "s114": "xy",
    "s115": "x y",
    "s116": " ",
    "s117": "é",
    "s118": "日本語",
    "s119": "😀",
    "s120": "a😀b",
    "s121": "﻿x y",
    "s122": "x﻿y",
    "s123": "\u0001",
    "s124": "a​b",
    "s125": "a b c",
    "s126": " a",
    "s127": "a ",
    "s128": "a  b",
    "s129": "http://example.com/a?b=c#d",
    "s130": "key=value,other=thing",
    "s131": "it's",
    "s132": "say \"hi\"",
    "s133": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "s134": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
    "s135": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word ",
    "s136": " word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
    "s137": "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \ttab",
    "s138": "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more",
    "s139": "yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1",
    "s140": "\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q ",
    "s141": "long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it",
    "s142": "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f",
    "s143": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "s144": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "s145": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "s146": "multi\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words",
    "s147": "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y",
    "s148": "tab\tand word word word word word word word word word word word word word word word word word word word word end",
    "s149": "word word word word word word word word word word word word word word word word word word word word \nmore more more more more more more more more more more more more more more more more more more more "
   }
  },
  "stdout": "apiVersion: v1\ndata:\n  s000: \"\"\n  s001: ' '\n  s002: '  '\n  s003: a\n  s004: \"yes\"\n  s005: \"Yes\"\n  s006: \"no\"\n  s007: \"on\"\n  s008: \"off\"\n  s009: \"y\"\n  s010: \"n\"\n  s011: \"true\"\n  s012: \"False\"\n  s013: \"null\"\n  s014: \"~\"\n  s015: \"Null\"\n  s016: \"1\"\n  s017: \"-1\"\n  s018: \"+1\"\n  s019: \"1.5\"\n  s020: \"1e3\"\n  s021: \"1E3\"\n  s022: \".5\"\n  s023: \"-.5\"\n  s024: \"5.\"\n  s025: \"0x1F\"\n  s026: \"0o17\"\n  s027: \"0b101\"\n  s028: \"0777\"\n  s029: \"08\"\n  s030: \"09.5\"\n  s031: \"1_000\"\n  s032: \"1:20\"\n  s033: \"1:2:3\"\n  s034: \"12:30\"\n  s035: \"190:20:30.15\"\n  s036: \".inf\"\n  s037: \"-.inf\"\n  s038: \".NaN\"\n  s039: nan\n  s040: inf\n  s041: \"2024-01-01\"\n  s042: \"2024-1-1\"\n  s043: \"2024-01-01T00:00:00Z\"\n  s044: \"2024-01-01t00:00:00Z\"\n  s045: 2024-01-01T00:00:00\n  s046: \"2024-01-01 10:00:00\"\n  s047: 2024-01-01 10:00:00Z\n  s048: 2024-02-30\n  s049: 2024-13-01\n  s050: 2023-02-29\n  s051: \"2024-02-29\"\n  s052: 2024-01-01T25:00:00Z\n  s053: \"2024-01-01T10:00:00.123+01:00\"\n  s054: \"2024-01-01T10:00:00,5Z\"\n  s055: \"20240101\"\n  s056: 'a: b'\n  s057: a:b\n  s058: a :b\n  s059: 'a #b'\n  s060: a#b\n  s061: '#a'\n  s062: '- a'\n  s063: -a\n  s064: '-'\n  s065: --\n  s066: '---'\n  s067: '--- a'\n  s068: '...'\n  s069: '....'\n  s070: '? a'\n  s071: ?a\n  s072: :a\n  s073: ': a'\n  s074: 'a:'\n  s075: 'a: '\n  s076: '[a]'\n  s077: '{a}'\n  s078: a,b\n  s079: a]\n  s080: a}\n  s081: '&a'\n  s082: '*a'\n  s083: '!a'\n  s084: '|a'\n  s085: '>a'\n  s086: '''a'\n  s087: '\"a'\n  s088: '%a'\n  s089: '@a'\n  s090: '`a'\n  s091: a'b\n  s092: a\"b\n  s093: a\\b\n  s094: <<\n  s095: =\n  s096: a=b\n  s097: \"a\\tb\"\n  s098: \"\\ta\"\n  s099: |\n    a\n  s100: |-\n    a\n    b\n  s101: |\n    a\n    b\n  s102: |+\n    a\n    b\n\n  s103: |2-\n\n    a\n  s104: |2+\n\n  s105: |2+\n\n\n  s106: |2-\n     a\n    b\n  s107: \"a \\nb\"\n  s108: |-\n    a\n     b\n  s109: \"a\\n\\tb\"\n  s110: \"a\\r\\nb\"\n  s111: \"a\\rb\"\n  s112: |-\n    line1\n\n    line3\n  s113: 'x     y'\n  s114: x y\n  s115: x y\n  s116:  \n  s117: é\n  s118: 日本語\n  s119: \"\\U0001F600\"\n  s120: \"a\\U0001F600b\"\n  s121: \"\\uFEFF\\x78\\x20\\x79\"\n  s122: \"x\\uFEFFy\"\n  s123: \"\\x01\"\n  s124: a​b\n  s125: a b c\n  s126: ' a'\n  s127: 'a '\n  s128: a  b\n  s129: http://example.com/a?b=c#d\n  s130: key=value,other=thing\n  s131: it's\n  s132: say \"hi\"\n  s133: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  s134: word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word\n  s135: 'word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word '\n  s136: ' word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word'\n  s137: \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n    ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\"\n  s138: w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n    w w w w w w w w  two  spaces  here and more\n  s139: yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes\n    yes yes yes yes yes yes 1\n  s140: '\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q\n    q q q q q q q q q q q q q q '\n  s141: long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-\n    then spaces after it\n  s142: a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a\n    a a b  c d e f\n  s143: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  s144: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  s145: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  s146: |-\n    multi\n    line with a very long line that goes past the eighty column limit for sure yes it does indeed more words\n  s147: ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y\n  s148: \"tab\\tand word word word word word word word word word word word word word\n    word word word word word word word end\"\n  s149: \"word word word word word word word word word word word word word word word\n    word word word word word \\nmore more more more more more more more more more more\n    more more more more more more more more more \"\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "keys",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "namespace": "default"
   },
   "data": {
    "0": "v32",
    "1": "v16",
    "2": "v17",
    "a": "v0",
    "A": "v1",
    "b": "v2",
    "B": "v3",
    "_a": "v4",
    "-a": "v5",
    "a-b": "v6",
    "a_b": "v7",
    "ab": "v8",
    "a.b": "v9",
    "a/b": "v10",
    "k1": "v11",
    "k2": "v12",
    "k1a": "v13",
    "a1b2": "v14",
    "a1b10": "v15",
    "é": "v18",
    "z": "v19",
    "Z": "v20",
    "yes": "v21",
    "true": "v22",
    "null": "v23",
    "": "v24",
    " ": "v25",
    "1.5": "v26",
    "x y": "v27",
    "x: y": "v28",
    "-": "v29",
    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": "v30",
    "a\nb": "v31",
    "00": "v33",
    "ä": "v34",
    "ß": "v35",
    "aa": "v36",
    "aA": "v37",
    "Aa": "v38",
    "a1": "v39",
    "A1": "v40",
    "a.1": "v41",
    "a.10": "v42",
    "a.2": "v43",
    "v1beta1": "v44",
    "v1alpha2": "v45",
    "v2": "v46",
    "app.kubernetes.io/name": "v47",
    "app": "v48",
    "kubernetes.io/change-cause": "v49",
    "x-10": "v50",
    "x-9": "v51",
    "x-09": "v52"
   }
  },
  "stdout": "apiVersion: v1\ndata:\n  \"\": v24\n  ' ': v25\n  '-': v29\n  -a: v5\n  _a: v4\n  \"0\": v32\n  \"00\": v33\n  \"1\": v16\n  \"1.5\": v26\n  \"2\": v17\n  A: v1\n  A1: v40\n  Aa: v38\n  B: v3\n  Z: v20\n  a: v0\n  ? |-\n    a\n    b\n  : v31\n  a-b: v6\n  a.1: v41\n  a.2: v43\n  a.10: v42\n  a.b: v9\n  a/b: v10\n  a_b: v7\n  a1: v39\n  a1b2: v14\n  a1b10: v15\n  aA: v37\n  aa: v36\n  ab: v8\n  app: v48\n  app.kubernetes.io/name: v47\n  b: v2\n  k1: v11\n  k1a: v13\n  k2: v12\n  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : v30\n  kubernetes.io/change-cause: v49\n  \"null\": v23\n  \"true\": v22\n  v1alpha2: v45\n  v1beta1: v44\n  v2: v46\n  x y: v27\n  x-9: v51\n  x-09: v52\n  x-10: v50\n  'x: y': v28\n  \"yes\": v21\n  z: v19\n  ß: v35\n  ä: v34\n  é: v18\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "misc",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "namespace": "default"
   },
   "misc": {
    "ints": [
     0,
     1,
     -1,
     123456789,
     9007199254740992,
     -2147483648
    ],
    "floats": [
     0.5,
     -0.5,
     0.0000125,
     0.0001,
     0.00001,
     123456.5,
     1234567.5,
     1e+21,
     1.5e+300,
     3.14159
    ],
    "bools": [
     true,
     false
    ],
    "nulls": [
     null
    ],
    "empty": {
     "m": {},
     "l": [],
     "s": ""
    },
    "nested": [
     [
      1,
      [
       2,
       []
      ]
     ],
     [
      {}
     ],
     [
      {
       "a": []
      }
     ],
     {
      "a": {
       "b": {
        "c": [
         {
          "d": "e"
         }
        ]
       }
      }
     }
    ],
    "seqOfMaps": [
     {
      "a": 1,
      "b": 2
     },
     {
      "c": [
       3,
       4
      ]
     }
    ],
    "seqOfSeqs": [
     [
      "a",
      "b"
     ],
     [
      "c"
     ]
    ]
   }
  },
  "stdout": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\nmisc:\n  bools:\n  - true\n  - false\n  empty:\n    l: []\n    m: {}\n    s: \"\"\n  floats:\n  - 0.5\n  - -0.5\n  - 1.25e-05\n  - 0.0001\n  - 1e-05\n  - 123456.5\n  - 1.2345675e+06\n  - 1e+21\n  - 1.5e+300\n  - 3.14159\n  ints:\n  - 0\n  - 1\n  - -1\n  - 123456789\n  - 9007199254740992\n  - -2147483648\n  nested:\n  - - 1\n    - - 2\n      - []\n  - - {}\n  - - a: []\n  - a:\n      b:\n        c:\n        - d: e\n  nulls:\n  - null\n  seqOfMaps:\n  - a: 1\n    b: 2\n  - c:\n    - 3\n    - 4\n  seqOfSeqs:\n  - - a\n    - b\n  - - c\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "seq",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "namespace": "default"
   },
   "list": [
    "",
    " ",
    "  ",
    "a",
    "yes",
    "Yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "Null",
    "1",
    "-1",
    "+1",
    "1.5",
    "1e3",
    "1E3",
    ".5",
    "-.5",
    "5.",
    "0x1F",
    "0o17",
    "0b101",
    "0777",
    "08",
    "09.5",
    "1_000",
    "1:20",
    "1:2:3",
    "12:30",
    "190:20:30.15",
    ".inf",
    "-.inf",
    ".NaN",
    "nan",
    "inf",
    "2024-01-01",
    "2024-1-1",
    "2024-01-01T00:00:00Z",
    "2024-01-01t00:00:00Z",
    "2024-01-01T00:00:00",
    "2024-01-01 10:00:00",
    "2024-01-01 10:00:00Z",
    "2024-02-30",
    "2024-13-01",
    "2023-02-29",
    "2024-02-29",
    "2024-01-01T25:00:00Z",
    "2024-01-01T10:00:00.123+01:00",
    "2024-01-01T10:00:00,5Z",
    "20240101",
    "a: b",
    "a:b",
    "a :b",
    "a #b",
    "a#b",
    "#a",
    "- a",
    "-a",
    "-",
    "--",
    "---",
    "--- a",
    "...",
    "....",
    "? a",
    "?a",
    ":a",
    ": a",
    "a:",
    "a: ",
    "[a]",
    "{a}",
    "a,b",
    "a]",
    "a}",
    "&a",
    "*a",
    "!a",
    "|a",
    ">a",
    "'a",
    "\"a",
    "%a",
    "@a",
    "`a",
    "a'b",
    "a\"b",
    "a\\b",
    "<<",
    "=",
    "a=b",
    "a\tb",
    "\ta",
    "a\n",
    "a\nb",
    "a\nb\n",
    "a\nb\n\n",
    "\na",
    "\n",
    "\n\n",
    " a\nb",
    "a \nb",
    "a\n b",
    "a\n\tb",
    "a\r\nb",
    "a\rb",
    "line1\n\nline3",
    "x y",
    "xy",
    "x y",
    " ",
    "é",
    "日本語",
    "😀",
    "a😀b",
    "﻿x y",
    "x﻿y",
    "\u0001",
    "a​b",
    "a b c",
    " a",
    "a ",
    "a  b",
    "http://example.com/a?b=c#d",
    "key=value,other=thing",
    "it's",
    "say \"hi\"",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
    "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word ",
    " word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
    "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \ttab",
    "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more",
    "yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1",
    "\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q ",
    "long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it",
    "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
    "multi\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words",
    "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y",
    "tab\tand word word word word word word word word word word word word word word word word word word word word end",
    "word word word word word word word word word word word word word word word word word word word word \nmore more more more more more more more more more more more more more more more more more more more "
   ],
   "nestedList": [
    [
     "a\nb",
     "a\nb\n",
     "a\nb\n\n",
     "\na",
     "\n",
     "\n\n",
     " a\nb",
     "a \nb",
     "a\n b",
     "a\n\tb",
     "a\r\nb",
     "a\rb",
     "line1\n\nline3",
     "x y",
     "xy",
     "x y",
     " ",
     "é",
     "日本語",
     "😀",
     "a😀b",
     "﻿x y",
     "x﻿y",
     "\u0001",
     "a​b",
     "a b c",
     " a",
     "a ",
     "a  b",
     "http://example.com/a?b=c#d",
     "key=value,other=thing",
     "it's",
     "say \"hi\"",
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
     "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word ",
     " word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
     "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \ttab",
     "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more",
     "yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1",
     "\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q ",
     "long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it",
     "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f",
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
     "multi\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words",
     "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y",
     "tab\tand word word word word word word word word word word word word word word word word word word word word end",
     "word word word word word word word word word word word word word word word word word word word word \nmore more more more more more more more more more more more more more more more more more more more "
    ],
    {
     "k": [
      "a\r\nb",
      "a\rb",
      "line1\n\nline3",
      "x y",
      "xy",
      "x y",
      " ",
      "é",
      "日本語",
      "😀",
      "a😀b",
      "﻿x y",
      "x﻿y",
      "\u0001",
      "a​b",
      "a b c",
      " a",
      "a ",
      "a  b",
      "http://example.com/a?b=c#d",
      "key=value,other=thing",
      "it's",
      "say \"hi\"",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
      "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word ",
      " word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
      "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \ttab",
      "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more",
      "yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1",
      "\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q ",
      "long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it",
      "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z",
      "multi\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words",
      "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y",
      "tab\tand word word word word word word word word word word word word word word word word word word word word end",
      "word word word word word word word word word word word word word word word word word word word word \nmore more more more more more more more more more more more more more more more more more more more "
     ]
    }
   ]
  },
  "stdout": "apiVersion: v1\nkind: ConfigMap\nlist:\n- \"\"\n- ' '\n- '  '\n- a\n- \"yes\"\n- \"Yes\"\n- \"no\"\n- \"on\"\n- \"off\"\n- \"y\"\n- \"n\"\n- \"true\"\n- \"False\"\n- \"null\"\n- \"~\"\n- \"Null\"\n- \"1\"\n- \"-1\"\n- \"+1\"\n- \"1.5\"\n- \"1e3\"\n- \"1E3\"\n- \".5\"\n- \"-.5\"\n- \"5.\"\n- \"0x1F\"\n- \"0o17\"\n- \"0b101\"\n- \"0777\"\n- \"08\"\n- \"09.5\"\n- \"1_000\"\n- \"1:20\"\n- \"1:2:3\"\n- \"12:30\"\n- \"190:20:30.15\"\n- \".inf\"\n- \"-.inf\"\n- \".NaN\"\n- nan\n- inf\n- \"2024-01-01\"\n- \"2024-1-1\"\n- \"2024-01-01T00:00:00Z\"\n- \"2024-01-01t00:00:00Z\"\n- 2024-01-01T00:00:00\n- \"2024-01-01 10:00:00\"\n- 2024-01-01 10:00:00Z\n- 2024-02-30\n- 2024-13-01\n- 2023-02-29\n- \"2024-02-29\"\n- 2024-01-01T25:00:00Z\n- \"2024-01-01T10:00:00.123+01:00\"\n- \"2024-01-01T10:00:00,5Z\"\n- \"20240101\"\n- 'a: b'\n- a:b\n- a :b\n- 'a #b'\n- a#b\n- '#a'\n- '- a'\n- -a\n- '-'\n- --\n- '---'\n- '--- a'\n- '...'\n- '....'\n- '? a'\n- ?a\n- :a\n- ': a'\n- 'a:'\n- 'a: '\n- '[a]'\n- '{a}'\n- a,b\n- a]\n- a}\n- '&a'\n- '*a'\n- '!a'\n- '|a'\n- '>a'\n- '''a'\n- '\"a'\n- '%a'\n- '@a'\n- '`a'\n- a'b\n- a\"b\n- a\\b\n- <<\n- =\n- a=b\n- \"a\\tb\"\n- \"\\ta\"\n- |\n  a\n- |-\n  a\n  b\n- |\n  a\n  b\n- |+\n  a\n  b\n\n- |2-\n\n  a\n- |2+\n\n- |2+\n\n\n- |2-\n   a\n  b\n- \"a \\nb\"\n- |-\n  a\n   b\n- \"a\\n\\tb\"\n- \"a\\r\\nb\"\n- \"a\\rb\"\n- |-\n  line1\n\n  line3\n- 'x   y'\n- x y\n- x y\n-  \n- é\n- 日本語\n- \"\\U0001F600\"\n- \"a\\U0001F600b\"\n- \"\\uFEFF\\x78\\x20\\x79\"\n- \"x\\uFEFFy\"\n- \"\\x01\"\n- a​b\n- a b c\n- ' a'\n- 'a '\n- a  b\n- http://example.com/a?b=c#d\n- key=value,other=thing\n- it's\n- say \"hi\"\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n- word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n- 'word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word '\n- ' word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word'\n- \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n  ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\"\n- w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n  w w w w w  two  spaces  here and more\n- yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes\n  yes yes yes yes yes 1\n- '\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q\n  q q q q q q q q q q q '\n- long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-\n  then spaces after it\n- a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c\n  d e f\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  y z\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  y z\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  y z\n- |-\n  multi\n  line with a very long line that goes past the eighty column limit for sure yes it does indeed more words\n- ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  x y\n- \"tab\\tand word word word word word word word word word word word word word word\n  word word word word word word end\"\n- \"word word word word word word word word word word word word word word word word\n  word word word word \\nmore more more more more more more more more more more more\n  more more more more more more more more \"\nmetadata:\n  name: c\n  namespace: default\nnestedList:\n- - |-\n    a\n    b\n  - |\n    a\n    b\n  - |+\n    a\n    b\n\n  - |2-\n\n    a\n  - |2+\n\n  - |2+\n\n\n  - |2-\n     a\n    b\n  - \"a \\nb\"\n  - |-\n    a\n     b\n  - \"a\\n\\tb\"\n  - \"a\\r\\nb\"\n  - \"a\\rb\"\n  - |-\n    line1\n\n    line3\n  - 'x     y'\n  - x y\n  - x y\n  -  \n  - é\n  - 日本語\n  - \"\\U0001F600\"\n  - \"a\\U0001F600b\"\n  - \"\\uFEFF\\x78\\x20\\x79\"\n  - \"x\\uFEFFy\"\n  - \"\\x01\"\n  - a​b\n  - a b c\n  - ' a'\n  - 'a '\n  - a  b\n  - http://example.com/a?b=c#d\n  - key=value,other=thing\n  - it's\n  - say \"hi\"\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  - word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n  - 'word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word '\n  - ' word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word'\n  - \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n    ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\"\n  - w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n    w w w w w w  two  spaces  here and more\n  - yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes\n    yes yes yes yes yes 1\n  - '\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q\n    q q q q q q q q q q q q '\n  - long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-\n    then spaces after it\n  - a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a\n    b  c d e f\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - |-\n    multi\n    line with a very long line that goes past the eighty column limit for sure yes it does indeed more words\n  - ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y\n  - \"tab\\tand word word word word word word word word word word word word word word\n    word word word word word word end\"\n  - \"word word word word word word word word word word word word word word word word\n    word word word word \\nmore more more more more more more more more more more more\n    more more more more more more more more \"\n- k:\n  - \"a\\r\\nb\"\n  - \"a\\rb\"\n  - |-\n    line1\n\n    line3\n  - 'x     y'\n  - x y\n  - x y\n  -  \n  - é\n  - 日本語\n  - \"\\U0001F600\"\n  - \"a\\U0001F600b\"\n  - \"\\uFEFF\\x78\\x20\\x79\"\n  - \"x\\uFEFFy\"\n  - \"\\x01\"\n  - a​b\n  - a b c\n  - ' a'\n  - 'a '\n  - a  b\n  - http://example.com/a?b=c#d\n  - key=value,other=thing\n  - it's\n  - say \"hi\"\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  - word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n  - 'word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word '\n  - ' word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word'\n  - \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n    ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\"\n  - w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n    w w w w w w  two  spaces  here and more\n  - yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes\n    yes yes yes yes yes 1\n  - '\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q\n    q q q q q q q q q q q q '\n  - long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-\n    then spaces after it\n  - a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a\n    b  c d e f\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n  - |-\n    multi\n    line with a very long line that goes past the eighty column limit for sure yes it does indeed more words\n  - ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y\n  - \"tab\\tand word word word word word word word word word word word word word word\n    word word word word word word end\"\n  - \"word word word word word word word word word word word word word word word word\n    word word word word \\nmore more more more more more more more more more more more\n    more more more more more more more more \"\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "nel",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "nel",
    "namespace": "default"
   },
   "data": {
    "a": "xy",
    "b": "x  y",
    "c": "xy",
    "d": "x   y",
    "f": "x",
    "g": "long word word word word word word word word word word word word word word word word word word word word tail"
   }
  },
  "stdout": "apiVersion: v1\ndata:\n  a: x y\n  b: x y\n  c: |-\n    x\n    y\n  d: |-\n    x\n\n    y\n  f: 'x '\n  g: long word word word word word word word word word word word word word word word\n    word word word word word tail\nkind: ConfigMap\nmetadata:\n  name: nel\n  namespace: default\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "nelError",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "nel",
    "namespace": "default"
   },
   "data": {
    "a": "xy",
    "b": "x  y",
    "c": "xy",
    "d": "x   y",
    "e": "",
    "key": "v",
    "f": "x",
    "g": "long word word word word word word word word word word word word word word word word word word word word tail"
   }
  },
  "stdout": "",
  "stderr": "error: yaml: line 11: did not find expected ',' or '}'\n",
  "code": 1
 },
 {
  "name": "ctl",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "nel",
    "namespace": "default"
   },
   "data": {
    "a": "xy"
   }
  },
  "stdout": "",
  "stderr": "error: yaml: control characters are not allowed\n",
  "code": 1
 },
 {
  "name": "cm",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "namespace": "default"
   },
   "data": {
    "long": "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized values to the latest internal value, and may reject unrecognized values.",
    "longplain": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb",
    "multi": "line1\nline2\n",
    "multi2": "line1\nline2",
    "multi3": "line1\nline2\n\n",
    "multi4": " lead\nx",
    "multi5": "trail \nx",
    "yes": "yes",
    "on": "on",
    "one": "1",
    "f": "1.5",
    "ts": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "empty": "",
    "null": "null",
    "tilde": "~",
    "colon": "a: b",
    "colon2": "a:b",
    "hash": "a #b",
    "hash2": "#x",
    "dash": "- x",
    "dash2": "-x",
    "star": "*x",
    "amp": "&x",
    "bang": "!x",
    "pct": "%x",
    "at": "@x",
    "bt": "`x",
    "q": "'x'",
    "dq": "\"x\"",
    "brace": "{x}",
    "brack": "[x]",
    "comma": "a,b",
    "pipe": "|x",
    "gt": ">x",
    "qm": "?x",
    "qm2": "? x",
    "sp": " x",
    "sp2": "x ",
    "tab": "a\tb",
    "hex": "0x1F",
    "oct": "0777",
    "e": "1e3",
    "under": "1_000",
    "inf": ".inf",
    "b60": "1:20",
    "ver": "1.2.3",
    "neg": "-1",
    "plus": "+1",
    "dot": ".5",
    "y": "y",
    "n": "N",
    "Off": "Off",
    "uni": "héllo ✓",
    "ctrl": "a\u0001b",
    "bom": "﻿x",
    "nl2028": "a b",
    "cr": "a\rb",
    "url": "http://x.y/z?a=b#c",
    "star2": "a*b",
    "eq": "=",
    "lt": "<x>"
   }
  },
  "stdout": "apiVersion: v1\ndata:\n  \"Off\": \"Off\"\n  amp: '&x'\n  at: '@x'\n  b60: \"1:20\"\n  bang: '!x'\n  bom: \"\\uFEFF\\x78\"\n  brace: '{x}'\n  brack: '[x]'\n  bt: '`x'\n  colon: 'a: b'\n  colon2: a:b\n  comma: a,b\n  cr: \"a\\rb\"\n  ctrl: \"a\\x01b\"\n  dash: '- x'\n  dash2: -x\n  date: \"2024-01-01\"\n  dot: \".5\"\n  dq: '\"x\"'\n  e: \"1e3\"\n  empty: \"\"\n  eq: =\n  f: \"1.5\"\n  gt: '>x'\n  hash: 'a #b'\n  hash2: '#x'\n  hex: \"0x1F\"\n  inf: \".inf\"\n  long: APIVersion defines the versioned schema of this representation of an object.\n    Servers should convert recognized values to the latest internal value, and may\n    reject unrecognized values.\n  longplain: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    bbbbb\n  lt: <x>\n  multi: |\n    line1\n    line2\n  multi2: |-\n    line1\n    line2\n  multi3: |+\n    line1\n    line2\n\n  multi4: |2-\n     lead\n    x\n  multi5: \"trail \\nx\"\n  \"n\": \"N\"\n  neg: \"-1\"\n  nl2028: 'a     b'\n  \"null\": \"null\"\n  oct: \"0777\"\n  \"on\": \"on\"\n  one: \"1\"\n  pct: '%x'\n  pipe: '|x'\n  plus: \"+1\"\n  q: '''x'''\n  qm: ?x\n  qm2: '? x'\n  sp: ' x'\n  sp2: 'x '\n  star: '*x'\n  star2: a*b\n  tab: \"a\\tb\"\n  tilde: \"~\"\n  ts: \"2024-01-01T00:00:00Z\"\n  under: \"1_000\"\n  uni: héllo ✓\n  url: http://x.y/z?a=b#c\n  ver: 1.2.3\n  \"y\": \"y\"\n  \"yes\": \"yes\"\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n",
  "stderr": "",
  "code": 0
 },
 {
  "name": "cm2",
  "input": {
   "apiVersion": "v1",
   "kind": "ConfigMap",
   "metadata": {
    "name": "c",
    "annotations": {
     "z": "<a&b>",
     "e": "😀 x",
     "ctl": "a\bb\fc\u001f",
     "ls": "a b",
     "k10": "1",
     "k9": "2",
     "a-b": "3",
     "ab": "4",
     "A": "5",
     "_x": "6",
     "a.b": "7",
     "a/b": "8",
     "k09": "9",
     "k010": "10"
    },
    "namespace": "default"
   },
   "data": {
    "x": "y"
   },
   "binaryData": {},
   "immutable": false
  },
  "stdout": "apiVersion: v1\nbinaryData: {}\ndata:\n  x: \"y\"\nimmutable: false\nkind: ConfigMap\nmetadata:\n  annotations:\n    _x: \"6\"\n    A: \"5\"\n    a-b: \"3\"\n    a.b: \"7\"\n    a/b: \"8\"\n    ab: \"4\"\n    ctl: \"a\\bb\\fc\\x1F\"\n    e: \"\\U0001F600 x\"\n    k9: \"2\"\n    k09: \"9\"\n    k10: \"1\"\n    k010: \"10\"\n    ls: 'a       b'\n    z: <a&b>\n  name: c\n  namespace: default\n",
  "stderr": "",
  "code": 0
 }
];

const TYPED = {
 "runJson": "{\n    \"kind\": \"Pod\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"labels\": {\n            \"a\": \"b\"\n        }\n    },\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"x\",\n                \"image\": \"y\",\n                \"resources\": {}\n            }\n        ],\n        \"restartPolicy\": \"Always\",\n        \"dnsPolicy\": \"ClusterFirst\"\n    },\n    \"status\": {}\n}\n",
 "runYaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\n  name: x\nspec:\n  containers:\n  - image: \"y\"\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n",
 "deployJson": "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 1,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx\",\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n",
 "deployYaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n"
};



const LIST_YAML = "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    annotations:\n      b: true\n      big: 1.2345675e+06\n      e: \"\"\n      f: 1.5\n      i: 10\n      multi: |-\n        a\n        b\n      \"n\": null\n      neg: -1e-05\n      s: <x>&y\n    creationTimestamp: \"2024-01-01T00:00:00Z\"\n    labels:\n      app: web\n      app.kubernetes.io/name: web\n      tier: front\n    name: web-1\n    namespace: default\n    resourceVersion: \"10\"\n    uid: u1\n  spec:\n    containers:\n    - image: nginx:1.25\n      name: a\n      ports:\n      - containerPort: 80\n        protocol: TCP\n      - containerPort: 443\n      resources: {}\n    - args:\n      - sh\n      - -c\n      - echo hi\n      image: busybox\n      name: b\n    nodeName: n1\n    priority: 0\n    tolerations: null\n  status:\n    conditions:\n    - status: \"True\"\n      type: Ready\n    - status: \"True\"\n      type: Initialized\n    containerStatuses:\n    - name: a\n      ready: true\n      restartCount: 3\n    - name: b\n      ready: false\n      restartCount: 0\n    phase: Running\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    creationTimestamp: \"2024-01-02T00:00:00Z\"\n    labels:\n      app: db\n    name: db-0\n    namespace: default\n    resourceVersion: \"11\"\n    uid: u2\n  spec:\n    containers:\n    - image: postgres\n      name: pg\n    priority: 10\n  status:\n    conditions:\n    - status: \"False\"\n      type: Ready\n    phase: Pending\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    creationTimestamp: \"2024-01-03T00:00:00Z\"\n    name: job-x\n    namespace: default\n    resourceVersion: \"12\"\n    uid: u3\n  spec:\n    containers:\n    - image: alpine\n      name: c\n    nodeName: n2\n    priority: -5\n  status:\n    conditions: []\n    phase: Succeeded\nkind: List\nmetadata:\n  resourceVersion: \"\"\n";

const EMPTY_LIST_YAML = "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n";

const MULTI = {
 "content": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: default\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\ndata:\n  a: \"1\"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: default\nspec: {}\n",
 "yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: web\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: default\nspec:\n  template:\n    spec:\n      containers:\n      - image: busybox\n        name: c\n      restartPolicy: Never\n---\napiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: default\nspec: {}\n"
};
