// Service defaults and allocation, run by the service strategy before validation (as the
// apiserver's service REST storage allocates in BeginCreate/BeginUpdate). The values in use are
// read from the stored Services every time: no allocator state lives only in memory.
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { child, index, invalid } from '../api/field-errors.js';
import {
  NODE_PORT_RANGE_TEXT,
  allocateIP,
  dnsServiceIP,
  allocateNodePort,
  ipInRange,
  nodePortInRange,
  parseCIDR,
  serviceIPRange,
} from './ip-allocator.js';

type Obj = Record<string, any>;

/** Where a LoadBalancer Service is reached from the host (the data plane publishes it there). */
export const LOAD_BALANCER_INGRESS_IP = '127.0.0.1';

const needsNodePorts = (spec: Obj): boolean =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** SetDefaults_Service and the apiserver's service defaulting (a single-stack IPv4 cluster). */
export function defaultService(svc: KObject): void {
  const spec = (svc.spec = (svc.spec ?? {}) as Obj);
  if (!spec.type) spec.type = 'ClusterIP';
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800 } };
  }
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports as Obj[]) {
      if (!p || typeof p !== 'object') continue;
      if (!p.protocol) p.protocol = 'TCP';
      if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
  }
  if (spec.type !== 'ExternalName') {
    if (!spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
    if (!spec.ipFamilyPolicy) {
      // A headless Service without a selector asks for every family the cluster has.
      spec.ipFamilyPolicy = spec.clusterIP === 'None' && !spec.selector ? 'RequireDualStack' : 'SingleStack';
    }
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    if (!spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
}

interface InUse {
  ips: Set<string>;
  nodePorts: Set<number>;
}

/** The ClusterIPs and node ports of every stored Service except `self` (namespace/name). */
function inUse(services: KObject[], self: KObject): InUse {
  const ips = new Set<string>([dnsServiceIP()]);
  const nodePorts = new Set<number>();
  for (const s of services) {
    if (s.metadata.namespace === self.metadata.namespace && s.metadata.name === self.metadata.name) continue;
    const spec = (s.spec ?? {}) as Obj;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip && ip !== 'None') ips.add(ip);
    for (const p of (spec.ports ?? []) as Obj[]) if (typeof p?.nodePort === 'number' && p.nodePort > 0) nodePorts.add(p.nodePort);
  }
  return { ips, nodePorts };
}

function fail(svc: KObject, err: ReturnType<typeof invalid>): never {
  throw errors.invalid('Service', svc.metadata.name ?? '', '', [err]);
}

function allocateClusterIP(svc: KObject, used: InUse): void {
  const spec = svc.spec as Obj;
  if (spec.type === 'ExternalName' || spec.clusterIP === 'None') return;
  const range = parseCIDR(serviceIPRange());
  if (spec.clusterIP) {
    const ip = spec.clusterIP as string;
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return; // validation reports it
    if (!ipInRange(range, ip)) {
      fail(svc, invalid('spec.clusterIPs', spec.clusterIPs ?? [ip], `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${range.cidr}`));
    }
    if (used.ips.has(ip)) fail(svc, invalid('spec.clusterIPs', spec.clusterIPs ?? [ip], `failed to allocate IP ${ip}: provided IP is already allocated`));
    return;
  }
  const ip = allocateIP(range, used.ips);
  if (!ip) throw errors.internal('failed to allocate a serviceIP: range is full');
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

/** Allocates a node port for each port that lacks one; checks the ones given (unless `keep` holds them already). */
function allocateNodePorts(svc: KObject, used: InUse, keep: Set<number> = new Set()): void {
  const spec = svc.spec as Obj;
  if (!needsNodePorts(spec)) return;
  const ports = (spec.ports ?? []) as Obj[];
  const taken = new Set(used.nodePorts);
  // Ports given by the user first, in order, then the ones to allocate.
  ports.forEach((p, i) => {
    const np = p?.nodePort;
    if (typeof np !== 'number' || np === 0) return;
    const path = child(index('spec.ports', i), 'nodePort');
    if (keep.has(np)) {
      taken.add(np);
      return;
    }
    if (np < 1 || np > 65535) return; // validation reports it
    if (!nodePortInRange(np)) fail(svc, invalid(path, np, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE_TEXT}`));
    if (taken.has(np)) fail(svc, invalid(path, np, 'provided port is already allocated'));
    taken.add(np);
  });
  for (const p of ports) {
    if (!p || typeof p !== 'object' || (typeof p.nodePort === 'number' && p.nodePort !== 0)) continue;
    const np = allocateNodePort(taken);
    if (np === undefined) throw errors.internal('failed to allocate a nodePort: range is full');
    p.nodePort = np;
    taken.add(np);
  }
}

function setStatus(svc: KObject): void {
  const spec = svc.spec as Obj;
  svc.status = spec.type === 'LoadBalancer' ? { loadBalancer: { ingress: [{ ip: LOAD_BALANCER_INGRESS_IP, ipMode: 'VIP' }] } } : { loadBalancer: {} };
}

export function prepareServiceForCreate(svc: KObject, stored: KObject[]): void {
  defaultService(svc);
  const used = inUse(stored, svc);
  allocateClusterIP(svc, used);
  allocateNodePorts(svc, used);
  setStatus(svc);
}

export function prepareServiceForUpdate(svc: KObject, old: KObject, stored: KObject[]): void {
  const spec = (svc.spec = (svc.spec ?? {}) as Obj);
  const os = (old.spec ?? {}) as Obj;
  if (spec.type === 'ExternalName') {
    // Changing to ExternalName releases the cluster IPs and node ports.
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
    for (const p of (spec.ports ?? []) as Obj[]) if (p) delete p.nodePort;
  } else if (!spec.clusterIP && !spec.clusterIPs?.length && os.type !== 'ExternalName' && os.clusterIP) {
    // An update that omits the cluster IPs keeps the allocated ones (patchAllocatedValues).
    spec.clusterIP = os.clusterIP;
    spec.clusterIPs = os.clusterIPs ?? [os.clusterIP];
  } else if (spec.clusterIP && spec.clusterIPs?.length && os.clusterIP !== spec.clusterIP && os.clusterIPs?.[0] === spec.clusterIPs[0]) {
    // Only clusterIP changed: clusterIPs follows it, and validation refuses the change.
    spec.clusterIPs = [spec.clusterIP, ...spec.clusterIPs.slice(1)];
  }
  const oldNodePorts = new Set<number>();
  if (needsNodePorts(os)) {
    for (const p of (os.ports ?? []) as Obj[]) if (typeof p?.nodePort === 'number') oldNodePorts.add(p.nodePort);
    if (needsNodePorts(spec)) {
      // Ports that keep their number and protocol keep their node port when the update omits it.
      for (const p of (spec.ports ?? []) as Obj[]) {
        if (!p || (typeof p.nodePort === 'number' && p.nodePort !== 0)) continue;
        const match = ((os.ports ?? []) as Obj[]).find((q) => q?.port === p.port && (q?.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
        if (match?.nodePort) p.nodePort = match.nodePort;
      }
    } else if (spec.type === 'ClusterIP') {
      // Leaving NodePort/LoadBalancer drops the node ports the update carried over.
      for (const p of (spec.ports ?? []) as Obj[]) if (p && oldNodePorts.has(p.nodePort)) delete p.nodePort;
    }
  }
  defaultService(svc);
  const used = inUse(stored, svc);
  if (os.type === 'ExternalName' || !os.clusterIP) allocateClusterIP(svc, used);
  allocateNodePorts(svc, used, oldNodePorts);
  // Keep a status someone else wrote (a load-balancer implementation) while the type stays.
  if (spec.type !== os.type || (spec.type === 'LoadBalancer' && !(svc.status as Obj | undefined)?.loadBalancer?.ingress?.length)) setStatus(svc);
}
