// Pure: networking.k8s.io/v1 NetworkPolicy semantics → per-pod rules on addresses (dataplane/netpol-match.ts).
// A pod no policy selects is not isolated; a pod selected by a policy whose policyTypes name a direction is
// isolated in that direction and allows the union of all its policies' rules (policies are additive). Peers
// resolve to pod IPs (podSelector in the policy's namespace, namespaceSelector, both ANDed) or to ipBlocks;
// named ports resolve against the selected pod (ingress) or each destination pod (egress).
import type { KObject } from '../../api/types.js';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector } from '../../api/selectors.js';
import { cidrContains, type Peer, type PodRules, type PolicyProtocol, type PolicyRule, type PolicyTable, type PortRange } from '../../dataplane/netpol-match.js';

type Obj = Record<string, any>;

/** What the planner needs of a pod. */
export interface PodEndpoint {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ip: string;
  /** Named container ports. */
  ports: { name: string; protocol: PolicyProtocol; port: number }[];
}

export interface PlanInputs {
  policies: KObject[];
  pods: KObject[];
  namespaces: KObject[];
  /**
   * Addresses that policies may name as pods although no Pod object stands for them: the cluster DNS (served
   * by the data plane) as kube-system's `k8s-app: kube-dns` pod with ports `dns` (UDP 53) and `dns-tcp`.
   */
  virtualPods?: PodEndpoint[];
}

const NS_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The cluster DNS as policies name it on a real cluster (CoreDNS' pods in kube-system). */
export function clusterDnsPeer(dnsIP: string): PodEndpoint {
  return {
    namespace: 'kube-system',
    name: 'kube-dns',
    labels: { 'k8s-app': 'kube-dns' },
    ip: dnsIP,
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53 },
    ],
  };
}

/** A pod that has an address and may still send or receive (phase neither Succeeded nor Failed). */
export function podEndpoint(pod: KObject): PodEndpoint | undefined {
  const p = pod as Obj;
  const ip = p.status?.podIP as string | undefined;
  if (!ip || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' || p.spec?.hostNetwork) return undefined;
  const ports: PodEndpoint['ports'] = [];
  for (const c of [...((p.spec?.initContainers ?? []) as Obj[]), ...((p.spec?.containers ?? []) as Obj[])]) {
    for (const cp of (c.ports ?? []) as Obj[]) if (cp.name) ports.push({ name: cp.name, protocol: (cp.protocol ?? 'TCP') as PolicyProtocol, port: cp.containerPort });
  }
  return { namespace: pod.metadata.namespace!, name: pod.metadata.name!, labels: pod.metadata.labels ?? {}, ip, ports };
}

function selector(spec: unknown): LabelSelector | undefined {
  try {
    return labelSelectorFromSpec(spec as never);
  } catch {
    return undefined; // validation refuses these; a stored one selects nothing
  }
}

interface World {
  pods: PodEndpoint[];
  /** Peers: the pods plus the virtual ones. */
  peers: PodEndpoint[];
  nsLabels: Map<string, Record<string, string>>;
}

function namespaceLabels(w: World, ns: string): Record<string, string> {
  return w.nsLabels.get(ns) ?? { [NS_NAME_LABEL]: ns };
}

/** The pods one peer entry names (undefined for an ipBlock). */
function peerPods(w: World, peer: Obj, policyNs: string): PodEndpoint[] | undefined {
  if (peer.ipBlock) return undefined;
  const podSel = peer.podSelector != null ? selector(peer.podSelector) : undefined;
  const nsSel = peer.namespaceSelector != null ? selector(peer.namespaceSelector) : undefined;
  if ((peer.podSelector != null && !podSel) || (peer.namespaceSelector != null && !nsSel)) return [];
  return w.peers.filter((q) => {
    const nsOk = nsSel ? matchesLabels(nsSel, namespaceLabels(w, q.namespace)) : q.namespace === policyNs;
    return nsOk && (!podSel || matchesLabels(podSel, q.labels));
  });
}

/** A rule's peers as address blocks; undefined: any peer (no from/to entries). */
function resolvePeers(w: World, entries: Obj[] | undefined, policyNs: string): Peer[] | undefined {
  if (!entries?.length) return undefined;
  const out = new Map<string, Peer>();
  for (const e of entries) {
    const pods = peerPods(w, e, policyNs);
    if (pods) for (const q of pods) out.set(`${q.ip}/32`, { cidr: `${q.ip}/32` });
    else {
      const b = e.ipBlock as Obj;
      const except = ((b.except ?? []) as string[]).slice().sort();
      const p: Peer = except.length ? { cidr: b.cidr, except } : { cidr: b.cidr };
      out.set(JSON.stringify(p), p);
    }
  }
  return [...out.values()].sort((a, b) => a.cidr.localeCompare(b.cidr));
}

function numericRange(p: Obj): PortRange {
  const protocol = (p.protocol ?? 'TCP') as PolicyProtocol;
  if (p.port == null) return { protocol };
  return p.endPort != null ? { protocol, from: Number(p.port), to: Number(p.endPort) } : { protocol, from: Number(p.port) };
}

function isNamed(p: Obj): boolean {
  return p.port != null && typeof p.port === 'string' && !/^\d+$/.test(p.port);
}

function namedPort(pod: PodEndpoint, p: Obj): PortRange | undefined {
  const protocol = (p.protocol ?? 'TCP') as PolicyProtocol;
  const hit = pod.ports.find((x) => x.name === p.port && x.protocol === protocol);
  return hit ? { protocol, from: hit.port } : undefined;
}

function ingressRules(w: World, pod: PodEndpoint, policy: KObject): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const r of ((policy as Obj).spec?.ingress ?? []) as Obj[]) {
    const peers = resolvePeers(w, r.from, policy.metadata.namespace!);
    if (peers && !peers.length) continue;
    let ports: PortRange[] | undefined;
    if (r.ports?.length) {
      ports = (r.ports as Obj[]).map((p) => (isNamed(p) ? namedPort(pod, p) : numericRange(p))).filter((x): x is PortRange => !!x);
      if (!ports.length) continue; // only named ports this pod does not have: allows nothing
    }
    out.push(peers ? (ports ? { peers, ports } : { peers }) : ports ? { ports } : {});
  }
  return out;
}

function egressRules(w: World, policy: KObject): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const r of ((policy as Obj).spec?.egress ?? []) as Obj[]) {
    const peers = resolvePeers(w, r.to, policy.metadata.namespace!);
    if (peers && !peers.length) continue;
    const ports = (r.ports ?? []) as Obj[];
    if (!ports.length) {
      out.push(peers ? { peers } : {});
      continue;
    }
    const numeric = ports.filter((p) => !isNamed(p)).map(numericRange);
    if (numeric.length) out.push(peers ? { peers, ports: numeric } : { ports: numeric });
    // A named port is the destination pod's: one rule per pod among the peers that has it.
    for (const p of ports.filter(isNamed)) {
      for (const q of w.peers) {
        if (peers && !peers.some((x) => cidrContains(x.cidr, q.ip) && !(x.except ?? []).some((e) => cidrContains(e, q.ip)))) continue;
        const range = namedPort(q, p);
        if (range) out.push({ peers: [{ cidr: `${q.ip}/32` }], ports: [range] });
      }
    }
  }
  return out;
}

function policyTypes(policy: KObject): string[] {
  const spec = ((policy as Obj).spec ?? {}) as Obj;
  if (spec.policyTypes?.length) return spec.policyTypes as string[];
  return ['Ingress', ...((spec.egress ?? []).length ? ['Egress'] : [])];
}

/** Every selected pod's rules by pod IP; pods no policy selects are absent (not isolated). */
export function planNetworkPolicies(i: PlanInputs): PolicyTable {
  const pods = i.pods.map(podEndpoint).filter((x): x is PodEndpoint => !!x);
  const nsLabels = new Map<string, Record<string, string>>();
  for (const n of i.namespaces) nsLabels.set(n.metadata.name!, { [NS_NAME_LABEL]: n.metadata.name!, ...(n.metadata.labels ?? {}) });
  const w: World = { pods, peers: [...pods, ...(i.virtualPods ?? [])], nsLabels };
  const table: PolicyTable = {};
  const policies = i.policies.filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  for (const policy of policies) {
    const sel = selector((policy as Obj).spec?.podSelector ?? {});
    if (!sel) continue;
    const types = policyTypes(policy);
    const egress = types.includes('Egress') ? egressRules(w, policy) : undefined;
    for (const pod of pods) {
      if (pod.namespace !== policy.metadata.namespace || !matchesLabels(sel, pod.labels)) continue;
      const rules: PodRules = (table[pod.ip] ??= {});
      if (types.includes('Ingress')) (rules.ingress ??= []).push(...ingressRules(w, pod, policy));
      if (egress) (rules.egress ??= []).push(...egress);
    }
  }
  return table;
}
