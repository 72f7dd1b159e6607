// Pure: what the cluster DNS answers, CoreDNS' kubernetes plugin in miniature.
//   <svc>.<ns>.svc.<domain>                 A: the ClusterIP, or a headless service's ready pod IPs
//   <host>.<svc>.<ns>.svc.<domain>          A: a headless service's pod with that hostname
//   _<port>._<proto>.<svc>.<ns>.svc.<domain> SRV
//   a-b-c-d.<ns>.pod.<domain>                A: a.b.c.d
//   ExternalName services                    CNAME to the external name (the server resolves it upstream)
// Anything else under <domain> is NXDOMAIN (authoritative); names outside it go upstream.
import { RCODE, TYPE, type DnsRecord } from './dns-message.js';
import type { DataplaneConfig, ServiceConfig } from './protocol.js';

export const TTL = 5;

export type DnsDecision =
  | { kind: 'answer'; rcode: number; answers: DnsRecord[] }
  /** An ExternalName: answer the CNAME, plus the target's records looked up upstream (for A/AAAA). */
  | { kind: 'cname'; record: DnsRecord & { target: string } }
  | { kind: 'forward' };

const nx: DnsDecision = { kind: 'answer', rcode: RCODE.NXDOMAIN, answers: [] };
const empty: DnsDecision = { kind: 'answer', rcode: RCODE.NOERROR, answers: [] };

export class DnsIndex {
  private byName = new Map<string, ServiceConfig>();
  readonly domain: string;

  constructor(cfg: Pick<DataplaneConfig, 'domain' | 'services'>) {
    this.domain = cfg.domain.toLowerCase();
    for (const s of cfg.services) this.byName.set(`${s.name}.${s.namespace}`.toLowerCase(), s);
  }

  decide(name: string, type: number): DnsDecision {
    const n = name.toLowerCase().replace(/\.$/, '');
    const d = this.domain;
    if (n !== d && !n.endsWith(`.${d}`)) return { kind: 'forward' };
    const rest = n === d ? [] : n.slice(0, -(d.length + 1)).split('.');
    // rest: [..., name, ns, 'svc'] or [ip, ns, 'pod']
    const kind = rest[rest.length - 1];
    if (kind === 'svc' && rest.length >= 3) return this.service(n, rest.slice(0, -1), type);
    if (kind === 'pod' && rest.length === 3) {
      const ip = rest[0]!.split('-');
      if (ip.length === 4 && ip.every((x) => /^\d{1,3}$/.test(x) && Number(x) < 256)) {
        return type === TYPE.A || type === TYPE.ANY ? { kind: 'answer', rcode: RCODE.NOERROR, answers: [{ name: n, type: TYPE.A, ttl: TTL, ip: ip.join('.') }] } : empty;
      }
      return nx;
    }
    // The zone's own apex names (cluster.local, svc.cluster.local, <ns>.svc.cluster.local) exist but hold no records.
    if (rest.length === 0 || (rest.length === 1 && (rest[0] === 'svc' || rest[0] === 'pod'))) return empty;
    if (rest.length === 2 && (rest[1] === 'svc' || rest[1] === 'pod')) return empty;
    return nx;
  }

  private service(fqdn: string, labels: string[], type: number): DnsDecision {
    // labels: [..., svcName, ns]
    const ns = labels[labels.length - 1]!;
    const svcName = labels[labels.length - 2]!;
    const svc = this.byName.get(`${svcName}.${ns}`);
    if (!svc) return nx;
    const prefix = labels.slice(0, -2);
    const svcFqdn = `${svcName}.${ns}.svc.${this.domain}`;
    if (prefix.length === 0) {
      if (svc.externalName) return { kind: 'cname', record: { name: fqdn, type: TYPE.CNAME, ttl: TTL, target: svc.externalName } };
      const ips = svc.clusterIP && svc.clusterIP !== 'None' ? [svc.clusterIP] : svc.addresses;
      if (!ips.length) return nx;
      if (type === TYPE.A || type === TYPE.ANY) return { kind: 'answer', rcode: RCODE.NOERROR, answers: ips.map((ip) => ({ name: fqdn, type: TYPE.A, ttl: TTL, ip })) };
      if (type === TYPE.SRV) {
        return {
          kind: 'answer',
          rcode: RCODE.NOERROR,
          answers: svc.ports.filter((p) => p.name).map((p) => ({ name: fqdn, type: TYPE.SRV, ttl: TTL, priority: 0, weight: 100, port: p.port, target: svcFqdn })),
        };
      }
      return empty;
    }
    if (prefix.length === 2 && prefix[0]!.startsWith('_') && prefix[1]!.startsWith('_')) {
      const portName = prefix[0]!.slice(1);
      const proto = prefix[1]!.slice(1).toUpperCase();
      const port = svc.ports.find((p) => p.name.toLowerCase() === portName && p.protocol === proto);
      if (!port) return nx;
      if (type !== TYPE.SRV && type !== TYPE.ANY) return empty;
      return { kind: 'answer', rcode: RCODE.NOERROR, answers: [{ name: fqdn, type: TYPE.SRV, ttl: TTL, priority: 0, weight: 100, port: port.port, target: svcFqdn }] };
    }
    if (prefix.length === 1 && svc.clusterIP === 'None') {
      const ip = svc.hostnames[prefix[0]!];
      if (!ip) return nx;
      return type === TYPE.A || type === TYPE.ANY ? { kind: 'answer', rcode: RCODE.NOERROR, answers: [{ name: fqdn, type: TYPE.A, ttl: TTL, ip }] } : empty;
    }
    return nx;
  }
}
