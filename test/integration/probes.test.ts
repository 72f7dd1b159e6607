// Container probes on real Docker through the real kbx binary. Every test has its own cluster (its own control plane,
// so its own choice of probe path), and probes run every second with small thresholds to keep the file short.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cluster, ROOT, podRow, waitFor, writeManifest } from './harness.js';

/** Runs `fn` with a fresh cluster (its control plane starts at the first apply) and always destroys it. */
async function withCluster(name: string, fn: (c: Cluster) => Promise<void>): Promise<void> {
  const c = new Cluster(`probes-${name}`);
  try {
    await fn(c);
  } finally {
    c.destroy();
  }
}

const row = (c: Cluster, name: string) => podRow(c.kbx(['get', 'pods']).stdout, name);
const restarts = (c: Cluster, name: string) => Number((row(c, name)?.restarts ?? '0').split(' ')[0]);
const describePod = (c: Cluster, name: string) => c.ok(['describe', 'pod', name]);

/** `kbx apply`; the first one starts the cluster's control plane, with `env` (e.g. KBX_PROBE_NETWORK). */
function apply(c: Cluster, file: string, text: string, env: Record<string, string> = {}): void {
  const path = writeManifest(c.home, file, text);
  const r = c.kbx(['apply', '-f', path], { env });
  if (r.code !== 0) throw new Error(`apply ${file}: ${r.stderr}`);
}

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' });
}

/** The Docker container of a pod's container (the newest attempt). */
function containerOf(c: Cluster, pod: string, container: string) {
  return c
    .containers()
    .filter((x) => x.labels['io.kbx.pod'] === pod && x.labels['io.kbx.container'] === container)
    .sort((a, b) => Number(b.labels['io.kbx.restart-count']) - Number(a.labels['io.kbx.restart-count']))[0];
}

describe('probes', () => {
  it("the course's Pod with all three probes (samples/probes/my-app.yaml): READY 0/1 until /ready answers, then 1/1; describe as kubectl", async () => {
    await withCluster('my-app', async (c) => {
      const r = c.kbx(['apply', '-f', path.join(ROOT, 'samples', 'probes', 'my-app.yaml')]);
      expect(r.stdout).toBe('pod/my-app created\n');
      await waitFor('Running', () => row(c, 'my-app')?.status === 'Running', 30_000);
      expect(row(c, 'my-app')?.ready).toBe('0/1'); // readiness starts as failing (initialDelaySeconds 5)
      await waitFor('ready', () => row(c, 'my-app')?.ready === '1/1', 40_000);
      const d = describePod(c, 'my-app');
      expect(d).toContain('    Liveness:       http-get http://:8080/healthz delay=30s timeout=1s period=10s #success=1 #failure=3\n');
      expect(d).toContain('    Readiness:      http-get http://:8080/ready delay=5s timeout=1s period=5s #success=1 #failure=3\n');
      expect(d).toContain('    Startup:        http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=30\n');
      expect(d).toMatch(/Ready\s+True/);
      expect(restarts(c, 'my-app')).toBe(0);
    });
  });

  it('liveness (exec, the course\'s cat /tmp/healthy): the container removes the file → killed and restarted, RESTARTS "N (Xs ago)"', async () => {
    await withCluster('liveness', async (c) => {
      // docker events replays from here (a second early), however late its stream connects on a busy engine.
      const since = String(Math.floor(Date.now() / 1000) - 1);
      apply(
        c,
        'liveness.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; touch /tmp/healthy; sleep 3; rm -f /tmp/healthy; sleep 600 & wait"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      periodSeconds: 1
      failureThreshold: 2
`,
      );
      // docker events with nanosecond times, to measure how soon the restart follows the last failed probe.
      const events = spawn('docker', ['events', '--since', since, '--filter', `label=io.kbx.cluster=${c.clusterId()}`, '--format', '{{json .}}']);
      let log = '';
      events.stdout.on('data', (d) => (log += d));
      try {
        await waitFor('Running', () => row(c, 'liveness-exec')?.status === 'Running', 30_000);
        expect(restarts(c, 'liveness-exec')).toBe(0);
        await waitFor('a restart', () => restarts(c, 'liveness-exec') >= 1, 30_000);
        await waitFor('RESTARTS shows the age', () => /^\d+ \(\d+s ago\)$/.test(row(c, 'liveness-exec')?.restarts ?? ''), 10_000);
        const d = describePod(c, 'liveness-exec');
        expect(d).toMatch(/Liveness:\s+exec \[cat \/tmp\/healthy\] delay=0s timeout=1s period=1s #success=1 #failure=2/);
        expect(d).toMatch(/Warning\s+Unhealthy\s+.*spec\.containers\{liveness\}: Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/);
        expect(d).toMatch(/Normal\s+Killing\s+.*spec\.containers\{liveness\}: Container liveness failed liveness probe, will be restarted/);
        expect(d).toMatch(/Last State:\s+Terminated/);
        // The restarted container starts its probes over: it is healthy again (file recreated) and Running.
        await waitFor('running again', () => row(c, 'liveness-exec')?.status === 'Running', 20_000);
      } finally {
        events.kill();
      }
      // Threshold reached = the failing probe exec's end; restart = the new container's start.
      const evs = log
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      const firstStart = evs.find((e) => e.status === 'start' && e.Actor?.Attributes?.['io.kbx.container'] === 'liveness');
      const kill = evs.find((e) => e.status === 'kill' && e.Actor?.Attributes?.['io.kbx.container'] === 'liveness');
      const probeEnd = [...evs].reverse().find((e) => String(e.status).startsWith('exec_die') && e.timeNano < (kill?.timeNano ?? 0) && e.id === kill?.id);
      const restart = evs.find((e) => e.status === 'start' && e.Actor?.Attributes?.['io.kbx.container'] === 'liveness' && e !== firstStart && e.timeNano > (kill?.timeNano ?? 0));
      // The kill and the restart are asserted above as a user sees them (RESTARTS, Killing, Last State); docker's
      // event stream may lag behind them on a busy engine, so it only gives the measurement.
      // How soon the restart follows the failing probe is a measurement (npm run bench:probes), not an assertion.
      const ms = (t: number) => Math.round(t / 1e6);
      if (kill && probeEnd && restart) console.log(`probes: failure threshold → kill signal ${ms(kill.timeNano - probeEnd.timeNano)} ms, → restarted ${ms(restart.timeNano - probeEnd.timeNano)} ms`);
    });
  });

  it('readiness (httpGet) on a path that appears after a few seconds: READY 0/1, then 1/1', async () => {
    await withCluster('readiness', async (c) => {
      apply(
        c,
        'ready.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    command: ["sh", "-c", "echo ok > /www/healthz; (sleep 4; echo ready > /www/ready) & trap 'exit 0' TERM; httpd -f -v -p 80 -h /www & wait"]
    ports:
    - name: http
      containerPort: 80
    readinessProbe:
      httpGet:
        path: /ready
        port: http
      periodSeconds: 1
`,
      );
      await waitFor('Running', () => row(c, 'web')?.status === 'Running', 30_000);
      expect(row(c, 'web')!.ready).toBe('0/1');
      const notReady = JSON.parse(c.ok(['get', 'pod', 'web', '-o', 'json']));
      expect(notReady.status.containerStatuses[0].ready).toBe(false);
      expect(notReady.status.conditions.find((x: any) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
      expect(describePod(c, 'web')).toMatch(/Warning\s+Unhealthy\s+.*Readiness probe failed: HTTP probe failed with statuscode: 404/);
      await waitFor('1/1', () => row(c, 'web')?.ready === '1/1', 20_000);
      const ready = JSON.parse(c.ok(['get', 'pod', 'web', '-o', 'json']));
      expect(ready.status.conditions.find((x: any) => x.type === 'ContainersReady').status).toBe('True');
      expect(restarts(c, 'web')).toBe(0);
      // The probe's requests reached the application (httpd -v logs them), with no tool of the image involved.
      expect(c.ok(['logs', 'web'])).toMatch(/response:200/);
    });
  });

  it('a startup probe holds liveness off until the slow start is over', async () => {
    await withCluster('startup', async (c) => {
      apply(
        c,
        'startup.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: app
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 4; touch /tmp/started; sleep 600 & wait"]
    startupProbe:
      exec:
        command: ["test", "-f", "/tmp/started"]
      periodSeconds: 1
      failureThreshold: 15
    livenessProbe:
      exec:
        command: ["test", "-f", "/tmp/started"]
      periodSeconds: 1
      failureThreshold: 1
`,
      );
      await waitFor('Running', () => row(c, 'slow-start')?.status === 'Running', 30_000);
      const early = JSON.parse(c.ok(['get', 'pod', 'slow-start', '-o', 'json']));
      expect(early.status.containerStatuses[0].started).toBe(false);
      expect(early.status.containerStatuses[0].ready).toBe(false);
      await waitFor('started and ready', () => row(c, 'slow-start')?.ready === '1/1', 20_000);
      const later = JSON.parse(c.ok(['get', 'pod', 'slow-start', '-o', 'json']));
      expect(later.status.containerStatuses[0].started).toBe(true);
      const d = describePod(c, 'slow-start');
      expect(d).toMatch(/Warning\s+Unhealthy\s+.*Startup probe failed:/);
      // Liveness (threshold 1) would have killed it at its first failure: it never ran before the start.
      expect(d).not.toMatch(/Liveness probe failed/);
      expect(d).not.toMatch(/Killing/);
      expect(restarts(c, 'slow-start')).toBe(0);
    });
  });

  it('exec readiness: ready when the command succeeds, unready again when it fails (never restarted)', async () => {
    await withCluster('exec', async (c) => {
      apply(
        c,
        'exec.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: gate
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: gate
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
    readinessProbe:
      exec:
        command: ["sh", "-c", "test -f /tmp/ready || { echo not ready yet; exit 1; }"]
      periodSeconds: 1
      failureThreshold: 1
`,
      );
      await waitFor('Running 0/1', () => row(c, 'gate')?.status === 'Running' && row(c, 'gate')?.ready === '0/1', 30_000);
      await waitFor('probe output in the event', () => /Readiness probe failed: not ready yet/.test(describePod(c, 'gate')), 10_000);
      c.ok(['exec', 'gate', '--', 'touch', '/tmp/ready']);
      await waitFor('1/1', () => row(c, 'gate')?.ready === '1/1', 10_000);
      c.ok(['exec', 'gate', '--', 'rm', '/tmp/ready']);
      await waitFor('0/1 again', () => row(c, 'gate')?.ready === '0/1', 10_000);
      expect(restarts(c, 'gate')).toBe(0);
    });
  });

  it('tcpSocket: an open port is ready; a closed one fails liveness with the dial error and restarts', async () => {
    await withCluster('tcp', async (c) => {
      apply(
        c,
        'tcp.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: tcp
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    ports:
    - containerPort: 80
    readinessProbe:
      tcpSocket:
        port: 80
      periodSeconds: 1
    livenessProbe:
      tcpSocket:
        port: 81
      initialDelaySeconds: 2
      periodSeconds: 1
      failureThreshold: 2
`,
      );
      await waitFor('ready', () => row(c, 'tcp')?.ready === '1/1', 30_000);
      await waitFor('restarted', () => restarts(c, 'tcp') >= 1, 30_000);
      const ip = JSON.parse(c.ok(['get', 'pod', 'tcp', '-o', 'json'])).status.podIP;
      const d = describePod(c, 'tcp');
      expect(d).toMatch(/Readiness:\s+tcp-socket :80 delay=0s timeout=1s period=1s #success=1 #failure=3/);
      expect(d).toContain(`Liveness probe failed: dial tcp ${ip}:81: connect: connection refused`);
      expect(d).toMatch(/Killing\s+.*Container web failed liveness probe, will be restarted/);
    });
  });

  for (const network of ['direct', 'sandbox'] as const) {
    it(`http probes need nothing in the application's image: no exec into it (${network} path)`, async () => {
      const env = { KBX_PROBE_NETWORK: network };
      await withCluster(`no-exec-${network}`, async (c) => {
        apply(
          c,
          'plain.yaml',
          `apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 1
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 1
`,
          env,
        );
        await waitFor('ready', () => row(c, 'plain')?.ready === '1/1', 30_000);
        // Several seconds of probes, seen by the application…
        await waitFor('probes logged', () => (c.ok(['logs', 'plain']).match(/response:200/g) ?? []).length >= 6, 15_000);
        // …and yet Docker never exec'd into the application container.
        const app = containerOf(c, 'plain', 'web')!;
        expect(JSON.parse(docker(['inspect', '-f', '{{json .ExecIDs}}', app.id]))).toBeNull();
        const infra = containerOf(c, 'plain', 'POD')!;
        const infraExecs = JSON.parse(docker(['inspect', '-f', '{{json .ExecIDs}}', infra.id])) as string[] | null;
        const logs = c.ok(['logs', 'plain']);
        if (network === 'direct') {
          // Straight from the host: no exec anywhere, and the requests come from outside the pod.
          expect(infraExecs).toBeNull();
          expect(logs).not.toMatch(/127\.0\.0\.1\]?:\d+: response/);
        } else {
          // From the sandbox: one long-lived shell session in the infra container, dialling 127.0.0.1.
          expect(infraExecs).toHaveLength(1);
          expect(logs).toMatch(/127\.0\.0\.1\]?:\d+: response:200/);
          expect(docker(['top', infra.id])).toMatch(/\bsh\b/);
        }
      });
    });
  }

  it('a rolling update waits for readiness: old pods stay until new ones are ready', async () => {
    await withCluster('rollout', async (c) => {
      const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: ${image}
        command: ["sh", "-c", "echo ok > /www/healthz; (sleep 3; echo ready > /www/ready) & trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
        readinessProbe:
          httpGet:
            path: /ready
            port: 80
          periodSeconds: 1
`;
      apply(c, 'deploy.yaml', deployment('kbx-test/web:1'));
      await waitFor('first rollout', () => c.kbx(['rollout', 'status', 'deployment/web', '--watch=false']).stdout.includes('successfully rolled out'), 60_000);
      const started = Date.now();
      apply(c, 'deploy.yaml', deployment('kbx-test/web:2'));
      // Sample the pods through the rollout: never fewer than 2 ready; an old pod goes only once a new one is ready.
      let minReady = Infinity;
      let sawNewUnready = false;
      const sample = () => {
        const pods = JSON.parse(c.ok(['get', 'pods', '-o', 'json'])).items as any[];
        const live = pods.filter((p) => !p.metadata.deletionTimestamp);
        const isReady = (p: any) => p.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True');
        const ready = live.filter(isReady).length;
        minReady = Math.min(minReady, ready);
        if (live.some((p) => p.spec.containers[0].image === 'kbx-test/web:2' && !isReady(p))) sawNewUnready = true;
        return live.length === 2 && live.every((p) => p.spec.containers[0].image === 'kbx-test/web:2' && isReady(p));
      };
      await waitFor('rolled out to web:2', sample, 60_000, 100);
      expect(minReady).toBeGreaterThanOrEqual(2);
      expect(sawNewUnready).toBe(true); // the new pods were seen unready, and the rollout waited for them
      // Each new pod needs ~3 s to become ready, one at a time.
      expect(Date.now() - started).toBeGreaterThan(5000);
      expect(c.kbx(['rollout', 'status', 'deployment/web', '--watch=false']).stdout).toContain('successfully rolled out');
    });
  });

  it('a new version that never becomes ready stalls the rollout; the old pods stay and keep the Service endpoints', async () => {
    await withCluster('stall', async (c) => {
      const deployment = (image: string, path: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: ${image}
        readinessProbe:
          httpGet:
            path: ${path}
            port: 80
          periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;
      apply(c, 'deploy.yaml', deployment('kbx-test/web:1', '/healthz'));
      await waitFor('first rollout', () => c.kbx(['rollout', 'status', 'deployment/web', '--watch=false']).stdout.includes('successfully rolled out'), 60_000);
      const pods = () => (JSON.parse(c.ok(['get', 'pods', '-o', 'json'])).items as any[]).filter((p) => !p.metadata.deletionTimestamp);
      const oldIPs = pods().map((p) => p.status.podIP).sort();
      expect(oldIPs).toHaveLength(2);
      // web:2 never answers 200 on /never: its pods run but never become ready.
      apply(c, 'deploy.yaml', deployment('kbx-test/web:2', '/never'));
      await waitFor('a new pod running, unready', () => pods().some((p) => p.spec.containers[0].image === 'kbx-test/web:2' && p.status?.phase === 'Running'), 30_000);
      await waitFor('its failed readiness probes', () => /Readiness probe failed: HTTP probe failed with statuscode: 404/.test(c.ok(['describe', 'pods'])), 15_000);
      // Several more probe periods: nothing moves.
      const r = c.kbx(['rollout', 'status', 'deployment/web', '--timeout=4s']);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toContain('Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...');
      const now = pods();
      const old = now.filter((p) => p.spec.containers[0].image === 'kbx-test/web:1');
      const fresh = now.filter((p) => p.spec.containers[0].image === 'kbx-test/web:2');
      expect(old.map((p) => p.status.podIP).sort()).toEqual(oldIPs); // the old pods are untouched
      expect(old.every((p) => p.status.conditions.some((x: any) => x.type === 'Ready' && x.status === 'True'))).toBe(true);
      expect(fresh).toHaveLength(1);
      expect(podRow(c.ok(['get', 'pods']), fresh[0].metadata.name)).toMatchObject({ ready: '0/1', status: 'Running' });
      // The Service keeps sending traffic to the old pods only.
      const ep = JSON.parse(c.ok(['get', 'endpoints', 'web', '-o', 'json']));
      expect(ep.subsets[0].addresses.map((a: any) => a.ip).sort()).toEqual(oldIPs);
      expect(ep.subsets[0].notReadyAddresses.map((a: any) => a.ip)).toEqual([fresh[0].status.podIP]);
      expect(c.ok(['get', 'deployment', 'web'])).toMatch(/web\s+2\/2\s+1\s+2\s/);
    });
  });

  it('probes an image that has no shell and no network tool at all (sandbox path, as on Docker Desktop)', async () => {
    // An image of one file: busybox as /httpd, so there is no sh, nc, wget or cat to run inside it.
    const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-noshell-'));
    try {
      fs.mkdirSync(path.join(ctx, 'www'));
      fs.writeFileSync(path.join(ctx, 'www', 'healthz'), 'ok\n');
      fs.writeFileSync(
        path.join(ctx, 'Dockerfile'),
        'FROM busybox:latest AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /httpd\nCOPY www /www\nENTRYPOINT ["/httpd", "-f", "-v", "-p", "8080", "-h", "/www"]\n',
      );
      execFileSync('docker', ['build', '-q', '-t', 'kbx-test/noshell:1', '--label', 'io.kbx.test=true', ctx], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      fs.rmSync(ctx, { recursive: true, force: true });
    }
    await withCluster('noshell', async (c) => {
      apply(
        c,
        'noshell.yaml',
        `apiVersion: v1
kind: Pod
metadata:
  name: noshell
spec:
  containers:
  - name: app
    image: kbx-test/noshell:1
    imagePullPolicy: Never
    ports:
    - name: http
      containerPort: 8080
    startupProbe:
      tcpSocket:
        port: http
      periodSeconds: 1
    readinessProbe:
      httpGet:
        path: /healthz
        port: http
      periodSeconds: 1
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      periodSeconds: 1
      failureThreshold: 1
`,
        { KBX_PROBE_NETWORK: 'sandbox' },
      );
      await waitFor('ready', () => row(c, 'noshell')?.ready === '1/1', 30_000);
      await waitFor('probes answered', () => (c.ok(['logs', 'noshell']).match(/response:200/g) ?? []).length >= 4, 15_000);
      expect(restarts(c, 'noshell')).toBe(0);
      // No probe ever ran anything in the application container — and there is nothing to run there.
      const app = containerOf(c, 'noshell', 'app')!;
      expect(JSON.parse(docker(['inspect', '-f', '{{json .ExecIDs}}', app.id]))).toBeNull();
      expect(c.kbx(['exec', 'noshell', '--', 'sh', '-c', 'true']).code).not.toBe(0);
      expect(describePod(c, 'noshell')).not.toMatch(/Unhealthy/);
    });
  });
});
