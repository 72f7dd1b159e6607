// Finds the control plane of $KBX_HOME and starts it in the background when it is not running.
import fs from 'node:fs';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ApiClient } from './client.js';
import { ensureHome, kbxHome, paths, pidAlive, readServerInfo } from '../config/home.js';

export interface KubeconfigTarget {
  server: string;
  token: string;
  namespace: string;
}

/**
 * Reads the kubeconfig kbx writes. The common case is parsed by hand: the `yaml` package costs more
 * to load than the whole request, so it is only loaded for a file someone restructured.
 */
export function readKubeconfig(file: string): KubeconfigTarget | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const server = /^\s+server:\s*(\S+)\s*$/m.exec(text)?.[1];
  const token = /^\s+token:\s*(\S+)\s*$/m.exec(text)?.[1];
  const namespace = /^\s+namespace:\s*(\S+)\s*$/m.exec(text)?.[1];
  const contexts = text.match(/^- context:/gm)?.length ?? 0;
  if (server && contexts <= 1) return { server, token: token ?? '', namespace: namespace || 'default' };
  return readKubeconfigYaml(text);
}

function readKubeconfigYaml(text: string): KubeconfigTarget | undefined {
  const require = createRequire(import.meta.url);
  const YAML = require('yaml') as typeof import('yaml');
  let doc: any;
  try {
    doc = YAML.parse(text);
  } catch {
    return undefined;
  }
  const ctxName = doc?.['current-context'];
  const ctx = doc?.contexts?.find((c: any) => c.name === ctxName)?.context;
  const cluster = doc?.clusters?.find((c: any) => c.name === ctx?.cluster)?.cluster;
  const user = doc?.users?.find((u: any) => u.name === ctx?.user)?.user;
  if (!cluster?.server) return undefined;
  return { server: cluster.server, token: user?.token ?? '', namespace: ctx?.namespace || 'default' };
}

function healthy(server: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const url = new URL('/healthz', server);
    const req = http.get({ host: url.hostname, port: url.port, path: url.pathname, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * A control-plane script (`main`, `reset`) in dist/controlplane/. Resolved from this module, which sits
 * one level below dist/ both as compiled (dist/client/) and as bundled for the CLI (dist/cli-bundle/).
 * `main` is started from its bundle (dist/controlplane-bundle/, made by `npm run build`) when that is at
 * least as new as the compiled file: it answers sooner.
 */
export function controlPlaneScript(name: 'main' | 'reset'): string {
  const compiled = fileURLToPath(new URL(`../controlplane/${name}.js`, import.meta.url));
  if (name !== 'main') return compiled;
  const bundled = fileURLToPath(new URL('../controlplane-bundle/main.js', import.meta.url));
  return mtime(bundled) >= mtime(compiled) ? bundled : compiled;
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

export function controlPlaneEntry(): string {
  return controlPlaneScript('main');
}

/** Starts the control plane process for `home` and waits until it answers. */
export async function startControlPlane(home: string, announce: (msg: string) => void): Promise<KubeconfigTarget> {
  const p = paths(home);
  ensureHome(home);
  fs.mkdirSync(p.logs, { recursive: true, mode: 0o700 });
  const out = fs.openSync(p.log, 'a', 0o600);
  const child = spawn(process.execPath, [controlPlaneEntry()], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, KBX_HOME: home },
  });
  // A start that fails is reported at once; one that exits 0 found another control plane: join it.
  let failed: number | null = null;
  child.on('exit', (code) => {
    if (code) failed = code;
  });
  child.unref();
  fs.closeSync(out);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const info = readServerInfo(home);
    const kc = readKubeconfig(p.kubeconfig);
    if (info && kc && pidAlive(info.pid) && (await healthy(kc.server, 1000))) {
      announce(`kbx: started the control plane in the background (KBX_HOME=${home}, API ${kc.server}, pid ${info.pid})`);
      if (info.storeWarning && info.pid === child.pid) announce(`kbx: warning: ${info.storeWarning} (see kbx cluster status)`);
      return kc;
    }
    if (failed !== null) throw new Error(`the kbx control plane failed to start (exit status ${failed}); the end of ${p.log}:\n${lastLines(p.log, 5)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the kbx control plane did not start within 20s; see ${p.log}`);
}

function lastLines(file: string, n: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).map((l) => `  ${l}`).join('\n');
  } catch {
    return '  (no log)';
  }
}

export interface ConnectOptions {
  autoStart?: boolean;
  announce?: (msg: string) => void;
}

/** An API client for the running control plane, starting it first when needed. */
export async function connect(opts: ConnectOptions = {}): Promise<{ client: ApiClient; namespace: string }> {
  const home = kbxHome();
  const p = paths(home);
  let kc = readKubeconfig(p.kubeconfig);
  const info = readServerInfo(home);
  const running = !!(kc && info && pidAlive(info.pid) && (await healthy(kc.server, 2000)));
  if (!running) {
    if (opts.autoStart === false) {
      const host = kc ? new URL(kc.server).host : 'the kbx control plane';
      throw new Error(`The connection to the server ${host} was refused - did you specify the right host or port?`);
    }
    kc = await startControlPlane(home, opts.announce ?? ((m) => process.stderr.write(m + '\n')));
  }
  return { client: new ApiClient(kc!.server, kc!.token), namespace: kc!.namespace };
}
