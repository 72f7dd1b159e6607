// Services on the wire (the data plane): names from inside pods in every form, traffic spread over ready
// endpoints only, scaling, NodePort and LoadBalancer from the host, headless and ExternalName, service
// environment variables. Real Docker, real CLI, the seeds' vote exercise.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('traffic');
});
afterAll(() => c?.destroy());

/** The course's debug pod (busybox instead of alpine: wget and nslookup are there offline). */
const debugPod = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
  - name: debug
    image: busybox
    command: ["sleep", "10000"]
`;

const vote = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vote
spec:
  replicas: 3
  selector:
    matchLabels: {app: vote}
  template:
    metadata:
      labels: {app: vote}
    spec:
      containers:
      - name: vote
        image: kbx-test/web:1
        ports:
        - containerPort: 80
          name: http
---
apiVersion: v1
kind: Service
metadata:
  name: vote-service
spec:
  selector:
    app: vote
  type: ClusterIP
  ports:
  - port: 80
    targetPort: http
---
${debugPod}`;

/** Runs a shell script in a pod and returns its stdout. */
function sh(pod: string, script: string, ns = 'default'): string {
  return c.ok(['exec', '-n', ns, pod, '--', 'sh', '-c', script]);
}

/** Fetches a URL n times from inside a pod; the answering pod names, in order. */
function fetchFrom(pod: string, url: string, n: number, ns = 'default'): string[] {
  const out = sh(pod, `i=0; while [ $i -lt ${n} ]; do wget -q -O- ${url} || echo FAILED; i=$((i+1)); done`, ns);
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).pop()!);
}

function hostGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

function readyPods(): string[] {
  return c
    .ok('get pods -l app=vote --no-headers')
    .trim()
    .split('\n')
    .filter((l) => /\s1\/1\s+Running/.test(l))
    .map((l) => l.split(/\s+/)[0]!);
}

describe('service traffic', () => {
  it('the seeds exercise: a ClusterIP service reached by name in every form, spread over the 3 replicas', async () => {
    // The control plane starts here; it reaches the data plane through its published port, as on Docker
    // Desktop where the host cannot route to the cluster network (the NodePort test below goes that way).
    const r = c.kbx(['apply', '-f', writeManifest(c.home, 'vote.yaml', vote)], { env: { KBX_TUNNEL_PUBLISHED: '1' } });
    expect(r.code, r.stderr).toBe(0);
    await waitFor('3 vote pods and the debug pod ready', () => readyPods().length === 3 && /1\/1\s+Running/.test(c.ok('get pod debug --no-headers')), 90_000);
    await waitFor('3 endpoints', () => (c.ok(['get', 'ep', 'vote-service', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).trim().split(/\s+/).length === 3));
    const pods = readyPods();
    for (const name of ['vote-service', 'vote-service.default', 'vote-service.default.svc', 'vote-service.default.svc.cluster.local']) {
      const got = fetchFrom('debug', `http://${name}`, 1);
      expect(pods, `http://${name} answered ${got}`).toContain(got[0]);
    }
    const ip = c.ok(['get', 'svc', 'vote-service', '-o', 'jsonpath={.spec.clusterIP}']).trim();
    expect(pods).toContain(fetchFrom('debug', `http://${ip}`, 1)[0]);
    const answers = fetchFrom('debug', 'http://vote-service', 60);
    expect(answers).toHaveLength(60);
    expect(answers.filter((a) => a === 'FAILED')).toEqual([]);
    expect(new Set(answers)).toEqual(new Set(pods));
    for (const p of pods) expect(answers.filter((a) => a === p).length, p).toBeGreaterThanOrEqual(10);
  });

  it('gives containers the service environment variables of their namespace', () => {
    const ip = c.ok(['get', 'svc', 'vote-service', '-o', 'jsonpath={.spec.clusterIP}']).trim();
    const env = sh('debug', 'env | grep ^VOTE_SERVICE | sort');
    expect(env).toContain(`VOTE_SERVICE_SERVICE_HOST=${ip}\n`);
    expect(env).toContain('VOTE_SERVICE_SERVICE_PORT=80\n');
    expect(env).toContain(`VOTE_SERVICE_PORT=tcp://${ip}:80\n`);
    expect(env).toContain(`VOTE_SERVICE_PORT_80_TCP_ADDR=${ip}\n`);
  });

  it('sends nothing to an unready pod, and traffic to a pod added by scaling once it is ready', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'unready.yaml', `apiVersion: v1
kind: Pod
metadata:
  name: unready
  labels: {app: vote}
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    ports:
    - containerPort: 80
      name: http
    readinessProbe:
      httpGet: {path: /never-there, port: 80}
      periodSeconds: 1
`)]);
    await waitFor('the unready pod listed as not ready', () =>
      c.ok(['get', 'ep', 'vote-service', '-o', 'jsonpath={.subsets[*].notReadyAddresses[*].targetRef.name}']).includes('unready'),
    );
    const answers = fetchFrom('debug', 'http://vote-service', 30);
    expect(answers).not.toContain('unready');
    expect(answers.filter((a) => a === 'FAILED')).toEqual([]);
    c.ok('delete pod unready --now');

    const before = new Set(readyPods());
    c.ok('scale deployment vote --replicas=4');
    await waitFor('4 ready pods', () => readyPods().length === 4, 60_000);
    const added = readyPods().find((p) => !before.has(p))!;
    await waitFor(`traffic reaching ${added}`, () => fetchFrom('debug', 'http://vote-service', 12).includes(added), 20_000);
    c.ok('scale deployment vote --replicas=3');
  });

  it('reaches a NodePort and a LoadBalancer from the host', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'np.yaml', `apiVersion: v1
kind: Service
metadata:
  name: vote-np
spec:
  selector: {app: vote}
  type: NodePort
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: vote-lb
spec:
  selector: {app: vote}
  type: LoadBalancer
  ports:
  - port: 18573
    targetPort: 80
`)]);
    const nodePort = Number(c.ok(['get', 'svc', 'vote-np', '-o', 'jsonpath={.spec.ports[0].nodePort}']));
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    const seen = new Set<string>();
    await waitFor('the NodePort answering from every replica', async () => {
      seen.add((await hostGet(nodePort)).trim().split(/\s+/).pop()!);
      return seen.size === 3;
    }, 20_000);
    const row = c.ok('get svc vote-lb --no-headers').trim().split(/\s+/);
    expect(row[3]).toBe('127.0.0.1');
    await waitFor('the LoadBalancer answering on 127.0.0.1:18573', async () => /^web v1 vote-/.test(await hostGet(18573)));
    c.ok('delete svc vote-np vote-lb');
    await waitFor('the NodePort released', async () => {
      try {
        await hostGet(nodePort);
        return false;
      } catch {
        return true;
      }
    });
  });

  it('resolves a headless service to the ready pods and an ExternalName to its target', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'dns.yaml', `apiVersion: v1
kind: Service
metadata:
  name: vote-headless
spec:
  clusterIP: None
  selector: {app: vote}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: vote-alias
spec:
  type: ExternalName
  externalName: vote-service.default.svc.cluster.local
`)]);
    const podIPs = c.ok(['get', 'ep', 'vote-service', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).trim().split(/\s+/).sort();
    expect(podIPs).toHaveLength(3);
    await waitFor('the headless name resolving to the pods', () => {
      const out = sh('debug', 'nslookup vote-headless.default.svc.cluster.local 2>&1 || true');
      const ips = [...out.matchAll(/Address: (\d+\.\d+\.\d+\.\d+)/g)].map((m) => m[1]!).filter((ip) => !ip.startsWith('127.')).sort();
      return JSON.stringify(ips) === JSON.stringify(podIPs);
    });
    expect(readyPods()).toContain(fetchFrom('debug', 'http://vote-headless', 1)[0]);
    const out = sh('debug', 'nslookup vote-alias 2>&1 || true');
    expect(out).toContain('canonical name = vote-service.default.svc.cluster.local');
    expect(readyPods()).toContain(fetchFrom('debug', 'http://vote-alias', 1)[0]);
  });

  it('short names stay in the pod namespace; qualified names cross namespaces', async () => {
    c.ok('create namespace other');
    c.ok(['apply', '-n', 'other', '-f', writeManifest(c.home, 'debug2.yaml', debugPod)]);
    await waitFor('the other debug pod running', () => /1\/1\s+Running/.test(c.ok('get pod debug -n other --no-headers')), 60_000);
    expect(readyPods()).toContain(fetchFrom('debug', 'http://vote-service.default', 1, 'other')[0]);
    expect(fetchFrom('debug', 'http://vote-service', 1, 'other')).toEqual(['FAILED']);
    expect(sh('debug', 'env | grep -c ^VOTE_SERVICE || true', 'other').trim()).toBe('0');
  });
});
