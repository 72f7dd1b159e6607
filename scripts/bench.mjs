#!/usr/bin/env node
// npm run bench [-- --quick]: kbx against bare docker, side by side in the same run, as ratios of medians.
// Everything it creates carries its own cluster label or a kbx-bench label and is removed at the end.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { summarize, ratio, formatMs, markdownTable } from '../dist/util/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const QUICK = process.argv.includes('--quick');
const RUNS = 5;
const BENCH_LABEL = 'kbx-bench=1';
const rows = [];
const notes = [];

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-bench-'));
const env = { ...process.env, KBX_HOME: home, NO_COLOR: '1' };
const kbx = (args, opts = {}) => spawnSync(process.execPath, [KBX, ...args], { env, encoding: 'utf8', ...opts });
const docker = (args) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const now = () => performance.now();

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

function row(scenario, kbxS, baseS, budget, limit) {
  const r = ratio(kbxS, baseS);
  rows.push({ scenario, kbx: formatMs(kbxS), baseline: formatMs(baseS), ratio: r.toFixed(2), budget: `≤ ${limit}`, pass: r <= limit });
  void budget;
}

function kubeconfig() {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  return { server: /server: (\S+)/.exec(text)[1], token: /token: (\S+)/.exec(text)[1] };
}

function api(method, p, body) {
  const { server, token } = kubeconfig();
  const u = new URL(p, server);
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } }, (res) => {
      let t = '';
      res.on('data', (d) => (t += d));
      res.on('end', () => resolve({ code: res.statusCode, body: t ? JSON.parse(t) : undefined }));
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function waitUntil(fn, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('bench: timed out');
}

const podManifest = (name) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { bench: 'yes' } },
  spec: { terminationGracePeriodSeconds: 0, containers: [{ name: 'main', image: 'busybox:latest', imagePullPolicy: 'IfNotPresent', command: ['sleep', '3600'] }] },
});

async function main() {
  const clusterIdOf = () => JSON.parse(fs.readFileSync(path.join(home, 'cluster.json'), 'utf8')).id;

  // 1. CLI start
  {
    const k = [];
    const b = [];
    for (let i = 0; i < RUNS * 2; i++) {
      k.push(time(() => kbx(['version', '--client'])));
      b.push(time(() => spawnSync(process.execPath, ['-e', ''])));
    }
    row('CLI start: `kbx version --client` vs `node -e ""`', summarize(k), summarize(b), '', 2.0);
  }

  // 2. Control plane cold start (launch → first answered API request)
  {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const h = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-bench-cold-'));
      // First start creates identity and kubeconfig; measure the second, with a known port.
      const first = spawnSync(process.execPath, [KBX, 'get', 'ns'], { env: { ...env, KBX_HOME: h }, encoding: 'utf8' });
      if (first.status !== 0) throw new Error(first.stderr);
      spawnSync(process.execPath, [KBX, 'cluster', 'stop'], { env: { ...env, KBX_HOME: h } });
      const text = fs.readFileSync(path.join(h, 'kubeconfig'), 'utf8');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(text)[1]);
      const token = /token: (\S+)/.exec(text)[1];
      const t0 = now();
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/controlplane/main.js')], { env: { ...env, KBX_HOME: h }, stdio: 'ignore' });
      let answered = false;
      while (!answered) {
        answered = await new Promise((resolve) => {
          const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/namespaces', headers: { Authorization: `Bearer ${token}` } }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          });
          req.on('error', () => resolve(false));
        });
        if (!answered) await new Promise((r) => setTimeout(r, 2));
      }
      samples.push(now() - t0);
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      spawnSync(process.execPath, [KBX, 'cluster', 'reset'], { env: { ...env, KBX_HOME: h } });
      fs.rmSync(h, { recursive: true, force: true });
    }
    const s = summarize(samples);
    rows.push({ scenario: 'Control plane cold start (launch → first API answer)', kbx: formatMs(s), baseline: 'kind 12–36 s, k3d 6–12 s, minikube 20–50 s', ratio: '—', budget: '≤ 300 ms', pass: s.median <= 300 });
  }

  // Start the bench cluster.
  const st = kbx(['get', 'ns']);
  if (st.status !== 0) throw new Error(st.stderr);
  const id = clusterIdOf();
  const net = `kbx-${id}`;

  // 3. Pod start: apply → Running vs docker run -d of infra + app
  {
    const k = [];
    const b = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `start-${i}`;
      k.push(
        await timeAsync(async () => {
          const r = kbx(['apply', '-f', '-'], { input: JSON.stringify(podManifest(name)) });
          if (r.status !== 0) throw new Error(r.stderr);
          await waitUntil(async () => (await api('GET', `/api/v1/namespaces/default/pods/${name}`)).body?.status?.phase === 'Running');
        }),
      );
      b.push(
        time(() => {
          const infra = docker(['run', '-d', '--label', BENCH_LABEL, '--network', net, '--hostname', name, 'busybox:latest', 'sleep', '3600']);
          docker(['run', '-d', '--label', BENCH_LABEL, '--network', `container:${infra}`, 'busybox:latest', 'sleep', '3600']);
        }),
      );
    }
    row('Pod start: `kbx apply` → Running vs `docker run -d` infra + app', summarize(k), summarize(b), '', 1.3);
    kbx(['delete', 'pods', '--all', '--grace-period=0', '--force']);
    const ids = docker(['ps', '-aq', '--filter', `label=${BENCH_LABEL}`]);
    if (ids) execFileSync('docker', ['rm', '-f', ...ids.split('\n')]);
  }

  // 4. Rolling update of 10 replicas (25%/25%, no probes) vs the same waves done with docker run / rm -f
  {
    const k = [];
    const b = [];
    const steps = [];
    const runs = QUICK ? 2 : 3;
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
        const st = d.status ?? {};
        return st.observedGeneration >= gen && st.updatedReplicas === 10 && st.replicas === 10 && st.availableReplicas === 10;
      };
      await waitUntil(() => done(1), 180_000);
      const before = (await api('GET', `/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3D${name},reason%3DScalingReplicaSet`)).body.items.length;
      k.push(
        await timeAsync(async () => {
          dep.spec.template.spec.containers[0].image = 'kbx-test/web:2';
          const cur = (await api('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`)).body;
          await api('PUT', `/apis/apps/v1/namespaces/default/deployments/${name}`, { ...cur, spec: { ...cur.spec, template: dep.spec.template } });
          await waitUntil(() => done(2), 300_000);
        }),
      );
      const after = (await api('GET', `/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3D${name},reason%3DScalingReplicaSet`)).body.items.length;
      steps.push(after - before);
      await api('DELETE', `/apis/apps/v1/namespaces/default/deployments/${name}`, { propagationPolicy: 'Foreground' });
      // Baseline: 10 "pods" (infra + app) replaced in waves of maxSurge + maxUnavailable = 3 + 2.
      const start = (img) => {
        const infra = docker(['run', '-d', '--label', BENCH_LABEL, '--network', net, 'busybox:latest', 'sleep', '3600']);
        const app = docker(['run', '-d', '--label', BENCH_LABEL, '--network', `container:${infra}`, img]);
        return [app, infra];
      };
      let old = [];
      for (let j = 0; j < 10; j++) old.push(start('kbx-test/web:1'));
      b.push(
        time(() => {
          let made = 0;
          while (made < 10) {
            const wave = Math.min(5, 10 - made);
            for (let j = 0; j < wave; j++) start('kbx-test/web:2');
            execFileSync('docker', ['rm', '-f', ...old.splice(0, wave).flat()]);
            made += wave;
          }
        }),
      );
      const ids = docker(['ps', '-aq', '--filter', `label=${BENCH_LABEL}`]);
      if (ids) execFileSync('docker', ['rm', '-f', ...ids.split('\n')]);
      await waitUntil(async () => (await api('GET', '/api/v1/namespaces/default/pods')).body.items.length === 0, 120_000);
    }
    row('Rolling update, 10 replicas 25%/25% vs docker run/rm -f in waves', summarize(k), summarize(b), '', 1.3);
    notes.push(`rolling update of 10 replicas: ${steps.join(', ')} ScalingReplicaSet steps (one per reconcile step that scaled)`);
  }

  // 5. kbx get pods at 10, 50, 100 (and 200) pods vs docker ps with the same label filter
  {
    const sizes = QUICK ? [10, 50] : [10, 50, 100, 200];
    let have = 0;
    const perSize = [];
    for (const n of sizes) {
      for (; have < n; have++) await api('POST', '/api/v1/namespaces/default/pods', podManifest(`many-${have}`));
      await waitUntil(async () => {
        const list = (await api('GET', '/api/v1/namespaces/default/pods')).body;
        return list.items.filter((p) => p.status?.phase === 'Running').length >= n;
      }, 300_000);
      const k = [];
      const b = [];
      for (let i = 0; i < RUNS; i++) {
        k.push(time(() => kbx(['get', 'pods'])));
        b.push(time(() => docker(['ps', '-a', '--filter', `label=io.kbx.cluster=${id}`])));
      }
      const ks = summarize(k);
      const bs = summarize(b);
      perSize.push([n, ks.median]);
      if (n === 100 || (QUICK && n === 50)) row(`\`kbx get pods\` with ${n} pods vs \`docker ps -a --filter label=…\``, ks, bs, '', 2.0);
      else rows.push({ scenario: `\`kbx get pods\` with ${n} pods vs \`docker ps -a --filter label=…\``, kbx: formatMs(ks), baseline: formatMs(bs), ratio: ratio(ks, bs).toFixed(2), budget: 'reported', pass: undefined });
    }
    const [n0, t0] = perSize[0];
    const [n1, t1] = perSize[perSize.length - 1];
    notes.push(`get pods growth from ${n0} to ${n1} pods: ${t0.toFixed(1)} ms → ${t1.toFixed(1)} ms (×${(t1 / t0).toFixed(2)})`);
    // Memory of the control plane with this many pods.
    const pid = JSON.parse(fs.readFileSync(path.join(home, 'server.json'), 'utf8')).pid;
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    rows.push({ scenario: `Control plane RSS with ${have} pods`, kbx: `${rss.toFixed(0)} MB`, baseline: '—', ratio: '—', budget: '≤ 150 MB', pass: rss <= 150 });
  }

  kbx(['cluster', 'reset']);
  fs.rmSync(home, { recursive: true, force: true });

  console.log(`\n## kbx benchmark (${QUICK ? 'quick' : 'full'}; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Docker ${docker(['version', '--format', '{{.Server.Version}}'])}, node ${process.version})\n`);
  console.log(markdownTable(rows));
  for (const n of notes) console.log(`- ${n}`);
}

main().catch((e) => {
  console.error(e);
  spawnSync(process.execPath, [KBX, 'cluster', 'reset'], { env });
  try {
    const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=${BENCH_LABEL}`], { encoding: 'utf8' }).trim();
    if (ids) execFileSync('docker', ['rm', '-f', ...ids.split('\n')]);
  } catch {}
  process.exit(1);
});
