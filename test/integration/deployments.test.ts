// Deployments, ReplicaSets and rollouts on real Docker, typed as the course types them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('deploy');
});
afterAll(() => c?.destroy());

const deployment = (name: string, image: string, extra = '', replicas = 3, app = name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${extra}  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: vote
        image: ${image}
        ports:
        - containerPort: 80
`;

function json(args: string[]): any {
  return JSON.parse(c.ok([...args, '-o', 'json']));
}

function rsRows(): { name: string; desired: number; current: number; ready: number }[] {
  return c
    .ok(['get', 'rs', '--no-headers'])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [name, desired, current, ready] = l.split(/\s+/);
      return { name: name!, desired: Number(desired), current: Number(current), ready: Number(ready) };
    });
}

const rolledOut = (name: string) => c.kbx(['rollout', 'status', `deployment/${name}`, '--watch=false']).stdout.includes('successfully rolled out');

describe("the course's rolling-update exercise", () => {
  it('create --record, set image twice, get rs, history, undo --to-revision=1', async () => {
    const file = writeManifest(c.home, 'vote-deployment.yaml', deployment('vote-deploy', 'kbx-test/web:1', '', 3, 'vote'));
    const created = c.kbx(['create', '-f', file, '--record=true']);
    expect(created.stdout).toBe('deployment.apps/vote-deploy created\n');
    await waitFor('first rollout', () => rolledOut('vote-deploy'), 60_000);
    expect(c.ok('get deploy')).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nvote-deploy\s+3\/3\s+3\s+3\s+\d+s\n$/);
    const first = rsRows();
    expect(first).toHaveLength(1);
    expect(first[0]!.name).toMatch(/^vote-deploy-[456789bcdf]+$/);

    expect(c.ok(['set', 'image', 'deployment/vote-deploy', 'vote=kbx-test/web:2', '--record'])).toBe('deployment.apps/vote-deploy image updated\n');
    await waitFor('second rollout', () => rolledOut('vote-deploy') && rsRows().length === 2, 60_000);
    expect(c.ok(['set', 'image', 'deployment/vote-deploy', 'vote=kbx-test/web:3', '--record'])).toBe('deployment.apps/vote-deploy image updated\n');
    await waitFor('third rollout', () => rsRows().length === 3 && rolledOut('vote-deploy'), 90_000);

    const rows = rsRows();
    expect(rows.map((r) => r.desired).sort()).toEqual([0, 0, 3]);
    const history = c.ok(['rollout', 'history', 'deploy/vote-deploy']);
    expect(history).toContain('REVISION  CHANGE-CAUSE');
    expect(history).toMatch(/\n1\s+kbx create --filename=\S+vote-deployment\.yaml --record=true\n/);
    expect(history).toMatch(/\n2\s+kbx set image deployment\/vote-deploy vote=kbx-test\/web:2 --record=true\n/);
    expect(history).toMatch(/\n3\s+kbx set image deployment\/vote-deploy vote=kbx-test\/web:3 --record=true\n/);

    const undo = c.kbx(['rollout', 'undo', 'deployment/vote-deploy', '--to-revision=1']);
    expect(undo.stdout).toBe('deployment.apps/vote-deploy rolled back\n');
    await waitFor('rolled back', () => rolledOut('vote-deploy') && rsRows().find((r) => r.name === first[0]!.name)?.ready === 3, 60_000);
    // The first ReplicaSet is reused and becomes revision 4; no new ReplicaSet appears.
    expect(rsRows()).toHaveLength(3);
    const rs = json(['get', 'rs', first[0]!.name]);
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
    expect(c.ok(['rollout', 'history', 'deploy/vote-deploy'])).toMatch(/\n2\s+.*\n3\s+.*\n4\s+kbx create/);
    const d = json(['get', 'deploy', 'vote-deploy']);
    expect(d.spec.template.spec.containers[0].image).toBe('kbx-test/web:1');
    // Every pod now runs the first version.
    const pods = json(['get', 'pods', '-l', 'app=vote']).items;
    expect(pods.filter((p: any) => !p.metadata.deletionTimestamp).every((p: any) => p.spec.containers[0].image === 'kbx-test/web:1')).toBe(true);
    const describe = c.ok(['describe', 'deploy', 'vote-deploy']);
    expect(describe).toMatch(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/);
    expect(describe).toMatch(/StrategyType:\s+RollingUpdate/);
    expect(describe).toMatch(/Normal\s+ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set vote-deploy-\w+ to 1/);
    c.ok(['delete', 'deployment', 'vote-deploy']);
    await waitFor('pods gone', () => c.containers().filter((x) => x.labels['io.kbx.namespace'] === 'default' && x.state === 'running').length === 0, 60_000);
    expect(c.ok(['get', 'rs', '-o', 'name'])).toBe('');
  });
});

describe('strategies and failures', () => {
  it('Recreate never runs both versions at once', async () => {
    const file = writeManifest(c.home, 'recreate.yaml', deployment('recreate', 'kbx-test/web:1', '  strategy:\n    type: Recreate\n', 2));
    c.ok(['apply', '-f', file]);
    await waitFor('v1 up', () => rolledOut('recreate'), 60_000);
    c.ok(['set', 'image', 'deploy/recreate', 'vote=kbx-test/web:2']);
    let overlap = false;
    await waitFor('v2 up', () => {
      const pods = json(['get', 'pods', '-l', 'app=recreate']).items.filter((p: any) => p.status?.phase === 'Running' || p.status?.phase === 'Pending');
      const images = new Set(pods.map((p: any) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
      return rolledOut('recreate') && pods.every((p: any) => p.spec.containers[0].image === 'kbx-test/web:2') && pods.length === 2;
    }, 90_000, 100);
    expect(overlap).toBe(false);
    c.ok(['delete', 'deploy', 'recreate']);
  });

  it('a broken version stalls within maxUnavailable, fails at the progress deadline, and is undone', async () => {
    const file = writeManifest(c.home, 'fragile.yaml', deployment('fragile', 'kbx-test/web:1', '  progressDeadlineSeconds: 8\n', 3));
    c.ok(['apply', '-f', file]);
    await waitFor('v1 up', () => rolledOut('fragile'), 60_000);
    c.ok(['set', 'image', 'deploy/fragile', 'vote=kbx-test/does-not-exist:9']);
    const status = c.kbx(['rollout', 'status', 'deploy/fragile', '--timeout=60s']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('error: deployment "fragile" exceeded its progress deadline');
    // The old version kept serving: 3 replicas, surge 1, unavailable 0 → all 3 old pods stayed.
    const old = rsRows().find((r) => r.ready === 3);
    expect(old).toBeDefined();
    // A paused deployment refuses an undo, as kubectl does.
    c.ok(['rollout', 'pause', 'deploy/fragile']);
    const refused = c.kbx(['rollout', 'undo', 'deploy/fragile']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    c.ok(['rollout', 'resume', 'deploy/fragile']);
    expect(c.ok(['rollout', 'undo', 'deploy/fragile'])).toBe('deployment.apps/fragile rolled back\n');
    await waitFor('undone', () => rolledOut('fragile'), 60_000);
    c.ok(['delete', 'deploy', 'fragile']);
  });
});

describe('self-healing, scaling, pause', () => {
  it('replaces deleted pods and pods whose container was removed behind its back', async () => {
    const file = writeManifest(c.home, 'heal.yaml', deployment('heal', 'kbx-test/web:1', '', 2));
    c.ok(['apply', '-f', file]);
    await waitFor('up', () => rolledOut('heal'), 60_000);
    // exec and logs accept deploy/NAME and pick one of its pods, as kubectl does.
    expect(c.ok(['exec', 'deploy/heal', '--', 'cat', '/www/index.html'])).toMatch(/^web v1 heal-\w+-\w+\n$/);
    expect(c.kbx(['logs', 'deploy/heal']).code).toBe(0);
    const [p1] = json(['get', 'pods', '-l', 'app=heal']).items.map((p: any) => p.metadata.name);
    c.ok(['delete', 'pod', p1, '--wait=false']);
    await waitFor('replaced', () => json(['get', 'pods', '-l', 'app=heal']).items.filter((p: any) => p.metadata.name !== p1 && p.status.phase === 'Running').length === 2, 60_000);
    const victim = c.containers().find((x) => x.labels['io.kbx.pod']?.startsWith('heal-') && x.labels['io.kbx.role'] === 'app' && x.state === 'running')!;
    const { execFileSync } = await import('node:child_process');
    execFileSync('docker', ['rm', '-f', victim.id]);
    await waitFor('container back', () => c.containers().filter((x) => x.labels['io.kbx.pod'] === victim.labels['io.kbx.pod'] && x.labels['io.kbx.role'] === 'app' && x.state === 'running').length === 1, 60_000);
    expect(c.ok(['scale', 'deployment/heal', '--replicas=4'])).toBe('deployment.apps/heal scaled\n');
    await waitFor('scaled to 4', () => c.ok(['get', 'deploy', 'heal', '--no-headers']).includes('4/4'), 60_000);
    c.ok(['scale', 'deploy', 'heal', '--replicas=1']);
    await waitFor('scaled to 1', () => c.ok(['get', 'deploy', 'heal', '--no-headers']).includes('1/1'), 60_000);
  });

  it('pause holds template changes (scaling still works), resume rolls them out', async () => {
    expect(c.ok(['rollout', 'pause', 'deployment/heal'])).toBe('deployment.apps/heal paused\n');
    c.ok(['set', 'image', 'deploy/heal', 'vote=kbx-test/web:2']);
    c.ok(['scale', 'deploy/heal', '--replicas=2']);
    await waitFor('scaled while paused', () => c.ok(['get', 'deploy', 'heal', '--no-headers']).includes('2/2'), 60_000);
    expect(rsRows().filter((r) => r.name.startsWith('heal-'))).toHaveLength(1);
    expect(c.ok(['rollout', 'resume', 'deployment/heal'])).toBe('deployment.apps/heal resumed\n');
    await waitFor('rolled out after resume', () => rolledOut('heal') && rsRows().filter((r) => r.name.startsWith('heal-')).length === 2, 60_000);
    expect(c.ok(['get', 'all']).split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS/);
    c.ok(['delete', 'deploy', 'heal']);
  });
});

describe('rolling update invariants', () => {
  it('6 replicas, 25%/25%: never more than 8 pods counted, never fewer than 5 available', async () => {
    // minReadySeconds makes each step wait, so the rollout is sampled many times.
    const file = writeManifest(c.home, 'six.yaml', deployment('six', 'kbx-test/web:1', '  minReadySeconds: 2\n', 6));
    c.ok(['apply', '-f', file]);
    await waitFor('up', () => rolledOut('six'), 90_000);
    c.ok(['set', 'image', 'deploy/six', 'vote=kbx-test/web:2']);
    const samples: { total: number; available: number }[] = [];
    await waitFor('rolled', () => {
      const rs = json(['get', 'rs', '-l', 'app=six']).items;
      const total = rs.reduce((n: number, r: any) => n + (r.spec.replicas ?? 0), 0);
      const available = rs.reduce((n: number, r: any) => n + (r.status?.availableReplicas ?? 0), 0);
      samples.push({ total, available });
      return rolledOut('six');
    }, 180_000, 100);
    // surge = ceil(25% × 6) = 2 → at most 8; unavailable = floor(25% × 6) = 1 → at least 5.
    expect(Math.max(...samples.map((s) => s.total))).toBeLessThanOrEqual(8);
    expect(Math.min(...samples.map((s) => s.available))).toBeGreaterThanOrEqual(5);
    expect(samples.length).toBeGreaterThan(3);
    c.ok(['delete', 'deploy', 'six']);
  });
});
