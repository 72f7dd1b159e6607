#!/usr/bin/env node
// npm run bench [-- --quick] [-- --store (the store's rows only)]: kbx against bare docker, side by side in the same run, as ratios of medians.
// Everything it creates carries its own cluster label (io.kbx.cluster=<id>, removed by `kbx cluster reset`)
// or the kbx-bench=1 label (removed with docker rm -f), and its KBX_HOMEs are temporary directories.
import { spawn, spawnSync, execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { summarize, ratio, formatMs, markdownTable } from '../dist/util/stats.js';
import { rssMiB, cpuTicks, cpuPercent } from '../dist/util/proc.js';
import { extraCaCost, getPodsVsKubectl, podStart, ratioRow, versionVsNode } from './bench/cli-start.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
// What `kbx` starts (see controlPlaneScript in src/client/connect.ts): the bundle npm run build makes.
const CONTROL_PLANE = [path.join(ROOT, 'dist', 'controlplane-bundle', 'main.js'), path.join(ROOT, 'dist', 'controlplane', 'main.js')].find((f) => fs.existsSync(f));
const QUICK = process.argv.includes('--quick');
const RUNS = 5;
/** Paired runs of the CLI rows (kbx and its baseline alternate). */
const CLI_RUNS = 15;
const BENCH_LABEL = 'kbx-bench=1';
const rows = [];
const notes = [];
const homes = []; // every KBX_HOME made here, reset at the end (or on failure)
const benchStart = Date.now();

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const docker = (args) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const dockerAsync = (args) =>
  new Promise((resolve, reject) => execFile('docker', args, { encoding: 'utf8' }, (e, out) => (e ? reject(e) : resolve(out.trim()))));

function newHome(tag) {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), `kbx-bench-${tag}-`));
  homes.push(h);
  return h;
}
const envOf = (home) => ({ ...process.env, KBX_HOME: home, NO_COLOR: '1' });
const kbxIn = (home, args, opts = {}) => spawnSync(process.execPath, [KBX, ...args], { env: envOf(home), encoding: 'utf8', ...opts });

function resetHome(home) {
  spawnSync(process.execPath, [KBX, 'cluster', 'reset'], { env: envOf(home), stdio: 'ignore' });
  fs.rmSync(home, { recursive: true, force: true });
}

function removeBenchContainers() {
  const ids = docker(['ps', '-aq', '--filter', `label=${BENCH_LABEL}`]);
  if (ids) execFileSync('docker', ['rm', '-f', ...ids.split('\n')], { stdio: 'ignore' });
}

function time(fn) {
  const t = now();
  fn();
  return now() - t;
}

async function timeAsync(fn) {
  const t = now();
  await fn();
  return now() - t;
}

/** A row with a ratio against a baseline and a ratio budget. */
const progress = (m) => process.stderr.write(`bench ${((Date.now() - benchStart) / 1000).toFixed(0)}s: ${m}\n`);

function row(scenario, kbxS, baseS, limit) {
  const r = ratio(kbxS, baseS);
  rows.push({ scenario, kbx: formatMs(kbxS), baseline: formatMs(baseS), ratio: r.toFixed(2), budget: `≤ ${limit}`, pass: r <= limit });
}

/** A row with an absolute figure. */
function absolute(scenario, value, baseline, budget, pass) {
  rows.push({ scenario, kbx: value, baseline, ratio: '—', budget, pass });
}

/** A small Kubernetes REST client for one KBX_HOME (keep-alive, like kubectl). */
function apiOf(home) {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  const server = new URL(/server: (\S+)/.exec(text)[1]);
  const token = /token: (\S+)/.exec(text)[1];
  const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)[1], 'base64').toString();
  const agent = new https.Agent({ keepAlive: true, maxSockets: 32, ca });
  const call = (method, p, body, contentType = 'application/json') =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        { host: server.hostname, port: server.port, path: p, method, agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType } },
        (res) => {
          let t = '';
          res.on('data', (d) => (t += d));
          res.on('end', () => resolve({ code: res.statusCode, body: t ? JSON.parse(t) : undefined }));
        },
      );
      // The server closes keep-alive connections idle for 5 s; a request racing that close is retried,
      // as Node's documentation advises (it never reached the server).
      req.on('error', (e) => (req.reusedSocket && e.code === 'ECONNRESET' ? call(method, p, body, contentType).then(resolve, reject) : reject(e)));
      if (data) req.write(data);
      req.end();
    });
  call.close = () => agent.destroy();
  call.port = Number(server.port);
  call.token = token;
  return call;
}

async function waitUntil(fn, timeoutMs = 60_000, everyMs = 5) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await sleep(everyMs);
  }
  throw new Error('bench: timed out');
}

const podManifest = (name) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { bench: 'yes' } },
  spec: { terminationGracePeriodSeconds: 0, containers: [{ name: 'main', image: 'busybox:latest', imagePullPolicy: 'IfNotPresent', command: ['sleep', '3600'] }] },
});

const runningCount = async (api, selector) => {
  const q = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
  const list = (await api('GET', `/api/v1/namespaces/default/pods${q}`)).body;
  return list.items.filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length;
};

const podCount = async (api, selector) => {
  const q = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
  return (await api('GET', `/api/v1/namespaces/default/pods${q}`)).body.items.length;
};

/** The same containers kbx makes for a pod: an infrastructure container on the cluster network, the app joined to it. */
async function dockerPod(net, name, image = 'busybox:latest', cmd = ['sleep', '3600']) {
  const infra = await dockerAsync(['run', '-d', '--label', BENCH_LABEL, '--network', net, '--hostname', name, 'busybox:latest', 'sleep', '3600']);
  await dockerAsync(['run', '-d', '--label', BENCH_LABEL, '--network', `container:${infra}`, image, ...cmd]);
}

/** Launches a control plane for `home` (already initialised, stopped) and times launch → first 200 from `probePath`. */
async function timedLaunch(home, probePath) {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(text)[1]);
  const token = /token: (\S+)/.exec(text)[1];
  const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)[1], 'base64').toString();
  const t0 = now();
  const child = spawn(process.execPath, [CONTROL_PLANE], { env: envOf(home), stdio: 'ignore' });
  for (;;) {
    const answered = await new Promise((resolve) => {
      const req = https.get({ host: '127.0.0.1', port, path: probePath, ca, agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (answered) break;
    await sleep(2);
  }
  const ms = now() - t0;
  return { ms, child };
}

const stopChild = async (child) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
};

function procOf(home) {
  const pid = JSON.parse(fs.readFileSync(path.join(home, 'server.json'), 'utf8')).pid;
  return {
    rss: () => rssMiB(fs.readFileSync(`/proc/${pid}/status`, 'utf8')),
    ticks: () => cpuTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')),
  };
}

function fsyncedAppendsPerSec(dir, bytes, n) {
  const file = path.join(dir, 'bench-fsync.tmp');
  const fd = fs.openSync(file, 'a');
  const line = 'x'.repeat(bytes - 1) + '\n';
  const t = now();
  for (let i = 0; i < n; i++) {
    fs.writeSync(fd, line);
    fs.fdatasyncSync(fd);
  }
  const perSec = n / ((now() - t) / 1000);
  fs.closeSync(fd);
  fs.rmSync(file);
  return perSec;
}

async function idleCpu(home, ms) {
  const p = procOf(home);
  const a = p.ticks();
  const t = now();
  await sleep(ms);
  return cpuPercent(a, p.ticks(), now() - t);
}

/** The store's rows: acknowledged writes/s beside the disk's fdatasync rate, and restart times. */
async function storeBench() {
  progress('store');
  const h = newHome('store');
  const st = kbxIn(h, ['get', 'ns']);
  if (st.status !== 0) throw new Error(st.stderr);
  const api = apiOf(h);
  const N = QUICK ? 3000 : 10000;
  const event = (i) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `bench.${i}`, namespace: 'default' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: `bench-${i}`, namespace: 'default' },
    reason: 'Bench',
    message: `write ${i}`,
    type: 'Normal',
    count: 1,
    firstTimestamp: new Date().toISOString(),
    lastTimestamp: new Date().toISOString(),
    source: { component: 'kbx-bench' },
  });
  // What the disk allows one writer that syncs every append: the same record size, appended and
  // fdatasync'd, measured before and after the writes (its spread shows in the note).
  const recordBytes = JSON.stringify(event(0)).length + 400;
  const raw = [fsyncedAppendsPerSec(h, recordBytes, 300)];
  // 16 clients writing at once; each write is acknowledged only once it is fdatasync'd (the store's
  // contract); writes that arrive during one fdatasync share the next (group commit).
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < N) {
        const i = next++;
        const r = await api('POST', '/api/v1/namespaces/default/events', event(i));
        if (r.code !== 201) throw new Error(`bench: event write answered ${r.code}: ${JSON.stringify(r.body)}`);
      }
    }),
  );
  const writesPerSec = N / ((now() - t0) / 1000);
  raw.push(fsyncedAppendsPerSec(h, recordBytes, 300));
  const rawPerSec = raw.reduce((a, b) => a + b) / raw.length;
  absolute(
    `Store: ${N} acknowledged writes, 16 clients (group commit)`,
    `${writesPerSec.toFixed(0)} writes/s`,
    `${rawPerSec.toFixed(0)} fdatasync'd appends/s on this disk (one writer)`,
    '≥ 5000 writes/s',
    writesPerSec >= 5000,
  );
  notes.push(`store writes: ${writesPerSec.toFixed(0)} acknowledged writes/s = ${(writesPerSec / rawPerSec).toFixed(2)} × the disk's fdatasync rate (${raw.map((r) => r.toFixed(0)).join(' and ')} appends/s before and after)`);
  api.close();
  const samples = [];
  for (let i = 0; i < (QUICK ? 3 : RUNS); i++) {
    kbxIn(h, ['cluster', 'stop']);
    // Restart: launch → the objects listed by the API.
    const { ms, child } = await timedLaunch(h, `/api/v1/namespaces/default/events?limit=${N + 100}`);
    samples.push(ms);
    await stopChild(child);
  }
  const s = summarize(samples);
  absolute(`Control plane restart with ${N + 10} objects after a clean stop (launch → objects listed)`, formatMs(s), '—', '≤ 1000 ms', s.median <= 1000);

  // Restart after a crash with a long log: 10,000 objects in the snapshot and 100,000 log records
  // (updates of them) to replay, as the store's own format. The store is rebuilt before every run.
  progress('store restart with a 100,000-record log');
  kbxIn(h, ['cluster', 'stop']);
  const { decodeSnapshot, encodeSnapshot, encodeRecord } = await import('../dist/store/wal-format.js');
  const dir = path.join(h, 'store');
  const snap = decodeSnapshot(fs.readFileSync(path.join(dir, 'snapshot.json'))).snap;
  const objects = new Map(snap.objects);
  const OBJECTS = 10_000;
  const RECORDS = 100_000;
  for (const k of [...objects.keys()]) if (k.startsWith('/events/')) objects.delete(k);
  let rv = snap.rv;
  const evKey = (i) => `/events/default/bench.${i}`;
  for (let i = 0; i < OBJECTS; i++) objects.set(evKey(i), { ...event(i), metadata: { name: `bench.${i}`, namespace: 'default', uid: `u-${i}`, resourceVersion: String(++rv) } });
  const snapshotFile = encodeSnapshot(JSON.stringify({ rv, objects: [...objects.entries()] }));
  const log = [];
  for (let r = 0; r < RECORDS; r++) {
    const i = r % OBJECTS;
    const o = { ...event(i), count: 2 + Math.floor(r / OBJECTS), metadata: { name: `bench.${i}`, namespace: 'default', uid: `u-${i}`, resourceVersion: String(++rv) } };
    log.push(encodeRecord({ rv, op: 'put', k: evKey(i), o }));
  }
  const logFile = Buffer.from(log.join(''));
  const crashSamples = [];
  for (let i = 0; i < (QUICK ? 3 : RUNS); i++) {
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
    fs.writeFileSync(path.join(dir, 'snapshot.json'), snapshotFile, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'wal.log'), logFile, { mode: 0o600 });
    const { ms, child } = await timedLaunch(h, `/api/v1/namespaces/default/events?limit=${OBJECTS + 100}`);
    const listed = await new Promise((resolve) => {
      const text = fs.readFileSync(path.join(h, 'kubeconfig'), 'utf8');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(text)[1]);
      const token = /token: (\S+)/.exec(text)[1];
      http.get({ host: '127.0.0.1', port, path: '/api/v1/namespaces/default/events', headers: { Authorization: `Bearer ${token}` } }, (res) => {
        let t = '';
        res.on('data', (d) => (t += d));
        res.on('end', () => resolve(JSON.parse(t).items.filter((e) => e.count === 1 + RECORDS / OBJECTS).length));
      });
    });
    if (listed !== OBJECTS) throw new Error(`bench: after replay ${listed} of ${OBJECTS} objects carry their last update`);
    crashSamples.push(ms);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
  }
  const c = summarize(crashSamples);
  absolute(
    `Control plane restart: ${OBJECTS} objects + a ${RECORDS}-record log (${(logFile.length / 2 ** 20).toFixed(0)} MiB) to replay (launch → objects listed)`,
    formatMs(c),
    '—',
    '≤ 1000 ms',
    c.median <= 1000,
  );
  resetHome(h);
}

async function main() {
  // 1. CLI start (scripts/bench/cli-start.mjs; `kbx get pods` vs the real kubectl is measured with the bench cluster, below)
  {
    progress('CLI start');
    const home = newHome('cli');
    rows.push(ratioRow('CLI start: `kbx version --client` vs `node -e ""`', versionVsNode(home, CLI_RUNS), 2.0));
    const extraCa = extraCaCost(RUNS * 2);
    if (extraCa) notes.push(`NODE_EXTRA_CA_CERTS is set here: Node reads it at every start, before any script (\`node -e ""\` ${formatMs(extraCa.kbx)} with it, ${formatMs(extraCa.baseline)} without); the CLI rows run without it, kubectl never reads it.`);
    fs.rmSync(home, { recursive: true, force: true }); // no cluster was started there
  }

  // 2. Control plane cold start (launch → first answered API request)
  {
    progress('cold start');
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const h = newHome('cold');
      // The first start creates identity and kubeconfig; measure the second, on a known port.
      const first = kbxIn(h, ['get', 'ns']);
      if (first.status !== 0) throw new Error(first.stderr);
      kbxIn(h, ['cluster', 'stop']);
      const { ms, child } = await timedLaunch(h, '/api/v1/namespaces');
      samples.push(ms);
      await stopChild(child);
      resetHome(h);
    }
    const s = summarize(samples);
    absolute('Control plane cold start (launch → first API answer)', formatMs(s), 'kind 12–36 s, k3d 6–12 s, minikube 20–50 s', '≤ 300 ms', s.median <= 300);
  }

  // 3. Store: durable writes per second (group commit), then restart times (a cluster of its own).
  await storeBench();

  // The bench cluster.
  const home = newHome('main');
  const kbx = (args, opts) => kbxIn(home, args, opts);
  const st = kbx(['get', 'ns']);
  if (st.status !== 0) throw new Error(st.stderr);
  const api = apiOf(home);
  const id = JSON.parse(fs.readFileSync(path.join(home, 'cluster.json'), 'utf8')).id;
  const net = `kbx-${id}`;
  await waitUntil(async () => (await api('GET', '/api/v1/nodes')).body.items.length > 0, 30_000, 50);

  // 4. Memory with no pods (the Docker half loaded, the node registered).
  {
    progress('RSS with 0 pods');
    await sleep(1000);
    const rss = procOf(home).rss();
    absolute('Control plane RSS with 0 pods', `${rss.toFixed(0)} MB`, 'kind/k3d/minikube idle 0.5–1.3 GB', '≤ 80 MB', rss <= 80);
  }

  // 5. Pod start: apply → Running vs docker run -d of infra + app (scripts/bench/cli-start.mjs), then
  //    `kbx get pods` vs the real kubectl against this server (the 10 pods just started).
  {
    progress('pod start');
    const p = await podStart({ home, api, dockerPod, podManifest, net, runs: RUNS });
    row('Pod start: `kbx apply` → Running vs `docker run -d` infra + app', p.cli, p.docker, 1.2);
    row('Pod start without the CLI: API POST → Running vs the same docker runs', p.api, p.docker, 1.0);
    progress('kbx get pods vs kubectl');
    rows.push(ratioRow('`kbx get pods` vs real `kubectl get pods`, same server (10 pods)', getPodsVsKubectl(home, CLI_RUNS), 1.0));
    kbx(['delete', 'pods', '--all', '--grace-period=0', '--force']);
    removeBenchContainers();
    await waitUntil(async () => (await podCount(api)) === 0, 120_000, 50);
  }

  // 6. Scale a deployment 0 → 50 until all Running vs 50 pods' docker runs issued at once (kbx's kubelet
  //    syncs every pod in parallel, with no cap on concurrent Docker requests).
  {
    progress('scale 0 → 50');
    const k = [];
    const b = [];
    const N = 50;
    for (let i = 0; i < (QUICK ? 1 : 2); i++) {
      const name = `scale-${i}`;
      const sel = `app=${name}`;
      const dep = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name } }, spec: podManifest('x').spec },
        },
      };
      await api('POST', '/apis/apps/v1/namespaces/default/deployments', dep);
      k.push(
        await timeAsync(async () => {
          const r = await api('PATCH', `/apis/apps/v1/namespaces/default/deployments/${name}/scale`, { spec: { replicas: N } }, 'application/merge-patch+json');
          if (r.code !== 200) throw new Error(`bench: scale answered ${r.code}: ${JSON.stringify(r.body)}`);
          await waitUntil(async () => (await runningCount(api, sel)) === N, 300_000, 25);
        }),
      );
      await api('DELETE', `/apis/apps/v1/namespaces/default/deployments/${name}`, { propagationPolicy: 'Background' });
      await waitUntil(async () => (await podCount(api, sel)) === 0, 300_000, 100);
      b.push(await timeAsync(() => Promise.all(Array.from({ length: N }, (_, j) => dockerPod(net, `${name}-${j}`)))));
      removeBenchContainers();
    }
    row(`Scale a deployment 0 → ${N}, all Running vs ${N} pods' \`docker run -d\` at once`, summarize(k), summarize(b), 1.3);
  }

  // 7. Rolling update of 10 replicas (25%/25%, no probes) vs the same waves done with docker run / rm -f
  {
    progress('rolling update');
    const k = [];
    const b = [];
    const steps = [];
    const runs = QUICK ? 1 : 3;
    for (let i = 0; i < runs; i++) {
      const name = `roll-${i}`;
      const dep = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: {
          replicas: 10,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name } }, spec: { terminationGracePeriodSeconds: 0, containers: [{ name: 'web', image: 'kbx-test/web:1' }] } },
        },
      };
      await api('POST', '/apis/apps/v1/namespaces/default/deployments', dep);
      const done = async (gen) => {
        const d = (await api('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`)).body;
        const s = d.status ?? {};
        return s.observedGeneration >= gen && s.updatedReplicas === 10 && s.replicas === 10 && s.availableReplicas === 10;
      };
      await waitUntil(() => done(1), 180_000);
      const events = `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${name},reason=ScalingReplicaSet`)}`;
      const before = (await api('GET', events)).body.items.length;
      k.push(
        await timeAsync(async () => {
          dep.spec.template.spec.containers[0].image = 'kbx-test/web:2';
          const cur = (await api('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`)).body;
          await api('PUT', `/apis/apps/v1/namespaces/default/deployments/${name}`, { ...cur, spec: { ...cur.spec, template: dep.spec.template } });
          await waitUntil(() => done(2), 300_000);
        }),
      );
      steps.push((await api('GET', events)).body.items.length - before);
      await api('DELETE', `/apis/apps/v1/namespaces/default/deployments/${name}`, { propagationPolicy: 'Foreground' });
      // Baseline: 10 "pods" (infra + app) replaced in waves of maxSurge + maxUnavailable = 3 + 2.
      const start = (img) => {
        const infra = docker(['run', '-d', '--label', BENCH_LABEL, '--network', net, 'busybox:latest', 'sleep', '3600']);
        const app = docker(['run', '-d', '--label', BENCH_LABEL, '--network', `container:${infra}`, img]);
        return [app, infra];
      };
      const old = [];
      for (let j = 0; j < 10; j++) old.push(start('kbx-test/web:1'));
      b.push(
        time(() => {
          let made = 0;
          while (made < 10) {
            const wave = Math.min(5, 10 - made);
            for (let j = 0; j < wave; j++) start('kbx-test/web:2');
            execFileSync('docker', ['rm', '-f', ...old.splice(0, wave).flat()], { stdio: 'ignore' });
            made += wave;
          }
        }),
      );
      removeBenchContainers();
      await waitUntil(async () => (await podCount(api)) === 0, 120_000, 50);
    }
    row('Rolling update, 10 replicas 25%/25% vs docker run/rm -f in waves', summarize(k), summarize(b), 1.3);
    notes.push(`rolling update of 10 replicas: ${steps.join(', ')} ScalingReplicaSet steps (one per reconcile step that scaled)`);
  }

  // 8. kbx get pods at 10, 50, 100 and 200 pods vs docker ps with the same label filter; at 10 pods the
  //    watch latency, at 100 pods (50 with --quick) memory and idle CPU.
  {
    progress('get pods, watch, RSS, CPU');
    const sizes = QUICK ? [10, 50] : [10, 50, 100, 200];
    const resourceSize = QUICK ? 50 : 100;
    let have = 0;
    const perSize = [];
    for (const n of sizes) {
      for (; have < n; have++) await api('POST', '/api/v1/namespaces/default/pods', podManifest(`many-${have}`));
      await waitUntil(async () => (await runningCount(api)) >= n, 600_000, 100);
      const k = [];
      const b = [];
      const nodeFloor = [];
      for (let i = 0; i < RUNS; i++) {
        k.push(time(() => kbx(['get', 'pods'])));
        b.push(time(() => docker(['ps', '-a', '--filter', `label=io.kbx.cluster=${id}`])));
        // Node's own start in the same moment: the part of kbx's time no Node program can avoid.
        nodeFloor.push(time(() => spawnSync(process.execPath, ['-e', ''])));
      }
      const ks = summarize(k);
      const bs = summarize(b);
      perSize.push([n, ks.median, bs.median, summarize(nodeFloor).median]);
      const scenario = `\`kbx get pods\` with ${n} pods vs \`docker ps -a --filter label=…\``;
      if (n === resourceSize) row(scenario, ks, bs, 2.0);
      else rows.push({ scenario, kbx: formatMs(ks), baseline: formatMs(bs), ratio: ratio(ks, bs).toFixed(2), budget: 'reported', pass: undefined });

      if (n === 10) {
        // The real kubectl (unpacked by set-up) with the kubeconfig kbx wrote: the same server, the same TLS.
        const kubectl = path.join(ROOT, '.tools', 'bin', 'kubectl');
        if (!fs.existsSync(kubectl)) throw new Error(`bench: ${kubectl} is missing; run bash scripts/setup.sh`);
        const kenv = { ...process.env, KUBECONFIG: path.join(home, 'kubeconfig'), HOME: home };
        const kk = [];
        const kc = [];
        for (let i = 0; i < RUNS; i++) {
          kk.push(time(() => kbx(['get', 'pods'])));
          kc.push(time(() => spawnSync(kubectl, ['get', 'pods'], { env: kenv, stdio: 'ignore' })));
        }
        const kks = summarize(kk);
        const kcs = summarize(kc);
        rows.push({ scenario: `\`kbx get pods\` vs the real \`kubectl get pods\` (10 pods, same server, HTTPS)`, kbx: formatMs(kks), baseline: formatMs(kcs), ratio: ratio(kks, kcs).toFixed(2), budget: 'reported', pass: undefined });
        await watchLatency(home, api, id);
      }
      if (n === resourceSize) {
        // Idle: every pod Running and its status written; no probes.
        await sleep(3000);
        const cpu = await idleCpu(home, QUICK ? 5000 : 10_000);
        const rss = procOf(home).rss();
        absolute(`Control plane RSS with ${n} pods`, `${rss.toFixed(0)} MB`, '—', '≤ 150 MB', rss <= 150);
        absolute(`Control plane CPU, idle with ${n} pods (no probes)`, `${cpu.toFixed(2)} % of a core`, '—', '≤ 1 %', cpu <= 1);
      }
    }
    notes.push(
      'get pods, same runs: ' +
        perSize.map(([n, kk, d, f]) => `${n} pods: kbx ${kk.toFixed(0)} ms, docker ps ${d.toFixed(0)} ms, \`node -e ""\` ${f.toFixed(0)} ms (kbx − node ${(kk - f).toFixed(0)} ms)`).join('; '),
    );
    const [n0, k0, d0] = perSize[0];
    const [n1, k1, d1] = perSize[perSize.length - 1];
    notes.push(`get pods growth from ${n0} to ${n1} pods: kbx ${k0.toFixed(0)} → ${k1.toFixed(0)} ms (×${(k1 / k0).toFixed(2)}); docker ps ${d0.toFixed(0)} → ${d1.toFixed(0)} ms (×${(d1 / d0).toFixed(2)})`);
  }

  api.close();
  resetHome(home);
  await cleanupAll();

  const minutes = ((Date.now() - benchStart) / 60_000).toFixed(1);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\n## kbx benchmark (${QUICK ? 'quick' : 'full'}; ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Docker ${docker(['version', '--format', '{{.Server.Version}}'])}, node ${process.version}; ${minutes} min)\n`,
  );
  console.log(markdownTable(rows));
  for (const n of notes) console.log(`- ${n}`);
}

/**
 * `docker kill` of a pod's app container until `kbx get pods -w` prints the pod's new line. Timed from
 * when `docker kill` returns (the container is dead) to the line on the watcher's stdout.
 */
async function watchLatency(home, api, id) {
  const watcher = spawn(process.execPath, [KBX, 'get', 'pods', '-w'], { env: envOf(home) });
  let out = '';
  const waiters = [];
  watcher.stdout.on('data', (d) => {
    out += d;
    for (const w of [...waiters]) w();
  });
  const lineFor = (name, from) =>
    new Promise((resolve) => {
      const check = () => {
        const i = out.indexOf(`\n${name} `, from);
        if (i >= 0) {
          waiters.splice(waiters.indexOf(check), 1);
          resolve(now());
        }
      };
      waiters.push(check);
      check();
    });
  // The initial listing is printed once the watch is open.
  await waitUntil(async () => out.includes('many-9 '), 30_000, 5);
  await sleep(300);
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `many-${i}`;
    const app = docker(['ps', '-q', '--filter', `label=io.kbx.cluster=${id}`, '--filter', `label=io.kbx.pod=${name}`, '--filter', 'label=io.kbx.role=app']);
    const from = out.length - 1;
    const seen = lineFor(name, from);
    docker(['kill', app.split('\n')[0]]);
    const killed = now();
    samples.push((await seen) - killed);
    await sleep(200);
  }
  watcher.kill('SIGTERM');
  const s = summarize(samples);
  absolute('Watch latency: `docker kill` → `kbx get pods -w` prints the change', formatMs(s), '—', '≤ 500 ms', s.median <= 500);
  // The killed containers restart (restartPolicy Always); wait for them before the next measurements.
  await waitUntil(async () => (await runningCount(api)) >= 10, 120_000, 100);
}

async function cleanupAll(failed = false) {
  for (const h of failed ? homes : []) {
    const dir = path.join(h, 'logs');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) console.error(`--- ${path.join(dir, f)} (last lines)\n` + fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(-15).join('\n'));
  }
  for (const h of homes) if (fs.existsSync(h)) resetHome(h);
  try {
    removeBenchContainers();
  } catch {
    /* docker unreachable */
  }
}

async function storeOnly() {
  await storeBench();
  console.log(markdownTable(rows));
  for (const n of notes) console.log(`- ${n}`);
  await cleanupAll();
}

(process.argv.includes('--store') ? storeOnly() : main()).catch(async (e) => {
  console.error(e);
  await cleanupAll(true);
  process.exit(1);
});
