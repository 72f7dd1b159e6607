// kustomize on the real CLI: `kbx kustomize` equals the real `kubectl kustomize` on every golden
// case (the goldens of test/unit/kustomize.test.ts are re-made here, so they cannot go stale), and
// `kbx apply -k` / `delete -k` of the course-style overlay against a real cluster.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, ROOT, waitFor } from './harness.js';
import { FIXTURES, expected, goldenCases } from '../fixtures/kustomize-cases.js';

const KUBECTL = path.join(ROOT, '.tools', 'bin', 'kubectl');

function run(cmd: string, args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('kbx kustomize = kubectl kustomize', () => {
  it('the real kubectl is installed (scripts/setup.sh unpacks it)', () => {
    expect(fs.existsSync(KUBECTL), `${KUBECTL} missing: run scripts/setup.sh`).toBe(true);
  });
  it.each(goldenCases())('%s', (c) => {
    const dir = path.join(FIXTURES, c);
    const real = run(KUBECTL, ['kustomize', dir]);
    const kbx = run(process.execPath, [path.join(ROOT, 'bin', 'kbx'), 'kustomize', dir]);
    expect(kbx).toEqual(real);
    // The checked-in golden is what the real kubectl prints today.
    expect({ stdout: real.stdout, stderr: real.stderr }).toEqual(expected(c));
  });
  it.each(['base', 'overlays/dev', 'overlays/prod'])('samples/kustomize/%s', (d) => {
    const dir = path.join(ROOT, 'samples', 'kustomize', d);
    expect(run(process.execPath, [path.join(ROOT, 'bin', 'kbx'), 'kustomize', dir])).toEqual(run(KUBECTL, ['kustomize', dir]));
  });
});

describe('apply -k, get -k, delete -k', () => {
  let c: Cluster;
  beforeAll(() => {
    c = new Cluster('kustomize');
  });
  afterAll(() => c?.destroy());

  it('applies an overlay (namespace, prefix, a patch), gets and deletes it', async () => {
    const dir = path.join(FIXTURES, 'apply', 'overlay');
    const out = c.ok(['apply', '-k', dir]);
    expect(out).toBe('namespace/kz created\nservice/kz-web created\ndeployment.apps/kz-web created\n');
    await waitFor('kz-web available', () => c.kbx('get deploy kz-web -n kz --no-headers').stdout.includes('1/1'), 90_000);
    const pod = c.ok('get pods -n kz -o name').trim().split('\n')[0]!;
    expect(c.ok(['exec', '-n', 'kz', pod.replace('pod/', ''), '--', 'env'])).toContain('STAGE=overlay');
    expect(c.ok(['apply', '-k', dir])).toBe('namespace/kz unchanged\nservice/kz-web unchanged\ndeployment.apps/kz-web unchanged\n');
    expect(c.ok(['get', '-k', dir, '--no-headers']).split('\n').filter(Boolean)).toHaveLength(3);
    // The namespace goes first (kustomize's order) and takes its contents with it.
    expect(c.kbx(['delete', '-k', dir, '--wait=false']).stdout).toContain('namespace "kz" deleted');
    await waitFor('namespace kz gone', () => c.kbx('get ns kz').code !== 0, 60_000);
  });

  it('refuses -f with -k and -R with -k as kubectl does', () => {
    const both = c.kbx(['apply', '-f', 'x.yaml', '-k', 'samples/kustomize/base']);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('error: only one of -f or -k can be specified\n');
    const rec = c.kbx(['apply', '-R', '-k', 'samples/kustomize/base']);
    expect(rec.stderr).toBe("error: the -k flag can't be used with -f or -R\n");
  });
});
