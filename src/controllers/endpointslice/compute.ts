// What the EndpointSlice controller computes, as pure functions (Kubernetes'
// staging/src/k8s.io/endpointslice: reconciler.go Reconcile / reconcileByPortMapping / finalize,
// utils.go podToEndpoint / getEndpointPorts / newEndpointSlice / setEndpointSliceLabels).
//
// planSlices(service, pods, existing slices) says which slices to create, update and delete:
// pods are grouped by their resolved ports (pods whose named target ports resolve differently
// land in different slices), existing slices keep the endpoints still wanted (updated in place
// when their conditions changed), new endpoints fill slices being updated first, then an
// unchanged slice with room, then new slices of at most 100 endpoints; a create is turned into
// an update of a slice that would be deleted; a Service without endpoints keeps one empty
// placeholder slice. Only IPv4 is served (kbx's pods have IPv4 addresses).
import type { KObject, Pod } from '../../api/types.js';
import { findPort, isPodReady, serviceSelects, shouldPodBeInEndpoints } from '../endpoints/compute.js';
import { canonicalJSON, semanticEqual, type SemanticOptions } from '../../api/semantic.js';

/** Labels and endpoints compare as maps and pointer fields: "" and false are values. */
const MAP_SEMANTICS: SemanticOptions = { emptyScalarsMatter: true };

type Obj = Record<string, any>;

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;
const ADDRESS_TYPE = 'IPv4';

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface SlicePlan {
  create: KObject[];
  /** Whole desired objects, with the name (and metadata) of the slice they replace. */
  update: KObject[];
  delete: KObject[];
}

/** getEndpointPorts: each Service port resolved for this pod; ports the pod lacks are left out. */
export function endpointPorts(svc: KObject, pod: Pod): SlicePort[] {
  const spec = (svc.spec ?? {}) as Obj;
  const ports = (spec.ports ?? []) as Obj[];
  const out: SlicePort[] = [];
  for (const sp of ports) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/** NewPortMapKey: the same ports in any order give the same key. */
export function portMapKey(ports: SlicePort[] | null | undefined): string {
  return (ports ?? [])
    .map((p) => canonicalJSON(p, MAP_SEMANTICS))
    .sort()
    .join('|');
}

/** The pod's IPv4 addresses (status.podIPs, else status.podIP). */
function podAddresses(pod: Pod): string[] {
  const st = (pod.status ?? {}) as Obj;
  const ips: string[] = Array.isArray(st.podIPs) && st.podIPs.length ? st.podIPs.map((p: Obj) => p?.ip) : st.podIP ? [st.podIP] : [];
  return ips.filter((ip) => typeof ip === 'string' && /^\d+\.\d+\.\d+\.\d+$/.test(ip));
}

/** podToEndpoint: serving = ready; ready is false while terminating (unless publishNotReadyAddresses). */
export function podToEndpoint(pod: Pod, svc: KObject): SliceEndpoint {
  const spec = (svc.spec ?? {}) as Obj;
  const podSpec = (pod.spec ?? {}) as Obj;
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = spec.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: podAddresses(pod),
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! },
  };
  if (podSpec.nodeName) ep.nodeName = podSpec.nodeName;
  // ShouldSetHostname: hostname and subdomain naming this Service, in its namespace.
  if (podSpec.hostname && podSpec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) {
    ep.hostname = podSpec.hostname;
  }
  return ep;
}

/** The endpoint's identity (hashEndpoint): its addresses, hostname and pod. */
export function endpointKey(ep: Obj): string {
  return JSON.stringify([[...(ep.addresses ?? [])].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

/**
 * setEndpointSliceLabels: the Service's labels (without the reserved ones), the headless label
 * when the Service has no cluster IP, the service name and the manager. `changed` tells whether
 * the slice's non-reserved labels differ from the Service's.
 */
export function sliceLabels(svc: KObject, current: Record<string, string> | undefined): { labels: Record<string, string>; changed: boolean } {
  const mine: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {})) if (!RESERVED.has(k)) mine[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
  const changed = !semanticEqual(mine, labels, MAP_SEMANTICS);
  const clusterIP = (svc.spec as Obj | undefined)?.clusterIP;
  if (!clusterIP || clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return { labels, changed };
}

/** getEndpointSlicePrefix: `<svc>-` when that is a valid generateName, else the name. */
function slicePrefix(name: string): string {
  return name.length + 1 <= 253 - 5 ? `${name}-` : name;
}

/** newEndpointSlice: labelled, owned by the Service (controller, blockOwnerDeletion), no endpoints yet. */
export function newSlice(svc: KObject, ports: SlicePort[]): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(svc.metadata.name!),
      namespace: svc.metadata.namespace,
      labels: sliceLabels(svc, {}).labels,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType: ADDRESS_TYPE,
    endpoints: [],
    ports: ports.length ? ports : null,
  } as unknown as KObject;
}

/** ownedBy: an owner reference to this very Service (same uid). */
export function ownedBy(slice: KObject, svc: KObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** getSliceToFill: the slice that ends closest to full when `n` endpoints are added to it. */
function sliceToFill(slices: KObject[], n: number, max: number): KObject | undefined {
  let best: KObject | undefined;
  let bestDiff = max;
  for (const s of slices) {
    const diff = max - (n + ((s as Obj).endpoints ?? []).length);
    if (diff >= 0 && diff < bestDiff) {
      bestDiff = diff;
      best = s;
      if (diff === 0) break;
    }
  }
  return best;
}

const byName = (a: KObject, b: KObject) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** Empty lists are stored as null, as the API server returns them. */
function finish(slice: KObject): KObject {
  const o = slice as Obj;
  if (!o.endpoints?.length) o.endpoints = null;
  if (!o.ports?.length) o.ports = null;
  return slice;
}

/** reconcileByPortMapping for one group of pods sharing the same ports. */
function planPortMapping(svc: KObject, existing: KObject[], desired: Map<string, SliceEndpoint>, ports: SlicePort[], max: number): SlicePlan {
  const sliceByName = new Map<string, KObject>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: string[] = [];
  for (const slice of [...existing].sort(byName)) {
    const name = slice.metadata.name!;
    sliceByName.set(name, slice);
    const old: Obj[] = (slice as Obj).endpoints ?? [];
    const kept: SliceEndpoint[] = [];
    let endpointChanged = false;
    for (const ep of old) {
      const k = endpointKey(ep);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!semanticEqual(want, ep, MAP_SEMANTICS)) endpointChanged = true;
      desired.delete(k);
    }
    const { labels, changed: labelsChanged } = sliceLabels(svc, slice.metadata.labels);
    if (endpointChanged || kept.length !== old.length) {
      if (!kept.length) toDelete.push(name);
      else {
        const copy = structuredClone(slice) as Obj;
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        sliceByName.set(name, copy as KObject);
        toUpdate.push(name);
      }
    } else if (labelsChanged) {
      const copy = structuredClone(slice) as Obj;
      copy.endpoints = [...(copy.endpoints ?? [])];
      copy.metadata.labels = labels;
      sliceByName.set(name, copy as KObject);
      toUpdate.push(name);
    } else unchanged.push(name);
  }
  // Remaining endpoints, in address order (Kubernetes pops them in no particular order).
  const left = [...desired.values()].sort((a, b) => a.addresses[0]!.localeCompare(b.addresses[0]!, 'en', { numeric: true }));
  // 2. Fill the slices being updated, fullest first.
  if (left.length && toUpdate.length) {
    const slices = toUpdate.map((n) => sliceByName.get(n) as Obj).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const s of slices) while (left.length && s.endpoints.length < max) s.endpoints.push(left.shift()!);
  }
  // 3. Then one unchanged slice with room for all of them, else new slices.
  const create: KObject[] = [];
  while (left.length) {
    let fill: Obj | undefined;
    if (left.length < max && unchanged.length) {
      const found = sliceToFill(
        unchanged.map((n) => sliceByName.get(n)!),
        left.length,
        max,
      );
      if (found) {
        fill = structuredClone(found) as Obj;
        fill.endpoints = [...(fill.endpoints ?? [])];
        sliceByName.set(found.metadata.name!, fill as KObject);
      }
    }
    if (!fill) fill = newSlice(svc, ports) as Obj;
    while (left.length && fill.endpoints.length < max) fill.endpoints.push(left.shift()!);
    const name = fill.metadata.name as string | undefined;
    if (name) {
      if (!toUpdate.includes(name)) toUpdate.push(name);
      unchanged.splice(unchanged.indexOf(name), 1);
    } else create.push(fill as KObject);
  }
  return { create, update: toUpdate.map((n) => sliceByName.get(n)!), delete: toDelete.map((n) => sliceByName.get(n)!) };
}

/** A placeholder that equals the wanted one: same namespace, labels, owners, and no endpoints or ports. */
function isSamePlaceholder(a: KObject, b: KObject): boolean {
  const shape = (s: KObject) =>
    canonicalJSON({
      ns: s.metadata.namespace,
      labels: s.metadata.labels ?? {},
      owners: s.metadata.ownerReferences ?? [],
      addressType: (s as Obj).addressType,
      endpoints: (s as Obj).endpoints,
      ports: (s as Obj).ports,
    }, MAP_SEMANTICS);
  return shape(a) === shape(b);
}

/**
 * Reconcile: the changes that make `existing` (the slices labelled for this Service and managed by
 * the controller) describe `pods`. An empty plan means nothing to write.
 */
export function planSlices(svc: KObject, pods: Pod[], existing: KObject[], max = MAX_ENDPOINTS_PER_SLICE): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const byPortMap = new Map<string, KObject[]>();
  for (const slice of existing) {
    if ((slice as Obj).addressType !== ADDRESS_TYPE || !ownedBy(slice, svc)) {
      plan.delete.push(slice);
      continue;
    }
    const k = portMapKey((slice as Obj).ports);
    byPortMap.set(k, [...(byPortMap.get(k) ?? []), slice]);
  }
  const desired = new Map<string, { ports: SlicePort[]; endpoints: Map<string, SliceEndpoint> }>();
  for (const pod of pods) {
    if (!serviceSelects(svc, pod) || !shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const k = portMapKey(ports);
    let group = desired.get(k);
    if (!group) desired.set(k, (group = { ports, endpoints: new Map() }));
    const ep = podToEndpoint(pod, svc);
    if (ep.addresses.length) group.endpoints.set(endpointKey(ep), ep);
  }
  for (const k of [...desired.keys()].sort()) {
    const g = desired.get(k)!;
    const p = planPortMapping(svc, byPortMap.get(k) ?? [], g.endpoints, g.ports, max);
    plan.create.push(...p.create);
    plan.update.push(...p.update);
    plan.delete.push(...p.delete);
  }
  for (const [k, slices] of byPortMap) if (!desired.has(k)) plan.delete.push(...slices);
  // No slice would be left: keep (or make) one empty placeholder.
  if (existing.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = newSlice(svc, []);
    if (plan.delete.length === 1 && isSamePlaceholder(plan.delete[0]!, placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }
  // finalize: a create becomes an update of a slice of ours that would be deleted.
  for (let i = 0; i < plan.delete.length && plan.create.length; ) {
    const victim = plan.delete[i]!;
    if ((victim as Obj).addressType === ADDRESS_TYPE && ownedBy(victim, svc)) {
      const slice = plan.create.pop()!;
      slice.metadata = { ...victim.metadata, labels: slice.metadata.labels };
      plan.update.push(slice);
      plan.delete.splice(i, 1);
    } else i++;
  }
  // A Service being deleted gets no new slices (the garbage collector is removing them).
  if (svc.metadata.deletionTimestamp) plan.create = [];
  for (const s of [...plan.create, ...plan.update]) finish(s);
  return plan;
}

/** The Service gets slices from this controller: it has a selector and is not ExternalName. */
export function managesSlicesFor(svc: KObject): boolean {
  const sel = (svc.spec as Obj | undefined)?.selector;
  return !!sel && Object.keys(sel).length > 0 && (svc.spec as Obj).type !== 'ExternalName';
}
