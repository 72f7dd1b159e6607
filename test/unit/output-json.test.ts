import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { toKubectlJson } from '../../src/cli/output/json.js';
import { asListObject, itemKindOfList } from '../../src/cli/output/list.js';
import { parseManifests } from '../../src/cli/output/yaml.js';
import { SERVER_LIST } from './fixtures/server-pod-list.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.

describe('toKubectlJson: objects kubectl holds as maps print with sorted keys', () => {
  it.each(JSON_CASES)('create -f $name -o json', ({ input, stdout }) => {
    expect(toKubectlJson(input, { sortKeys: true })).toBe(stdout);
  });
  it('get pods web-1 -o json', () => {
    expect(toKubectlJson({ apiVersion: 'v1', kind: 'Pod', ...SERVER_LIST.items[0] }, { sortKeys: true })).toBe(SINGLE_JSON);
  });
  it('create -f multi.yaml -o json: one document after the other', () => {
    const objs = parseManifests(MULTI.content, 'multi.yaml', { validate: false });
    expect(objs.map((o) => toKubectlJson(o, { sortKeys: true })).join('')).toBe(MULTI.json);
  });
});

describe('toKubectlJson: typed objects keep their own field order', () => {
  it('kubectl run x --image=y --labels=a=b --dry-run=client -o json', () => {
    expect(toKubectlJson(JSON.parse(TYPED.runJson))).toBe(TYPED.runJson);
  });
  it('kubectl create deployment web --image=nginx --dry-run=client -o json', () => {
    expect(toKubectlJson(JSON.parse(TYPED.deployJson))).toBe(TYPED.deployJson);
  });
  it('Go escapes and empty collections', () => {
    expect(toKubectlJson({ s: '<a&b>', l: [], m: {}, u: '\u2028' })).toBe('{\n    "s": "\\u003ca\\u0026b\\u003e",\n    "l": [],\n    "m": {},\n    "u": "\\u2028"\n}\n');
  });
  it('integer-like keys sort as strings, not first', () => {
    expect(toKubectlJson({ b: 1, '10': 2, '9': 3 }, { sortKeys: true })).toBe('{\n    "10": 2,\n    "9": 3,\n    "b": 1\n}\n');
  });
});

describe('asListObject: the List wrapper of get -o json|yaml', () => {
  it('get pods -o json', () => {
    const list = asListObject(SERVER_LIST.items, '', { apiVersion: 'v1', kind: itemKindOfList(SERVER_LIST.kind) });
    expect(toKubectlJson(list, { sortKeys: true })).toBe(LIST_JSON);
  });
  it('get pods -o json with no pods', () => {
    expect(toKubectlJson(asListObject([], ''), { sortKeys: true })).toBe(EMPTY_LIST_JSON);
  });
  it('keeps the items it is given and their kinds', () => {
    const item = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } };
    const list = asListObject([item], '');
    expect(list).toEqual({ apiVersion: 'v1', items: [item], kind: 'List', metadata: { resourceVersion: '' } });
    expect(Object.keys(list)).toEqual(['apiVersion', 'items', 'kind', 'metadata']);
    expect(list.items[0]).toBe(item);
  });
  it('fills missing kinds without touching the input', () => {
    const item = { metadata: { name: 'p' } };
    const list = asListObject([item], '', { apiVersion: 'v1', kind: 'Pod' });
    expect(list.items[0]).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    expect(item).toEqual({ metadata: { name: 'p' } });
  });
});

const JSON_CASES: Array<{ name: string; input: unknown; stdout: string }> = [
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"s000\": \"\",\n        \"s001\": \" \",\n        \"s002\": \"  \",\n        \"s003\": \"a\",\n        \"s004\": \"yes\",\n        \"s005\": \"Yes\",\n        \"s006\": \"no\",\n        \"s007\": \"on\",\n        \"s008\": \"off\",\n        \"s009\": \"y\",\n        \"s010\": \"n\",\n        \"s011\": \"true\",\n        \"s012\": \"False\",\n        \"s013\": \"null\",\n        \"s014\": \"~\",\n        \"s015\": \"Null\",\n        \"s016\": \"1\",\n        \"s017\": \"-1\",\n        \"s018\": \"+1\",\n        \"s019\": \"1.5\",\n        \"s020\": \"1e3\",\n        \"s021\": \"1E3\",\n        \"s022\": \".5\",\n        \"s023\": \"-.5\",\n        \"s024\": \"5.\",\n        \"s025\": \"0x1F\",\n        \"s026\": \"0o17\",\n        \"s027\": \"0b101\",\n        \"s028\": \"0777\",\n        \"s029\": \"08\",\n        \"s030\": \"09.5\",\n        \"s031\": \"1_000\",\n        \"s032\": \"1:20\",\n        \"s033\": \"1:2:3\",\n        \"s034\": \"12:30\",\n        \"s035\": \"190:20:30.15\",\n        \"s036\": \".inf\",\n        \"s037\": \"-.inf\",\n        \"s038\": \".NaN\",\n        \"s039\": \"nan\",\n        \"s040\": \"inf\",\n        \"s041\": \"2024-01-01\",\n        \"s042\": \"2024-1-1\",\n        \"s043\": \"2024-01-01T00:00:00Z\",\n        \"s044\": \"2024-01-01t00:00:00Z\",\n        \"s045\": \"2024-01-01T00:00:00\",\n        \"s046\": \"2024-01-01 10:00:00\",\n        \"s047\": \"2024-01-01 10:00:00Z\",\n        \"s048\": \"2024-02-30\",\n        \"s049\": \"2024-13-01\",\n        \"s050\": \"2023-02-29\",\n        \"s051\": \"2024-02-29\",\n        \"s052\": \"2024-01-01T25:00:00Z\",\n        \"s053\": \"2024-01-01T10:00:00.123+01:00\",\n        \"s054\": \"2024-01-01T10:00:00,5Z\",\n        \"s055\": \"20240101\",\n        \"s056\": \"a: b\",\n        \"s057\": \"a:b\",\n        \"s058\": \"a :b\",\n        \"s059\": \"a #b\",\n        \"s060\": \"a#b\",\n        \"s061\": \"#a\",\n        \"s062\": \"- a\",\n        \"s063\": \"-a\",\n        \"s064\": \"-\",\n        \"s065\": \"--\",\n        \"s066\": \"---\",\n        \"s067\": \"--- a\",\n        \"s068\": \"...\",\n        \"s069\": \"....\",\n        \"s070\": \"? a\",\n        \"s071\": \"?a\",\n        \"s072\": \":a\",\n        \"s073\": \": a\",\n        \"s074\": \"a:\",\n        \"s075\": \"a: \",\n        \"s076\": \"[a]\",\n        \"s077\": \"{a}\",\n        \"s078\": \"a,b\",\n        \"s079\": \"a]\",\n        \"s080\": \"a}\",\n        \"s081\": \"\\u0026a\",\n        \"s082\": \"*a\",\n        \"s083\": \"!a\",\n        \"s084\": \"|a\",\n        \"s085\": \"\\u003ea\",\n        \"s086\": \"'a\",\n        \"s087\": \"\\\"a\",\n        \"s088\": \"%a\",\n        \"s089\": \"@a\",\n        \"s090\": \"`a\",\n        \"s091\": \"a'b\",\n        \"s092\": \"a\\\"b\",\n        \"s093\": \"a\\\\b\",\n        \"s094\": \"\\u003c\\u003c\",\n        \"s095\": \"=\",\n        \"s096\": \"a=b\",\n        \"s097\": \"a\\tb\",\n        \"s098\": \"\\ta\",\n        \"s099\": \"a\\n\",\n        \"s100\": \"a\\nb\",\n        \"s101\": \"a\\nb\\n\",\n        \"s102\": \"a\\nb\\n\\n\",\n        \"s103\": \"\\na\",\n        \"s104\": \"\\n\",\n        \"s105\": \"\\n\\n\",\n        \"s106\": \" a\\nb\",\n        \"s107\": \"a \\nb\",\n        \"s108\": \"a\\n b\",\n        \"s109\": \"a\\n\\tb\",\n        \"s110\": \"a\\r\\nb\",\n        \"s111\": \"a\\rb\",\n        \"s112\": \"line1\\n\\nline3\",\n        \"s113\": \"x\\u2028y\",\n        \"s114\": \"xy\",\n        \"s115\": \"x y\",\n        \"s116\": \" \",\n        \"s117\": \"é\",\n        \"s118\": \"日本語\",\n        \"s119\": \"😀\",\n        \"s120\": \"a😀b\",\n        \"s121\": \"﻿x y\",\n        \"s122\": \"x﻿y\",\n        \"s123\": \"\\u0001\",\n        \"s124\": \"a​b\",\n        \"s125\": \"a b c\",\n        \"s126\": \" a\",\n        \"s127\": \"a \",\n        \"s128\": \"a  b\",\n        \"s129\": \"http://example.com/a?b=c#d\",\n        \"s130\": \"key=value,other=thing\",\n        \"s131\": \"it's\",\n        \"s132\": \"say \\\"hi\\\"\",\n        \"s133\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n        \"s134\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n        \"s135\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \",\n        \"s136\": \" word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n        \"s137\": \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\",\n        \"s138\": \"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more\",\n        \"s139\": \"yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1\",\n        \"s140\": \"\\\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q \",\n        \"s141\": \"long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it\",\n        \"s142\": \"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f\",\n        \"s143\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"s144\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"s145\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"s146\": \"multi\\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words\",\n        \"s147\": \"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y\",\n        \"s148\": \"tab\\tand word word word word word word word word word word word word word word word word word word word word end\",\n        \"s149\": \"word word word word word word word word word word word word word word word word word word word word \\nmore more more more more more more more more more more more more more more more more more more more \"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"\": \"v24\",\n        \" \": \"v25\",\n        \"-\": \"v29\",\n        \"-a\": \"v5\",\n        \"0\": \"v32\",\n        \"00\": \"v33\",\n        \"1\": \"v16\",\n        \"1.5\": \"v26\",\n        \"2\": \"v17\",\n        \"A\": \"v1\",\n        \"A1\": \"v40\",\n        \"Aa\": \"v38\",\n        \"B\": \"v3\",\n        \"Z\": \"v20\",\n        \"_a\": \"v4\",\n        \"a\": \"v0\",\n        \"a\\nb\": \"v31\",\n        \"a-b\": \"v6\",\n        \"a.1\": \"v41\",\n        \"a.10\": \"v42\",\n        \"a.2\": \"v43\",\n        \"a.b\": \"v9\",\n        \"a/b\": \"v10\",\n        \"a1\": \"v39\",\n        \"a1b10\": \"v15\",\n        \"a1b2\": \"v14\",\n        \"aA\": \"v37\",\n        \"a_b\": \"v7\",\n        \"aa\": \"v36\",\n        \"ab\": \"v8\",\n        \"app\": \"v48\",\n        \"app.kubernetes.io/name\": \"v47\",\n        \"b\": \"v2\",\n        \"k1\": \"v11\",\n        \"k1a\": \"v13\",\n        \"k2\": \"v12\",\n        \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": \"v30\",\n        \"kubernetes.io/change-cause\": \"v49\",\n        \"null\": \"v23\",\n        \"true\": \"v22\",\n        \"v1alpha2\": \"v45\",\n        \"v1beta1\": \"v44\",\n        \"v2\": \"v46\",\n        \"x y\": \"v27\",\n        \"x-09\": \"v52\",\n        \"x-10\": \"v50\",\n        \"x-9\": \"v51\",\n        \"x: y\": \"v28\",\n        \"yes\": \"v21\",\n        \"z\": \"v19\",\n        \"ß\": \"v35\",\n        \"ä\": \"v34\",\n        \"é\": \"v18\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    },\n    \"misc\": {\n        \"bools\": [\n            true,\n            false\n        ],\n        \"empty\": {\n            \"l\": [],\n            \"m\": {},\n            \"s\": \"\"\n        },\n        \"floats\": [\n            0.5,\n            -0.5,\n            0.0000125,\n            0.0001,\n            0.00001,\n            123456.5,\n            1234567.5,\n            1e+21,\n            1.5e+300,\n            3.14159\n        ],\n        \"ints\": [\n            0,\n            1,\n            -1,\n            123456789,\n            9007199254740992,\n            -2147483648\n        ],\n        \"nested\": [\n            [\n                1,\n                [\n                    2,\n                    []\n                ]\n            ],\n            [\n                {}\n            ],\n            [\n                {\n                    \"a\": []\n                }\n            ],\n            {\n                \"a\": {\n                    \"b\": {\n                        \"c\": [\n                            {\n                                \"d\": \"e\"\n                            }\n                        ]\n                    }\n                }\n            }\n        ],\n        \"nulls\": [\n            null\n        ],\n        \"seqOfMaps\": [\n            {\n                \"a\": 1,\n                \"b\": 2\n            },\n            {\n                \"c\": [\n                    3,\n                    4\n                ]\n            }\n        ],\n        \"seqOfSeqs\": [\n            [\n                \"a\",\n                \"b\"\n            ],\n            [\n                \"c\"\n            ]\n        ]\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"list\": [\n        \"\",\n        \" \",\n        \"  \",\n        \"a\",\n        \"yes\",\n        \"Yes\",\n        \"no\",\n        \"on\",\n        \"off\",\n        \"y\",\n        \"n\",\n        \"true\",\n        \"False\",\n        \"null\",\n        \"~\",\n        \"Null\",\n        \"1\",\n        \"-1\",\n        \"+1\",\n        \"1.5\",\n        \"1e3\",\n        \"1E3\",\n        \".5\",\n        \"-.5\",\n        \"5.\",\n        \"0x1F\",\n        \"0o17\",\n        \"0b101\",\n        \"0777\",\n        \"08\",\n        \"09.5\",\n        \"1_000\",\n        \"1:20\",\n        \"1:2:3\",\n        \"12:30\",\n        \"190:20:30.15\",\n        \".inf\",\n        \"-.inf\",\n        \".NaN\",\n        \"nan\",\n        \"inf\",\n        \"2024-01-01\",\n        \"2024-1-1\",\n        \"2024-01-01T00:00:00Z\",\n        \"2024-01-01t00:00:00Z\",\n        \"2024-01-01T00:00:00\",\n        \"2024-01-01 10:00:00\",\n        \"2024-01-01 10:00:00Z\",\n        \"2024-02-30\",\n        \"2024-13-01\",\n        \"2023-02-29\",\n        \"2024-02-29\",\n        \"2024-01-01T25:00:00Z\",\n        \"2024-01-01T10:00:00.123+01:00\",\n        \"2024-01-01T10:00:00,5Z\",\n        \"20240101\",\n        \"a: b\",\n        \"a:b\",\n        \"a :b\",\n        \"a #b\",\n        \"a#b\",\n        \"#a\",\n        \"- a\",\n        \"-a\",\n        \"-\",\n        \"--\",\n        \"---\",\n        \"--- a\",\n        \"...\",\n        \"....\",\n        \"? a\",\n        \"?a\",\n        \":a\",\n        \": a\",\n        \"a:\",\n        \"a: \",\n        \"[a]\",\n        \"{a}\",\n        \"a,b\",\n        \"a]\",\n        \"a}\",\n        \"\\u0026a\",\n        \"*a\",\n        \"!a\",\n        \"|a\",\n        \"\\u003ea\",\n        \"'a\",\n        \"\\\"a\",\n        \"%a\",\n        \"@a\",\n        \"`a\",\n        \"a'b\",\n        \"a\\\"b\",\n        \"a\\\\b\",\n        \"\\u003c\\u003c\",\n        \"=\",\n        \"a=b\",\n        \"a\\tb\",\n        \"\\ta\",\n        \"a\\n\",\n        \"a\\nb\",\n        \"a\\nb\\n\",\n        \"a\\nb\\n\\n\",\n        \"\\na\",\n        \"\\n\",\n        \"\\n\\n\",\n        \" a\\nb\",\n        \"a \\nb\",\n        \"a\\n b\",\n        \"a\\n\\tb\",\n        \"a\\r\\nb\",\n        \"a\\rb\",\n        \"line1\\n\\nline3\",\n        \"x\\u2028y\",\n        \"xy\",\n        \"x y\",\n        \" \",\n        \"é\",\n        \"日本語\",\n        \"😀\",\n        \"a😀b\",\n        \"﻿x y\",\n        \"x﻿y\",\n        \"\\u0001\",\n        \"a​b\",\n        \"a b c\",\n        \" a\",\n        \"a \",\n        \"a  b\",\n        \"http://example.com/a?b=c#d\",\n        \"key=value,other=thing\",\n        \"it's\",\n        \"say \\\"hi\\\"\",\n        \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n        \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n        \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \",\n        \" word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n        \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\",\n        \"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more\",\n        \"yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1\",\n        \"\\\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q \",\n        \"long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it\",\n        \"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f\",\n        \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n        \"multi\\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words\",\n        \"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y\",\n        \"tab\\tand word word word word word word word word word word word word word word word word word word word word end\",\n        \"word word word word word word word word word word word word word word word word word word word word \\nmore more more more more more more more more more more more more more more more more more more more \"\n    ],\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    },\n    \"nestedList\": [\n        [\n            \"a\\nb\",\n            \"a\\nb\\n\",\n            \"a\\nb\\n\\n\",\n            \"\\na\",\n            \"\\n\",\n            \"\\n\\n\",\n            \" a\\nb\",\n            \"a \\nb\",\n            \"a\\n b\",\n            \"a\\n\\tb\",\n            \"a\\r\\nb\",\n            \"a\\rb\",\n            \"line1\\n\\nline3\",\n            \"x\\u2028y\",\n            \"xy\",\n            \"x y\",\n            \" \",\n            \"é\",\n            \"日本語\",\n            \"😀\",\n            \"a😀b\",\n            \"﻿x y\",\n            \"x﻿y\",\n            \"\\u0001\",\n            \"a​b\",\n            \"a b c\",\n            \" a\",\n            \"a \",\n            \"a  b\",\n            \"http://example.com/a?b=c#d\",\n            \"key=value,other=thing\",\n            \"it's\",\n            \"say \\\"hi\\\"\",\n            \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n            \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n            \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \",\n            \" word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n            \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\",\n            \"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more\",\n            \"yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1\",\n            \"\\\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q \",\n            \"long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it\",\n            \"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f\",\n            \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n            \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n            \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n            \"multi\\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words\",\n            \"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y\",\n            \"tab\\tand word word word word word word word word word word word word word word word word word word word word end\",\n            \"word word word word word word word word word word word word word word word word word word word word \\nmore more more more more more more more more more more more more more more more more more more more \"\n        ],\n        {\n            \"k\": [\n                \"a\\r\\nb\",\n                \"a\\rb\",\n                \"line1\\n\\nline3\",\n                \"x\\u2028y\",\n                \"xy\",\n                \"x y\",\n                \" \",\n                \"é\",\n                \"日本語\",\n                \"😀\",\n                \"a😀b\",\n                \"﻿x y\",\n                \"x﻿y\",\n                \"\\u0001\",\n                \"a​b\",\n                \"a b c\",\n                \" a\",\n                \"a \",\n                \"a  b\",\n                \"http://example.com/a?b=c#d\",\n                \"key=value,other=thing\",\n                \"it's\",\n                \"say \\\"hi\\\"\",\n                \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n                \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n                \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \",\n                \" word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\",\n                \"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab \\ttab\",\n                \"w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w  two  spaces  here and more\",\n                \"yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes 1\",\n                \"\\\"q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q q \",\n                \"long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces-long-word-without-spaces- then spaces after it\",\n                \"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b  c d e f\",\n                \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n                \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n                \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y z\",\n                \"multi\\nline with a very long line that goes past the eighty column limit for sure yes it does indeed more words\",\n                \"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé x y\",\n                \"tab\\tand word word word word word word word word word word word word word word word word word word word word end\",\n                \"word word word word word word word word word word word word word word word word word word word word \\nmore more more more more more more more more more more more more more more more more more more more \"\n            ]\n        }\n    ]\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"xy\",\n        \"b\": \"x  y\",\n        \"c\": \"xy\",\n        \"d\": \"x   y\",\n        \"f\": \"x\",\n        \"g\": \"long word word word word word word word word word word word word word word word word word word word word tail\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"nel\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"xy\",\n        \"b\": \"x  y\",\n        \"c\": \"xy\",\n        \"d\": \"x   y\",\n        \"e\": \"\",\n        \"f\": \"x\",\n        \"g\": \"long word word word word word word word word word word word word word word word word word word word word tail\",\n        \"key\": \"v\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"nel\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"xy\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"nel\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"Off\": \"Off\",\n        \"amp\": \"\\u0026x\",\n        \"at\": \"@x\",\n        \"b60\": \"1:20\",\n        \"bang\": \"!x\",\n        \"bom\": \"﻿x\",\n        \"brace\": \"{x}\",\n        \"brack\": \"[x]\",\n        \"bt\": \"`x\",\n        \"colon\": \"a: b\",\n        \"colon2\": \"a:b\",\n        \"comma\": \"a,b\",\n        \"cr\": \"a\\rb\",\n        \"ctrl\": \"a\\u0001b\",\n        \"dash\": \"- x\",\n        \"dash2\": \"-x\",\n        \"date\": \"2024-01-01\",\n        \"dot\": \".5\",\n        \"dq\": \"\\\"x\\\"\",\n        \"e\": \"1e3\",\n        \"empty\": \"\",\n        \"eq\": \"=\",\n        \"f\": \"1.5\",\n        \"gt\": \"\\u003ex\",\n        \"hash\": \"a #b\",\n        \"hash2\": \"#x\",\n        \"hex\": \"0x1F\",\n        \"inf\": \".inf\",\n        \"long\": \"APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized values to the latest internal value, and may reject unrecognized values.\",\n        \"longplain\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb\",\n        \"lt\": \"\\u003cx\\u003e\",\n        \"multi\": \"line1\\nline2\\n\",\n        \"multi2\": \"line1\\nline2\",\n        \"multi3\": \"line1\\nline2\\n\\n\",\n        \"multi4\": \" lead\\nx\",\n        \"multi5\": \"trail \\nx\",\n        \"n\": \"N\",\n        \"neg\": \"-1\",\n        \"nl2028\": \"a\\u2028b\",\n        \"null\": \"null\",\n        \"oct\": \"0777\",\n        \"on\": \"on\",\n        \"one\": \"1\",\n        \"pct\": \"%x\",\n        \"pipe\": \"|x\",\n        \"plus\": \"+1\",\n        \"q\": \"'x'\",\n        \"qm\": \"?x\",\n        \"qm2\": \"? x\",\n        \"sp\": \" x\",\n        \"sp2\": \"x \",\n        \"star\": \"*x\",\n        \"star2\": \"a*b\",\n        \"tab\": \"a\\tb\",\n        \"tilde\": \"~\",\n        \"ts\": \"2024-01-01T00:00:00Z\",\n        \"under\": \"1_000\",\n        \"uni\": \"héllo ✓\",\n        \"url\": \"http://x.y/z?a=b#c\",\n        \"ver\": \"1.2.3\",\n        \"y\": \"y\",\n        \"yes\": \"yes\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    }\n}\n"
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
  "stdout": "{\n    \"apiVersion\": \"v1\",\n    \"binaryData\": {},\n    \"data\": {\n        \"x\": \"y\"\n    },\n    \"immutable\": false,\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {\n            \"A\": \"5\",\n            \"_x\": \"6\",\n            \"a-b\": \"3\",\n            \"a.b\": \"7\",\n            \"a/b\": \"8\",\n            \"ab\": \"4\",\n            \"ctl\": \"a\\bb\\fc\\u001f\",\n            \"e\": \"😀 x\",\n            \"k010\": \"10\",\n            \"k09\": \"9\",\n            \"k10\": \"1\",\n            \"k9\": \"2\",\n            \"ls\": \"a\\u2028b\",\n            \"z\": \"\\u003ca\\u0026b\\u003e\"\n        },\n        \"name\": \"c\",\n        \"namespace\": \"default\"\n    }\n}\n"
 }
];

const TYPED = {
 "runJson": "{\n    \"kind\": \"Pod\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"x\",\n        \"labels\": {\n            \"a\": \"b\"\n        }\n    },\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"x\",\n                \"image\": \"y\",\n                \"resources\": {}\n            }\n        ],\n        \"restartPolicy\": \"Always\",\n        \"dnsPolicy\": \"ClusterFirst\"\n    },\n    \"status\": {}\n}\n",
 "deployJson": "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 1,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx\",\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n"
};



const SINGLE_JSON = "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"annotations\": {\n            \"b\": true,\n            \"big\": 1234567.5,\n            \"e\": \"\",\n            \"f\": 1.5,\n            \"i\": 10,\n            \"multi\": \"a\\nb\",\n            \"n\": null,\n            \"neg\": -0.00001,\n            \"s\": \"\\u003cx\\u003e\\u0026y\"\n        },\n        \"creationTimestamp\": \"2024-01-01T00:00:00Z\",\n        \"labels\": {\n            \"app\": \"web\",\n            \"app.kubernetes.io/name\": \"web\",\n            \"tier\": \"front\"\n        },\n        \"name\": \"web-1\",\n        \"namespace\": \"default\",\n        \"resourceVersion\": \"10\",\n        \"uid\": \"u1\"\n    },\n    \"spec\": {\n        \"containers\": [\n            {\n                \"image\": \"nginx:1.25\",\n                \"name\": \"a\",\n                \"ports\": [\n                    {\n                        \"containerPort\": 80,\n                        \"protocol\": \"TCP\"\n                    },\n                    {\n                        \"containerPort\": 443\n                    }\n                ],\n                \"resources\": {}\n            },\n            {\n                \"args\": [\n                    \"sh\",\n                    \"-c\",\n                    \"echo hi\"\n                ],\n                \"image\": \"busybox\",\n                \"name\": \"b\"\n            }\n        ],\n        \"nodeName\": \"n1\",\n        \"priority\": 0,\n        \"tolerations\": null\n    },\n    \"status\": {\n        \"conditions\": [\n            {\n                \"status\": \"True\",\n                \"type\": \"Ready\"\n            },\n            {\n                \"status\": \"True\",\n                \"type\": \"Initialized\"\n            }\n        ],\n        \"containerStatuses\": [\n            {\n                \"name\": \"a\",\n                \"ready\": true,\n                \"restartCount\": 3\n            },\n            {\n                \"name\": \"b\",\n                \"ready\": false,\n                \"restartCount\": 0\n            }\n        ],\n        \"phase\": \"Running\"\n    }\n}\n";

const LIST_JSON = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n            \"apiVersion\": \"v1\",\n            \"kind\": \"Pod\",\n            \"metadata\": {\n                \"annotations\": {\n                    \"b\": true,\n                    \"big\": 1234567.5,\n                    \"e\": \"\",\n                    \"f\": 1.5,\n                    \"i\": 10,\n                    \"multi\": \"a\\nb\",\n                    \"n\": null,\n                    \"neg\": -0.00001,\n                    \"s\": \"\\u003cx\\u003e\\u0026y\"\n                },\n                \"creationTimestamp\": \"2024-01-01T00:00:00Z\",\n                \"labels\": {\n                    \"app\": \"web\",\n                    \"app.kubernetes.io/name\": \"web\",\n                    \"tier\": \"front\"\n                },\n                \"name\": \"web-1\",\n                \"namespace\": \"default\",\n                \"resourceVersion\": \"10\",\n                \"uid\": \"u1\"\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"nginx:1.25\",\n                        \"name\": \"a\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80,\n                                \"protocol\": \"TCP\"\n                            },\n                            {\n                                \"containerPort\": 443\n                            }\n                        ],\n                        \"resources\": {}\n                    },\n                    {\n                        \"args\": [\n                            \"sh\",\n                            \"-c\",\n                            \"echo hi\"\n                        ],\n                        \"image\": \"busybox\",\n                        \"name\": \"b\"\n                    }\n                ],\n                \"nodeName\": \"n1\",\n                \"priority\": 0,\n                \"tolerations\": null\n            },\n            \"status\": {\n                \"conditions\": [\n                    {\n                        \"status\": \"True\",\n                        \"type\": \"Ready\"\n                    },\n                    {\n                        \"status\": \"True\",\n                        \"type\": \"Initialized\"\n                    }\n                ],\n                \"containerStatuses\": [\n                    {\n                        \"name\": \"a\",\n                        \"ready\": true,\n                        \"restartCount\": 3\n                    },\n                    {\n                        \"name\": \"b\",\n                        \"ready\": false,\n                        \"restartCount\": 0\n                    }\n                ],\n                \"phase\": \"Running\"\n            }\n        },\n        {\n            \"apiVersion\": \"v1\",\n            \"kind\": \"Pod\",\n            \"metadata\": {\n                \"creationTimestamp\": \"2024-01-02T00:00:00Z\",\n                \"labels\": {\n                    \"app\": \"db\"\n                },\n                \"name\": \"db-0\",\n                \"namespace\": \"default\",\n                \"resourceVersion\": \"11\",\n                \"uid\": \"u2\"\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"postgres\",\n                        \"name\": \"pg\"\n                    }\n                ],\n                \"priority\": 10\n            },\n            \"status\": {\n                \"conditions\": [\n                    {\n                        \"status\": \"False\",\n                        \"type\": \"Ready\"\n                    }\n                ],\n                \"phase\": \"Pending\"\n            }\n        },\n        {\n            \"apiVersion\": \"v1\",\n            \"kind\": \"Pod\",\n            \"metadata\": {\n                \"creationTimestamp\": \"2024-01-03T00:00:00Z\",\n                \"name\": \"job-x\",\n                \"namespace\": \"default\",\n                \"resourceVersion\": \"12\",\n                \"uid\": \"u3\"\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"alpine\",\n                        \"name\": \"c\"\n                    }\n                ],\n                \"nodeName\": \"n2\",\n                \"priority\": -5\n            },\n            \"status\": {\n                \"conditions\": [],\n                \"phase\": \"Succeeded\"\n            }\n        }\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n";

const EMPTY_LIST_JSON = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n";

const MULTI = {
 "content": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: default\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\ndata:\n  a: \"1\"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: default\nspec: {}\n",
 "json": "{\n    \"apiVersion\": \"apps/v1\",\n    \"kind\": \"Deployment\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"namespace\": \"default\"\n    },\n    \"spec\": {\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"nginx\",\n                        \"name\": \"web\"\n                    }\n                ]\n            }\n        }\n    }\n}\n{\n    \"apiVersion\": \"batch/v1\",\n    \"kind\": \"Job\",\n    \"metadata\": {\n        \"name\": \"once\",\n        \"namespace\": \"default\"\n    },\n    \"spec\": {\n        \"template\": {\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"busybox\",\n                        \"name\": \"c\"\n                    }\n                ],\n                \"restartPolicy\": \"Never\"\n            }\n        }\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"a\": \"1\"\n    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"name\": \"cfg\",\n        \"namespace\": \"default\"\n    }\n}\n{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Service\",\n    \"metadata\": {\n        \"namespace\": \"default\"\n    },\n    \"spec\": {}\n}\n"
};
