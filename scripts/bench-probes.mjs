#!/usr/bin/env node
// npm run bench:probes [-- --quick] [-- --pods=N]: what probing costs, and how soon a failed liveness probe restarts.
//
// 1. CPU: N pods (default 50) of kbx-test/web:1, each probed every second, in four runs on fresh clusters: no probe
//    (the baseline), httpGet from the host straight to the pod IP (Linux), httpGet from the pod's sandbox (the path
//    used where the host cannot reach container IPs, as on Docker Desktop), and exec. Once every pod is ready, CPU
//    time of the control plane (the kbx server process), dockerd and containerd is read from /proc over a window.
//    The CPU of the cluster's own containers (the servers answering, the sandbox shells, exec'd commands) is read from
//    their cgroups. dockerd and containerd serve the whole machine: other work on it shows up there too (the baseline run shows
//    how much).
// 2. Restart delay: with the N pods still probed, pods whose exec liveness probe starts failing; from Docker's
//    events: the end of the probe that reached the failure threshold → the kill signal → the new container's start.
//
// Everything runs in its own KBX_HOME, and every cluster is reset at the end.
import { spawnSync, spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const QUICK = process.argv.includes('--quick');
const PODS = Number(process.argv.find((a) => a.startsWith('--pods='))?.split('=')[1] ?? (QUICK ? 10 : 50));
const WINDOW_S = QUICK ? 10 : 30;
const RESTART_PODS = QUICK ? 2 : 5;
/** --only=baseline,direct,sandbox,exec: a subset of the runs. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1]?.split(',');
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const homes = [];

function newHome(tag) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `kbx-bench-probes-${tag}-`));
  homes.push(home);
  return home;
}

const kbx = (home, args, extraEnv = {}) =>
  spawnSync(process.execPath, [KBX, ...args], { env: { ...process.env, KBX_HOME: home, NO_COLOR: '1', ...extraEnv }, encoding: 'utf8', input: '' });

function api(home, method, p) {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  const server = /server: (\S+)/.exec(text)[1];
  const token = /token: (\S+)/.exec(text)[1];
  const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)[1], 'base64').toString();
  const u = new URL(p, server);
  return new Promise((resolve, reject) => {
    const req = https.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, ca, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let t = '';
      res.on('data', (d) => (t += d));
      res.on('end', () => resolve(t ? JSON.parse(t) : undefined));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await fn()) return;
    } catch (e) {
      if (e.fatal) throw e;
      lastError = e; // the API busy or restarting: ask again
    }
    await sleep(500);
  }
  if (lastError) console.error(`bench-probes: last error while waiting: ${lastError.message}`);
  throw new Error(`bench-probes: timed out waiting for ${what}`);
}

/** utime+stime of a process, in seconds. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

/** CPU seconds used so far by a Docker container's cgroup (v1 cpuacct or v2 cpu.stat), undefined if unreadable. */
function containerCpuSeconds(id) {
  const tries = [
    [`/sys/fs/cgroup/cpuacct/docker/${id}/cpuacct.usage`, (t) => Number(t) / 1e9],
    [`/sys/fs/cgroup/system.slice/docker-${id}.scope/cpu.stat`, (t) => Number(/usage_usec (\d+)/.exec(t)?.[1]) / 1e6],
    [`/sys/fs/cgroup/docker/${id}/cpu.stat`, (t) => Number(/usage_usec (\d+)/.exec(t)?.[1]) / 1e6],
  ];
  for (const [file, parse] of tries) {
    try {
      return parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // next layout
    }
  }
  return undefined;
}

/** Total CPU seconds of the cluster's containers (the applications answering probes, sandboxes, exec'd commands). */
function clusterContainersCpu(home) {
  const id = JSON.parse(fs.readFileSync(path.join(home, 'cluster.json'), 'utf8')).id;
  const ids = execFileSync('docker', ['ps', '-q', '--no-trunc', '--filter', `label=io.kbx.cluster=${id}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  let sum = 0;
  for (const c of ids) {
    const v = containerCpuSeconds(c);
    if (v === undefined) return { ids, seconds: NaN };
    sum += v;
  }
  return { ids, seconds: sum };
}

function pidOf(name) {
  try {
    return Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim()) || undefined;
  } catch {
    return undefined;
  }
}

function deployment(probe) {
  const container = { name: 'web', image: 'kbx-test/web:1', imagePullPolicy: 'IfNotPresent', ports: [{ name: 'http', containerPort: 80 }] };
  if (probe === 'http') container.readinessProbe = { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 1 };
  if (probe === 'exec') container.readinessProbe = { exec: { command: ['cat', '/www/healthz'] }, periodSeconds: 1 };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'probed' },
    spec: {
      replicas: PODS,
      selector: { matchLabels: { app: 'probed' } },
      template: { metadata: { labels: { app: 'probed' } }, spec: { terminationGracePeriodSeconds: 0, containers: [container] } },
    },
  };
}

/** One run: a fresh cluster with N pods, CPU over the window once they are all ready. */
async function cpuRun(label, probe, network) {
  const home = newHome(label.replace(/\W+/g, '-'));
  const env = network ? { KBX_PROBE_NETWORK: network } : {};
  const file = path.join(home, 'deploy.json');
  fs.writeFileSync(file, JSON.stringify(deployment(probe)));
  const t0 = Date.now();
  const r = kbx(home, ['apply', '-f', file], env);
  if (r.status !== 0) throw new Error(r.stderr);
  const alive = () => {
    const pid = JSON.parse(fs.readFileSync(path.join(home, 'server.json'), 'utf8')).pid;
    try {
      process.kill(pid, 0);
    } catch {
      gone = true;
    }
  };
  let gone = false;
  await waitUntil(`${PODS} ready pods (${label})`, async () => {
    alive();
    if (gone) throw Object.assign(new Error(`the control plane of ${home} is gone`), { fatal: true });
    const d = await api(home, 'GET', '/apis/apps/v1/namespaces/default/deployments/probed');
    return d?.status?.readyReplicas === PODS;
  }, 300_000);
  const readyAfter = (Date.now() - t0) / 1000;
  await sleep(3000); // let the start-up settle
  const server = JSON.parse(fs.readFileSync(path.join(home, 'server.json'), 'utf8')).pid;
  const procs = { 'control plane': server, dockerd: pidOf('dockerd'), containerd: pidOf('containerd') };
  const before = Object.fromEntries(Object.entries(procs).map(([k, pid]) => [k, pid ? cpuSeconds(pid) : NaN]));
  const containersBefore = clusterContainersCpu(home);
  const w0 = performance.now();
  await sleep(WINDOW_S * 1000);
  const wall = (performance.now() - w0) / 1000;
  const cpu = Object.fromEntries(Object.entries(procs).map(([k, pid]) => [k, pid ? ((cpuSeconds(pid) - before[k]) / wall) * 100 : NaN]));
  const containersAfter = clusterContainersCpu(home);
  cpu.containers = ((containersAfter.seconds - containersBefore.seconds) / wall) * 100;
  // How many probes the window saw (one pod's httpd log: one line per request).
  let probesPerSecond;
  if (probe === 'http') {
    const pods = await api(home, 'GET', '/api/v1/namespaces/default/pods');
    const name = pods.items[0].metadata.name;
    const logs = kbx(home, ['logs', name, `--since=${WINDOW_S}s`]).stdout;
    probesPerSecond = (logs.match(/response:200/g) ?? []).length / WINDOW_S;
  }
  return { label, home, readyAfter, cpu, probesPerSecond };
}

/** Pods whose exec liveness probe fails after 3 s; Docker's events give the timeline of their first restart. */
async function restartDelays(home) {
  const id = JSON.parse(fs.readFileSync(path.join(home, 'cluster.json'), 'utf8')).id;
  const events = spawn('docker', ['events', '--filter', `label=io.kbx.cluster=${id}`, '--filter', 'label=io.kbx.container=liveness', '--format', '{{json .}}']);
  let log = '';
  events.stdout.on('data', (d) => (log += d));
  await sleep(500);
  const names = [];
  for (let i = 0; i < RESTART_PODS; i++) {
    const name = `liveness-${i}`;
    names.push(name);
    const file = path.join(home, `${name}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: {
          containers: [
            {
              name: 'liveness',
              image: 'busybox:latest',
              imagePullPolicy: 'IfNotPresent',
              command: ['sh', '-c', "trap 'exit 0' TERM; touch /tmp/healthy; sleep 3; rm -f /tmp/healthy; sleep 600 & wait"],
              livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 1, failureThreshold: 3 },
            },
          ],
        },
      }),
    );
    kbx(home, ['apply', '-f', file]);
  }
  await waitUntil('a restart of every liveness pod', async () => {
    const pods = await api(home, 'GET', '/api/v1/namespaces/default/pods');
    const live = pods.items.filter((p) => names.includes(p.metadata.name));
    return live.length === names.length && live.every((p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && p.status.containerStatuses[0].state.running);
  }, 120_000);
  await sleep(500);
  events.kill();
  const evs = log.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const out = [];
  for (const name of names) {
    const mine = evs.filter((e) => e.Actor?.Attributes?.['io.kbx.pod'] === name);
    const kill = mine.find((e) => e.status === 'kill');
    if (!kill) continue;
    const probeEnd = [...mine].reverse().find((e) => String(e.status).startsWith('exec_die') && e.id === kill.id && e.timeNano < kill.timeNano);
    const restart = mine.find((e) => e.status === 'start' && e.id !== kill.id && e.timeNano > kill.timeNano);
    if (!probeEnd || !restart) continue;
    out.push({ kill: (kill.timeNano - probeEnd.timeNano) / 1e6, restart: (restart.timeNano - probeEnd.timeNano) / 1e6 });
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : 'n/a');

async function main() {
  console.log(`bench-probes: ${PODS} pods, probes every second, CPU over ${WINDOW_S} s once all are ready (${os.cpus().length} CPUs; 100 % = one core)`);
  const runs = [];
  let restart = [];
  try {
    for (const [key, label, probe, network] of [
      ['baseline', 'no probes (baseline)', 'none', undefined],
      ['direct', 'httpGet, host → pod IP', 'http', 'direct'],
      ['sandbox', 'httpGet, from the pod sandbox', 'http', 'sandbox'],
      ['exec', 'exec (cat a file)', 'exec', undefined],
    ]) {
      if (ONLY && !ONLY.includes(key)) continue;
      const r = await cpuRun(label, probe, network);
      runs.push(r);
      console.log(`  ${label}: ready after ${r.readyAfter.toFixed(0)} s; CPU control plane ${pct(r.cpu['control plane'])}, dockerd ${pct(r.cpu.dockerd)}, containerd ${pct(r.cpu.containerd)}, the cluster's containers ${pct(r.cpu.containers)}${r.probesPerSecond !== undefined ? `; ${r.probesPerSecond.toFixed(2)} probes/s seen by one pod` : ''}`);
      if (probe !== 'none' && !restart.length) restart = await restartDelays(r.home);
      kbx(r.home, ['cluster', 'reset']);
    }
  } catch (e) {
    // Show what the control plane said before the clusters go.
    const logs = path.join(homes[homes.length - 1], 'logs');
    for (const f of fs.existsSync(logs) ? fs.readdirSync(logs) : []) {
      console.error(`--- ${f}\n${fs.readFileSync(path.join(logs, f), 'utf8').split('\n').slice(-30).join('\n')}`);
    }
    throw e;
  } finally {
    for (const h of homes) {
      kbx(h, ['cluster', 'reset']);
      fs.rmSync(h, { recursive: true, force: true });
    }
  }
  console.log('');
  console.log(`| ${PODS} pods, 1 probe/s each | control plane | dockerd | containerd | the pods' containers |`);
  console.log('|---|---|---|---|---|');
  for (const r of runs) console.log(`| ${r.label} | ${pct(r.cpu['control plane'])} | ${pct(r.cpu.dockerd)} | ${pct(r.cpu.containerd)} | ${pct(r.cpu.containers)} |`);
  console.log('');
  if (restart.length) {
    console.log(
      `Liveness restart (${restart.length} pods, exec probe, period 1 s, failureThreshold 3, while the ${PODS} pods are probed): ` +
        `failure threshold reached → kill signal median ${median(restart.map((r) => r.kill)).toFixed(0)} ms (max ${Math.max(...restart.map((r) => r.kill)).toFixed(0)}), ` +
        `→ new container started median ${median(restart.map((r) => r.restart)).toFixed(0)} ms (max ${Math.max(...restart.map((r) => r.restart)).toFixed(0)})`,
    );
  } else console.log('Liveness restart: not measured');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
