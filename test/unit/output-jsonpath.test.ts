import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { executeJsonPath, parseJsonPath, findJsonPathResults, JsonPathParseError, JsonPathExecError } from '../../src/cli/output/jsonpath.js';
import { asListObject } from '../../src/cli/output/list.js';
import { SERVER_LIST } from './fixtures/server-pod-list.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.



// `get pods -o jsonpath=...` runs on the List wrapper, `get pods web-1 -o jsonpath=...` on the pod.
const LIST = asListObject(SERVER_LIST.items, '', { apiVersion: 'v1', kind: 'Pod' });
const POD = { apiVersion: 'v1', kind: 'Pod', ...SERVER_LIST.items[0] };

function run(template: string, data: unknown, allowMissingKeys: boolean): { stdout: string; error?: string } {
  try {
    return { stdout: executeJsonPath(template, data, { allowMissingKeys }) };
  } catch (e) {
    return { stdout: '', error: 'error: ' + (e as Error).message };
  }
}

describe('kubectl -o jsonpath', () => {
  it.each(CASES)('$template (allowMissing=$allowMissing, $target)', ({ template, target, allowMissing, stdout, error }) => {
    const got = run(template, target === 'list' ? LIST : POD, allowMissing);
    expect(got.stdout).toBe(stdout);
    if (!error) expect(got.error).toBeUndefined();
    else if (error.includes('\n')) expect(got.error! + (got.error!.endsWith('\n') ? '' : '\n')).toBe(error);
    else expect(got.error!.split('\n')[0]).toBe(error);
  });
});

describe('API', () => {
  it('parse errors carry the template and the problem', () => {
    expect(() => parseJsonPath('{.a')).toThrow(JsonPathParseError);
    expect(() => parseJsonPath('{.a')).toThrow('error parsing jsonpath {.a, unclosed action');
  });
  it('execution errors carry the engine message', () => {
    try {
      executeJsonPath('{.nope}', { a: 1 }, { allowMissingKeys: false });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPathExecError);
      expect((e as JsonPathExecError).problem).toBe('nope is not found');
      expect((e as Error).message).toBe(
        'error executing jsonpath "{.nope}": Error executing template: nope is not found. Printing more information for debugging the template:\n' +
          '\ttemplate was:\n\t\t{.nope}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":1}\n\n\n',
      );
    }
  });
  it('findJsonPathResults gives the values per action', () => {
    expect(findJsonPathResults('{.items[*].metadata.name}{.kind}', LIST)).toEqual([['web-1', 'db-0', 'job-x'], ['List']]);
  });
  it('keys with dots need escaping', () => {
    expect(executeJsonPath('{.metadata.labels.app\\.kubernetes\\.io/name}', POD)).toBe('web');
  });
});

const CASES: Array<{ template: string; target: 'list' | 'web-1'; allowMissing: boolean; stdout: string; error?: string }> = [
 {
  "template": "{.items[*].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0 job-x"
 },
 {
  "template": "{.items[0]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}}"
 },
 {
  "template": "{.items[0].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[-1].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "job-x"
 },
 {
  "template": "{.items[-3].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[-4].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[-4].metadata.name}\": Error executing template: array index out of bounds: index -1, length 3. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[-4].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"annotations\":map[string]interface {}{\"b\":true, \"big\":1.2345675e+06, \"e\":\"\", \"f\":1.5, \"i\":10, \"multi\":\"a\\nb\", \"n\":interface {}(nil), \"neg\":-1e-05, \"s\":\"<x>&y\"}, \"creationTimestamp\":\"2024-01-01T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"web\", \"app.kubernetes.io/name\":\"web\", \"tier\":\"front\"}, \"name\":\"web-1\", \"namespace\":\"default\", \"resourceVersion\":\"10\", \"uid\":\"u1\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"nginx:1.25\", \"name\":\"a\", \"ports\":[]interface {}{map[string]interface {}{\"containerPort\":80, \"protocol\":\"TCP\"}, map[string]interface {}{\"containerPort\":443}}, \"resources\":map[string]interface {}{}}, map[string]interface {}{\"args\":[]interface {}{\"sh\", \"-c\", \"echo hi\"}, \"image\":\"busybox\", \"name\":\"b\"}}, \"nodeName\":\"n1\", \"priority\":0, \"tolerations\":interface {}(nil)}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"True\", \"type\":\"Ready\"}, map[string]interface {}{\"status\":\"True\", \"type\":\"Initialized\"}}, \"containerStatuses\":[]interface {}{map[string]interface {}{\"name\":\"a\", \"ready\":true, \"restartCount\":3}, map[string]interface {}{\"name\":\"b\", \"ready\":false, \"restartCount\":0}}, \"phase\":\"Running\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-02T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"db\"}, \"name\":\"db-0\", \"namespace\":\"default\", \"resourceVersion\":\"11\", \"uid\":\"u2\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"postgres\", \"name\":\"pg\"}}, \"priority\":10}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"False\", \"type\":\"Ready\"}}, \"phase\":\"Pending\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-03T00:00:00Z\", \"name\":\"job-x\", \"namespace\":\"default\", \"resourceVersion\":\"12\", \"uid\":\"u3\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"alpine\", \"name\":\"c\"}}, \"nodeName\":\"n2\", \"priority\":-5}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{}, \"phase\":\"Succeeded\"}}}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\"}}\n\n\n"
 },
 {
  "template": "{.items[1:3].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0 job-x"
 },
 {
  "template": "{.items[1:].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0 job-x"
 },
 {
  "template": "{.items[:2].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0"
 },
 {
  "template": "{.items[0:3:2].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[::2].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[::-1].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[::-1].metadata.name}\": Error executing template: step must be > 0. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[::-1].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"annotations\":map[string]interface {}{\"b\":true, \"big\":1.2345675e+06, \"e\":\"\", \"f\":1.5, \"i\":10, \"multi\":\"a\\nb\", \"n\":interface {}(nil), \"neg\":-1e-05, \"s\":\"<x>&y\"}, \"creationTimestamp\":\"2024-01-01T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"web\", \"app.kubernetes.io/name\":\"web\", \"tier\":\"front\"}, \"name\":\"web-1\", \"namespace\":\"default\", \"resourceVersion\":\"10\", \"uid\":\"u1\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"nginx:1.25\", \"name\":\"a\", \"ports\":[]interface {}{map[string]interface {}{\"containerPort\":80, \"protocol\":\"TCP\"}, map[string]interface {}{\"containerPort\":443}}, \"resources\":map[string]interface {}{}}, map[string]interface {}{\"args\":[]interface {}{\"sh\", \"-c\", \"echo hi\"}, \"image\":\"busybox\", \"name\":\"b\"}}, \"nodeName\":\"n1\", \"priority\":0, \"tolerations\":interface {}(nil)}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"True\", \"type\":\"Ready\"}, map[string]interface {}{\"status\":\"True\", \"type\":\"Initialized\"}}, \"containerStatuses\":[]interface {}{map[string]interface {}{\"name\":\"a\", \"ready\":true, \"restartCount\":3}, map[string]interface {}{\"name\":\"b\", \"ready\":false, \"restartCount\":0}}, \"phase\":\"Running\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-02T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"db\"}, \"name\":\"db-0\", \"namespace\":\"default\", \"resourceVersion\":\"11\", \"uid\":\"u2\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"postgres\", \"name\":\"pg\"}}, \"priority\":10}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"False\", \"type\":\"Ready\"}}, \"phase\":\"Pending\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-03T00:00:00Z\", \"name\":\"job-x\", \"namespace\":\"default\", \"resourceVersion\":\"12\", \"uid\":\"u3\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"alpine\", \"name\":\"c\"}}, \"nodeName\":\"n2\", \"priority\":-5}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{}, \"phase\":\"Succeeded\"}}}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\"}}\n\n\n"
 },
 {
  "template": "{.items[::0].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[::0].metadata.name}\": Error executing template: step must be > 0. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[::0].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"annotations\":map[string]interface {}{\"b\":true, \"big\":1.2345675e+06, \"e\":\"\", \"f\":1.5, \"i\":10, \"multi\":\"a\\nb\", \"n\":interface {}(nil), \"neg\":-1e-05, \"s\":\"<x>&y\"}, \"creationTimestamp\":\"2024-01-01T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"web\", \"app.kubernetes.io/name\":\"web\", \"tier\":\"front\"}, \"name\":\"web-1\", \"namespace\":\"default\", \"resourceVersion\":\"10\", \"uid\":\"u1\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"nginx:1.25\", \"name\":\"a\", \"ports\":[]interface {}{map[string]interface {}{\"containerPort\":80, \"protocol\":\"TCP\"}, map[string]interface {}{\"containerPort\":443}}, \"resources\":map[string]interface {}{}}, map[string]interface {}{\"args\":[]interface {}{\"sh\", \"-c\", \"echo hi\"}, \"image\":\"busybox\", \"name\":\"b\"}}, \"nodeName\":\"n1\", \"priority\":0, \"tolerations\":interface {}(nil)}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"True\", \"type\":\"Ready\"}, map[string]interface {}{\"status\":\"True\", \"type\":\"Initialized\"}}, \"containerStatuses\":[]interface {}{map[string]interface {}{\"name\":\"a\", \"ready\":true, \"restartCount\":3}, map[string]interface {}{\"name\":\"b\", \"ready\":false, \"restartCount\":0}}, \"phase\":\"Running\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-02T00:00:00Z\", \"labels\":map[string]interface {}{\"app\":\"db\"}, \"name\":\"db-0\", \"namespace\":\"default\", \"resourceVersion\":\"11\", \"uid\":\"u2\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"postgres\", \"name\":\"pg\"}}, \"priority\":10}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"False\", \"type\":\"Ready\"}}, \"phase\":\"Pending\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"creationTimestamp\":\"2024-01-03T00:00:00Z\", \"name\":\"job-x\", \"namespace\":\"default\", \"resourceVersion\":\"12\", \"uid\":\"u3\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"alpine\", \"name\":\"c\"}}, \"nodeName\":\"n2\", \"priority\":-5}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{}, \"phase\":\"Succeeded\"}}}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\"}}\n\n\n"
 },
 {
  "template": "{.items[2:1].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[2:1].metadata.name}\": Error executing template: starting index 2 is greater than ending index 1. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[1:1].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[3]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[3]}\": Error executing template: array index out of bounds: index 3, length 3. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[0:4]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0:4]}\": Error executing template: array index out of bounds: index 3, length 3. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[-1:]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}"
 },
 {
  "template": "{.items[-2:-1].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0"
 },
 {
  "template": "{.items[-5:-4]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[-5:-4]}\": Error executing template: array index out of bounds: index -2, length 3. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[3:3]}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[5:5]}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[*].spec.containers[*].image}",
  "target": "list",
  "allowMissing": true,
  "stdout": "nginx:1.25 busybox postgres alpine"
 },
 {
  "template": "{.items[*].spec.containers[0].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a pg c"
 },
 {
  "template": "{..image}",
  "target": "list",
  "allowMissing": true,
  "stdout": "nginx:1.25 busybox postgres alpine"
 },
 {
  "template": "{.items[*]..image}",
  "target": "list",
  "allowMissing": true,
  "stdout": "nginx:1.25 busybox postgres alpine"
 },
 {
  "template": "{..containers[*].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a b pg c"
 },
 {
  "template": "{.items[?(@.status.phase==\"Running\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[?(@.status.phase!=\"Running\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0 job-x"
 },
 {
  "template": "{.items[?(@.status.phase=='Pending')].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0"
 },
 {
  "template": "{.items[?(@.spec.nodeName)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[?(@.spec.nodeName==\"n2\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "job-x"
 },
 {
  "template": "{.items[?(@.spec.priority>0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0"
 },
 {
  "template": "{.items[?(@.spec.priority<0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "job-x"
 },
 {
  "template": "{.items[?(@.spec.priority>=0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0"
 },
 {
  "template": "{.items[?(@.spec.priority<=0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[?(@.spec.priority==10)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0"
 },
 {
  "template": "{.items[?(@.spec.priority==10.0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.priority==10.0)].metadata.name}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.spec.priority==\"10\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.priority==\\\"10\\\")].metadata.name}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.name<\"e\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "db-0"
 },
 {
  "template": "{.items[?(@.metadata.name>\"db-0\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[*].status.conditions[?(@.type==\"Ready\")].status}",
  "target": "list",
  "allowMissing": true,
  "stdout": "True False"
 },
 {
  "template": "{.items[?(@.status.conditions[0].status==\"True\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.status.conditions[0].status==\\\"True\\\")].metadata.name}\": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.labels.app)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0"
 },
 {
  "template": "{.items[?(@.metadata.labels.tier==\"front\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[?(@.metadata.labels)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0"
 },
 {
  "template": "{.items[?(@.spec.containers[*].name==\"a\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.containers[*].name==\\\"a\\\")].metadata.name}\": Error executing template: can only compare one element at a time. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[0].status.containerStatuses[?(@.ready==true)].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a"
 },
 {
  "template": "{.items[0].status.containerStatuses[?(@.ready)].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a b"
 },
 {
  "template": "{.items[0].status.containerStatuses[?(@.ready==false)].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "b"
 },
 {
  "template": "{.items[0].status.containerStatuses[?(@.ready<true)].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0].status.containerStatuses[?(@.ready<true)].name}\": Error executing template: invalid type for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.spec.nodeName == \"n1\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[?(@.x=~\"a\")]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[?(@.x=~\"a\")]}, unrecognized character in action: U+007E '~'\n"
 },
 {
  "template": "{.items[?(@.spec.priority=0)]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.priority=0)]}\": Error executing template: unrecognized filter operator =. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.spec.priority=>0)]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.priority=>0)]}\": Error executing template: unrecognized filter operator =>. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata)]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}} {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-02T00:00:00Z\",\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\",\"resourceVersion\":\"11\",\"uid\":\"u2\"},\"spec\":{\"containers\":[{\"image\":\"postgres\",\"name\":\"pg\"}],\"priority\":10},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"phase\":\"Pending\"}} {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}"
 },
 {
  "template": "{.items[0][?(@.a)]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0][?(@.a)]}\": Error executing template: map[apiVersion:v1 kind:Pod metadata:map[annotations:map[b:true big:1.2345675e+06 e: f:1.5 i:10 multi:a"
 },
 {
  "template": "{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1\tRunning\ndb-0\tPending\njob-x\tSucceeded\n"
 },
 {
  "template": "{range .items[*]}{.metadata.name}{end}{.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1db-0job-xList"
 },
 {
  "template": "{range .items[*]}[{range .spec.containers[*]}{.name},{end}]{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "[a,b,][pg,][c,]"
 },
 {
  "template": "{range .items[?(@.spec.priority>100)]}{.metadata.name}{end}{.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{range .items[*]}{.metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1db-0job-x"
 },
 {
  "template": "{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{end}\": Error executing template: not in range, nothing to end. Printing more information for debugging the template:"
 },
 {
  "template": "{.kind}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.kind}{end}\": Error executing template: not in range, nothing to end. Printing more information for debugging the template:"
 },
 {
  "template": "{range .items[*]}{end}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{range .items[*]}{end}{end}\": Error executing template: not in range, nothing to end. Printing more information for debugging the template:"
 },
 {
  "template": "{range .items[0].spec.containers[*]}{@.name}:{@.image} {end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a:nginx:1.25 b:busybox "
 },
 {
  "template": "{range .items[*]}{range .spec.containers[*]}{.name}{\"\\n\"}{end}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a\nb\npg\nc\n"
 },
 {
  "template": "{range .items[*].metadata}{.name}{\",\"}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1,db-0,job-x,"
 },
 {
  "template": "{range .metadata}{.resourceVersion}{end}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{@.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{$.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{.}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{@}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-02T00:00:00Z\",\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\",\"resourceVersion\":\"11\",\"uid\":\"u2\"},\"spec\":{\"containers\":[{\"image\":\"postgres\",\"name\":\"pg\"}],\"priority\":10},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"phase\":\"Pending\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"
 },
 {
  "template": "{$}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-02T00:00:00Z\",\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\",\"resourceVersion\":\"11\",\"uid\":\"u2\"},\"spec\":{\"containers\":[{\"image\":\"postgres\",\"name\":\"pg\"}],\"priority\":10},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"phase\":\"Pending\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"
 },
 {
  "template": "{.metadata}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"resourceVersion\":\"\"}"
 },
 {
  "template": "{.metadata.resourceVersion}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[0].metadata.annotations}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"}"
 },
 {
  "template": "{.items[0].metadata.annotations.f}",
  "target": "list",
  "allowMissing": true,
  "stdout": "1.5"
 },
 {
  "template": "{.items[0].metadata.annotations.big}",
  "target": "list",
  "allowMissing": true,
  "stdout": "1.2345675e+06"
 },
 {
  "template": "{.items[0].metadata.annotations.neg}",
  "target": "list",
  "allowMissing": true,
  "stdout": "-1e-05"
 },
 {
  "template": "{.items[0].metadata.annotations.n}",
  "target": "list",
  "allowMissing": true,
  "stdout": "null"
 },
 {
  "template": "{.items[0].metadata.annotations.i}{.items[0].metadata.annotations.b}",
  "target": "list",
  "allowMissing": true,
  "stdout": "10true"
 },
 {
  "template": "{.items[0].metadata.annotations.s}",
  "target": "list",
  "allowMissing": true,
  "stdout": "<x>&y"
 },
 {
  "template": "{.items[0].metadata.annotations.multi}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a\nb"
 },
 {
  "template": "{.items[0].metadata.annotations.e}|",
  "target": "list",
  "allowMissing": true,
  "stdout": "|"
 },
 {
  "template": "{.items[0].spec.tolerations}",
  "target": "list",
  "allowMissing": true,
  "stdout": "null"
 },
 {
  "template": "{.items[0].spec.containers[0].resources}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{}"
 },
 {
  "template": "{.items[0].spec.containers[1].args}",
  "target": "list",
  "allowMissing": true,
  "stdout": "[\"sh\",\"-c\",\"echo hi\"]"
 },
 {
  "template": "{.items[0].spec.containers[0].ports[*].containerPort}",
  "target": "list",
  "allowMissing": true,
  "stdout": "80 443"
 },
 {
  "template": "{.items[2].status.conditions}",
  "target": "list",
  "allowMissing": true,
  "stdout": "[]"
 },
 {
  "template": "{.items[0].metadata.labels.app\\.kubernetes\\.io/name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web"
 },
 {
  "template": "{.items[0].metadata.labels['app.kubernetes.io/name']}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[0].metadata.labels['app']}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web"
 },
 {
  "template": "{.items[0].metadata.labels[\"app\"]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[0].metadata.labels[\"app\"]}, invalid array index \"app\"\n"
 },
 {
  "template": "{.items[0].spec.containers[0,1].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a b"
 },
 {
  "template": "{.items[0].spec.containers[0, 1].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a b"
 },
 {
  "template": "{.items[0].spec.containers[0,5].name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0].spec.containers[0,5].name}\": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[*].metadata[\"name\",\"uid\"]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[*].metadata[\"name\",\"uid\"]}, invalid array index \"name\"\n"
 },
 {
  "template": "{.items[0].metadata['name','uid']}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 u1"
 },
 {
  "template": "{.items[0].metadata.name,uid}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[0].metadata.name,uid}, unrecognized character in action: U+002C ','\n"
 },
 {
  "template": "{.items[0].metadata.name.foo}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[0].metadata.name[0]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0].metadata.name[0]}\": Error executing template: string is not array or slice. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[0].metadata.name.*}",
  "target": "list",
  "allowMissing": true,
  "stdout": "119 101 98 45 49"
 },
 {
  "template": "{.items[0].metadata[0]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0].metadata[0]}\": Error executing template: map[string]interface {} is not array or slice. Printing more information for debugging the template:"
 },
 {
  "template": "{.kind[*]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.kind[*]}\": Error executing template: string is not array or slice. Printing more information for debugging the template:"
 },
 {
  "template": "{.items.metadata}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.items[*].nothing}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{.nothing.deeper}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "text only",
  "target": "list",
  "allowMissing": true,
  "stdout": "text only"
 },
 {
  "template": "prefix {.kind} suffix\\n",
  "target": "list",
  "allowMissing": true,
  "stdout": "prefix List suffix\\n"
 },
 {
  "template": "a\\tb",
  "target": "list",
  "allowMissing": true,
  "stdout": "a\\tb"
 },
 {
  "template": "{\"\\n\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "\n"
 },
 {
  "template": "{'x'}",
  "target": "list",
  "allowMissing": true,
  "stdout": "x"
 },
 {
  "template": "{\"a\\\"b\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a\"b"
 },
 {
  "template": "{\"\\u00e9\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "é"
 },
 {
  "template": "{\"\\x41\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "A"
 },
 {
  "template": "{\"\\101\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "A"
 },
 {
  "template": "{'a\\'b'}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a'b"
 },
 {
  "template": "{\"a'b\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "a'b"
 },
 {
  "template": "{\"a\\'b\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {\"a\\'b\"}, unquote string \"a\\'b\" error invalid syntax\n"
 },
 {
  "template": "{\"bad\\q\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {\"bad\\q\"}, unquote string \"bad\\q\" error invalid syntax\n"
 },
 {
  "template": "{\"unterminated}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {\"unterminated}, unterminated quoted string\n"
 },
 {
  "template": "{\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {\"}, unterminated quoted string\n"
 },
 {
  "template": "{1}",
  "target": "list",
  "allowMissing": true,
  "stdout": "1"
 },
 {
  "template": "{-1}",
  "target": "list",
  "allowMissing": true,
  "stdout": "-1"
 },
 {
  "template": "{1.5}",
  "target": "list",
  "allowMissing": true,
  "stdout": "1.5"
 },
 {
  "template": "{true}",
  "target": "list",
  "allowMissing": true,
  "stdout": "true"
 },
 {
  "template": "{false}",
  "target": "list",
  "allowMissing": true,
  "stdout": "false"
 },
 {
  "template": "{+1}",
  "target": "list",
  "allowMissing": true,
  "stdout": "1"
 },
 {
  "template": "{-}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {-}, cannot parse number -\n"
 },
 {
  "template": "{1.2.3}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {1.2.3}, cannot parse number 1.2.3\n"
 },
 {
  "template": "{foo}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{foo}\": Error executing template: unrecognized identifier foo. Printing more information for debugging the template:"
 },
 {
  "template": "{range}",
  "target": "list",
  "allowMissing": true,
  "stdout": ""
 },
 {
  "template": "{ .kind }",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{.kind }",
  "target": "list",
  "allowMissing": true,
  "stdout": "List"
 },
 {
  "template": "{ }",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-02T00:00:00Z\",\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\",\"resourceVersion\":\"11\",\"uid\":\"u2\"},\"spec\":{\"containers\":[{\"image\":\"postgres\",\"name\":\"pg\"}],\"priority\":10},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"phase\":\"Pending\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"
 },
 {
  "template": "{}",
  "target": "list",
  "allowMissing": true,
  "stdout": "{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"a\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443}],\"resources\":{}},{\"args\":[\"sh\",\"-c\",\"echo hi\"],\"image\":\"busybox\",\"name\":\"b\"}],\"nodeName\":\"n1\",\"priority\":0,\"tolerations\":null},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-02T00:00:00Z\",\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\",\"resourceVersion\":\"11\",\"uid\":\"u2\"},\"spec\":{\"containers\":[{\"image\":\"postgres\",\"name\":\"pg\"}],\"priority\":10},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"phase\":\"Pending\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"creationTimestamp\":\"2024-01-03T00:00:00Z\",\"name\":\"job-x\",\"namespace\":\"default\",\"resourceVersion\":\"12\",\"uid\":\"u3\"},\"spec\":{\"containers\":[{\"image\":\"alpine\",\"name\":\"c\"}],\"nodeName\":\"n2\",\"priority\":-5},\"status\":{\"conditions\":[],\"phase\":\"Succeeded\"}}],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"
 },
 {
  "template": "{{.kind}}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {{.kind}}, unrecognized character in action: U+007B '{'\n"
 },
 {
  "template": "{.kind}}",
  "target": "list",
  "allowMissing": true,
  "stdout": "List}"
 },
 {
  "template": "}{.kind}",
  "target": "list",
  "allowMissing": true,
  "stdout": "}List"
 },
 {
  "template": "{.items[",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[, unterminated array\n"
 },
 {
  "template": "{.items[0",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[0, unterminated array\n"
 },
 {
  "template": "{.items[0].metadata.name",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[0].metadata.name, unclosed action\n"
 },
 {
  "template": "{.items[abc]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[abc]}, invalid array index abc\n"
 },
 {
  "template": "{.items[1:a]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[1:a]}, invalid array index 1:a\n"
 },
 {
  "template": "{.items[-]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[-]}, array index - is not a number\n"
 },
 {
  "template": "{.items[?(@.a==1]}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[?(@.a==1]}, unterminated filter\n"
 },
 {
  "template": "{.items[?(@.a==1)}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[?(@.a==1)}, unclosed array expect ]\n"
 },
 {
  "template": "{....name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {....name}, invalid multiple recursive descent\n"
 },
 {
  "template": "{.a\\",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.a\\, unclosed action\n"
 },
 {
  "template": "{.items[0].metadata.labels.app\\}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.items[0].metadata.labels.app\\}, unclosed action\n"
 },
 {
  "template": "{.items[*].metadata.name}{\"\\n\"}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1 db-0 job-x\n"
 },
 {
  "template": "{#}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'\n"
 },
 {
  "template": "{.kind",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.kind, unclosed action\n"
 },
 {
  "template": "{.kind\n}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error parsing jsonpath {.kind\n}, unclosed action\n"
 },
 {
  "template": "{.items[0].spec.containers[0].ports[0].containerPort}",
  "target": "list",
  "allowMissing": true,
  "stdout": "80"
 },
 {
  "template": "{.items[0].spec.containers[0].ports[?(@.containerPort>100)].containerPort}",
  "target": "list",
  "allowMissing": true,
  "stdout": "443"
 },
 {
  "template": "{.items[0].spec.containers[0].ports[?(@.protocol)].containerPort}",
  "target": "list",
  "allowMissing": true,
  "stdout": "80"
 },
 {
  "template": "{.items[0].spec.containers[0].ports[?(@.protocol==\"TCP\")].containerPort}",
  "target": "list",
  "allowMissing": true,
  "stdout": "80"
 },
 {
  "template": "{.items[*].spec.priority}",
  "target": "list",
  "allowMissing": true,
  "stdout": "0 10 -5"
 },
 {
  "template": "{.items[?(@.spec.priority>-10)].spec.priority}",
  "target": "list",
  "allowMissing": true,
  "stdout": "0 10 -5"
 },
 {
  "template": "{.items[?(@.status.conditions[*].type==\"Ready\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.status.conditions[*].type==\\\"Ready\\\")].metadata.name}\": Error executing template: can only compare one element at a time. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.annotations.f>1)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.metadata.annotations.f>1)].metadata.name}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.annotations.f>1.0)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[?(@.metadata.annotations.n==\"x\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.metadata.annotations.n==\\\"x\\\")].metadata.name}\": Error executing template: invalid type for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.annotations.b==true)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.items[?(@.metadata.annotations.b>true)].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.metadata.annotations.b>true)].metadata.name}\": Error executing template: invalid type for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.metadata.labels==\"x\")].metadata.name}",
  "target": "list",
  "allowMissing": true,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.metadata.labels==\\\"x\\\")].metadata.name}\": Error executing template: invalid type for comparison. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[*].metadata.nme}",
  "target": "list",
  "allowMissing": false,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[*].metadata.nme}\": Error executing template: nme is not found. Printing more information for debugging the template:"
 },
 {
  "template": "{.kind}{.nope}",
  "target": "list",
  "allowMissing": false,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.kind}{.nope}\": Error executing template: nope is not found. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[*].spec.nodeName}",
  "target": "list",
  "allowMissing": false,
  "stdout": "n1 n2"
 },
 {
  "template": "{.items[?(@.spec.nodeName==\"n1\")].metadata.name}",
  "target": "list",
  "allowMissing": false,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[?(@.spec.nodeName==\\\"n1\\\")].metadata.name}\": Error executing template: nodeName is not found. Printing more information for debugging the template:"
 },
 {
  "template": "{.items[?(@.spec.nodeName)].metadata.name}",
  "target": "list",
  "allowMissing": false,
  "stdout": "web-1 job-x"
 },
 {
  "template": "{.items[0].metadata.name.foo}",
  "target": "list",
  "allowMissing": false,
  "stdout": "",
  "error": "error: error executing jsonpath \"{.items[0].metadata.name.foo}\": Error executing template: foo is not found. Printing more information for debugging the template:"
 },
 {
  "template": "{..nodeName}",
  "target": "list",
  "allowMissing": false,
  "stdout": "n1 n2"
 },
 {
  "template": "{.items[5:5].x}",
  "target": "list",
  "allowMissing": false,
  "stdout": ""
 },
 {
  "template": "{range .items[*]}{.spec.nodeName}{end}",
  "target": "list",
  "allowMissing": false,
  "stdout": "",
  "error": "error: error executing jsonpath \"{range .items[*]}{.spec.nodeName}{end}\": Error executing template: nodeName is not found. Printing more information for debugging the template:"
 },
 {
  "template": "{.metadata.name}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "web-1"
 },
 {
  "template": "{.spec.containers[*].name}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "a b"
 },
 {
  "template": "{.metadata}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "{\"annotations\":{\"b\":true,\"big\":1234567.5,\"e\":\"\",\"f\":1.5,\"i\":10,\"multi\":\"a\\nb\",\"n\":null,\"neg\":-0.00001,\"s\":\"\\u003cx\\u003e\\u0026y\"},\"creationTimestamp\":\"2024-01-01T00:00:00Z\",\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\",\"resourceVersion\":\"10\",\"uid\":\"u1\"}"
 },
 {
  "template": "{.kind}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "Pod"
 },
 {
  "template": "{.status}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"Initialized\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"restartCount\":3},{\"name\":\"b\",\"ready\":false,\"restartCount\":0}],\"phase\":\"Running\"}"
 },
 {
  "template": "{range .spec.containers[*]}{.name}={.image}{\"\\n\"}{end}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "a=nginx:1.25\nb=busybox\n"
 },
 {
  "template": "{.spec.containers[?(@.name==\"b\")].args}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "[\"sh\",\"-c\",\"echo hi\"]"
 },
 {
  "template": "{.metadata.labels}",
  "target": "web-1",
  "allowMissing": true,
  "stdout": "{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"}"
 }
];
