// Finds the control plane of $KBX_HOME and starts it in the background when it is not running.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiClient } from './client.js';
import { ensureHome, kbxHome, paths, pidAlive, readServerInfo } from '../config/home.js';
import type { ConnectionOverrides } from './kubeconfig.js';
import { CliError } from '../util/cli-error.js';
import { resolvePlain } from '../compat/yaml-resolve.js';

export interface KubeconfigTarget {
  server: string;
  token: string;
  namespace: string;
  /** The cluster CA (PEM), from certificate-authority-data. */
  ca?: string;
}

/**
 * Reads the kubeconfig kbx writes. The common case is parsed by hand: a YAML reader costs more
 * to load than the whole request, so it is only loaded for a file someone restructured.
 */
export async function readKubeconfig(file: string): Promise<KubeconfigTarget | undefined> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const server = /^\s+server:\s*(\S+)\s*$/m.exec(text)?.[1];
  const token = /^\s+token:\s*(\S+)\s*$/m.exec(text)?.[1];
  const namespace = /^\s+namespace:\s*(\S+)\s*$/m.exec(text)?.[1];
  const caData = /^\s+certificate-authority-data:\s*(\S+)\s*$/m.exec(text)?.[1];
  const contexts = text.match(/^- context:/gm)?.length ?? 0;
  // Only values the YAML reader would read as the same string (no quotes, no `yes`, no `0777`):
  // anything else takes the slow path, so both paths mean the same.
  const plainStrings = [server, token, namespace, caData].every((v) => v === undefined || (/^[A-Za-z0-9][\w.:/+=-]*$/.test(v) && resolvePlain(v).tag === 'str'));
  const simple = plainStrings && contexts <= 1 && (text.match(/^- cluster:/gm)?.length ?? 0) <= 1 && (text.match(/^- name:/gm)?.length ?? 0) <= 1;
  if (server && simple) return { server, token: token ?? '', namespace: namespace || 'default', ca: caData ? Buffer.from(caData, 'base64').toString('utf8') : undefined };
  return readKubeconfigSlow(file);
}

async function readKubeconfigSlow(file: string): Promise<KubeconfigTarget | undefined> {
  try {
    const { loadKubeconfig, resolveRestConfig } = await import('./kubeconfig.js');
    const rc = resolveRestConfig(loadKubeconfig([file], true));
    if (rc.defaulted) return undefined;
    return { server: rc.server, token: rc.token ?? '', namespace: rc.namespace, ca: rc.ca };
  } catch {
    return undefined;
  }
}

function localClient(kc: KubeconfigTarget, socketPath?: string): ApiClient {
  return new ApiClient({ server: kc.server, token: kc.token, ca: kc.ca, namespace: kc.namespace, socketPath });
}

/** The control plane's Unix socket when it has one (an older one, or a home too deep for a socket path, has not). */
function localSocket(home: string): string | undefined {
  const file = paths(home).apiSocket;
  try {
    return fs.statSync(file).isSocket() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the API answers /healthz; a client given keeps the connection for the requests that follow. */
async function healthy(client: ApiClient, timeoutMs: number): Promise<boolean> {
  try {
    return (await client.request('GET', '/healthz', { timeoutMs, accept: '*/*' })).status === 200;
  } catch {
    return false;
  }
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
export async function startControlPlane(home: string, announce: (msg: string) => void): Promise<ApiClient> {
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
    const kc = await readKubeconfig(p.kubeconfig);
    if (info && kc && pidAlive(info.pid)) {
      const client = localClient(kc, localSocket(home));
      if (await healthy(client, 1000)) {
        let merged = '';
        if (isDefaultCluster()) {
          try {
            const { mergeIntoUserKubeconfig } = await import('./user-kubeconfig.js');
            merged = `; context "kbx" written to ${mergeIntoUserKubeconfig(home, 'kbx')}`;
          } catch (e) {
            merged = `; could not write context "kbx" to your kubeconfig: ${(e as Error).message}`;
          }
        }
        announce(`kbx: started the control plane in the background (KBX_HOME=${home}, API ${kc.server}, pid ${info.pid})${merged}`);
        if (info.storeWarning && info.pid === child.pid) announce(`kbx: warning: ${info.storeWarning} (see kbx cluster status)`);
        return client;
      }
      client.close();
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

/** The default cluster (no KBX_HOME) is the one whose context goes into the user's kubeconfig. */
export function isDefaultCluster(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.KBX_HOME;
}

export interface ConnectOptions {
  autoStart?: boolean;
  announce?: (msg: string) => void;
  /** The command line's connection flags; with any of them (or $KUBECONFIG) kbx talks to that cluster. */
  overrides?: ConnectionOverrides;
  /**
   * Whether stdin is a terminal (exec credential plugins may then prompt); asked only for another cluster:
   * process.stdin costs a local command ~6 ms to make.
   */
  interactive?: () => boolean;
  /** The local cluster whatever $KUBECONFIG says (`kbx cluster …`). */
  localOnly?: boolean;
}

/** An API client for the cluster the flags name, or for the local control plane, starting it first when needed. */
export async function connect(opts: ConnectOptions = {}): Promise<{ client: ApiClient; namespace: string }> {
  const o = opts.overrides ?? {};
  const home = kbxHome();
  const p = paths(home);
  const kc = await readKubeconfig(p.kubeconfig);
  let namespace = o.namespace;
  if (!opts.localOnly && wantsExternalCluster(o)) {
    const ext = (await import('./external.js')).connectExternal(o, !!opts.interactive?.(), kc?.ca);
    if (!('local' in ext)) return withImpersonation(ext, o);
    namespace ??= ext.namespace; // the local cluster, named by a kubeconfig: connect as without flags
  }
  const info = readServerInfo(home);
  const start = () => startControlPlane(home, opts.announce ?? ((m) => process.stderr.write(m + '\n')));
  let client: ApiClient;
  if (kc && info && pidAlive(info.pid)) {
    // Its process runs: no /healthz first (kubectl asks nothing either). A refused request starts it, or
    // waits for the one starting, as a failed health check did (see ApiClient.onRefused).
    client = localClient(kc, localSocket(home));
    if (opts.autoStart !== false) client.onRefused = start;
  } else if (opts.autoStart === false) {
    const host = kc ? new URL(kc.server).host : 'the kbx control plane';
    throw new Error(`The connection to the server ${host} was refused - did you specify the right host or port?`);
  } else {
    client = await start();
  }
  return withImpersonation({ client, namespace: namespace || kc?.namespace || client.config.namespace }, o);
}

/** --as/--as-group/--as-uid: every request of the client impersonates that user (refused without --as, as kubectl does). */
function withImpersonation<T extends { client: ApiClient }>(c: T, o: ConnectionOverrides): T {
  if (!o.as) {
    if (o.asGroups?.length || o.asUid) {
      c.client.close();
      throw new CliError(`requesting uid, groups or user-extra for ${c.client.config.userName ?? 'kbx'} without impersonating a user`);
    }
    return c;
  }
  c.client.config.impersonate = { user: o.as, groups: o.asGroups, uid: o.asUid };
  return c;
}

/** Whether any connection flag or $KUBECONFIG asks for a cluster other than kbx's own. */
export function wantsExternalCluster(o: ConnectionOverrides, env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(o.kubeconfig || o.context || o.cluster || o.user || o.server || o.token || o.certificateAuthority || o.clientCertificate || o.clientKey || o.insecureSkipTlsVerify || o.tlsServerName || env.KUBECONFIG);
}
