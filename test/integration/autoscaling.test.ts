// Seed 004's HPA exercise on the real Docker engine: a deployment with a CPU request, metrics from Docker's
// stats (kbx top and the real kubectl top), `kbx autoscale`, a busybox loop that loads the first pod, the
// scale-up, and — load removed — the scale-down held by the stabilization window (shortened to 30 s through
// the HPA's behavior). Metrics every 3 s and HPA syncs every 3 s keep it short; every wait has a deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

const c = new Cluster('autoscaling');
afterAll(() => c.destroy());

const WINDOW_S = 12;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: load
spec:
  replicas: 1
  selector:
    matchLabels: {app: load}
  template:
    metadata:
      labels: {app: load}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: loop
        image: busybox:latest
        imagePullPolicy: IfNotPresent
        # Burns CPU while /tmp/load exists, idles otherwise.
        command: ["sh", "-c", "trap 'exit 0' TERM; while true; do if [ -f /tmp/load ]; then :; else sleep 1; fi; done"]
        resources:
          requests: {cpu: 100m}
`;

interface HpaJson {
  spec: { behavior?: unknown };
  status: { currentReplicas?: number; desiredReplicas?: number; conditions?: { type: string; status: string; reason: string }[]; currentMetrics?: unknown[] | null };
}
const hpa = (): HpaJson => JSON.parse(c.ok('get hpa load -o json'));
const replicas = (): number => JSON.parse(c.ok('get deployment load -o json')).spec.replicas;
const condition = (h: HpaJson, type: string) => h.status.conditions?.find((x) => x.type === type);
const firstPod = () => c.ok('get pods -l app=load -o name').split('\n').filter(Boolean).sort()[0]!.replace('pod/', '');

beforeAll(() => {
  // The control plane starts with the first command and keeps its environment.
  const first = c.kbx('get ns', { env: { KBX_METRIC_RESOLUTION: '3', KBX_HPA_SYNC_PERIOD: '3' } });
  expect(first.code).toBe(0);
  c.ok(['apply', '-f', writeManifest(c.home, 'load.yaml', DEPLOYMENT)]);
});

describe('resource metrics', () => {
  it('kbx top pod and the real kubectl top pod show the pod; top node shows the node', async () => {
    const top = await waitFor('metrics for the pod', () => {
      const r = c.kbx('top pod');
      return r.code === 0 && /^load-\S+\s+\d+m\s+\d+Mi\s+$/m.test(r.stdout) ? r.stdout : undefined;
    }, 60_000, 500);
    expect(top.split('\n')[0]).toBe('NAME                    CPU(cores)   MEMORY(bytes)   ');
    const k = c.kubectl('top pod --containers');
    expect(k.stderr).toBe('');
    expect(k.stdout).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+\nload-\S+\s+loop\s+\d+m\s+\d+Mi\s+$/m);
    expect(c.ok('top node')).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+\nkbx\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/m);
    const raw = JSON.parse(c.kubectl('get --raw /apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dload').stdout);
    expect(raw.kind).toBe('PodMetricsList');
    expect(raw.items[0].containers[0]).toMatchObject({ name: 'loop', usage: { cpu: expect.stringMatching(/^\d+[nm]?$/), memory: expect.stringMatching(/^\d+(Ki|Mi)?$/) } });
    const missing = c.kbx('top pod nope');
    expect([missing.code, missing.stderr]).toEqual([1, c.kubectl('top pod nope').stderr]);
    expect(missing.stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n');
  });
});

describe('HorizontalPodAutoscaler', () => {
  it('kbx autoscale creates it as kubectl does; get hpa shows the target', async () => {
    const dry = JSON.parse(c.ok('autoscale deployment load --min=1 --max=4 --cpu=50% --dry-run=client -o json'));
    expect(dry.spec).toEqual({
      maxReplicas: 4, minReplicas: 1,
      metrics: [{ resource: { name: 'cpu', target: { averageUtilization: 50, type: 'Utilization' } }, type: 'Resource' }],
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'load' },
    });
    // The test's one liberty: a 30 s scale-down window instead of 300 s, through the HPA's own behavior field.
    dry.spec.behavior = { scaleDown: { stabilizationWindowSeconds: WINDOW_S } };
    expect(c.ok(['create', '-f', writeManifest(c.home, 'hpa.json', JSON.stringify(dry))])).toBe('horizontalpodautoscaler.autoscaling/load created\n');
    const again = c.kbx('autoscale deployment load --max=4 --cpu=50%');
    expect([again.code, again.stderr.trim()]).toEqual([1, 'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "load" already exists']);
    const got = await waitFor('a CPU reading in TARGETS', () => {
      const out = c.ok('get hpa');
      return /^load\s+Deployment\/load\s+cpu: \d+%\/50%\s+1\s+4\s+1\s+\S+$/m.test(out) ? out : undefined;
    }, 60_000, 500);
    expect(got.split('\n')[0]).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/);
    expect(c.kubectl('get hpa').stdout).toMatch(/^load\s+Deployment\/load\s+cpu: \d+%\/50%/m);
    // autoscaling/v1, by conversion, for the clients that still ask for it.
    const v1 = JSON.parse(c.kubectl('get horizontalpodautoscalers.v1.autoscaling load -o json').stdout);
    expect([v1.apiVersion, v1.spec.targetCPUUtilizationPercentage, typeof v1.status.currentCPUUtilizationPercentage]).toEqual(['autoscaling/v1', 50, 'number']);
    expect(condition(hpa(), 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
  });

  it('scales up under load, and the scale-down waits for the stabilization window', async () => {
    c.ok(['exec', firstPod(), '--', 'touch', '/tmp/load']);
    await waitFor('a scale-up', () => replicas() > 1, 90_000, 500);
    const up = c.ok('describe hpa load');
    expect(up).toMatch(/SuccessfulRescale\s+.*New size: \d; reason: cpu resource utilization \(percentage of request\) above target/);
    expect(up).toMatch(/resource cpu on pods\s+\(as a percentage of request\):\s+\d+% \(\d+m\) \/ 50%/);
    expect(up).toContain(`Stabilization Window: ${WINDOW_S} seconds`);
    const peak = replicas();

    // Load off: the recommendations fall at once, the replicas only after the window.
    for (const p of c.ok('get pods -l app=load -o name').split('\n').filter(Boolean)) c.kbx(['exec', p.replace('pod/', ''), '--', 'rm', '-f', '/tmp/load']);
    const off = Date.now();
    const held = await waitFor('the scale-down held by the window', () => {
      const h = hpa();
      const able = condition(h, 'AbleToScale');
      return able?.reason === 'ScaleDownStabilized' ? { h, replicas: replicas() } : undefined;
    }, 60_000, 500);
    expect(held.replicas).toBeGreaterThan(1);
    expect(held.replicas).toBeGreaterThanOrEqual(Math.min(peak, held.replicas));
    await waitFor('the scale-down to minReplicas', () => replicas() === 1, 120_000, 1000);
    const elapsed = (Date.now() - off) / 1000;
    expect(elapsed).toBeGreaterThanOrEqual(WINDOW_S - 5);
    expect(c.ok('describe hpa load')).toMatch(/SuccessfulRescale\s+.*New size: 1; reason: All metrics below target/);
  });
});
