// The real helm 4 (unpacked by set-up) against kbx with the kubeconfig kbx wrote: the chart `helm create` writes,
// with its image overridden to an offline one, installed, upgraded (server-side apply: a port the chart no
// longer renders is removed), rolled back, listed and uninstalled, the pods Running each time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Cluster, HELM, requireTool, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('helm');
  c.ok('get ns');
}, 60_000);
afterAll(() => c?.destroy());

function helm(args: string[], timeout = 180_000): string {
  const r = spawnSync(requireTool(HELM), args, {
    env: { ...c.env(), HOME: c.home, KUBECONFIG: c.kubeconfig, HELM_CACHE_HOME: path.join(c.home, 'helm-cache'), HELM_CONFIG_HOME: path.join(c.home, 'helm-config'), HELM_DATA_HOME: path.join(c.home, 'helm-data') },
    cwd: c.home,
    encoding: 'utf8',
    timeout,
  });
  if (r.status !== 0) throw new Error(`helm ${args.join(' ')} exited ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
}

const image = (tag: number) => ['--set', 'image.repository=kbx-test/web', '--set', `image.tag=${tag}`];

async function podsRunning(tag: number): Promise<void> {
  await waitFor(`demo pods Running kbx-test/web:${tag}`, () => {
    const out = c.ok(['get', 'pods', '-l', 'app.kubernetes.io/instance=demo', '-o', 'jsonpath={range .items[*]}{.status.phase} {.spec.containers[0].image} {.metadata.deletionTimestamp}{"\\n"}{end}']);
    const lines = out.trim().split('\n').filter(Boolean);
    return lines.length === 1 && lines[0] === `Running kbx-test/web:${tag}` ? true : undefined;
  }, 120_000, 500);
}

describe('helm 4 with the kubeconfig kbx wrote', () => {
  it('create → install → upgrade → rollback → history → list → uninstall', async () => {
    helm(['create', 'demo']);
    // First with a service port the image does not serve: the probes fail, so no --wait here.
    expect(helm(['install', 'demo', './demo', ...image(1), '--set', 'service.port=8080'])).toMatch(/^STATUS: deployed$/m);
    expect(c.ok('get deploy demo -o jsonpath={.spec.template.spec.containers[0].ports[*].containerPort}')).toBe('8080');
    // The chart's default port: server-side apply drops the port helm no longer applies (no duplicate "http").
    expect(helm(['upgrade', 'demo', './demo', ...image(1), '--wait', '--timeout', '150s'])).toMatch(/^STATUS: deployed$/m);
    expect(c.ok('get deploy demo -o jsonpath={.spec.template.spec.containers[0].ports[*].containerPort}')).toBe('80');
    expect(c.ok('get svc demo -o jsonpath={.spec.ports[*].port}')).toBe('80');
    await podsRunning(1);
    expect(helm(['upgrade', 'demo', './demo', ...image(2), '--wait', '--timeout', '150s'])).toMatch(/^REVISION: 3$/m);
    await podsRunning(2);
    expect(helm(['rollback', 'demo', '2', '--wait', '--timeout', '150s'])).toMatch(/Rollback was a success/);
    await podsRunning(1);
    const history = helm(['history', 'demo']);
    expect(history).toMatch(/^4\s.*\sdeployed\s.*Rollback to 2/m);
    expect(history).toMatch(/^1\s.*\ssuperseded\s.*Install complete/m);
    expect(helm(['list'])).toMatch(/^demo\s+default\s+4\s.*deployed\s+demo-0\.1\.0/m);
    // helm keeps its release records in Secrets, owned by helm's field manager.
    expect(c.ok('get secrets -l owner=helm -o name').trim().split('\n')).toHaveLength(4);
    expect(c.ok('get deploy demo -o jsonpath={.metadata.managedFields[*].manager} --show-managed-fields')).toMatch(/\bhelm\b/);
    expect(helm(['uninstall', 'demo', '--wait'])).toMatch(/release "demo" uninstalled/);
    expect(c.ok('get deploy,svc,sa -l app.kubernetes.io/instance=demo -o name')).toBe('');
  });
});
