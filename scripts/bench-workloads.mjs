#!/usr/bin/env node
// npm run bench:workloads [-- --quick]: what the Job controller and the scheduler cost against bare Docker.
//
// 1. A Job of 100 completions, parallelism 10, of `busybox:latest true`: `kbx apply` → the Job Complete, against the
//    same 100 containers run with `docker run` (and removed), 10 at a time, in the same run.
// 2. The scheduler with 100 pending pods: 100 pods whose nodeSelector no node matches (Pending, FailedScheduling);
//    then the node gets the label: the time until every pod is bound, and until every pod is Running.
// Each part in its own KBX_HOME, reset at the end. --quick: 30 completions / 30 pods.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const QUICK = process.argv.includes('--quick');
const N = QUICK ? 30 : 100;
const PAR = 10;
const homes = [];

function newHome(tag) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `kbx-bench-workloads-${tag}-`));
  homes.push(home);
  return home;
}
const kbx = (home, args, input = '') => spawnSync(process.execPath, [KBX, ...args], { env: { ...process.env, KBX_HOME: home, NO_COLOR: '1' }, encoding: 'utf8', input });
const ok = (home, args, input) => {
  const r = kbx(home, args, input);
  if (r.status !== 0) throw new Error(`kbx ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, timeoutMs = 600_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fn()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

function dockerRun(name) {
  return new Promise((resolve, reject) => {
    const p = spawn('docker', ['run', '--name', name, '--label', 'io.kbx.bench=workloads', 'busybox:latest', 'true'], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker run ${name} exited ${code}`))));
  });
}

async function dockerWaves() {
  const t0 = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      await dockerRun(`kbx-bench-job-${process.pid}-${i}`);
    }
  };
  await Promise.all(Array.from({ length: PAR }, worker));
  const ms = Date.now() - t0;
  const ids = spawnSync('docker', ['ps', '-aq', '--filter', 'label=io.kbx.bench=workloads'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  if (ids.length) spawnSync('docker', ['rm', '-f', ...ids], { stdio: 'ignore' });
  return ms;
}

async function jobRun() {
  const home = newHome('job');
  ok(home, ['get', 'ns']); // the control plane up first: its start is not the Job's cost
  const job = `apiVersion: batch/v1\nkind: Job\nmetadata: { name: many }\nspec:\n  completions: ${N}\n  parallelism: ${PAR}\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - { name: c, image: busybox:latest, imagePullPolicy: IfNotPresent, command: ['true'] }\n`;
  const t0 = Date.now();
  ok(home, ['apply', '-f', '-'], job);
  await until('the Job Complete', () => kbx(home, ['get', 'job', 'many', '-o', 'jsonpath={.status.succeeded}']).stdout.trim() === String(N));
  return Date.now() - t0;
}

async function schedulerRun() {
  const home = newHome('sched');
  ok(home, ['get', 'ns']);
  const pods = Array.from({ length: N }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i} }\nspec:\n  nodeSelector: { pool: bench }\n  terminationGracePeriodSeconds: 1\n  containers:\n  - { name: c, image: busybox:latest, imagePullPolicy: IfNotPresent, command: ['sleep', '3600'] }\n`).join('---\n');
  ok(home, ['apply', '-f', '-'], pods);
  const pending = () => kbx(home, ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}']).stdout.split('\n').filter((l) => l.trim()).length;
  await until('all pods marked unschedulable', () => (kbx(home, ['get', 'events', '--field-selector', 'reason=FailedScheduling', '-o', 'name']).stdout.match(/event/g) ?? []).length >= 1);
  if (pending() !== 0) throw new Error('pods were bound before the node matched');
  const node = ok(home, ['get', 'nodes', '-o', 'name']).trim();
  const t0 = Date.now();
  ok(home, ['label', node, 'pool=bench']);
  await until('every pod bound', () => pending() === N);
  const bound = Date.now() - t0;
  await until('every pod Running', () => (kbx(home, ['get', 'pods', '--no-headers']).stdout.match(/ Running /g) ?? []).length === N);
  return { bound, running: Date.now() - t0 };
}

const out = [];
try {
  process.stdout.write(`bench:workloads (${QUICK ? 'quick' : 'full'}) — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${load()}\n`);
  const d = await dockerWaves();
  const j = await jobRun();
  const d2 = await dockerWaves(); // the load drifts: the baseline again, after
  const base = (d + d2) / 2;
  out.push(`| Job: ${N} completions, parallelism ${PAR}: apply → Complete vs ${N} \`docker run\` ${PAR} at a time | ${(j / 1000).toFixed(1)} s | ${(d / 1000).toFixed(1)} / ${(d2 / 1000).toFixed(1)} s | ${(j / base).toFixed(2)} × |`);
  const s = await schedulerRun();
  out.push(`| Scheduler: ${N} pending pods, the node labelled → all bound (Running) | ${(s.bound / 1000).toFixed(2)} s (${(s.running / 1000).toFixed(1)} s) | — | ${(s.bound / N).toFixed(1)} ms a pod |`);
  process.stdout.write(`\n| scenario | kbx | baseline (before / after) | ratio |\n|---|---|---|---|\n${out.join('\n')}\n\nload at the end ${load()}\n`);
} finally {
  for (const h of homes) {
    kbx(h, ['cluster', 'reset']);
    fs.rmSync(h, { recursive: true, force: true });
  }
}
