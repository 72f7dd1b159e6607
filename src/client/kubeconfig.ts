// kubeconfig files as client-go reads them: the files to load (--kubeconfig, else $KUBECONFIG's list, else
// ~/.kube/config), merged entry by entry (the first file that names a cluster, user or context wins; the first
// non-empty current-context wins), then the overrides of the command line (--context, --cluster, --user,
// --server, --token, …) applied to the chosen context, giving one RestConfig: where to connect and how.
// Paths inside a file are relative to that file's directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { yamlDocumentToJson } from '../compat/yaml-parse.js';
import { CliError } from '../util/cli-error.js';

export interface KubeCluster {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  'proxy-url'?: string;
  [k: string]: unknown;
}

export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  apiVersion?: string;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: string;
}

export interface KubeUser {
  token?: string;
  tokenFile?: string;
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  'auth-provider'?: { name?: string };
  [k: string]: unknown;
}

export interface KubeContext {
  cluster?: string;
  user?: string;
  namespace?: string;
  [k: string]: unknown;
}

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  clusters?: ({ name: string; cluster: KubeCluster })[] | null;
  users?: ({ name: string; user: KubeUser })[] | null;
  contexts?: ({ name: string; context: KubeContext })[] | null;
  'current-context'?: string;
  preferences?: Record<string, unknown>;
  [k: string]: unknown;
}

/** The command line's connection flags (kubectl's names). */
export interface ConnectionOverrides {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  namespace?: string;
  /** --as, --as-group, --as-uid: the user the requests impersonate. */
  as?: string;
  asGroups?: string[];
  asUid?: string;
}

/** Everything needed to talk to one API server. */
export interface RestConfig {
  server: string;
  namespace: string;
  /** PEM */
  ca?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
  servername?: string;
  token?: string;
  basic?: { username: string; password: string };
  exec?: ExecConfig;
  /**
   * kbx's own control plane's Unix socket (paths().apiSocket): requests and watches go there as plain HTTP;
   * upgrades (exec, attach, port-forward) and `server` in messages stay the HTTPS URL's.
   */
  socketPath?: string;
  /** Impersonate-User / -Group / -Uid headers on every request. */
  impersonate?: { user: string; groups?: string[]; uid?: string };
  /** The context in effect, for messages. */
  contextName?: string;
  /** The kubeconfig user in effect, for messages. */
  userName?: string;
  /** Set when no kubeconfig named a server (kubectl then tries http://localhost:8080). */
  defaulted?: boolean;
}

/** A kubeconfig problem, in kubectl's words (printed with `error: ` unless raw). */
export class KubeconfigError extends CliError {
  constructor(message: string, raw = false) {
    super(message, 1, raw);
  }
}

/** The kubeconfig files client-go would read, in precedence order. */
export function kubeconfigFiles(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): { files: string[]; explicit: boolean } {
  if (explicit) return { files: [explicit], explicit: true };
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (list.length) return { files: [...new Set(list)], explicit: false };
  return { files: [defaultKubeconfigFile(env)], explicit: false };
}

export function defaultKubeconfigFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.HOME || os.homedir(), '.kube', 'config');
}

/** One file, parsed: undefined when it does not exist. */
export function readKubeconfigFile(file: string): Kubeconfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KubeconfigError(`open ${file}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = yamlDocumentToJson(text);
  } catch (e) {
    throw new KubeconfigError(`error loading config file "${file}": ${(e as Error).message}`);
  }
  if (doc === undefined || doc === null) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new KubeconfigError(`error loading config file "${file}": couldn't get version/kind; json parse error`);
  return doc as Kubeconfig;
}

interface Origin {
  file: string;
}

export interface MergedKubeconfig {
  config: Kubeconfig;
  /** For each cluster/user/context name, the file it came from (relative paths resolve against it). */
  origin: { clusters: Map<string, Origin>; users: Map<string, Origin>; contexts: Map<string, Origin> };
  files: string[];
}

/** Loads and merges `files` as client-go does. A missing --kubeconfig file is an error; missing list entries are skipped. */
export function loadKubeconfig(files: string[], explicit: boolean): MergedKubeconfig {
  const config: Kubeconfig = { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [], preferences: {} };
  const origin = { clusters: new Map<string, Origin>(), users: new Map<string, Origin>(), contexts: new Map<string, Origin>() };
  for (const file of files) {
    const doc = readKubeconfigFile(file);
    if (!doc) {
      if (explicit) throw new KubeconfigError(`stat ${file}: no such file or directory`);
      continue;
    }
    if (!config['current-context'] && doc['current-context']) config['current-context'] = doc['current-context'];
    for (const kind of ['clusters', 'users', 'contexts'] as const) {
      for (const entry of (doc[kind] ?? []) as { name: string }[]) {
        if (!entry?.name || origin[kind].has(entry.name)) continue;
        origin[kind].set(entry.name, { file });
        (config[kind] as { name: string }[]).push(entry);
      }
    }
  }
  return { config, origin, files };
}

function resolvePath(p: string | undefined, origin: Origin | undefined): string | undefined {
  if (!p) return p;
  if (path.isAbsolute(p) || !origin) return p;
  return path.join(path.dirname(origin.file), p);
}

function readFileOrFail(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new KubeconfigError(`unable to read ${what} ${file}: no such file or directory`);
  }
}

function fromData(data: string | undefined): string | undefined {
  return data ? Buffer.from(data, 'base64').toString('utf8') : undefined;
}

/** The context named by --context or current-context, with --cluster/--user/--server/… applied. */
export function resolveRestConfig(merged: MergedKubeconfig, o: ConnectionOverrides = {}): RestConfig {
  const { config, origin } = merged;
  const contextName = o.context || config['current-context'] || '';
  const ctxEntry = config.contexts?.find((c) => c.name === contextName);
  if (o.context && !ctxEntry) throw new KubeconfigError(`Error in configuration: context was not found for specified context: ${o.context}`, true);
  const ctx: KubeContext = ctxEntry?.context ?? {};
  const clusterName = o.cluster || ctx.cluster || '';
  const userName = o.user || ctx.user || '';
  const clusterEntry = config.clusters?.find((c) => c.name === clusterName);
  const userEntry = config.users?.find((u) => u.name === userName);
  if (o.cluster && !clusterEntry && !o.server) throw new KubeconfigError(`no server found for cluster "${o.cluster}"`);
  if (o.user && !userEntry) throw new KubeconfigError(`auth info "${o.user}" does not exist`);
  const cluster: KubeCluster = clusterEntry?.cluster ?? {};
  const user: KubeUser = userEntry?.user ?? {};
  const cOrigin = origin.clusters.get(clusterName);
  const uOrigin = origin.users.get(userName);

  const rc: RestConfig = { server: o.server || cluster.server || '', namespace: o.namespace || ctx.namespace || 'default', contextName: contextName || undefined, userName: userName || undefined };
  if (!rc.server) {
    rc.server = 'http://localhost:8080';
    rc.defaulted = true;
  }
  if (!/^[a-z]+:\/\//i.test(rc.server)) rc.server = `https://${rc.server}`; // client-go's default scheme with TLS settings
  if (cluster['proxy-url']) throw new KubeconfigError(`proxy-url is not supported by kbx (cluster "${clusterName}")`);

  // TLS: a given --certificate-authority replaces the file's; --insecure-skip-tls-verify drops the CA, as kubectl.
  if (o.insecureSkipTlsVerify ?? cluster['insecure-skip-tls-verify']) rc.insecure = true;
  if (o.certificateAuthority) rc.ca = readFileOrFail(o.certificateAuthority, 'certificate authority');
  else if (cluster['certificate-authority-data']) rc.ca = fromData(cluster['certificate-authority-data']);
  else if (cluster['certificate-authority']) rc.ca = readFileOrFail(resolvePath(cluster['certificate-authority'], cOrigin)!, 'certificate authority');
  if (rc.insecure && rc.ca) {
    if (o.insecureSkipTlsVerify) rc.ca = undefined;
    else throw new KubeconfigError('specifying a root certificates file with the insecure flag is not allowed');
  }
  if (o.tlsServerName || cluster['tls-server-name']) rc.servername = o.tlsServerName || cluster['tls-server-name'];

  // Credentials: flags first, then the user entry.
  if (o.clientCertificate) rc.cert = readFileOrFail(o.clientCertificate, 'client certificate');
  else if (user['client-certificate-data']) rc.cert = fromData(user['client-certificate-data']);
  else if (user['client-certificate']) rc.cert = readFileOrFail(resolvePath(user['client-certificate'], uOrigin)!, 'client certificate');
  if (o.clientKey) rc.key = readFileOrFail(o.clientKey, 'client key');
  else if (user['client-key-data']) rc.key = fromData(user['client-key-data']);
  else if (user['client-key']) rc.key = readFileOrFail(resolvePath(user['client-key'], uOrigin)!, 'client key');
  if (!!rc.cert !== !!rc.key) throw new KubeconfigError(rc.cert ? 'client-key-data or client-key must be specified to use the clientCert authentication method' : 'client-cert-data or client-cert must be specified to use the clientCert authentication method');
  if (o.token) rc.token = o.token;
  else if (user.token) rc.token = user.token;
  else if (user.tokenFile) rc.token = readFileOrFail(resolvePath(user.tokenFile, uOrigin)!, 'token file').trim();
  if (!o.token && user.username !== undefined) rc.basic = { username: user.username, password: user.password ?? '' };
  if (!o.token && user.exec) rc.exec = { ...user.exec, command: resolveCommand(user.exec.command, uOrigin) };
  if (!o.token && user['auth-provider']) {
    throw new KubeconfigError(`the auth-provider "${user['auth-provider'].name ?? ''}" of user "${userName}" is not supported by kbx (client-go removed them too); use an exec credential plugin`);
  }
  return rc;
}

/** client-go: a relative exec command with a path separator is relative to the kubeconfig's directory. */
function resolveCommand(cmd: string, origin: Origin | undefined): string {
  if (!cmd || path.isAbsolute(cmd) || !cmd.includes('/') || !origin) return cmd;
  return path.join(path.dirname(origin.file), cmd);
}
