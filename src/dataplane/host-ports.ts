// NodePort and LoadBalancer services on the host: kbx's one "node" is this machine, so a NodePort is a
// listener on each node address (127.0.0.1, the node's INTERNAL-IP — the cluster network's bridge address,
// which `get nodes -o wide` shows — when the host has it, and `KBX_NODE_ADDRESS` when set, e.g. a LAN
// address for a workshop machine: opt in, never 0.0.0.0 by default) and a LoadBalancer
// also listens on its service port at 127.0.0.1 (its EXTERNAL-IP). Each accepted connection goes through the
// data plane's tunnel to the ClusterIP, so it is balanced over the ready endpoints like in-cluster traffic.
import net from 'node:net';
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import { LOAD_BALANCER_INGRESS_IP } from '../registry/service-alloc.js';
import type { EventRecorder } from '../events/recorder.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const RETRY_MS = 10_000;

type Obj = Record<string, any>;

export interface HostPortBinding {
  /** "address:port" */
  key: string;
  address: string;
  port: number;
  clusterIP: string;
  servicePort: number;
  service: string; // ns/name
}

/** Pure: where NodePorts answer: the loopback, the node's InternalIP, KBX_NODE_ADDRESS (comma-separated). */
export function nodeAddresses(internalIP: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.KBX_NODE_ADDRESS ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return [...new Set(['127.0.0.1', ...(internalIP ? [internalIP] : []), ...extra])];
}

/** The InternalIP of a Node object. */
export function internalIP(node: KObject | undefined): string | undefined {
  return ((node?.status as Obj | undefined)?.addresses as Obj[] | undefined)?.find((a) => a.type === 'InternalIP')?.address;
}

/** Pure: the host listeners the Services ask for (TCP only). */
export function hostBindings(services: KObject[], nodeAddrs: string | string[]): HostPortBinding[] {
  const addrs = typeof nodeAddrs === 'string' ? [nodeAddrs] : nodeAddrs;
  const out: HostPortBinding[] = [];
  for (const svc of services) {
    const spec = (svc.spec ?? {}) as Obj;
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') continue;
    if (!spec.clusterIP || spec.clusterIP === 'None' || svc.metadata.deletionTimestamp) continue;
    const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
    for (const p of (spec.ports ?? []) as Obj[]) {
      if ((p.protocol ?? 'TCP') !== 'TCP') continue;
      if (p.nodePort) for (const a of addrs) out.push({ key: `${a}:${p.nodePort}`, address: a, port: p.nodePort, clusterIP: spec.clusterIP, servicePort: p.port, service });
      if (spec.type === 'LoadBalancer') {
        out.push({ key: `${LOAD_BALANCER_INGRESS_IP}:${p.port}`, address: LOAD_BALANCER_INGRESS_IP, port: p.port, clusterIP: spec.clusterIP, servicePort: p.port, service });
      }
    }
  }
  // The first claim on an address:port wins (two LoadBalancers on port 80 cannot both have it).
  const seen = new Set<string>();
  return out.filter((b) => (seen.has(b.key) ? false : (seen.add(b.key), true)));
}

export class HostPorts {
  private listeners = new Map<string, { binding: HostPortBinding; server: net.Server }>();
  private stops: (() => void)[] = [];
  /** Addresses the host does not have (the bridge address on Docker Desktop): not tried again. */
  private unavailable = new Set<string>();
  private timer?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly registry: Registry,
    private readonly dial: (ip: string, port: number) => Promise<net.Socket>,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void,
  ) {}

  start(): void {
    const kick = () => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.sync();
      }, 5);
    };
    this.stops.push(this.registry.watch(SERVICES, undefined, {}, kick), this.registry.watch(NODES, undefined, {}, kick));
    this.sync();
  }

  close(): void {
    for (const s of this.stops) s();
    if (this.timer) clearTimeout(this.timer);
    if (this.retry) clearTimeout(this.retry);
    for (const l of this.listeners.values()) l.server.close();
    this.listeners.clear();
  }

  private sync(): void {
    const node = this.registry.list(NODES, undefined).items[0];
    const addrs = nodeAddresses(internalIP(node)).filter((a) => !this.unavailable.has(a));
    const want = new Map(hostBindings(this.registry.list(SERVICES, undefined).items, addrs).map((b) => [b.key, b]));
    for (const [key, l] of this.listeners) {
      const w = want.get(key);
      if (!w || w.clusterIP !== l.binding.clusterIP || w.servicePort !== l.binding.servicePort) {
        l.server.close();
        this.listeners.delete(key);
      }
    }
    for (const [key, b] of want) if (!this.listeners.has(key)) this.open(b);
  }

  private open(b: HostPortBinding): void {
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
      client.on('error', () => client.destroy());
      this.dial(b.clusterIP, b.servicePort).then(
        (up) => {
          client.pipe(up);
          up.pipe(client);
          up.on('error', () => client.destroy());
          client.on('close', () => up.destroy());
          up.on('close', () => !client.writableEnded && client.destroy());
          client.resume();
        },
        () => client.resetAndDestroy(),
      );
    });
    server.on('error', (e: NodeJS.ErrnoException) => {
      this.listeners.delete(b.key);
      if (e.code === 'EADDRNOTAVAIL' && b.address !== '127.0.0.1') {
        // The node's bridge address is not the host's (Docker Desktop runs the engine in a VM): loopback only.
        this.log(`node address ${b.address} is not on this host: NodePorts answer on the other addresses only`);
        this.unavailable.add(b.address);
        return;
      }
      const [ns, name] = b.service.split('/');
      const svc = this.registry.tryGet(SERVICES, ns, name!);
      const msg = `Error listening on ${b.key}: ${e.code === 'EADDRINUSE' ? 'address already in use' : e.code === 'EACCES' ? 'permission denied' : e.message}`;
      this.log(`service ${b.service}: ${msg}`);
      if (svc) this.recorder.record('kbx-proxy', svc, 'Warning', 'FailedToListen', msg);
      // Try again later: the port may be freed (another cluster's service deleted).
      this.retry ??= setTimeout(() => {
        this.retry = undefined;
        this.sync();
      }, RETRY_MS);
      this.retry.unref();
    });
    server.listen(b.port, b.address);
    this.listeners.set(b.key, { binding: b, server });
  }
}
