// kbx's kustomize against goldens made by the real `kubectl kustomize` (kubectl v1.35.2, kustomize
// v5.7.1) from the same inputs: test/fixtures/kustomize/<case>/ holds the kustomization and
// expected.yaml / expected.err ($DIR stands for the fixtures directory). The integration test
// test/integration/kustomize-goldens.test.ts re-makes them with the real binary, so they stay true.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kustomizeYaml } from '../../src/cli/kustomize/build.js';
import { contentHash, encodeHash } from '../../src/cli/kustomize/hash.js';
import { imageMatches, newImage, splitImage } from '../../src/cli/kustomize/transformers.js';
import { legacyCompare } from '../../src/cli/kustomize/build.js';
import type { KObject } from '../../src/api/types.js';
import { FIXTURES, expected, goldenCases } from '../fixtures/kustomize-cases.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'kustomize');

/** What `kubectl kustomize DIR` prints: stdout, and stderr (warnings, or the error line). */
function kbxKustomize(dir: string): { stdout: string; stderr: string } {
  try {
    const r = kustomizeYaml(dir);
    return { stdout: r.yaml, stderr: r.warnings.map((w) => w + '\n').join('') };
  } catch (e) {
    return { stdout: '', stderr: `error: ${(e as Error).message}\n` };
  }
}

describe('kustomize goldens (kubectl kustomize v1.35.2)', () => {
  const cases = goldenCases();
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  it.each(cases)('%s', (c) => {
    expect(kbxKustomize(path.join(FIXTURES, c))).toEqual(expected(c));
  });
});

describe('the samples build', () => {
  it.each(['base', 'overlays/dev', 'overlays/prod'])('samples/kustomize/%s', (d) => {
    const r = kbxKustomize(path.join(SAMPLES, d));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('kind: Deployment');
  });
});

describe('pieces', () => {
  it('hash: kustomize encodes an empty name, maps 0 1 3 a e', () => {
    expect(encodeHash('0123456789abcdef')).toBe('gh2k456789');
    expect(contentHash({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { A: '1', B: 'two' } } as KObject)).toBe('6b56fdfggc');
    expect(contentHash({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, type: 'Opaque', data: { pw: 'eA==' } } as KObject)).toBe('b287528h4m');
  });
  it.each([
    ['nginx', 'nginx', true],
    ['nginx:1.25', 'nginx', true],
    ['nginx@sha256:abc', 'nginx', true],
    ['nginx-extra:1', 'nginx', false],
    ['registry:5000/app:1', 'registry:5000/app', true],
  ])('image %s matches %s: %s', (image, name, want) => expect(imageMatches(image, name)).toBe(want));
  it('image split and rewrite', () => {
    expect(splitImage('registry:5000/app:1@sha256:x')).toEqual({ name: 'registry:5000/app', tag: '1', digest: 'sha256:x' });
    expect(newImage('nginx:1.25', { name: 'nginx', newTag: '1.26' })).toBe('nginx:1.26');
    expect(newImage('nginx:1.25', { name: 'nginx', digest: 'sha256:d' })).toBe('nginx@sha256:d');
    expect(newImage('nginx:1.25', { name: 'nginx', newName: 'busybox' })).toBe('busybox:1.25');
  });
  it('legacy order: Namespace, ConfigMap, Service before Deployment; unknown kinds in the middle by group', () => {
    const o = (kind: string, name: string, apiVersion = 'v1') => ({ apiVersion, kind, metadata: { name } }) as KObject;
    const sorted = [o('Deployment', 'a', 'apps/v1'), o('Widget', 'w', 'x.io/v1'), o('Service', 's'), o('ConfigMap', 'b'), o('ConfigMap', 'a'), o('Namespace', 'n')].sort(legacyCompare);
    expect(sorted.map((x) => `${x.kind}/${x.metadata.name}`)).toEqual(['Namespace/n', 'ConfigMap/a', 'ConfigMap/b', 'Service/s', 'Deployment/a', 'Widget/w']);
  });
});
