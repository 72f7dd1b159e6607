// RBAC's two control loops: the bootstrap policy reconciled at start-up (kube-apiserver's
// rbac/bootstrap-roles post-start hook: missing default ClusterRoles and ClusterRoleBindings are
// created, and an autoupdate role missing one of its default rules gets it back), and the
// clusterrole-aggregation controller (a ClusterRole with an aggregationRule holds the union of the
// rules of the ClusterRoles its selectors match, in name order, each rule once).
import { resourceByKind } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { KObject } from '../api/types.js';
import { labelSelectorFromSpec, matchesLabels, type LabelSelectorSpec } from '../api/selectors.js';
import type { Registry } from '../registry/registry.js';
import { bootstrapClusterRoleBindingObjects, bootstrapClusterRoleObjects } from '../auth/rbac/bootstrap-policy.js';
import { covers, type PolicyRule } from '../auth/rbac/rules.js';

const CR = () => resourceByKind('rbac.authorization.k8s.io/v1', 'ClusterRole')!;
const CRB = () => resourceByKind('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding')!;

type Obj = Record<string, any>;
const canon = (r: PolicyRule) => JSON.stringify([r.verbs ?? [], r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.nonResourceURLs ?? []]);

/** The rules `target` aggregates from `all`, or undefined when it has no aggregationRule. Pure. */
export function aggregatedRules(target: KObject, all: readonly KObject[]): PolicyRule[] | undefined {
  const selectors = ((target as Obj).aggregationRule?.clusterRoleSelectors ?? null) as LabelSelectorSpec[] | null;
  if (!(target as Obj).aggregationRule) return undefined;
  const sels = (selectors ?? []).map((s) => labelSelectorFromSpec(s));
  const sources = all
    .filter((cr) => cr.metadata.name !== target.metadata.name && sels.some((s) => matchesLabels(s, cr.metadata.labels)))
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  const seen = new Set<string>();
  const out: PolicyRule[] = [];
  for (const cr of sources) {
    for (const r of ((cr as Obj).rules ?? []) as PolicyRule[]) {
      const k = canon(r);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

/** Creates the default ClusterRoles and bindings that are missing and restores autoupdate roles' default rules. */
export function reconcileBootstrapPolicy(registry: Registry, log: (m: string) => void = () => {}): void {
  for (const want of bootstrapClusterRoleObjects()) {
    const have = registry.tryGet(CR(), undefined, want.metadata.name);
    try {
      if (!have) {
        registry.create(CR(), undefined, want as KObject);
        continue;
      }
      if (have.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'] === 'false' || want.aggregationRule) continue;
      const missing = covers(((have as Obj).rules ?? []) as PolicyRule[], want.rules as PolicyRule[]);
      if (!missing.covered) registry.mutate(CR(), undefined, want.metadata.name, (o) => void ((o as Obj).rules = [...((o as Obj).rules ?? []), ...want.rules]));
    } catch (e) {
      if (!isApiError(e)) throw e;
      log(`rbac bootstrap: clusterrole ${want.metadata.name}: ${e.message}`);
    }
  }
  for (const want of bootstrapClusterRoleBindingObjects()) {
    if (registry.tryGet(CRB(), undefined, want.metadata.name)) continue;
    try {
      registry.create(CRB(), undefined, want as KObject);
    } catch (e) {
      if (!isApiError(e)) throw e;
      log(`rbac bootstrap: clusterrolebinding ${want.metadata.name}: ${e.message}`);
    }
  }
}

export class ClusterRoleAggregationController {
  private stop: (() => void) | undefined;
  private queued = false;

  constructor(
    private readonly registry: Registry,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    this.stop = this.registry.watch(CR(), undefined, {}, () => this.enqueue());
    this.enqueue();
  }

  close(): void {
    this.stop?.();
  }

  private enqueue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.syncAll();
    });
  }

  /** One pass: every aggregated ClusterRole whose rules differ from what it aggregates is updated. */
  syncAll(): void {
    const all = this.registry.list(CR(), undefined).items;
    for (const cr of all) {
      const rules = aggregatedRules(cr, all);
      if (!rules || JSON.stringify(rules) === JSON.stringify((cr as Obj).rules ?? [])) continue;
      try {
        this.registry.mutate(CR(), undefined, cr.metadata.name!, (o) => void ((o as Obj).rules = rules));
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code !== 404 && e.code !== 409) this.log(`clusterrole-aggregation: ${cr.metadata.name}: ${e.message}`);
      }
    }
  }
}
