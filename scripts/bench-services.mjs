#!/usr/bin/env node
// node scripts/bench-services.mjs [--quick]: what a Service costs on the wire. Requests per second and p99
// latency (a new connection per request) through a ClusterIP service vs straight to a pod, from a pod on the
// cluster network; from the host through a NodePort and through `kbx port-forward` vs straight to the pod IP;
// and the time from a pod becoming ready to it receiving service traffic. Cleans up everything it made.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const QUICK = process.argv.includes('--quick');
const N = QUICK ? 300 : 2000;
const CONC = 8;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-bench-svc-'));
const env = { ...process.env, KBX_HOME: home, NO_COLOR: '1', KBX_INGRESS_HTTP_PORT: '0', KBX_INGRESS_HTTPS_PORT: '0' };
const kbx = (args) => {
  const r = spawnSync(process.execPath, [KBX, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kbx ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const docker = (args) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, fn, ms = 90_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: kbx-test/web:1
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

const rows = [];
let loadImage;
let clusterId;
let gateway;
const LOADGEN = 'kbx-bench-loadgen';
const cleanup = [];

function inCluster(args) {
  // The data plane's image has Node; the load generator runs from it on the cluster network, routed like a pod.
  return docker([
    'run', '--rm', '--label', 'kbx-bench-services=1', '--network', `kbx-${clusterId}`, '--cap-add', 'NET_ADMIN',
    '--dns', '10.96.0.10', '--dns-search', 'default.svc.cluster.local', '--dns-opt', 'ndots:5',
    '-v', `${path.join(ROOT, 'scripts', 'bench')}:/bench:ro`, '--entrypoint', '/bin/busybox', loadImage,
    'sh', '-c', `ip route add 10.96.0.0/16 via ${gateway}; exec /bin/node /bench/load.mjs ${args.join(' ')}`,
  ]);
}

function fromHost(args) {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'load.mjs'), ...args], { encoding: 'utf8' }).trim();
}

function add(scenario, json, base) {
  const r = JSON.parse(json.split('\n').pop());
  rows.push({ scenario, rps: r.rps, p99: r.p99, errors: r.errors, base });
  return r;
}

try {
  kbx(['apply', '-f', writeManifest()]);
  await waitFor('3 endpoints', () => (kbx(['get', 'ep', 'web', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).trim().split(/\s+/).filter(Boolean).length === 3));
  clusterId = JSON.parse(fs.readFileSync(path.join(home, 'cluster.json'), 'utf8')).id;
  const dp = JSON.parse(docker(['inspect', `kbx-${clusterId}_dataplane`]))[0];
  loadImage = dp.Config.Image;
  gateway = Object.values(dp.NetworkSettings.Networks)[0].IPAddress;
  const clusterIP = kbx(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}']).trim();
  const nodePort = kbx(['get', 'svc', 'web-np', '-o', 'jsonpath={.spec.ports[0].nodePort}']).trim();
  const pod = kbx(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).trim();
  const podIP = kbx(['get', 'pod', pod, '-o', 'jsonpath={.status.podIP}']).trim();

  const direct = add('in-cluster: straight to one pod IP', inCluster([`http://${podIP}/`, N, CONC]));
  add('in-cluster: through the ClusterIP (3 replicas)', inCluster([`http://${clusterIP}/`, N, CONC]), direct);
  add('in-cluster: by name http://web (3 replicas)', inCluster([`http://web.default.svc.cluster.local/`, N, CONC]), direct);
  // NetworkPolicy: every web pod selected (ingress from an ipBlock with an except: the load generator is no
  // pod); the pod IP path goes through the nftables rules in the pod's namespace, the ClusterIP path also through
  // the agent's per-connection decision. Apply → enforced: until the executor has loaded the 3 sandboxes.
  const applied = path.join(home, 'dataplane', 'netpol-applied.json');
  const loaded = () => { try { return Object.keys(JSON.parse(fs.readFileSync(applied, 'utf8'))).length; } catch { return 0; } };
  const t0 = Date.now();
  kbx(['apply', '-f', writePolicy()]);
  await waitFor('the policy loaded into the 3 pods', () => loaded() === 3, 30_000);
  rows.push({ scenario: 'NetworkPolicy: kbx apply returned → rules loaded in all 3 pods', readyToTraffic: Date.now() - t0 });
  add('in-cluster: straight to one pod IP, NetworkPolicy selecting it', inCluster([`http://${podIP}/`, N, CONC]), direct);
  add('in-cluster: through the ClusterIP, NetworkPolicy selecting the 3', inCluster([`http://${clusterIP}/`, N, CONC]), direct);
  kbx(['delete', 'netpol', 'web']);
  await waitFor('the policy removed from the 3 pods', () => loaded() === 0, 30_000);
  // The machine's load drifts: the same path again without the policy, right after.
  add('in-cluster: straight to one pod IP again, policy deleted', inCluster([`http://${podIP}/`, N, CONC]), direct);
  const hostDirect = add('host: straight to one pod IP', fromHost([`http://${podIP}/`, N, CONC]));
  add(`host: NodePort 127.0.0.1:${nodePort}`, fromHost([`http://127.0.0.1:${nodePort}/`, N, CONC]), hostDirect);
  await waitFor('the Ingress port', () => kbx(['get', 'ing', 'web', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ports[0].port}']).trim() !== '');
  const ingPort = kbx(['get', 'ing', 'web', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ports[0].port}']).trim();
  add(`host: Ingress (class kbx) 127.0.0.1:${ingPort}`, fromHost([`http://127.0.0.1:${ingPort}/`, N, CONC]), hostDirect);
  const help = spawnSync(process.execPath, [KBX, 'port-forward', '--help'], { env, encoding: 'utf8' });
  if (help.status === 0 && /Forward one or more local ports/.test(help.stdout)) {
    const pf = spawn(process.execPath, [KBX, 'port-forward', `pod/${pod}`, ':80'], { env });
    cleanup.push(() => pf.kill('SIGINT'));
    let out = '';
    pf.stdout.on('data', (d) => (out += d));
    await waitFor('port-forward', () => /127\.0\.0\.1:(\d+)/.test(out), 20_000);
    const port = /127\.0\.0\.1:(\d+)/.exec(out)[1];
    add(`host: kbx port-forward pod/${pod}`, fromHost([`http://127.0.0.1:${port}/`, N, CONC]), hostDirect);
  }

  // Ready → traffic: a watcher hammers the service while a 4th replica comes up; the first answer from the
  // new pod vs the moment the API shows it Ready (polled every 20 ms).
  const before = new Set(kbx(['get', 'pods', '-l', 'app=web', '-o', 'name']).trim().split('\n'));
  const watcher = spawn('docker', [
    'run', '--rm', '--label', 'kbx-bench-services=1', '--network', `kbx-${clusterId}`, '--cap-add', 'NET_ADMIN',
    '-v', `${path.join(ROOT, 'scripts', 'bench')}:/bench:ro`, '--entrypoint', '/bin/busybox', loadImage,
    'sh', '-c', `ip route add 10.96.0.0/16 via ${gateway}; exec /bin/node /bench/load.mjs --watch http://${clusterIP}/ 25`,
  ]);
  let seen = '';
  watcher.stdout.on('data', (d) => (seen += d));
  await waitFor('the watcher seeing the 3 pods', () => seen.trim().split('\n').filter(Boolean).length >= 3, 20_000);
  // The API's view of readiness, as a user sees it: `kbx get pods -w` printing the new pod 1/1.
  const podWatch = spawn(process.execPath, [KBX, 'get', 'pods', '-l', 'app=web', '-w', '--no-headers'], { env });
  cleanup.push(() => podWatch.kill());
  let readyAt;
  let added;
  let buf = '';
  podWatch.stdout.on('data', (d) => {
    buf += d;
    for (const line of buf.split('\n').slice(0, -1)) {
      const [name, ready, status] = line.trim().split(/\s+/);
      if (!readyAt && name && !before.has(`pod/${name}`) && ready === '1/1' && status === 'Running') {
        readyAt = Date.now();
        added = name;
      }
    }
    buf = buf.slice(buf.lastIndexOf('\n') + 1);
  });
  await sleep(500);
  kbx(['scale', 'deployment', 'web', '--replicas=4']);
  await waitFor('the 4th pod ready', () => readyAt !== undefined, 60_000);
  await waitFor('the new pod receiving traffic', () => seen.includes(`"${added}"`), 20_000);
  const hit = seen.trim().split('\n').map((l) => JSON.parse(l)).find((x) => x.pod === added);
  watcher.kill();
  rows.push({ scenario: `pod ready (seen by the API) → first service request answered by it`, readyToTraffic: hit.at - readyAt });

  console.log(`\n| scenario | req/s | p99 | errors | vs direct |\n|---|---|---|---|---|`);
  for (const r of rows) {
    if (r.readyToTraffic !== undefined) console.log(`| ${r.scenario} | — | ${r.readyToTraffic} ms | — | — |`);
    else console.log(`| ${r.scenario} | ${r.rps.toFixed(0)} | ${Number(r.p99).toFixed(1)} ms | ${r.errors} | ${r.base ? `${(r.rps / r.base.rps).toFixed(2)}× rps, ${(r.p99 / r.base.p99).toFixed(2)}× p99` : '—'} |`);
  }
  console.log(`\n${N} requests, ${CONC} at a time, a new connection each (busybox httpd closes them); ${os.cpus().length} cores.`);
} finally {
  for (const f of cleanup) f();
  spawnSync('docker', ['ps', '-aq', '--filter', 'label=kbx-bench-services=1'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).forEach((id) => spawnSync('docker', ['rm', '-f', id]));
  spawnSync(process.execPath, [KBX, 'cluster', 'reset'], { env });
  fs.rmSync(home, { recursive: true, force: true });
}

function writePolicy() {
  const f = path.join(home, 'netpol.yaml');
  fs.writeFileSync(f, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [192.0.2.0/24]}}]\n    ports: [{port: 80}]\n');
  return f;
}

function writeManifest() {
  const f = path.join(home, 'web.yaml');
  fs.writeFileSync(f, manifest);
  return f;
}
