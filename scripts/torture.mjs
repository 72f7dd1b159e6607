#!/usr/bin/env node
// The torture suite: kbx attacked as the reliability issue (#17) attacked it, each scenario printing its trials,
// failures and acknowledged writes lost. Everything runs on loopback in temporary KBX_HOMEs (reset at the end),
// bounded in time. `--short` is the CI size (test/integration/torture.test.ts runs it; fuzz and behind are the CI
// suite's own files there).
//
//   npm run torture [-- --short] [-- --only=kill9,corruption]
//
// Scenarios:
//   stampede    the control-plane lock: the owner SIGKILLed during 16 concurrent takeovers, then a real control
//               plane SIGKILLed and 16 auto-starting `kbx get pods` at once (scripts/torture-lock.mjs)
//   kill9       ConfigMaps written by 4 concurrent HTTPS clients; the control plane SIGKILLed at a random moment;
//               after the restart every acknowledged (201) write must be there
//   crash       the control plane SIGKILLed mid-rollout of a Deployment; after the restart the rollout completes
//   corruption  the WAL or snapshot damaged while the control plane is down (a flipped byte, a torn tail, a
//               garbage snapshot): the store starts, keeps everything before the damage, sets the rest aside
//               and says so on the CLI's stderr
//   fuzz        property-based fuzzing of the API (test/unit/api-fuzz.test.ts with fresh seeds)
//   behind      faults behind kbx's back on Docker (test/integration/faults.test.ts: pause, network disconnect,
//               data-plane kill), each healed within 15 s
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const SHORT = process.argv.includes('--short');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s) => !only || only.includes(s);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = [];

function report(name, r) {
  results.push({ name, ...r });
  process.stdout.write(`${name.padEnd(11)} trials ${String(r.trials).padStart(6)}  failures ${r.failures}  acknowledged writes lost ${r.lost ?? 0}${r.note ? `  (${r.note})` : ''}\n`);
}

// ---------------------------------------------------------------- a cluster home

/** Homes not yet reset: a run stopped by a signal (a CI timeout) still leaves nothing behind. */
const live = new Set();
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    for (const d of [...live]) d();
    process.exit(1);
  });
}

function newHome(name, env = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `kbx-torture-${name}-`));
  const e = { ...process.env, KBX_HOME: home, NO_COLOR: '1', ...env };
  delete e.KUBECONFIG;
  const run = (args, input = '') => {
    const r = spawnSync(process.execPath, [KBX, ...args], { env: e, encoding: 'utf8', input, timeout: 120_000 });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const serverPid = () => {
    try {
      return JSON.parse(fs.readFileSync(path.join(home, 'server.json'), 'utf8')).pid;
    } catch {
      return undefined;
    }
  };
  const kill9 = () => {
    const pid = serverPid();
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    return pid;
  };
  const destroy = () => {
    run(['cluster', 'reset']);
    fs.rmSync(home, { recursive: true, force: true });
    live.delete(destroy);
  };
  live.add(destroy);
  return { home, run, kill9, serverPid, destroy };
}

/** Server, token and CA of the kubeconfig kbx wrote. */
function credentials(home) {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  const server = /server:\s*(\S+)/.exec(text)[1];
  const token = /token:\s*(\S+)/.exec(text)[1];
  const ca = Buffer.from(/certificate-authority-data:\s*(\S+)/.exec(text)[1], 'base64');
  return { url: new URL(server), token, ca };
}

function post(cred, p, body, agent) {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = https.request(
      { host: cred.url.hostname, port: cred.url.port, path: p, method: 'POST', ca: cred.ca, agent, timeout: 5000, headers: { authorization: `Bearer ${cred.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end(data);
  });
}

function configMapNames(c, ns) {
  const r = c.run(['get', 'configmaps', '-n', ns, '-o', 'name']);
  return { code: r.code, stderr: r.stderr, names: new Set(r.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^configmap\//, ''))) };
}

// ---------------------------------------------------------------- stampede

async function stampede() {
  const args = SHORT ? ['--trials=8', '--cli-trials=1'] : ['--trials=500', '--cli-trials=10'];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'torture-lock.mjs'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lock = /lock stampede.*?: (\d+) trials, (\d+) failures/.exec(r.stdout);
  const cli = /cli stampede.*?: (\d+) trials, (\d+) failures, (\d+) acknowledged writes, (\d+) lost/.exec(r.stdout);
  if (!lock || !cli) return report('stampede', { trials: 0, failures: 1, note: `torture-lock.mjs said: ${r.stdout.trim()}` });
  report('stampede', { trials: Number(lock[1]) + Number(cli[1]), failures: Number(lock[2]) + Number(cli[2]), lost: Number(cli[4]), note: `${lock[1]} lock + ${cli[1]} CLI trials, 16 contenders each` });
}

// ---------------------------------------------------------------- kill -9 under writes

async function kill9() {
  const trials = SHORT ? 2 : 100;
  const c = newHome('kill9', { KBX_DATAPLANE: 'off' });
  let failures = 0;
  let lost = 0;
  let acked = 0;
  try {
    if (c.run(['create', 'namespace', 'w']).code !== 0) throw new Error('the first start failed');
    const all = new Set();
    for (let t = 0; t < trials; t++) {
      const cred = credentials(c.home);
      const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
      let stop = false;
      let n = 0;
      const writer = async (w) => {
        while (!stop) {
          const name = `c${t}-${w}-${n++}`;
          const code = await post(cred, '/api/v1/namespaces/w/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v: 'x'.repeat(64) } }, agent);
          if (code === 201) {
            all.add(name);
            acked++;
          } else if (code === 0) return; // the connection died with the control plane
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await sleep(150 + Math.random() * 600);
      c.kill9();
      stop = true;
      await Promise.all(writers);
      agent.destroy();
      const { code, names, stderr } = configMapNames(c, 'w');
      const missing = [...all].filter((x) => !names.has(x));
      lost += missing.length;
      if (code !== 0 || missing.length) {
        failures++;
        process.stderr.write(`kill9 trial ${t + 1}: exit ${code} ${stderr.trim()}; missing ${missing.slice(0, 5).join(' ')}${missing.length > 5 ? ' …' : ''}\n`);
      }
      if ((t + 1) % 25 === 0) process.stderr.write(`kill9 trials: ${t + 1}/${trials}, ${acked} acknowledged, ${failures} failure(s)\n`);
    }
  } finally {
    c.destroy();
  }
  report('kill9', { trials, failures, lost, note: `${acked} acknowledged writes under SIGKILL` });
}

// ---------------------------------------------------------------- crash mid-rollout

async function crash() {
  const trials = SHORT ? 1 : 10;
  const c = newHome('crash');
  let failures = 0;
  try {
    const manifest = `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: roll }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: roll } }\n  strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }\n  template:\n    metadata: { labels: { app: roll } }\n    spec:\n      terminationGracePeriodSeconds: 1\n      containers:\n      - { name: c, image: busybox:latest, command: ['sleep', '3600'], env: [{ name: GEN, value: '0' }] }\n`;
    if (c.run(['apply', '-f', '-'], manifest).code !== 0) throw new Error('apply failed');
    if (c.run(['rollout', 'status', 'deployment/roll', '--timeout=90s']).code !== 0) throw new Error('the first rollout did not complete');
    for (let t = 1; t <= trials; t++) {
      const set = c.run(['set', 'env', 'deployment/roll', `GEN=${t}`]);
      await sleep(300 + Math.random() * 1500);
      c.kill9();
      const st = c.run(['rollout', 'status', 'deployment/roll', '--timeout=90s']);
      const env = c.run(['get', 'deployment', 'roll', '-o', 'jsonpath={.spec.template.spec.containers[0].env[0].value} {.status.updatedReplicas} {.status.readyReplicas}']);
      const ok = set.code === 0 && st.code === 0 && env.stdout.trim() === `${t} 2 2`;
      if (!ok) {
        failures++;
        process.stderr.write(`crash trial ${t}: set ${set.code}, rollout status ${st.code} ${st.stderr.trim()}, deployment "${env.stdout.trim()}"\n`);
      }
    }
  } finally {
    c.destroy();
  }
  report('crash', { trials, failures, lost: 0, note: 'SIGKILL mid-rollout, then rollout status to completion' });
}

// ---------------------------------------------------------------- corruption

/** Configmap names whose records are in `lines` (the WAL's lines). */
const namesIn = (lines) => new Set(lines.flatMap((l) => [...l.matchAll(/"name":"(k\d+-\d+)"/g)].map((m) => m[1])));

async function corruption() {
  const rounds = SHORT ? 1 : 10;
  const c = newHome('corrupt', { KBX_DATAPLANE: 'off' });
  let trials = 0;
  let failures = 0;
  let lost = 0;
  const store = path.join(c.home, 'store');
  const fail = (what) => {
    failures++;
    process.stderr.write(`corruption: ${what}\n`);
  };
  try {
    if (c.run(['create', 'namespace', 'k']).code !== 0) throw new Error('the first start failed');
    let seq = 0;
    const write = (n) => {
      const made = [];
      for (let i = 0; i < n; i++) {
        const name = `k${seq}-${i}`;
        if (c.run(['create', 'configmap', name, '-n', 'k', '--from-literal=a=b']).code === 0) made.push(name);
      }
      seq++;
      return made;
    };
    for (let r = 0; r < rounds; r++) {
      for (const variant of ['bitflip', 'torn', 'snapshot']) {
        trials++;
        const before = configMapNames(c, 'k').names;
        const made = write(6);
        if (variant === 'snapshot') {
          // A clean stop compacts: the new snapshot, the previous one and the log between them are kept.
          c.run(['cluster', 'stop']);
          fs.writeFileSync(path.join(store, 'snapshot.json'), '{"garbage');
        } else {
          c.kill9();
          await sleep(100);
          const walFile = path.join(store, 'wal.log');
          const buf = fs.readFileSync(walFile);
          const lines = buf.toString('latin1').split('\n');
          // Damage one of the lines holding this round's writes.
          const idx = lines.map((l, i) => [l, i]).filter(([l]) => made.some((m) => l.includes(`"${m}"`))).map(([, i]) => i);
          if (!idx.length) {
            fail(`${variant}: this round's records are not in wal.log`);
            continue;
          }
          const k = idx[Math.floor(idx.length / 2)];
          const offset = lines.slice(0, k).reduce((n, l) => n + Buffer.byteLength(l, 'latin1') + 1, 0);
          const keep = namesIn(lines.slice(0, k));
          if (variant === 'bitflip') {
            const at = offset + 10 + Math.floor(Math.random() * Math.max(1, lines[k].length - 12));
            buf[at] ^= 0x20;
            fs.writeFileSync(walFile, buf);
          } else {
            fs.truncateSync(walFile, offset + Math.floor(lines[k].length / 2));
          }
          for (const n of made) if (!keep.has(n)) before.delete(n); // after the damage: set aside, not promised
          for (const n of made) if (keep.has(n)) before.add(n);
        }
        const first = c.run(['get', 'configmaps', '-n', 'k', '-o', 'name']);
        const now = configMapNames(c, 'k').names;
        const expected = variant === 'snapshot' ? new Set([...before, ...made]) : before;
        const missing = [...expected].filter((n) => !now.has(n));
        lost += missing.length;
        const warned = /set aside|kbx: warning/i.test(first.stderr);
        if (first.code !== 0) fail(`${variant}: the store did not start: ${first.stderr.trim()}`);
        else if (missing.length) fail(`${variant}: lost ${missing.join(' ')}`);
        else if (variant !== 'torn' && !warned) fail(`${variant}: nothing said on stderr (${JSON.stringify(first.stderr)})`);
      }
    }
  } finally {
    c.destroy();
  }
  report('corruption', { trials, failures, lost, note: 'bit flip, torn tail, garbage snapshot: what precedes the damage kept, the rest set aside and reported' });
}

// ---------------------------------------------------------------- fuzz

async function fuzz() {
  const seed = SHORT ? 17 : Math.floor(Math.random() * 1e6);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', 'test/unit/api-fuzz.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KBX_FUZZ_SEED: String(seed), KBX_FUZZ_SCALE: SHORT ? '0.3' : '2', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const m = /api fuzz: (\d+) requests, statuses (\{[^}]*\})/.exec(r.stdout);
  const failed = /(\d+) failed/.exec(r.stdout)?.[1];
  if (!m) return report('fuzz', { trials: 0, failures: 1, note: `vitest exited ${r.status}` });
  const statuses = JSON.parse(m[2]);
  const fivexx = Object.entries(statuses).filter(([k]) => Number(k) >= 500).reduce((n, [, v]) => n + v, 0);
  if (r.status !== 0) process.stderr.write(r.stdout.split('\n').filter((l) => /Counterexample|Caused by|×/.test(l)).join('\n') + '\n');
  report('fuzz', { trials: Number(m[1]), failures: Number(failed ?? 0) + fivexx, lost: 0, note: `seed ${seed}, HTTP statuses ${m[2]}` });
}

// ---------------------------------------------------------------- behind its back

async function behind() {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'integration', 'test/integration/faults.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const passed = Number(/Tests\s+(?:\d+ failed \| )?(\d+) passed/.exec(r.stdout)?.[1] ?? 0);
  const failed = Number(/Tests\s+(\d+) failed/.exec(r.stdout)?.[1] ?? 0);
  const heals = r.stdout.split('\n').filter((l) => /after \d+ ms/.test(l)).map((l) => l.trim()).join('; ');
  report('behind', { trials: passed + failed, failures: failed + (r.status !== 0 && !failed ? 1 : 0), lost: 0, note: heals || `vitest exited ${r.status}` });
}

// ---------------------------------------------------------------- run

const t0 = Date.now();
process.stdout.write(`kbx torture (${SHORT ? 'short' : 'full'}), ${new Date().toISOString()}\n`);
if (want('stampede')) await stampede();
if (want('kill9')) await kill9();
if (want('crash')) await crash();
if (want('corruption')) await corruption();
// The CI suite runs these two itself, at their CI sizes: test/unit/api-fuzz.test.ts and test/integration/faults.test.ts.
if (want('fuzz') && !SHORT) await fuzz();
if (want('behind') && !SHORT) await behind();
const bad = results.filter((r) => r.failures || r.lost);
process.stdout.write(`total: ${results.reduce((n, r) => n + r.trials, 0)} trials, ${bad.length ? `${bad.length} scenario(s) failed` : 'no failures, no acknowledged write lost'} in ${Math.round((Date.now() - t0) / 1000)} s\n`);
process.exit(bad.length ? 1 : 0);
