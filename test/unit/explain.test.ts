// kbx explain's renderer against the real kubectl's output for the same documents (fixtures captured from
// kubectl v1.35 talking to kbx), and go-wordwrap's rules. The documents are the build's (npm run build).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { renderExplain, ExplainError } from '../../src/printers/explain.js';
import { wrapString } from '../../src/util/word-wrap.js';

const ROOT = path.resolve(__dirname, '..', '..');
const doc = (key: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(ROOT, 'dist', 'openapi', 'v3', `${key}.json.gz`))).toString('utf8'));
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'explain', name), 'utf8');

describe('renderExplain (kubectl plaintext template)', () => {
  it.each([
    ['apis/apps/v1', { group: 'apps', version: 'v1', resource: 'deployments' }, 'spec.strategy', false, 'deployment.spec.strategy.txt'],
    ['api/v1', { group: '', version: 'v1', resource: 'pods' }, 'spec.containers.ports', false, 'pod.spec.containers.ports.txt'],
    ['api/v1', { group: '', version: 'v1', resource: 'services' }, 'spec', true, 'service.spec.recursive.txt'],
  ])('%s %j %s (recursive %s) prints what kubectl prints', (key, target, fields, recursive, file) => {
    expect(renderExplain(doc(key), target, fields.split('.'), { recursive })).toBe(fixture(file));
  });

  it('an unknown field: the header is printed, then kubectl\'s error', () => {
    let err: unknown;
    try {
      renderExplain(doc('api/v1'), { group: '', version: 'v1', resource: 'pods' }, ['spec', 'nope']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExplainError);
    expect((err as ExplainError).message).toBe('field "nope" does not exist');
    expect((err as ExplainError).partial).toBe('KIND:       Pod\nVERSION:    v1\n\n');
  });

  it('a resource the document does not serve', () => {
    expect(() => renderExplain(doc('api/v1'), { group: '', version: 'v1', resource: 'widgets' }, [])).toThrow('GVR (v1, Resource=widgets) not found in OpenAPI schema');
  });
});

describe('wrapString (go-wordwrap)', () => {
  it.each([
    ['a b c', 3, 'a b\nc'],
    ['hello world', 5, 'hello\nworld'],
    ['averyveryverylongword x', 5, 'averyveryverylongword\nx'],
    ['keep\n\nparagraphs here', 9, 'keep\n\nparagraphs\nhere'],
    ['short', 80, 'short'],
  ])('%j at %d', (s, n, want) => {
    expect(wrapString(s, n)).toBe(want);
  });
});
