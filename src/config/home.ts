// $KBX_HOME: where a cluster keeps its state, its identity and its credentials.
//   kubeconfig        https server URL, the cluster CA, a bearer token (mode 0600): usable by any Kubernetes client
//   pki/              the cluster CA and the API server's certificate (see pki.ts)
//   cluster.json      { id, port } — the id is in every Docker label kbx writes
//   server.json       { pid, port, startedAt } while the control plane runs
//   store/            snapshot + write-ahead log
//   control-plane.owner/  the control-plane lock (see controlplane/lock.ts); control-plane.lock names its pid
//   logs/             control-plane.log, audit.log
//   dataplane/        the data-plane agent's token and configuration
// (pods' secret/configMap/projected volume files live outside it, in podVolumesRoot: a tmpfs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface ClusterIdentity {
  id: string;
  token: string;
  port: number;
}

export interface ServerInfo {
  pid: number;
  port: number;
  startedAt: string;
  /** What the store set aside at this start (one line), when it had to. */
  storeWarning?: string;
}

export function kbxHome(): string {
  return process.env.KBX_HOME || path.join(os.homedir(), '.kbx');
}

export function ensureHome(home = kbxHome()): string {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  try {
    fs.chmodSync(home, 0o700);
  } catch {
    /* not ours to change: keep going */
  }
  return home;
}

export const paths = (home = kbxHome()) => ({
  home,
  kubeconfig: path.join(home, 'kubeconfig'),
  cluster: path.join(home, 'cluster.json'),
  server: path.join(home, 'server.json'),
  /**
   * The API for kbx's own CLI: plain HTTP on a Unix socket only this user can open (the same handler, the
   * same bearer token). A TLS handshake costs a Node client ~60 ms (its root store alone ~35 ms), more than
   * the rest of `kbx get pods`; kubectl and every other client use the HTTPS port of the kubeconfig.
   */
  apiSocket: path.join(home, 'api.sock'),
  lock: path.join(home, 'control-plane.lock'),
  lockDir: path.join(home, 'control-plane.owner'),
  store: path.join(home, 'store'),
  logs: path.join(home, 'logs'),
  log: path.join(home, 'logs', 'control-plane.log'),
  /** Audit events of admission's audit annotations (PodSecurity's audit mode). */
  auditLog: path.join(home, 'logs', 'audit.log'),
  dataplane: path.join(home, 'dataplane'),
  /** The local provisioner's PersistentVolume directories (one per claim). */
  volumes: path.join(home, 'volumes'),
});

/**
 * Where the kubelet writes pods' configMap, secret, downwardAPI and projected volumes (Secret values,
 * service-account tokens): a tmpfs outside $KBX_HOME, as the kubelet's secret volumes are tmpfs —
 * /dev/shm where there is one (Linux), else the per-user temporary directory (macOS's is shared with
 * Docker Desktop). Never under $KBX_HOME, so no Secret value is on its disk.
 */
export function podVolumesRoot(clusterId: string): string {
  let base = os.tmpdir();
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    if (fs.statSync('/dev/shm').isDirectory()) base = '/dev/shm';
  } catch {
    /* no /dev/shm: the temporary directory */
  }
  return path.join(base, `kbx-${process.getuid?.() ?? 0}-${clusterId}`);
}

/** Reads the cluster's identity, creating it (id, token) the first time. */
export function loadOrCreateIdentity(home = kbxHome()): ClusterIdentity {
  const p = paths(home);
  ensureHome(home);
  try {
    const c = JSON.parse(fs.readFileSync(p.cluster, 'utf8')) as ClusterIdentity;
    if (c.id && c.token) return c;
  } catch {
    /* first run */
  }
  const c: ClusterIdentity = { id: randomBytes(4).toString('hex'), token: randomBytes(24).toString('base64url'), port: 0 };
  writeFileAtomic(p.cluster, JSON.stringify(c, null, 2) + '\n');
  return c;
}

export function saveIdentity(c: ClusterIdentity, home = kbxHome()): void {
  writeFileAtomic(paths(home).cluster, JSON.stringify(c, null, 2) + '\n');
}

/** The kubeconfig of the cluster: one cluster, user and context, all named `kbx`. */
export function kubeconfigText(c: ClusterIdentity, port: number, caPem: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}
    server: https://127.0.0.1:${port}
  name: kbx
contexts:
- context:
    cluster: kbx
    namespace: ${namespace}
    user: kbx
  name: kbx
current-context: kbx
preferences: {}
users:
- name: kbx
  user:
    token: ${c.token}
`;
}

/** Writes $KBX_HOME/kubeconfig, keeping the namespace a user set on its context (`kbx config set-context`). */
export function writeKubeconfig(c: ClusterIdentity, port: number, caPem: string, home = kbxHome()): void {
  let namespace = 'default';
  try {
    namespace = /^\s+namespace:\s*(\S+)\s*$/m.exec(fs.readFileSync(paths(home).kubeconfig, 'utf8'))?.[1] ?? namespace;
  } catch {
    /* first start */
  }
  writeFileAtomic(paths(home).kubeconfig, kubeconfigText(c, port, caPem, namespace));
}

export function readServerInfo(home = kbxHome()): ServerInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(paths(home).server, 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
}

/** Writes via a temp file and rename, mode 0600, so readers never see half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  fs.writeSync(fd, text);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process that nobody has reaped yet (a zombie) still answers signal 0.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust signal 0
  }
}
