// The NetworkPolicy planner against the reachability matrix of Kubernetes' netpol e2e suite
// (test/e2e/network/netpol: namespaces x, y, z with pods a, b, c, each serving TCP/UDP 80 and 81; a case is
// the set of pairs that must be blocked, every other pair must connect).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { clusterDnsPeer, planNetworkPolicies } from '../../src/controllers/networkpolicy/plan.js';
import { renderNft } from '../../src/controllers/networkpolicy/nft.js';
import { sandboxLoads } from '../../src/controllers/networkpolicy/controller.js';
import { connectionAllowed, type PolicyProtocol, type PolicyTable } from '../../src/dataplane/netpol-match.js';

type Obj = Record<string, any>;
const NS = ['x', 'y', 'z'];
const PODS = ['a', 'b', 'c'];
const ip = (ns: string, pod: string) => `172.20.${NS.indexOf(ns) + 1}.${PODS.indexOf(pod) + 10}`;
const DNS = '10.96.0.10';

function pod(ns: string, name: string, labels: Record<string, string> = { pod: name }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: ns, name, labels },
    spec: { containers: [{ name: 'c', ports: [80, 81].flatMap((p) => [{ name: `serve-${p}-tcp`, containerPort: p }, { name: `serve-${p}-udp`, containerPort: p, protocol: 'UDP' }]) }] },
    status: { phase: 'Running', podIP: ip(ns, name) },
  } as KObject;
}
const namespace = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ns: name, 'kubernetes.io/metadata.name': name } } }) as KObject;
function policy(ns: string, spec: Obj, name = 'p'): KObject {
  const s = { podSelector: {}, ...spec };
  s.policyTypes ??= ['Ingress', ...(s.egress ? ['Egress'] : [])];
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: ns, name }, spec: s } as KObject;
}

const allPods = () => NS.flatMap((ns) => PODS.map((p) => pod(ns, p)));
function plan(policies: KObject[], pods = allPods()): PolicyTable {
  return planNetworkPolicies({ policies, pods, namespaces: NS.map(namespace), virtualPods: [clusterDnsPeer(DNS)] });
}

/** The pairs "x/a→y/b" that cannot connect on this port. */
function blocked(table: PolicyTable, port = 80, protocol: PolicyProtocol = 'TCP'): string[] {
  const out: string[] = [];
  for (const sn of NS) for (const sp of PODS) for (const dn of NS) for (const dp of PODS) if (!connectionAllowed(table, ip(sn, sp), ip(dn, dp), protocol, port)) out.push(`${sn}/${sp}→${dn}/${dp}`);
  return out;
}
/** Every pair into (or out of) these pods, except those from (to) `but` and a pod to itself (its loopback). */
function into(targets: string[], but: string[] = []): string[] {
  const out: string[] = [];
  for (const sn of NS) for (const sp of PODS) for (const t of targets) if (!but.includes(`${sn}/${sp}`) && t !== `${sn}/${sp}`) out.push(`${sn}/${sp}→${t}`);
  return out;
}
function outOf(sources: string[], but: string[] = []): string[] {
  const out: string[] = [];
  for (const s of sources) for (const dn of NS) for (const dp of PODS) if (!but.includes(`${dn}/${dp}`) && s !== `${dn}/${dp}`) out.push(`${s}→${dn}/${dp}`);
  return out;
}
const sorted = (a: string[]) => [...new Set(a)].sort();
const xAll = ['x/a', 'x/b', 'x/c'];

describe('NetworkPolicy planner: the netpol e2e reachability matrix', () => {
  it('allows everything when no policy selects a pod', () => {
    expect(plan([])).toEqual({});
    expect(blocked(plan([policy('x', { podSelector: { matchLabels: { pod: 'nobody' } } })]))).toEqual([]);
  });

  it('default-deny-ingress isolates every pod of the namespace (replies and other namespaces unaffected)', () => {
    const t = plan([policy('x', {})]);
    expect(sorted(blocked(t))).toEqual(sorted(into(xAll)));
    expect(t[ip('x', 'a')]).toEqual({ ingress: [] });
  });

  it('default-deny-all blocks both directions', () => {
    const t = plan([policy('x', { policyTypes: ['Ingress', 'Egress'] })]);
    expect(sorted(blocked(t))).toEqual(sorted([...into(xAll), ...outOf(xAll)]));
  });

  it('allow-all ingress ({} rule) and an egress-only policy leave ingress open', () => {
    expect(blocked(plan([policy('x', { ingress: [{}] })]))).toEqual([]);
    expect(sorted(blocked(plan([policy('x', { policyTypes: ['Egress'] })])))).toEqual(sorted(outOf(xAll)));
  });

  it('podSelector peers are pods of the policy namespace', () => {
    const t = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(sorted(blocked(t))).toEqual(sorted(into(['x/a'], ['x/b'])));
  });

  it('namespaceSelector peers are every pod of the matching namespaces (matchExpressions too)', () => {
    const t = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'In', values: ['y'] }] } }] }] })]);
    expect(sorted(blocked(t))).toEqual(sorted(into(['x/a'], ['y/a', 'y/b', 'y/c'])));
  });

  it('podSelector AND namespaceSelector in one peer, OR across two peers', () => {
    const and = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(sorted(blocked(and))).toEqual(sorted(into(['x/a'], ['y/b'])));
    const or = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(sorted(blocked(or))).toEqual(sorted(into(['x/a'], ['y/a', 'y/b', 'y/c', 'x/b'])));
  });

  it('ports: a number, a range with endPort, a named port, and the protocol', () => {
    const only81 = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 81, protocol: 'TCP' }] }] })]);
    expect(sorted(blocked(only81, 80))).toEqual(sorted(into(['x/a'])));
    expect(blocked(only81, 81)).toEqual([]);
    expect(sorted(blocked(only81, 81, 'UDP'))).toEqual(sorted(into(['x/a'])));
    const range = plan([policy('x', { ingress: [{ ports: [{ port: 80, endPort: 81, protocol: 'TCP' }] }] })]);
    expect(blocked(range, 80)).toEqual([]);
    expect(blocked(range, 81)).toEqual([]);
    expect(sorted(blocked(range, 82))).toEqual(sorted(into(xAll)));
    const named = plan([policy('x', { ingress: [{ ports: [{ port: 'serve-81-udp', protocol: 'UDP' }] }] })]);
    expect(blocked(named, 81, 'UDP')).toEqual([]);
    expect(sorted(blocked(named, 80, 'UDP'))).toEqual(sorted(into(xAll)));
    expect(sorted(blocked(named, 81, 'TCP'))).toEqual(sorted(into(xAll)));
  });

  it('a named port the pod does not have allows nothing (not every port)', () => {
    const t = plan([policy('x', { ingress: [{ ports: [{ port: 'nope', protocol: 'TCP' }] }] })]);
    expect(t[ip('x', 'a')]).toEqual({ ingress: [] });
  });

  it('multiple policies are additive', () => {
    const t = plan([
      policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] }, 'p1'),
      policy('x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'z' } }, podSelector: { matchLabels: { pod: 'c' } } }] }] }, 'p2'),
    ]);
    expect(sorted(blocked(t))).toEqual(sorted(into(['x/a'], ['x/b', 'z/c'])));
  });

  it('ipBlock with except (egress), and egress by podSelector AND namespaceSelector', () => {
    const cidr = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '172.20.2.0/24', except: [`${ip('y', 'b')}/32`] } }] }] })]);
    expect(sorted(blocked(cidr))).toEqual(sorted(outOf(['x/a'], ['y/a', 'y/c'])));
    const sel = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }] })]);
    expect(sorted(blocked(sel))).toEqual(sorted(outOf(['x/a'], ['y/b'])));
  });

  it('egress named ports resolve on the destination pod', () => {
    const pods = [...allPods().filter((p) => p.metadata.namespace !== 'y' || p.metadata.name !== 'b'), { ...pod('y', 'b'), spec: { containers: [{ name: 'c', ports: [{ name: 'web', containerPort: 81 }] }] } } as KObject];
    const t = plan([policy('x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'web', protocol: 'TCP' }] }] })], pods);
    expect(connectionAllowed(t, ip('x', 'a'), ip('y', 'b'), 'TCP', 81)).toBe(true);
    expect(connectionAllowed(t, ip('x', 'a'), ip('y', 'a'), 'TCP', 81)).toBe(false);
    expect(connectionAllowed(t, ip('x', 'a'), ip('y', 'b'), 'TCP', 80)).toBe(false);
  });

  it('a connection needs the egress of the client and the ingress of the server', () => {
    const t = plan([
      policy('x', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] }, 'out'),
      policy('x', { podSelector: { matchLabels: { pod: 'b' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'c' } } }] }] }, 'in'),
    ]);
    expect(connectionAllowed(t, ip('x', 'a'), ip('x', 'b'), 'TCP', 80)).toBe(false);
    expect(connectionAllowed(t, ip('x', 'c'), ip('x', 'b'), 'TCP', 80)).toBe(true);
    expect(connectionAllowed(t, ip('x', 'a'), ip('x', 'c'), 'TCP', 80)).toBe(false);
  });

  it('follows label changes and ignores pods without an address or finished', () => {
    const relabelled = allPods().map((p) => (p.metadata.namespace === 'y' && p.metadata.name === 'c' ? pod('y', 'c', { pod: 'b' }) : p));
    const spec = { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { pod: 'b' } } }] }] };
    expect(sorted(blocked(plan([policy('x', spec)], relabelled)))).toEqual(sorted(into(['x/a'], ['x/b', 'y/b', 'y/c', 'z/b'])));
    const done = { ...pod('x', 'a'), status: { phase: 'Succeeded', podIP: ip('x', 'a') } } as KObject;
    expect(plan([policy('x', {})], [done])).toEqual({});
  });

  it('the cluster DNS is kube-system’s k8s-app=kube-dns pod with named ports dns/dns-tcp', () => {
    const denyAll = plan([policy('x', { policyTypes: ['Egress'] })]);
    expect(connectionAllowed(denyAll, ip('x', 'a'), DNS, 'UDP', 53)).toBe(false);
    const byPort = plan([policy('x', { policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })]);
    expect(connectionAllowed(byPort, ip('x', 'a'), DNS, 'UDP', 53)).toBe(true);
    expect(connectionAllowed(byPort, ip('x', 'a'), ip('y', 'a'), 'TCP', 80)).toBe(false);
    const bySelector = plan([
      policy('x', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 'dns', protocol: 'UDP' }] }],
      }),
    ]);
    expect(connectionAllowed(bySelector, ip('x', 'a'), DNS, 'UDP', 53)).toBe(true);
    expect(connectionAllowed(bySelector, ip('x', 'a'), DNS, 'TCP', 53)).toBe(false);
  });
});

describe('NetworkPolicy nftables script', () => {
  const ctx = { nodeAddresses: ['172.20.0.1', '172.20.0.2'], serviceCIDR: '10.96.0.0/12', dnsIP: DNS };
  it('removes kbx’s table when the pod is not isolated', () => {
    expect(renderNft(undefined, ctx)).toBe('table inet kbx_netpol\ndelete table inet kbx_netpol\n');
  });
  it('renders peers, except, ports by protocol and the always-allowed traffic', () => {
    const script = renderNft(
      {
        ingress: [{ peers: [{ cidr: '172.20.1.10/32' }, { cidr: '172.20.1.11/32' }, { cidr: '172.21.0.0/16' }, { cidr: '172.21.3.4/32' }, { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }], ports: [{ protocol: 'TCP', from: 80 }, { protocol: 'TCP', from: 8000, to: 8080 }, { protocol: 'UDP' }] }],
        egress: [{ ports: [{ protocol: 'UDP', from: 53 }] }, { peers: [{ cidr: 'fd00::/8' }] }],
      },
      ctx,
    );
    expect(script).toBe(
      [
        'table inet kbx_netpol',
        'delete table inet kbx_netpol',
        'table inet kbx_netpol {',
        '  chain ingress {',
        '    type filter hook input priority filter; policy accept;',
        '    ct state established,related accept',
        '    iifname "lo" accept',
        '    ip saddr { 172.20.0.1, 172.20.0.2 } accept',
        '    ip saddr { 172.20.1.10/32, 172.20.1.11/32, 172.21.0.0/16 } meta l4proto tcp th dport { 80, 8000-8080 } accept',
        '    ip saddr { 172.20.1.10/32, 172.20.1.11/32, 172.21.0.0/16 } meta l4proto udp accept',
        '    ip saddr 10.0.0.0/8 ip saddr != 10.1.0.0/16 meta l4proto tcp th dport { 80, 8000-8080 } accept',
        '    ip saddr 10.0.0.0/8 ip saddr != 10.1.0.0/16 meta l4proto udp accept',
        '    drop',
        '  }',
        '  chain egress {',
        '    type filter hook output priority filter; policy accept;',
        '    ct state established,related accept',
        '    oifname "lo" accept',
        '    meta l4proto udp th dport 53 accept',
        '    ip6 daddr fd00::/8 accept',
        '    ip daddr 10.96.0.0/12 ip daddr != 10.96.0.10 accept',
        '    drop',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('NetworkPolicy executor: which sandboxes to load', () => {
  const ctx = { nodeAddresses: ['172.20.0.1'], serviceCIDR: '10.96.0.0/12', dnsIP: DNS };
  const sb = (id: string, ipAddress: string) => ({ id, ipAddress }) as never;
  it('loads new and changed tables, removes stale ones, leaves the rest alone (idempotent)', () => {
    const table: PolicyTable = { '172.20.1.10': { ingress: [] }, '172.20.1.11': { ingress: [] } };
    const same = renderNft(table['172.20.1.10'], ctx);
    const applied = new Map([
      ['s1', same],
      ['s2', 'old script'],
      ['s3', 'a table of a pod no longer selected'],
    ]);
    const loads = sandboxLoads([sb('s1', '172.20.1.10'), sb('s2', '172.20.1.11'), sb('s3', '172.20.1.12'), sb('s4', '172.20.1.13'), sb('s5', '172.20.1.10')], table, applied, ctx);
    expect(loads.map((l) => [l.c.id, l.isolated])).toEqual([
      ['s2', true],
      ['s3', false],
      ['s5', true],
    ]);
    expect(loads[1]!.script).toBe(renderNft(undefined, ctx));
  });
});
