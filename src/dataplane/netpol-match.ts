// Pure: NetworkPolicy decisions on resolved addresses. The planner (controllers/networkpolicy/plan.ts) turns
// policies, pods and namespaces into one PodRules per pod IP; the nftables rules in each pod's network
// namespace are rendered from it, and the data-plane agent (which re-dials Service connections, so the backend
// sees the agent's address, not the client's) asks connectionAllowed() with the real client address.
// Imports nothing: the agent's image carries this file.

export type PolicyProtocol = 'TCP' | 'UDP' | 'SCTP';

/** A port or an inclusive range (`port`..`endPort`) of one protocol; no `from` means every port of it. */
export interface PortRange {
  protocol: PolicyProtocol;
  from?: number;
  to?: number;
}

/** An address block (a pod is `ip/32`) minus its exceptions. */
export interface Peer {
  cidr: string;
  except?: string[];
}

/** One allow rule: no `peers` means any peer, no `ports` any port. */
export interface PolicyRule {
  peers?: Peer[];
  ports?: PortRange[];
}

/** A pod's isolation: a direction absent means not isolated (everything allowed); [] means deny all. */
export interface PodRules {
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

/** PodRules by pod IP: only pods some policy selects appear. */
export type PolicyTable = Record<string, PodRules>;

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

/** "10.1.0.0/16" contains "10.1.2.3" (IPv4 only; an IPv6 block contains no IPv4 address). */
export function cidrContains(cidr: string, ip: string): boolean {
  if (cidr.includes(':') || ip.includes(':')) return false;
  const [base, bits] = cidr.split('/');
  const n = bits === undefined ? 32 : Number(bits);
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return ((ipToInt(base!) & mask) >>> 0) === ((ipToInt(ip) & mask) >>> 0);
}

function peerMatches(p: Peer, ip: string): boolean {
  return cidrContains(p.cidr, ip) && !(p.except ?? []).some((e) => cidrContains(e, ip));
}

function portMatches(r: PortRange, protocol: PolicyProtocol, port: number): boolean {
  if (r.protocol !== protocol) return false;
  if (r.from === undefined) return true;
  return port >= r.from && port <= (r.to ?? r.from);
}

/** Do the rules of one direction let this peer reach this port? Undefined rules: not isolated. */
export function rulesAllow(rules: PolicyRule[] | undefined, peerIP: string, protocol: PolicyProtocol, port: number): boolean {
  if (!rules) return true;
  return rules.some((r) => (!r.peers || r.peers.some((p) => peerMatches(p, peerIP))) && (!r.ports || r.ports.some((x) => portMatches(x, protocol, port))));
}

/** src may open a connection to dst:port: src's egress allows it and dst's ingress allows it (a pod may always reach itself). */
export function connectionAllowed(table: PolicyTable | undefined, src: string, dst: string, protocol: PolicyProtocol, port: number): boolean {
  if (!table || src === dst) return true;
  return rulesAllow(table[src]?.egress, dst, protocol, port) && rulesAllow(table[dst]?.ingress, src, protocol, port);
}
