// The control plane's side of the data plane: keeps the cluster's data-plane container (DNS, service proxies,
// tunnel) running on the cluster network, feeds it the Services and their ready endpoints, and tells the
// kubelet how a pod reaches it (a route for the service CIDR and the DNS settings).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import { LABELS, networkName, type ContainerRuntime, type RuntimeContainer } from '../runtime/runtime.js';
import { serviceIPRange, parseCIDR, dnsServiceIP } from '../registry/ip-allocator.js';
import { buildDataplaneConfig, sameConfig } from './config.js';
import { imagePlan } from './image.js';
import { canConnect, dialTunnel } from './tunnel-client.js';
import { ApiReverse } from './api-reverse.js';
import type { PolicyTable } from './netpol-match.js';
import { AGENT_CONFIG_DIR, AGENT_CONFIG_FILE, CLUSTER_DOMAIN, TUNNEL_PORT, type DataplaneConfig } from './protocol.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const ENDPOINTS = RESOURCES.find((r) => r.kind === 'Endpoints')!;
export const DATAPLANE_COMPONENT_LABEL = 'io.kbx.component';

/** What a pod needs to use the cluster's services. */
export interface PodNetworkSettings {
  /** The data-plane container's address on the cluster network: the next hop for the service CIDR. */
  gateway: string;
  serviceCIDR: string;
  dnsIP: string;
  domain: string;
  /** The cluster network's gateway (the host's address on it, where host-side probes come from). */
  nodeGateway?: string;
}

export interface DataplaneDeps {
  registry: Registry;
  runtime: ContainerRuntime;
  clusterId: string;
  home: string;
  /** Has busybox (the image's `ip`); the infrastructure image. */
  toolsImage: string;
  log: (m: string) => void;
  /** An Event about the data plane (on the Node): its container restarted by Docker or brought back by kbx. */
  announce?: (type: 'Normal' | 'Warning', reason: string, message: string) => void;
  /** The API server's port on the loopback: pods reach it through the agent (agent/api-forward.ts). */
  apiPort?: number;
  /** The agent's address on the cluster network, each time it comes up (the `kubernetes` Service's endpoint). */
  onAddress?: (ip: string) => void;
}

export class Dataplane {
  private readonly dir: string;
  private readonly cidr = parseCIDR(serviceIPRange()).cidr;
  private readonly token = randomBytes(16).toString('hex');
  private generation = Date.now();
  private written?: DataplaneConfig;
  private policies: PolicyTable = {};
  private settings?: Promise<PodNetworkSettings | undefined>;
  private tunnel?: { host: string; port: number };
  private reverse?: ApiReverse;
  private stops: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private healthTimer?: NodeJS.Timeout;
  private stopped = false;
  /** When the data-plane container last started, as Docker says (a change is a restart). */
  private startedAt?: string;

  constructor(private readonly d: DataplaneDeps) {
    this.dir = path.join(d.home, 'dataplane');
  }

  get containerName(): string {
    return `kbx-${this.d.clusterId}_dataplane`;
  }

  /** Starts the watches at once; the container comes up in the background (awaited by podNetwork()). */
  start(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.writeConfig();
    const kick = () => this.schedule();
    this.stops.push(this.d.registry.watch(SERVICES, undefined, {}, kick));
    this.stops.push(this.d.registry.watch(ENDPOINTS, undefined, {}, kick));
  }

  /** Resolves once the data plane runs (undefined if it cannot: pods then run without services). */
  podNetwork(): Promise<PodNetworkSettings | undefined> {
    if (!this.settings) {
      this.settings = this.bringUp().catch((e: Error) => {
        this.d.log(`data plane: ${e.message}`);
        this.settings = undefined; // the next pod tries again
        return undefined;
      });
    }
    return this.settings;
  }

  /** A TCP connection to ip:port on the cluster network (pod IP or ClusterIP), whatever the host can route. */
  async dial(ip: string, port: number): Promise<net.Socket> {
    const s = await this.podNetwork();
    if (!s || !this.tunnel) throw new Error('the kbx data plane is not running');
    return dialTunnel(this.tunnel, this.token, ip, port);
  }

  /** NetworkPolicy rules by pod IP, for the agent's Service connections (controllers/networkpolicy). */
  setPolicies(table: PolicyTable): void {
    this.policies = table;
    this.schedule();
  }

  close(): void {
    this.stopped = true;
    for (const s of this.stops) s();
    if (this.timer) clearTimeout(this.timer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.reverse?.close();
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writeConfig();
    }, 5);
  }

  private writeConfig(): void {
    const endpoints = new Map<string, KObject>();
    for (const ep of this.d.registry.list(ENDPOINTS, undefined).items) endpoints.set(`${ep.metadata.namespace}/${ep.metadata.name}`, ep);
    const next = buildDataplaneConfig({
      generation: this.generation + 1,
      token: this.token,
      domain: CLUSTER_DOMAIN,
      dnsIP: dnsServiceIP(this.cidr),
      serviceCIDR: this.cidr,
      services: this.d.registry.list(SERVICES, undefined).items,
      endpoints,
      policies: this.policies,
    });
    if (sameConfig(this.written, next)) return;
    this.generation = next.generation;
    const file = path.join(this.dir, AGENT_CONFIG_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
    fs.renameSync(tmp, file);
    this.written = next;
  }

  private async bringUp(): Promise<PodNetworkSettings> {
    const { runtime, clusterId, toolsImage, log } = this.d;
    // The kubelet makes the cluster network too; whoever comes first creates it.
    const network = await runtime.ensureNetwork(networkName(clusterId), { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId });
    const plan = imagePlan(toolsImage);
    if (!(await runtime.imagePresent(plan.tag))) {
      if (!(await runtime.imagePresent(plan.base))) {
        log(`data plane: pulling ${plan.base}`);
        await runtime.pullImage(plan.base);
      }
      const t0 = Date.now();
      await runtime.buildImage(plan.tag, plan.files());
      log(`data plane: built ${plan.tag} in ${Date.now() - t0} ms`);
    }
    let c = await runtime.inspectContainer(this.containerName);
    if (c && (c.image !== plan.tag || c.state !== 'running')) {
      if (c.image !== plan.tag || c.state === 'dead' || c.state === 'removing') {
        await runtime.removeContainer(c.id, { force: true });
        c = null;
      } else {
        await runtime.startContainer(c.id);
        c = await runtime.inspectContainer(c.id);
      }
    }
    if (!c) c = await this.create(plan.tag);
    if (!c?.ipAddress) throw new Error(`container ${this.containerName} has no address on ${networkName(clusterId)}`);
    const port = c.hostPorts?.[`${TUNNEL_PORT}/tcp`];
    if (!port) throw new Error(`container ${this.containerName} has no published tunnel port`);
    // Straight to the agent when the host routes to the cluster network (Linux), else its published port.
    this.tunnel = process.env.KBX_TUNNEL_PUBLISHED !== '1' && (await canConnect(c.ipAddress, TUNNEL_PORT)) ? { host: c.ipAddress, port: TUNNEL_PORT } : { host: '127.0.0.1', port };
    const settings: PodNetworkSettings = { gateway: c.ipAddress, serviceCIDR: this.cidr, dnsIP: dnsServiceIP(this.cidr), domain: CLUSTER_DOMAIN, ...(network.gateway ? { nodeGateway: network.gateway } : {}) };
    await this.rerouteIfMoved(settings);
    if (this.d.apiPort) {
      this.reverse ??= new ApiReverse((target, n) => dialTunnel(this.tunnel!, this.token, target, n), this.d.apiPort, log);
      this.reverse.ensure();
    }
    this.d.onAddress?.(c.ipAddress);
    this.healthTimer ??= setInterval(() => void this.checkHealth(), 5000).unref();
    return settings;
  }

  private async create(image: string): Promise<RuntimeContainer | null> {
    const { runtime, clusterId } = this.d;
    const spec = {
      name: this.containerName,
      image,
      env: [`KBX_SERVICE_CIDR=${this.cidr}`],
      labels: { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId, [LABELS.role]: 'helper', [DATAPLANE_COMPONENT_LABEL]: 'dataplane' },
      hostname: 'kbx-dataplane',
      network: { mode: 'network' as const, name: networkName(clusterId), aliases: [] },
      mounts: [{ type: 'bind' as const, source: this.dir, target: AGENT_CONFIG_DIR, readOnly: true }],
      capAdd: ['NET_ADMIN'],
      restartUnlessStopped: true,
      portBindings: [{ containerPort: TUNNEL_PORT, protocol: 'tcp' as const, hostIp: '127.0.0.1', hostPort: 0 }],
    };
    let id: string;
    try {
      id = await runtime.createContainer(spec);
    } catch (e) {
      // Another control plane of this cluster (a restart racing) made it: adopt it.
      const existing = await runtime.inspectContainer(this.containerName);
      if (!existing) throw e;
      id = existing.id;
    }
    await runtime.startContainer(id);
    return runtime.inspectContainer(id);
  }

  /** The data plane came back with another address: point the running pods' service route at it. */
  private async rerouteIfMoved(s: PodNetworkSettings): Promise<void> {
    const mark = path.join(this.dir, 'gateway');
    let before = '';
    try {
      before = fs.readFileSync(mark, 'utf8').trim();
    } catch {
      /* first start */
    }
    if (before === s.gateway) return;
    if (before) {
      const infra = await this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [LABELS.role]: 'infra' });
      for (const c of infra.filter((x) => x.state === 'running')) {
        try {
          const ex = await this.d.runtime.exec(c.id, { cmd: ['ip', 'route', 'replace', s.serviceCIDR, 'via', s.gateway] });
          await ex.wait();
        } catch {
          /* a pod going away */
        }
      }
    }
    fs.writeFileSync(mark, `${s.gateway}\n`);
  }

  private async checkHealth(): Promise<void> {
    if (this.stopped) return;
    try {
      const c = await this.d.runtime.inspectContainer(this.containerName);
      const current = await this.settings;
      if (c && c.state === 'running' && c.ipAddress && (!current || current.gateway === c.ipAddress)) {
        if (this.startedAt && c.startedAt && c.startedAt !== this.startedAt) {
          this.d.log(`data plane: container restarted by Docker at ${c.startedAt}`);
          this.d.announce?.('Warning', 'DataPlaneRestarted', `kbx data plane container ${this.containerName} restarted (started again at ${c.startedAt}); services and DNS were unavailable meanwhile`);
        }
        this.startedAt = c.startedAt ?? this.startedAt;
        this.reverse?.ensure();
        return;
      }
      const what = c ? `${c.state}${c.ipAddress ? ` at ${c.ipAddress}` : ' without an address'}` : 'missing';
      this.d.log(`data plane: container ${what}, bringing it back`);
      this.settings = undefined;
      const s = await this.podNetwork();
      const after = await this.d.runtime.inspectContainer(this.containerName);
      this.startedAt = after?.startedAt;
      if (s) this.d.announce?.('Warning', 'DataPlaneRecreated', `kbx data plane container ${this.containerName} was ${what}: brought back at ${s.gateway}`);
    } catch {
      /* Docker down: the kubelet reports it */
    }
  }
}
