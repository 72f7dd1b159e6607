// The apiserver's own Service (pkg/controlplane/controller/kubernetesservice and the endpoint reconciler):
// `kubernetes` in `default`, ClusterIP the first address of the service range, port 443 (https) → 6443, no
// selector; its Endpoints and EndpointSlice name the address pods reach the API server at — the data-plane
// agent, which forwards to the control plane (dataplane/agent/api-forward.ts). Recreated when deleted and
// reset when edited, as the apiserver's reconcilers do. The plans are pure; the writes are one method.
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { KObject } from '../api/types.js';
import type { Registry } from '../registry/registry.js';
import { kubernetesServiceIP } from '../registry/ip-allocator.js';
import { API_FORWARD_PORT } from '../dataplane/protocol.js';
import { LABEL_SERVICE_NAME } from './endpointslice/compute.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const ENDPOINTS = RESOURCES.find((r) => r.kind === 'Endpoints')!;
const SLICES = RESOURCES.find((r) => r.kind === 'EndpointSlice')!;

type Obj = Record<string, any>;

export const KUBERNETES_SERVICE = 'kubernetes';
const NS = 'default';
const PORT_NAME = 'https';

export function desiredService(clusterIP: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: KUBERNETES_SERVICE, namespace: NS, labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP,
      clusterIPs: [clusterIP],
      sessionAffinity: 'None',
      ports: [{ name: PORT_NAME, port: 443, protocol: 'TCP', targetPort: API_FORWARD_PORT }],
    },
  } as KObject;
}

export function desiredEndpoints(ip: string, port = API_FORWARD_PORT): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: KUBERNETES_SERVICE, namespace: NS, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: PORT_NAME, port, protocol: 'TCP' }] }],
  } as KObject;
}

export function desiredSlice(ip: string, port = API_FORWARD_PORT): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: KUBERNETES_SERVICE, namespace: NS, labels: { [LABEL_SERVICE_NAME]: KUBERNETES_SERVICE } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true, serving: true, terminating: false } }],
    ports: [{ name: PORT_NAME, port, protocol: 'TCP' }],
  } as KObject;
}

/** What the reconciler does with the stored object: the fields it owns compared, nothing else. */
export function planObject(existing: KObject | undefined, desired: KObject, fields: string[]): 'create' | 'update' | 'none' {
  if (!existing) return 'create';
  const e = existing as Obj;
  const d = desired as Obj;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const labelsOk = Object.entries(d.metadata.labels ?? {}).every(([k, v]) => e.metadata.labels?.[k] === v);
  if (!labelsOk) return 'update';
  for (const f of fields) {
    const [top, sub] = f.split('.') as [string, string | undefined];
    if (sub ? !same(e[top]?.[sub], d[top]?.[sub]) : !same(e[top], d[top])) return 'update';
  }
  return 'none';
}

/** The Service's fields the apiserver resets (ports and type; the ClusterIP is immutable once given). */
const SERVICE_FIELDS = ['spec.ports', 'spec.type'];

export class KubernetesServiceController {
  private stops: (() => void)[] = [];
  private endpointIP?: string;

  constructor(
    private readonly registry: Registry,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    this.syncService();
    const again = (e: { type: string; object: KObject }) => {
      if (e.object.metadata.namespace === NS && e.object.metadata.name === KUBERNETES_SERVICE && e.type !== 'ADDED') queueMicrotask(() => this.sync());
    };
    this.stops.push(this.registry.watch(SERVICES, NS, {}, again), this.registry.watch(ENDPOINTS, NS, {}, again), this.registry.watch(SLICES, NS, {}, again));
  }

  close(): void {
    for (const s of this.stops) s();
  }

  /** The address pods reach the API server at (the data-plane agent's, once it runs). */
  setEndpoint(ip: string): void {
    this.endpointIP = ip;
    this.sync();
  }

  sync(): void {
    this.syncService();
    if (!this.endpointIP) return;
    this.apply(ENDPOINTS, desiredEndpoints(this.endpointIP), ['subsets']);
    this.apply(SLICES, desiredSlice(this.endpointIP), ['addressType', 'endpoints', 'ports']);
  }

  private syncService(): void {
    this.apply(SERVICES, desiredService(kubernetesServiceIP()), SERVICE_FIELDS);
  }

  private apply(info: (typeof RESOURCES)[number], desired: KObject, fields: string[]): void {
    const existing = this.registry.tryGet(info, NS, KUBERNETES_SERVICE);
    const plan = planObject(existing, desired, fields);
    try {
      if (plan === 'create') this.registry.create(info, NS, desired);
      else if (plan === 'update') {
        const next = structuredClone(existing!) as Obj;
        next.metadata.labels = { ...(next.metadata.labels ?? {}), ...(desired.metadata.labels ?? {}) };
        for (const f of fields) {
          const [top, sub] = f.split('.') as [string, string | undefined];
          if (sub) next[top] = { ...(next[top] ?? {}), [sub]: (desired as Obj)[top][sub] };
          else next[top] = (desired as Obj)[top];
        }
        this.registry.update(info, NS, KUBERNETES_SERVICE, next as KObject);
      }
    } catch (e) {
      // A conflict is a concurrent write: its watch event brings the next sync.
      if (!(isApiError(e) && (e.code === 409))) this.log(`kubernetes service: ${info.kind} ${plan}: ${(e as Error).message}`);
    }
  }
}
