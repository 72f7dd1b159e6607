// Faults made behind kbx's back on real Docker, healed as a kubelet would: a paused container (probes time out,
// readiness takes it out of the endpoints, liveness restarts it), a sandbox disconnected from the cluster network
// (re-created with its pod, never two pods on one IP), the data plane killed (it comes back and says so in
// `kbx get events`); dangerous specs announced with a Warning; `cluster reset` with an endpoint still on the
// cluster network. One cluster for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Cluster, waitFor, writeManifest } from './harness.js';

const docker = (args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: busybox:latest
        command: ['sh', '-c', 'echo ok > /tmp/index.html && exec httpd -f -p 8080 -h /tmp']
        readinessProbe: { httpGet: { path: /index.html, port: 8080 }, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 1 }
        livenessProbe: { httpGet: { path: /index.html, port: 8080 }, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 4 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

interface PodView {
  name: string;
  ip: string;
  ready: boolean;
  restarts: number;
}

let c: Cluster;

function pods(): PodView[] {
  const list = JSON.parse(c.ok(['get', 'pods', '-l', 'app=web', '-o', 'json'])).items as any[];
  return list
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => ({
      name: p.metadata.name,
      ip: p.status?.podIP ?? '',
      ready: (p.status?.conditions ?? []).some((x: any) => x.type === 'Ready' && x.status === 'True'),
      restarts: (p.status?.containerStatuses ?? []).reduce((n: number, s: any) => n + (s.restartCount ?? 0), 0),
    }));
}

function endpointIPs(): string[] {
  const ep = JSON.parse(c.ok(['get', 'endpoints', 'web', '-o', 'json']));
  return (ep.subsets ?? []).flatMap((s: any) => (s.addresses ?? []).map((a: any) => a.ip)).sort();
}

/** The Docker container of a pod (its app container, or with `infra` its sandbox). */
function containerOf(pod: string, infra = false): string {
  const found = c.containers().filter((x) => x.labels['io.kbx.pod'] === pod && x.state === 'running' && (infra ? x.labels['io.kbx.role'] === 'infra' : x.labels['io.kbx.container'] === 'web'));
  if (!found.length) throw new Error(`no running container for ${pod}`);
  return found[0]!.id;
}

async function allReady(): Promise<PodView[]> {
  return waitFor('two Ready web pods with distinct IPs in the endpoints', () => {
    const p = pods();
    const ips = p.map((x) => x.ip);
    if (p.length !== 2 || !p.every((x) => x.ready && x.ip) || new Set(ips).size !== 2) return undefined;
    return endpointIPs().join() === [...ips].sort().join() ? p : undefined;
  }, 60_000, 250);
}

beforeAll(async () => {
  c = new Cluster('faults');
  c.ok(['apply', '-f', writeManifest(c.home, 'web.yaml', WEB)]);
  await allReady();
});

afterAll(() => {
  try {
    for (const id of c.containers().filter((x) => x.state === 'paused').map((x) => x.id)) docker(['unpause', id]);
  } catch {
    /* already gone */
  }
  c.destroy();
});

describe('faults behind kbx’s back', () => {
  it('a paused container: out of the endpoints, restarted by liveness, back within 15 s', async () => {
    const [victim] = await allReady();
    const id = containerOf(victim!.name);
    docker(['pause', id]);
    const t0 = Date.now();
    await waitFor('the paused pod out of the endpoints', () => !endpointIPs().includes(victim!.ip), 15_000, 100);
    const out = Date.now() - t0;
    await waitFor('the paused pod restarted and Ready', () => pods().find((p) => p.name === victim!.name && p.restarts >= 1 && p.ready), 15_000, 250);
    console.log(`paused container: out of endpoints after ${out} ms, restarted and Ready after ${Date.now() - t0} ms`);
    expect(c.ok(['get', 'events', '--field-selector', `involvedObject.name=${victim!.name}`])).toMatch(/Liveness probe failed/);
    await allReady();
  });

  it('a sandbox disconnected from the cluster network: re-created with its pod, two pods never share an IP', async () => {
    const [victim, other] = await allReady();
    const net = `kbx-${c.clusterId()}`;
    docker(['network', 'disconnect', '-f', net, containerOf(victim!.name, true)]);
    const t0 = Date.now();
    await waitFor('the disconnected pod re-created and Ready', () => {
      const p = pods();
      const ips = p.map((x) => x.ip).filter(Boolean);
      expect(new Set(ips).size, `two pods report one IP: ${JSON.stringify(p)}`).toBe(ips.length);
      return p.find((x) => x.name === victim!.name && x.ready && x.restarts > victim!.restarts);
    }, 15_000, 250);
    console.log(`disconnected sandbox: pod Ready again after ${Date.now() - t0} ms`);
    expect(c.ok(['get', 'events', '--field-selector', `involvedObject.name=${victim!.name}`])).toMatch(/SandboxChanged/);
    const after = await allReady();
    expect(after.find((p) => p.name === other!.name)?.ip).toBe(other!.ip);
  });

  it('the data plane killed: brought back, and kbx get events says so', async () => {
    const dp = c.containers([], true).find((x) => x.name.endsWith('_dataplane'));
    expect(dp).toBeDefined();
    docker(['kill', dp!.id]);
    const t0 = Date.now();
    await waitFor('a data-plane event', () => /DataPlane(Restarted|Recreated)/.test(c.ok(['get', 'events', '-A'])), 15_000, 500);
    console.log(`data plane kill: event after ${Date.now() - t0} ms`);
    await waitFor('the data plane running', () => c.containers([], true).some((x) => x.name.endsWith('_dataplane') && x.state === 'running'), 15_000, 250);
  });

  it('dangerous specs: the API answers with a Warning kubectl prints', () => {
    const r = c.kbx(['apply', '-f', '-'], {
      input: `apiVersion: v1\nkind: Pod\nmetadata: { name: sock }\nspec:\n  containers:\n  - { name: c, image: busybox:latest, command: ['sleep', '1'], securityContext: { privileged: true } }\n  volumes:\n  - { name: docker, hostPath: { path: /var/run/docker.sock } }\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Warning: spec.volumes[docker].hostPath.path: "/var/run/docker.sock" exposes the host\'s Docker socket');
    expect(r.stderr).toContain('Warning: containers[c].securityContext.privileged: the container runs privileged');
    c.ok(['delete', 'pod', 'sock', '--wait=false']);
  });

  it('wrongly typed bodies are the API server’s 400, never stored', () => {
    const r = c.kbx(['create', '-f', '-', '--validate=false'], { input: `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"typed"},"spec":{"replicas":true}}` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(c.kbx(['get', 'deploy', 'typed']).code).toBe(1);
  });

  it('cluster reset with a foreign endpoint still on the cluster network removes the network', () => {
    const net = `kbx-${c.clusterId()}`;
    const stray = docker(['run', '-d', '--label', 'kbx-test=faults', '--network', net, 'busybox:latest', 'sleep', '60']);
    try {
      const r = c.kbx(['cluster', 'reset'], { timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(docker(['network', 'ls', '-q', '--filter', `name=^${net}$`])).toBe('');
    } finally {
      docker(['rm', '-f', stray]);
    }
  });
});
