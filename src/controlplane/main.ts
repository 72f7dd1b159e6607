// The control plane process: store + API server + scheduler + controllers + kubelet, for one $KBX_HOME.
// Started in the background by the first `kbx` command that needs it (see client/connect.ts).
// It answers API requests before Docker is even contacted, so cold start stays fast.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Store } from '../store/store.js';
import { Registry } from '../registry/registry.js';
import { RESOURCES } from '../api/registry.js';
import { createApiServer } from '../apiserver/server.js';
import type { NodeApi } from '../kubelet/node-api.js';
import {
  ensureHome,
  kbxHome,
  loadOrCreateIdentity,
  paths,
  saveIdentity,
  writeFileAtomic,
  writeKubeconfig,
} from '../config/home.js';
import { ensureServingCerts } from '../config/pki.js';
import { loadOrCreateEncryption } from '../store/encryption-config.js';
import { realClock, rfc3339 } from '../util/clock.js';
import { VERSION } from '../version.js';
import { tryLock, type LockResult } from './lock.js';
import { TokenIssuer, loadSigningKey } from '../auth/sa-token.js';
import { ServiceAccountsController } from '../controllers/serviceaccounts.js';
import { ClusterRoleAggregationController, reconcileBootstrapPolicy } from '../controllers/rbac.js';
import { clusterCaPem } from '../auth/cluster-ca.js';
import { ensureIngressClass, ingressControllerEnabled } from '../dataplane/ingress-class.js';
import { KubernetesServiceController } from '../controllers/kubernetes-service.js';

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
export const NODE_NAME = 'kbx';
export const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The control-plane lock (see lock.ts); a starter that finds a live owner gives it a few seconds to exit. */
async function acquireLock(dir: string): Promise<LockResult> {
  let r = tryLock(dir);
  for (let i = 0; i < 60 && !r.held; i++) {
    await new Promise((res) => setTimeout(res, 50));
    r = tryLock(dir);
  }
  return r;
}

export async function runControlPlane(): Promise<void> {
  const t0 = performance.now();
  const home = ensureHome(kbxHome());
  const p = paths(home);
  fs.mkdirSync(p.logs, { recursive: true, mode: 0o700 });
  const logStream = fs.createWriteStream(p.log, { flags: 'a', mode: 0o600 });
  const log = (m: string) => logStream.write(`${new Date().toISOString()} ${m}\n`);
  const lock = await acquireLock(p.lockDir);
  if (!lock.held) {
    log(`another control plane${lock.owner ? ` (pid ${lock.owner.pid})` : ''} already runs for this KBX_HOME; exiting`);
    process.exit(0);
  }
  writeFileAtomic(p.lock, `${process.pid}\n`); // who holds it, for people and scripts; the lock itself is p.lockDir
  const identity = loadOrCreateIdentity(home);
  const store = openStore(p.store, home, log);
  const registry = new Registry(store, realClock);
  for (const ns of BUILTIN_NAMESPACES) {
    if (!registry.tryGet(NAMESPACES, undefined, ns)) registry.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  if (ingressControllerEnabled()) ensureIngressClass(registry);

  // The node half loads after the API answers: dockerode and friends are not needed for that.
  let node: (NodeApi & { runtimeError(): Promise<string | undefined> }) | undefined;
  const lazyNode: NodeApi & { runtimeError(): Promise<string | undefined> } = {
    logs: (pod, o) => ready.then(() => node!.logs(pod, o)),
    exec: (pod, o) => ready.then(() => node!.exec(pod, o)),
    attach: (pod, o) => ready.then(() => node!.attach(pod, o)),
    dialPod: (pod, port) => ready.then(() => node!.dialPod!(pod, port)),
    runtimeError: () => ready.then(() => node!.runtimeError()),
    resourceMetrics: () => ready.then(() => node!.resourceMetrics!()),
  };
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));

  const tokens = new TokenIssuer(loadSigningKey(home));
  // The CA first: the ServiceAccounts controller publishes it in every namespace's kube-root-ca.crt.
  const pki = ensureServingCerts(home);
  const serviceAccounts = new ServiceAccountsController(registry, clusterCaPem, log);
  serviceAccounts.start();
  reconcileBootstrapPolicy(registry, log);
  const { installAdmission } = await import('../admission/index.js');
  installAdmission(registry, log);
  registry.audit = (await import('../admission/audit-log.js')).auditLogWriter(p.auditLog);
  const { ResourceQuotaController } = await import('../controllers/resourcequota.js');
  const quotas = new ResourceQuotaController(registry, log);
  quotas.start();
  const aggregation = new ClusterRoleAggregationController(registry, log);
  aggregation.start();
  const kubernetesService = new KubernetesServiceController(registry, log);
  kubernetesService.start();
  const server = createApiServer({
    registry, token: identity.token, tokens, node: lazyNode, version: { gitVersion: `v1.35.0-kbx.${VERSION}` }, log,
    tls: { cert: pki.certPem, key: pki.keyPem },
  });
  const port = await listen(server, identity.port);
  if (port !== identity.port) saveIdentity({ ...identity, port }, home);
  writeKubeconfig(identity, port, pki.caPem, home);
  // storeWarning: what this start set aside, for the CLI that started it to say in one line.
  const storeWarning = store.health().recovery;
  writeFileAtomic(p.server, JSON.stringify({ pid: process.pid, port, startedAt: rfc3339(Date.now()), ...(storeWarning ? { storeWarning } : {}) }) + '\n');
  log(`control plane ${VERSION} listening on https://127.0.0.1:${port} (pid ${process.pid}, ${Math.round(performance.now() - t0)} ms)`);

  const { startNode } = await import('./node-half.js');
  const half = await startNode({ registry, clusterId: identity.id, nodeName: NODE_NAME, home, log, tokens, apiPort: port, onApiAddress: (ip) => kubernetesService.setEndpoint(ip) });
  node = half.node;
  markReady();

  const shutdown = async (sig: string) => {
    log(`received ${sig}; stopping (containers keep running and are re-adopted at the next start)`);
    half.stop();
    serviceAccounts.close();
    aggregation.close();
    quotas.close();
    kubernetesService.close();
    server.close();
    await store.close(); // pending writes, then a final snapshot: the next start reads no log
    try {
      const info = JSON.parse(fs.readFileSync(p.server, 'utf8')) as { pid: number };
      if (info.pid === process.pid) fs.rmSync(p.server, { force: true });
    } catch {
      /* already gone */
    }
    fs.rmSync(p.lock, { force: true }); // the lock in p.lockDir is released by this process's exit
    logStream.end(() => process.exit(0));
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
}

/** The store, or one line naming what keeps it from opening (the CLI shows the log's last lines). */
function openStore(dir: string, home: string, log: (m: string) => void): Store {
  try {
    const enc = loadOrCreateEncryption(home);
    return Store.open(dir, { log, codec: enc.codec, codecId: enc.id });
  } catch (e) {
    const msg = `cannot open the store in ${dir}: ${(e as Error).message}`;
    log(msg);
    process.stderr.write(`kbx control plane failed: ${msg}\n`);
    process.exit(1);
  }
}

function listen(server: import('node:http').Server, preferred: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const tryPort = (port: number) => {
      server.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE' && port !== 0) tryPort(0);
        else reject(e);
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    };
    tryPort(preferred);
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runControlPlane().catch((e) => {
    process.stderr.write(`kbx control plane failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
