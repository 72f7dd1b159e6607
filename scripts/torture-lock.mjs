#!/usr/bin/env node
// Crash-and-stampede trials for the control-plane lock: exactly one control plane per KBX_HOME.
//
//   node scripts/torture-lock.mjs [--trials=500] [--clients=16] [--cli-trials=10] [--short]
//
// Lock trials: the owner is killed with SIGKILL while 16 processes race to take the lock over (the
// lock code of the control plane, dist/controlplane/lock.js, with its retry loop); a trial fails when
// two live processes hold it at once. CLI trials: a real cluster's control plane is killed with
// SIGKILL, then 16 `kbx get pods` start at once (each auto-starts the control plane when it finds
// none); a trial fails when two control planes run for the KBX_HOME afterwards, a command fails, or
// a namespace created (and acknowledged) in an earlier trial is gone. Needs Linux (/proc) for the
// process census; --short is the CI size. Everything runs in temporary KBX_HOMEs, reset at the end.
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KBX = path.join(ROOT, 'bin', 'kbx');
const arg = (name, dflt) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const SHORT = process.argv.includes('--short');
const TRIALS = arg('trials', SHORT ? 10 : 500);
const CLIENTS = arg('clients', 16);
const CLI_TRIALS = arg('cli-trials', SHORT ? 2 : 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

// A contender: a process of its own that, at each "go", takes the lock as the control plane does (with its retry
// loop) and answers whether it holds it; a holder keeps it until it is killed. A pool of them is spawned once:
// each trial replaces only the owner that was killed (spawning 16 processes a trial is what made 500 trials slow).
const CONTENDER = `
import { tryLock } from ${JSON.stringify(path.join(ROOT, 'dist', 'controlplane', 'lock.js'))};
const dir = process.argv[process.argv.length - 1];
let holding = false;
process.on('message', async () => {
  if (holding) return process.send('held');
  let r = tryLock(dir);
  for (let i = 0; i < 20 && !r.held; i++) { await new Promise((res) => setTimeout(res, 10)); r = tryLock(dir); }
  holding = r.held;
  process.send(r.held ? 'held' : 'lost');
});
process.send('ready');
`;

async function lockTrials() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-torture-lock-'));
  const dir = path.join(base, 'control-plane.owner');
  const script = path.join(base, 'contender.mjs');
  fs.writeFileSync(script, CONTENDER);
  const spawnOne = () =>
    new Promise((resolve) => {
      const p = fork(script, [dir], { stdio: 'ignore' });
      p.once('message', () => resolve(p));
    });
  const pool = await Promise.all(Array.from({ length: CLIENTS }, spawnOne));
  const ask = (p) => new Promise((resolve) => {
    const onExit = () => resolve('dead');
    p.once('exit', onExit);
    p.once('message', (m) => { p.off('exit', onExit); resolve(m); });
    p.send('go');
  });
  let failures = 0;
  let owner;
  let spare = spawnOne(); // the next owner's replacement, started ahead
  for (let t = 0; t < TRIALS; t++) {
    // The crash lands while the stampede is under way: every contender races for the lock at once.
    const answers = pool.map(ask);
    await sleep(Math.random() * 20);
    if (owner) owner.kill('SIGKILL');
    const got = await Promise.all(answers);
    const live = pool.filter((p, i) => got[i] === 'held' && alive(p.pid));
    if (live.length !== 1) {
      failures++;
      process.stderr.write(`lock trial ${t + 1}: ${live.length} holders (${live.map((p) => p.pid).join(', ')})\n`);
    }
    for (const p of live.slice(1)) p.kill('SIGKILL');
    // The killed owner's place in the pool goes to a new process.
    if (owner) {
      pool[pool.indexOf(owner)] = await spare;
      spare = spawnOne();
    }
    owner = live[0];
    if ((t + 1) % 100 === 0) process.stderr.write(`lock trials: ${t + 1}/${TRIALS}, ${failures} failure(s)\n`);
  }
  for (const p of [...pool, await spare]) p.kill('SIGKILL');
  fs.rmSync(base, { recursive: true, force: true });
  return { trials: TRIALS, failures };
}

/** Control-plane processes whose KBX_HOME is `home` (a census of /proc). */
function controlPlanes(home) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (!cmd.includes('controlplane')) continue;
      const env = fs.readFileSync(`/proc/${d}/environ`, 'utf8').split('\0');
      if (env.includes(`KBX_HOME=${home}`) && alive(Number(d))) out.push(Number(d));
    } catch {
      /* gone, or not ours */
    }
  }
  return out;
}

function kbxAsync(home, args) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [KBX, ...args], { env: { ...process.env, KBX_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, err }));
  });
}

async function cliTrials() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-torture-cli-'));
  const run = (args) => spawnSync(process.execPath, [KBX, ...args], { env: { ...process.env, KBX_HOME: home, NO_COLOR: '1' }, encoding: 'utf8' });
  let failures = 0;
  let lost = 0;
  let acknowledged = 0;
  try {
    if (run(['get', 'ns']).status !== 0) throw new Error('the first start failed');
    for (let t = 0; t < CLI_TRIALS; t++) {
      // One acknowledged write per trial, then the crash.
      if (run(['create', 'namespace', `t${t}`]).status === 0) acknowledged++;
      for (const pid of controlPlanes(home)) process.kill(pid, 'SIGKILL');
      const results = await Promise.all(Array.from({ length: CLIENTS }, () => kbxAsync(home, ['get', 'pods'])));
      const bad = results.filter((r) => r.code !== 0);
      await sleep(3500); // losers give a live owner 3 s, then exit
      const planes = controlPlanes(home);
      const ns = run(['get', 'ns', '-o', 'name']).stdout;
      const missing = Array.from({ length: t + 1 }, (_, i) => `namespace/t${i}`).filter((n) => !ns.includes(`${n}\n`));
      lost += missing.length;
      if (planes.length !== 1 || bad.length || missing.length) {
        failures++;
        process.stderr.write(`cli trial ${t + 1}: ${planes.length} control planes, ${bad.length} failed commands${bad[0] ? ` (${bad[0].err.trim()})` : ''}, missing ${missing.join(' ') || 'none'}\n`);
      }
    }
  } finally {
    run(['cluster', 'reset']);
    fs.rmSync(home, { recursive: true, force: true });
  }
  return { trials: CLI_TRIALS, failures, acknowledged, lost };
}

const lock = await lockTrials();
process.stdout.write(`lock stampede (SIGKILL of the owner during ${CLIENTS} concurrent takeovers): ${lock.trials} trials, ${lock.failures} failures (two holders)\n`);
const cli = await cliTrials();
process.stdout.write(
  `cli stampede (SIGKILL, then ${CLIENTS} concurrent auto-starting kbx get pods): ${cli.trials} trials, ${cli.failures} failures, ${cli.acknowledged} acknowledged writes, ${cli.lost} lost\n`,
);
process.exit(lock.failures || cli.failures ? 1 : 0);
