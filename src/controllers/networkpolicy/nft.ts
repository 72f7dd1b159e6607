// Pure: one pod's rules (dataplane/netpol-match.ts) as an nftables script for the pod's own network namespace.
// The script replaces kbx's table whole (declare, delete, re-create: one atomic transaction), so applying it
// twice is applying it once. Always allowed, as on a real cluster: replies of allowed connections (conntrack),
// the pod's own loopback, and the node (the bridge gateway: probes from the host; the data-plane agent: probes,
// port-forward and Service traffic through Docker Desktop's tunnel, and Service connections whose policy the
// agent has already decided with the real client's address).
import { cidrContains, type PodRules, type PolicyRule, type PortRange } from '../../dataplane/netpol-match.js';

export const NFT_TABLE = 'kbx_netpol';

export interface NftContext {
  /** Addresses treated as the node's: always allowed in. */
  nodeAddresses: string[];
  /** The Service range: the data-plane agent applies egress to the backend it picks. */
  serviceCIDR: string;
  /** The cluster DNS IP (inside serviceCIDR, but answered by the agent itself: filtered here). */
  dnsIP: string;
}

function set(items: string[]): string {
  return items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`;
}

/** CIDRs either nest or are disjoint: keeping only the outermost leaves a set without overlapping intervals. */
function outermost(cidrs: string[]): string[] {
  const u = [...new Set(cidrs)];
  const bits = (c: string) => Number(c.split('/')[1] ?? 32);
  return u.filter((c) => !u.some((o) => o !== c && !o.includes(':') && !c.includes(':') && bits(o) < bits(c) && cidrContains(o, c.split('/')[0]!)));
}

function portMatches(ports: PortRange[]): string[] {
  const byProto = new Map<string, string[] | null>();
  for (const p of ports) {
    const proto = p.protocol.toLowerCase();
    if (p.from === undefined) byProto.set(proto, null);
    else if (byProto.get(proto) !== null) {
      const list = byProto.get(proto) ?? [];
      list.push(p.to !== undefined && p.to !== p.from ? `${p.from}-${p.to}` : String(p.from));
      byProto.set(proto, list);
    }
  }
  return [...byProto].map(([proto, list]) => (list ? `meta l4proto ${proto} th dport ${set([...new Set(list)])}` : `meta l4proto ${proto}`));
}

function ruleLines(rules: PolicyRule[], dir: 'saddr' | 'daddr'): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const ports = r.ports ? portMatches(r.ports) : [''];
    const addrs: string[] = r.peers ? [] : [''];
    for (const fam of ['ip', 'ip6']) {
      const peers = (r.peers ?? []).filter((p) => (fam === 'ip6') === p.cidr.includes(':'));
      const plain = outermost(peers.filter((p) => !p.except?.length).map((p) => p.cidr));
      if (plain.length) addrs.push(`${fam} ${dir} ${set(plain)}`);
      for (const p of peers.filter((x) => x.except?.length)) addrs.push(`${fam} ${dir} ${p.cidr} ${fam} ${dir} != ${set(outermost(p.except!))}`);
    }
    for (const a of addrs) for (const p of ports) out.push([a, p, 'accept'].filter(Boolean).join(' '));
  }
  return [...new Set(out)];
}

/** The script for one pod: its table when it is isolated in some direction, else only the table's removal. */
export function renderNft(rules: PodRules | undefined, ctx: NftContext): string {
  const lines = [`table inet ${NFT_TABLE}`, `delete table inet ${NFT_TABLE}`];
  if (!rules || (!rules.ingress && !rules.egress)) return lines.join('\n') + '\n';
  lines.push(`table inet ${NFT_TABLE} {`);
  if (rules.ingress) {
    lines.push('  chain ingress {', '    type filter hook input priority filter; policy accept;', '    ct state established,related accept', '    iifname "lo" accept');
    if (ctx.nodeAddresses.length) lines.push(`    ip saddr ${set(ctx.nodeAddresses)} accept`);
    for (const l of ruleLines(rules.ingress, 'saddr')) lines.push(`    ${l}`);
    lines.push('    drop', '  }');
  }
  if (rules.egress) {
    lines.push('  chain egress {', '    type filter hook output priority filter; policy accept;', '    ct state established,related accept', '    oifname "lo" accept');
    for (const l of ruleLines(rules.egress, 'daddr')) lines.push(`    ${l}`);
    lines.push(`    ip daddr ${ctx.serviceCIDR} ip daddr != ${ctx.dnsIP} accept`, '    drop', '  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
