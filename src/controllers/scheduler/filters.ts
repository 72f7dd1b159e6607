// kube-scheduler's Filter plugins for one node, as pure functions: NodeUnschedulable,
// TaintToleration, NodeAffinity (nodeSelector and required node affinity), NodePorts,
// NodeResourcesFit, PodTopologySpread and InterPodAffinity, in the default profile's order. The
// first plugin that fails decides, as RunFilterPlugins stops there; each failure carries the
// plugin's reasons in its own words and whether preemption could help (Unschedulable) or not
// (UnschedulableAndUnresolvable).
import type { KObject, Pod } from '../../api/types.js';
import { matchesLabels, labelSelectorFromSpec } from '../../api/selectors.js';
import { allocatable, podRequests, type Resources } from './requests.js';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeView extends KObject {
  spec: { unschedulable?: boolean; taints?: Taint[] };
  status?: { allocatable?: Record<string, string>; capacity?: Record<string, string> };
}

export interface FilterFailure {
  plugin: string;
  reasons: string[];
  /** UnschedulableAndUnresolvable: removing pods would not help. */
  unresolvable: boolean;
}

export interface ScheduleInput {
  pod: Pod;
  node: NodeView;
  /** Pods bound to the node and not finished (the scheduler's NodeInfo). */
  podsOnNode: Pod[];
  /** Namespace labels, for affinity terms with a namespaceSelector. */
  namespaceLabels?: (ns: string) => Record<string, string>;
}

/** v1helper.TolerationsTolerateTaint: one toleration matching key, effect, operator and value. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (!t.key && op === 'Equal') return false;
  return (t.value ?? '') === (taint.value ?? '');
}

export function tolerated(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

function nodeUnschedulable({ pod, node }: ScheduleInput): FilterFailure | undefined {
  if (!node.spec?.unschedulable) return undefined;
  if (tolerated(pod.spec.tolerations as Toleration[], { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return undefined;
  return { plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'], unresolvable: true };
}

function taintToleration({ pod, node }: ScheduleInput): FilterFailure | undefined {
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (tolerated(pod.spec.tolerations as Toleration[], taint)) continue;
    return { plugin: 'TaintToleration', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  }
  return undefined;
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A NodeSelectorRequirement against a map (labels, or fields for matchFields). */
function requirementMatches(r: Requirement, m: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(m, r.key);
  const v = m[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(v!) || !(r.values ?? []).length) return false;
      const a = BigInt(v!);
      const b = BigInt(r.values![0]!);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

type Term = { matchExpressions?: Requirement[]; matchFields?: Requirement[] };

/** A node selector term: all its requirements (an empty term matches nothing). */
export function termMatches(term: Term, node: KObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => requirementMatches(r, { 'metadata.name': node.metadata.name ?? '' }));
}

function nodeAffinity({ pod, node }: ScheduleInput): FilterFailure | undefined {
  const labels = node.metadata.labels ?? {};
  const sel = (pod.spec.nodeSelector ?? {}) as Record<string, string>;
  let ok = Object.entries(sel).every(([k, v]) => labels[k] === v);
  const required = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Term[] } } } | undefined)?.nodeAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution;
  if (ok && required) ok = (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
  return ok ? undefined : { plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
}

type Port = { hostPort?: number; containerPort?: number; protocol?: string; hostIP?: string };

function hostPortsOf(pod: Pod): Port[] {
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])] as Array<{ ports?: Port[] }>;
  return all.flatMap((c) => c.ports ?? []).filter((p) => (p.hostPort ?? 0) > 0);
}

function portsConflict(a: Port, b: Port): boolean {
  if (a.hostPort !== b.hostPort || (a.protocol || 'TCP') !== (b.protocol || 'TCP')) return false;
  const ia = a.hostIP || '0.0.0.0';
  const ib = b.hostIP || '0.0.0.0';
  return ia === ib || ia === '0.0.0.0' || ib === '0.0.0.0';
}

function nodePorts({ pod, podsOnNode }: ScheduleInput): FilterFailure | undefined {
  const wanted = hostPortsOf(pod);
  if (!wanted.length) return undefined;
  const used = podsOnNode.flatMap(hostPortsOf);
  if (wanted.some((w) => used.some((u) => portsConflict(w, u)))) {
    return { plugin: 'NodePorts', reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
  }
  return undefined;
}

function resourcesFit({ pod, node, podsOnNode }: ScheduleInput): FilterFailure | undefined {
  const alloc = allocatable(node);
  const reasons: string[] = [];
  if (alloc.pods !== undefined && BigInt(podsOnNode.length + 1) > alloc.pods) reasons.push('Too many pods');
  const want = podRequests(pod);
  let used: Resources = {};
  for (const p of podsOnNode) for (const [k, v] of Object.entries(podRequests(p))) used[k] = (used[k] ?? 0n) + v;
  // Fit's order: cpu, memory, ephemeral-storage, then the others by name.
  const names = Object.keys(want).filter((k) => want[k]! > 0n);
  const order = ['cpu', 'memory', 'ephemeral-storage'];
  names.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99) || (a < b ? -1 : 1));
  for (const name of names) {
    const cap = alloc[name] ?? 0n;
    if (want[name]! > cap - (used[name] ?? 0n)) reasons.push(`Insufficient ${name}`);
  }
  return reasons.length ? { plugin: 'NodeResourcesFit', reasons, unresolvable: false } : undefined;
}

type AffinityTerm = {
  labelSelector?: Parameters<typeof labelSelectorFromSpec>[0];
  namespaces?: string[];
  namespaceSelector?: Parameters<typeof labelSelectorFromSpec>[0];
  topologyKey?: string;
};

/** Does `other` match an affinity term written in `owner`'s namespace? */
function termSelects(term: AffinityTerm, owner: Pod, other: Pod, nsLabels: (ns: string) => Record<string, string>): boolean {
  const ns = other.metadata.namespace ?? 'default';
  let inNs: boolean;
  if (term.namespaces?.length) inNs = term.namespaces.includes(ns);
  else if (term.namespaceSelector) inNs = matchesLabels(labelSelectorFromSpec(term.namespaceSelector), nsLabels(ns));
  else inNs = ns === (owner.metadata.namespace ?? 'default');
  if (term.namespaces?.length && term.namespaceSelector) inNs = inNs || matchesLabels(labelSelectorFromSpec(term.namespaceSelector), nsLabels(ns));
  if (!inNs || !term.labelSelector) return false;
  return matchesLabels(labelSelectorFromSpec(term.labelSelector), other.metadata.labels ?? {});
}

function requiredTerms(pod: Pod, kind: 'podAffinity' | 'podAntiAffinity'): AffinityTerm[] {
  const a = (pod.spec.affinity as Record<string, { requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[] }> | undefined)?.[kind];
  return a?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

function interPodAffinity({ pod, node, podsOnNode, namespaceLabels }: ScheduleInput): FilterFailure | undefined {
  const nsLabels = namespaceLabels ?? (() => ({}));
  const nodeLabels = node.metadata.labels ?? {};
  const others = podsOnNode.filter((p) => p.metadata.uid !== pod.metadata.uid);
  // Existing pods' anti-affinity against the incoming pod.
  for (const p of others) {
    for (const t of requiredTerms(p, 'podAntiAffinity')) {
      if (t.topologyKey && nodeLabels[t.topologyKey] !== undefined && termSelects(t, p, pod, nsLabels)) {
        return { plugin: 'InterPodAffinity', reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"], unresolvable: false };
      }
    }
  }
  for (const t of requiredTerms(pod, 'podAntiAffinity')) {
    if (t.topologyKey && nodeLabels[t.topologyKey] !== undefined && others.some((p) => termSelects(t, pod, p, nsLabels))) {
      return { plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod anti-affinity rules"], unresolvable: false };
    }
  }
  const affinity = requiredTerms(pod, 'podAffinity');
  if (affinity.length) {
    const satisfied = affinity.every((t) => t.topologyKey && nodeLabels[t.topologyKey] !== undefined && others.some((p) => termSelects(t, pod, p, nsLabels)));
    // The first pod of a group may land where nothing matches yet, if it matches its own terms.
    const selfMatch = !others.some((p) => affinity.some((t) => termSelects(t, pod, p, nsLabels))) && affinity.every((t) => termSelects(t, pod, pod, nsLabels));
    if (!satisfied && !selfMatch) return { plugin: 'InterPodAffinity', reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true };
  }
  return undefined;
}

type SpreadConstraint = { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector?: AffinityTerm['labelSelector']; minDomains?: number };

function topologySpread({ pod, node, podsOnNode }: ScheduleInput): FilterFailure | undefined {
  const constraints = ((pod.spec as { topologySpreadConstraints?: SpreadConstraint[] }).topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  const labels = node.metadata.labels ?? {};
  for (const c of constraints) {
    if (labels[c.topologyKey] === undefined) {
      return { plugin: 'PodTopologySpread', reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"], unresolvable: true };
    }
    const sel = c.labelSelector ? labelSelectorFromSpec(c.labelSelector) : undefined;
    const matching = sel ? podsOnNode.filter((p) => p.metadata.namespace === pod.metadata.namespace && matchesLabels(sel, p.metadata.labels ?? {})).length : 0;
    const selfMatch = sel ? (matchesLabels(sel, pod.metadata.labels ?? {}) ? 1 : 0) : 0;
    // One node is one domain: the global minimum is its own count, unless minDomains asks for more domains (then 0).
    const globalMin = (c.minDomains ?? 1) > 1 ? 0 : matching;
    if (matching + selfMatch - globalMin > c.maxSkew) {
      return { plugin: 'PodTopologySpread', reasons: ["node(s) didn't match pod topology spread constraints"], unresolvable: false };
    }
  }
  return undefined;
}

const FILTERS = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, resourcesFit, topologySpread, interPodAffinity];

/** The first failing filter for this pod on this node, or undefined when the pod fits. */
export function filterNode(input: ScheduleInput): FilterFailure | undefined {
  for (const f of FILTERS) {
    const failure = f(input);
    if (failure) return failure;
  }
  return undefined;
}

/**
 * FitError.Error() plus DefaultPreemption's PostFilter message, for the nodes that failed:
 * `0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`
 * kbx has no pod priorities yet, so preemption never finds victims.
 */
export function fitErrorMessage(numNodes: number, failures: FilterFailure[]): string {
  const histogram = (reasons: string[]) => {
    const counts = new Map<string, number>();
    for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
  };
  const main = `0/${numNodes} nodes are available: ${histogram(failures.flatMap((f) => f.reasons))}.`;
  const post = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return `${main} preemption: 0/${numNodes} nodes are available: ${histogram(post)}.`;
}
