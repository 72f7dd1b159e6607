// Pure: the data-plane agent's configuration from the stored Services and Endpoints.
import type { KObject } from '../api/types.js';
import type { PolicyTable } from './netpol-match.js';
import type { DataplaneConfig, Protocol, ServiceConfig, ServicePortConfig } from './protocol.js';

type Obj = Record<string, any>;

export interface ConfigInputs {
  generation: number;
  token: string;
  domain: string;
  dnsIP: string;
  serviceCIDR: string;
  services: KObject[];
  /** Endpoints by "namespace/name". */
  endpoints: Map<string, KObject>;
  /** NetworkPolicy rules by pod IP (absent: no pod is isolated). */
  policies?: PolicyTable;
}

/** A service port's ready backends: every subset address with the subset port of the same name. */
function backendsFor(ep: KObject | undefined, portName: string, protocol: string): ServicePortConfig['backends'] {
  const out: ServicePortConfig['backends'] = [];
  for (const s of ((ep as Obj | undefined)?.subsets ?? []) as Obj[]) {
    const p = ((s.ports ?? []) as Obj[]).find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === protocol);
    if (!p) continue;
    for (const a of (s.addresses ?? []) as Obj[]) if (a.ip) out.push({ ip: a.ip, port: p.port });
  }
  return out;
}

export function serviceConfig(svc: KObject, ep: KObject | undefined): ServiceConfig {
  const spec = (svc.spec ?? {}) as Obj;
  const out: ServiceConfig = {
    namespace: svc.metadata.namespace!,
    name: svc.metadata.name!,
    ports: [],
    addresses: [],
    hostnames: {},
  };
  if (spec.type === 'ExternalName') {
    out.externalName = String(spec.externalName ?? '').replace(/\.$/, '');
    return out;
  }
  out.clusterIP = spec.clusterIP;
  if (spec.sessionAffinity === 'ClientIP') out.affinitySeconds = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
  for (const p of (spec.ports ?? []) as Obj[]) {
    const protocol = (p.protocol ?? 'TCP') as Protocol;
    out.ports.push({ name: p.name ?? '', port: p.port, protocol, backends: backendsFor(ep, p.name ?? '', protocol) });
  }
  if (spec.clusterIP === 'None') {
    const ips = new Set<string>();
    for (const s of ((ep as Obj | undefined)?.subsets ?? []) as Obj[]) {
      for (const a of (s.addresses ?? []) as Obj[]) {
        if (!a.ip) continue;
        ips.add(a.ip);
        if (a.hostname) out.hostnames[a.hostname] = a.ip;
      }
    }
    out.addresses = [...ips].sort();
  }
  return out;
}

export function buildDataplaneConfig(i: ConfigInputs): DataplaneConfig {
  const services = i.services
    .filter((s) => !s.metadata.deletionTimestamp)
    .map((s) => serviceConfig(s, i.endpoints.get(`${s.metadata.namespace}/${s.metadata.name}`)))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const out: DataplaneConfig = { generation: i.generation, token: i.token, domain: i.domain, dnsIP: i.dnsIP, serviceCIDR: i.serviceCIDR, services };
  if (i.policies && Object.keys(i.policies).length) out.policies = i.policies;
  return out;
}

/** Two configurations serve the same traffic (the generation aside). */
export function sameConfig(a: DataplaneConfig | undefined, b: DataplaneConfig): boolean {
  if (!a) return false;
  return JSON.stringify({ ...a, generation: 0 }) === JSON.stringify({ ...b, generation: 0 });
}
