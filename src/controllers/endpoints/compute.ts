// What the endpoints controller computes, as pure functions: the Endpoints object of a Service from
// the pods its selector matches (Kubernetes' pkg/controller/endpoint: ShouldPodBeInEndpoints,
// podutil.FindPort, addEndpointSubset, endpoints.RepackSubsets / SortSubsets).
import type { KObject, Pod } from '../../api/types.js';

type Obj = Record<string, any>;

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** The Service's selector matches the pod (a Service without selector has no computed endpoints). */
export function serviceSelects(svc: KObject, pod: KObject): boolean {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  if (!sel || !Object.keys(sel).length) return false;
  if (pod.metadata.namespace !== svc.metadata.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}

/** Ready condition True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return ((pod.status as Obj | undefined)?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
}

/** ShouldPodBeInEndpoints: has an IP, not finished, not terminating (unless publishing not-ready ones). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const st = (pod.status ?? {}) as Obj;
  if (st.phase === 'Succeeded' || st.phase === 'Failed') return false;
  if (!st.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * FindPort: a number is used as is; a name is looked up among the pod's container ports with the
 * same protocol. Undefined when the pod has no such port (the pod is skipped for that port).
 */
export function findPort(pod: Pod, servicePort: Obj): number | undefined {
  const tp = servicePort.targetPort ?? servicePort.port;
  if (typeof tp === 'number') return tp;
  if (typeof tp === 'string' && /^[0-9]+$/.test(tp)) return Number(tp);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of (pod.spec?.containers ?? []) as Obj[]) {
    for (const p of (c.ports ?? []) as Obj[]) {
      if (p.name === tp && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

function addressOf(pod: Pod, svc: KObject): EndpointAddress {
  const a: EndpointAddress = { ip: (pod.status as Obj).podIP };
  const spec = pod.spec as Obj;
  // A pod with hostname and subdomain equal to the service name gets a DNS name under it.
  if (spec.hostname && spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace) a.hostname = spec.hostname;
  if (spec.nodeName) a.nodeName = spec.nodeName;
  a.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! };
  return a;
}

const cmpAddr = (a: EndpointAddress, b: EndpointAddress): number =>
  a.ip.localeCompare(b.ip, 'en', { numeric: true }) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');

const portKey = (p: EndpointPort): string => `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol}\u0000${p.appProtocol ?? ''}`;

/**
 * The subsets of the Service's Endpoints: each (pod, port) pair resolved, then repacked so that
 * addresses sharing the same set of ports form one subset; ready pods go in `addresses`,
 * the others in `notReadyAddresses`. The output is sorted, so equal inputs give equal objects.
 */
export function computeSubsets(svc: KObject, pods: Pod[]): EndpointSubset[] {
  const spec = (svc.spec ?? {}) as Obj;
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const ports = (spec.ports ?? []) as Obj[];
  // address key → { address, ready, ports }
  const byAddr = new Map<string, { addr: EndpointAddress; ready: boolean; ports: Map<string, EndpointPort> }>();
  const headlessNoPorts = ports.length === 0 && spec.clusterIP === 'None';
  for (const pod of pods) {
    if (!serviceSelects(svc, pod)) continue;
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ready = publishNotReady || isPodReady(pod);
    const addr = addressOf(pod, svc);
    const key = `${addr.ip}\u0000${addr.targetRef?.uid}`;
    const entry = () => {
      let e = byAddr.get(key);
      if (!e) byAddr.set(key, (e = { addr, ready, ports: new Map() }));
      return e;
    };
    if (headlessNoPorts) {
      entry();
      continue;
    }
    for (const sp of ports) {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) continue;
      const ep: EndpointPort = { port: portNum, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      entry().ports.set(portKey(ep), ep);
    }
  }
  // Repack: one subset per distinct port set.
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const { addr, ready, ports: pm } of byAddr.values()) {
    const list = [...pm.values()].sort((a, b) => portKey(a).localeCompare(portKey(b)));
    const gk = list.map(portKey).join('\u0001');
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { ports: list, ready: [], notReady: [] }));
    (ready ? g.ready : g.notReady).push(addr);
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(cmpAddr);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(cmpAddr);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  const first = (s: EndpointSubset): string => (s.addresses?.[0] ?? s.notReadyAddresses?.[0])?.ip ?? '';
  return subsets.sort(
    (a, b) => JSON.stringify(a.ports ?? []).localeCompare(JSON.stringify(b.ports ?? [])) || first(a).localeCompare(first(b), 'en', { numeric: true }),
  );
}

/** The whole Endpoints object the controller wants for `svc` (without server-set metadata). */
export function desiredEndpoints(svc: KObject, pods: Pod[]): KObject {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  else delete labels['service.kubernetes.io/headless'];
  const ep: KObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, ...(Object.keys(labels).length ? { labels } : {}) },
  };
  const subsets = computeSubsets(svc, pods);
  if (subsets.length) (ep as Obj).subsets = subsets;
  return ep;
}

/** The parts of an Endpoints object the controller owns are equal (no write needed). */
export function endpointsEqual(a: KObject | undefined, b: KObject): boolean {
  if (!a) return false;
  return (
    JSON.stringify((a as Obj).subsets ?? []) === JSON.stringify((b as Obj).subsets ?? []) &&
    JSON.stringify(a.metadata.labels ?? {}) === JSON.stringify(b.metadata.labels ?? {})
  );
}

