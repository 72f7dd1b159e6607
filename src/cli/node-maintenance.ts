// The pure parts of `kubectl cordon|uncordon|drain|taint` (kubectl pkg/drain/filters.go and
// pkg/cmd/taint/utils.go): which pods a drain may remove and in whose words it refuses; taint specs
// and what a taint command makes of a node's taints.
import type { KObject } from '../api/types.js';
import { CliError } from './errors.js';

type Obj = Record<string, any>;

export interface PodVerdict {
  pod: KObject;
  /** The drain deletes or evicts it. */
  remove: boolean;
  warning?: string;
  error?: string;
}

export interface DrainFilterOptions {
  force?: boolean;
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  /** --skip-wait-for-delete-timeout seconds (0: never skip). */
  skipWaitForDeleteTimeout?: number;
  now: number;
  /** The DaemonSet a pod names as its controller exists. */
  daemonSetExists?: (ns: string, name: string) => boolean;
}

// The texts of filters.go; unmanagedFatal really starts with "cannot delete" (kubectl prints it twice).
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const isTerminal = (p: KObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const controllerOf = (p: KObject) => p.metadata.ownerReferences?.find((r) => r.controller);

/** GetPodsForDeletion's filters in kubectl's order: deleted, DaemonSet, mirror, local storage, unreplicated. */
export function drainVerdict(pod: KObject, o: DrainFilterOptions): PodVerdict {
  const v: PodVerdict = { pod, remove: true };
  const del = pod.metadata.deletionTimestamp;
  if (del && o.skipWaitForDeleteTimeout && Date.parse(del) + o.skipWaitForDeleteTimeout * 1000 < o.now) return { pod, remove: false };
  const ref = controllerOf(pod);
  if (ref?.kind === 'DaemonSet' && ref.apiVersion.startsWith('apps/')) {
    if (!del) {
      if (o.daemonSetExists && !o.daemonSetExists(pod.metadata.namespace!, ref.name) && o.force) return { pod, remove: true, warning: UNMANAGED_WARNING };
      if (!o.ignoreDaemonSets) return { pod, remove: false, error: DAEMONSET_FATAL };
      return { pod, remove: false, warning: DAEMONSET_WARNING };
    }
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { pod, remove: false };
  if (!isTerminal(pod) && !del && ((pod.spec?.volumes ?? []) as Obj[]).some((vol) => vol.emptyDir)) {
    if (!o.deleteEmptyDirData) return { pod, remove: false, error: LOCAL_STORAGE_FATAL };
    v.warning = LOCAL_STORAGE_WARNING;
  }
  if (!isTerminal(pod) && !ref) {
    if (!o.force) return { pod, remove: false, error: UNMANAGED_FATAL };
    v.warning = v.warning ? v.warning : UNMANAGED_WARNING;
  }
  return v;
}

const podRef = (p: KObject) => `${p.metadata.namespace}/${p.metadata.name}`;

/** podDeleteList.errors(): one `cannot delete <what>: ns/a, ns/b` per reason, in first-seen order. */
export function drainErrors(verdicts: readonly PodVerdict[]): string[] {
  const by = new Map<string, string[]>();
  for (const v of verdicts) if (v.error) by.set(v.error, [...(by.get(v.error) ?? []), podRef(v.pod)]);
  return [...by].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}

/** podDeleteList.warnings(): `<what>: ns/a, ns/b` per reason joined by "; ", '' when none. */
export function drainWarnings(verdicts: readonly PodVerdict[]): string {
  const by = new Map<string, string[]>();
  for (const v of verdicts) if (v.warning) by.set(v.warning, [...(by.get(v.warning) ?? []), podRef(v.pod)]);
  return [...by].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets. */
export function aggregate(msgs: readonly string[]): string {
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taint.ToString(): `key=value:effect`, `key:effect`, `key=value`, `key`. */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/**
 * ParseTaints: `key=value:Effect` or `key:Effect` to add, `key[=value]:Effect-` or `key-` to
 * remove. e.g. `dedicated=gpu:NoSchedule`, `dedicated:NoSchedule-`, `dedicated-`.
 */
export function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [kv, effect] = body.split(':') as [string, string | undefined];
      const key = kv.split('=')[0]!;
      if (effect !== undefined && !EFFECTS.includes(effect)) throw new CliError(`invalid taint effect: ${effect}, unsupported taint effect`);
      remove.push({ key, effect: effect ?? '' });
      continue;
    }
    const parts = spec.split(':');
    if (parts.length !== 2 || !parts[0]) throw new CliError(`invalid taint spec: ${spec}`);
    const [kv, effect] = parts as [string, string];
    if (!EFFECTS.includes(effect)) throw new CliError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const eq = kv.indexOf('=');
    const t: Taint = eq < 0 ? { key: kv, effect } : { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect };
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) throw new CliError(`duplicated taints with the same key and effect: ${JSON.stringify(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** validateNoTaintOverwrites: adding a key+effect the node has needs --overwrite. */
export function taintOverwriteErrors(node: KObject, add: readonly Taint[]): string[] {
  const old = (node.spec?.taints ?? []) as Taint[];
  return add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => `node ${node.metadata.name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
}

/**
 * reorganizeTaints: the new list (the added ones first, then the old ones not replaced, minus the
 * removed), the operation word kubectl prints (tainted, untainted, modified) and the not-found errors.
 */
export function reorganizeTaints(node: KObject, overwrite: boolean, add: readonly Taint[], remove: readonly Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  const old = (node.spec?.taints ?? []) as Taint[];
  let taints: Taint[] = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
