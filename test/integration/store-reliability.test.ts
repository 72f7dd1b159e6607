// The store and the control-plane lock through the real CLI: crash-and-stampede (kill -9, then 16
// auto-starting commands at once) never leaves two control planes; a damaged log is set aside and
// reported in one line; a control plane that cannot start is reported at once with its log.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Cluster, KBX, ROOT, waitFor } from './harness.js';

const clusters: Cluster[] = [];
const cluster = (name: string) => {
  const c = new Cluster(name);
  clusters.push(c);
  return c;
};
afterAll(() => {
  for (const c of clusters) c.destroy();
});

/** Control-plane processes of a KBX_HOME (a census of /proc: Linux). */
function controlPlanes(home: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('controlplane')) continue;
      if (!fs.readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').includes(`KBX_HOME=${home}`)) continue;
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z') out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

function kbxAsync(c: Cluster, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [KBX, ...args], { env: c.env(), cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('exactly one control plane per KBX_HOME', () => {
  it('kill -9, then 16 auto-starting commands at once: one control plane, every command answered, no acknowledged write lost', async () => {
    const c = cluster('stampede');
    c.ok('get ns');
    for (let t = 0; t < 3; t++) {
      c.ok(`create namespace trial-${t}`);
      for (const pid of controlPlanes(c.home)) process.kill(pid, 'SIGKILL');
      const results = await Promise.all(Array.from({ length: 16 }, () => kbxAsync(c, ['get', 'pods'])));
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      // The losers give a live owner a few seconds, then exit: afterwards exactly one remains.
      await waitFor('the losing control planes to exit', () => controlPlanes(c.home).length === 1, 15_000, 100);
      expect(controlPlanes(c.home)).toEqual([c.serverPid()]);
      const ns = c.ok('get ns -o name');
      for (let i = 0; i <= t; i++) expect(ns).toContain(`namespace/trial-${i}\n`);
    }
  });
});

describe('a damaged store', () => {
  it('a flipped byte in the log: the rest is set aside, said in one line on stderr and in cluster status', async () => {
    const c = cluster('flip');
    c.ok('get ns');
    for (let i = 0; i < 12; i++) c.ok(`create namespace ns-${i}`);
    const pid = c.serverPid()!;
    process.kill(pid, 'SIGKILL'); // no final compaction: the namespaces are in the log
    await waitFor('the control plane to die', () => !controlPlanes(c.home).includes(pid), 10_000, 50);
    const wal = path.join(c.home, 'store', 'wal.log');
    const bytes = fs.readFileSync(wal);
    const at = bytes.indexOf('"name":"ns-6"');
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = bytes[at + 9]! ^ 0x04;
    fs.writeFileSync(wal, bytes);
    const r = c.kbx('get ns -o name');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('namespace/ns-5\n');
    expect(r.stdout).not.toContain('namespace/ns-6\n');
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('kbx: warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^kbx: warning: the store set aside \d+ bytes \(\d+ records\) of wal\.log in wal\.log\.set-aside-\S+: record \d+ \(at byte \d+\) is a record that fails its checksum; started from \S+ and \d+ log record\(s\)/);
    const aside = fs.readdirSync(path.join(c.home, 'store')).filter((f) => f.startsWith('wal.log.set-aside-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(c.home, 'store', aside[0]!), 'utf8')).toContain('"name":"ns-11"');
    const st = c.ok('cluster status');
    expect(st).toMatch(/ {2}store: {7}healthy\n {15}\S+ set aside \d+ bytes \(\d+ records\) of wal\.log in wal\.log\.set-aside-/);
    // The next command says nothing more; writes work.
    const again = c.kbx('create namespace after');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('a control plane that cannot open its store is reported at once, with the end of its log', () => {
    const c = cluster('nostart');
    fs.mkdirSync(c.home, { recursive: true });
    fs.writeFileSync(path.join(c.home, 'store'), 'a file where the store directory belongs');
    const t0 = Date.now();
    const r = c.kbx('get pods');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the kbx control plane failed to start \(exit status 1\); the end of \S+control-plane\.log:\n.*cannot open the store in \S+store: /);
    fs.rmSync(path.join(c.home, 'store'));
  });
});
