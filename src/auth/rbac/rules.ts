// The RBAC authorizer's evaluation, pure (plugin/pkg/auth/authorizer/rbac and
// pkg/registry/rbac/validation): which rules a user holds in a namespace (cluster role bindings
// first, then the namespace's role bindings), whether one rule allows a request, and whether a set
// of rules covers another (the escalation check). Roles and bindings come from a RoleSource, so the
// same code serves the API server (the store) and the table tests (plain lists).
import type { UserInfo } from '../user.js';
import { matchesServiceAccountUsername } from '../user.js';
import { goQuote } from '../../compat/go-format.js';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup?: string;
  kind: string;
  name: string;
}

export interface Binding {
  metadata: { name?: string; namespace?: string };
  subjects?: Subject[] | null;
  roleRef: RoleRef;
}

export interface RoleLike {
  metadata: { name?: string; namespace?: string };
  rules?: PolicyRule[] | null;
}

/** What a request is (k8s.io/apiserver's authorizer.Attributes). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  namespace?: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** The URL path of a non-resource request. */
  path?: string;
}

/** The objects the resolver reads; a missing role is reported as the lister's not-found error text. */
export interface RoleSource {
  clusterRoleBindings(): readonly Binding[];
  roleBindings(namespace: string): readonly Binding[];
  role(namespace: string, name: string): RoleLike | undefined;
  clusterRole(name: string): RoleLike | undefined;
}

const has = (set: readonly string[] | undefined | null, v: string) => !!set && set.includes(v);

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}

/** `*`, the exact `resource/subresource`, or `*\/subresource`. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (subresource !== '' && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)),
  );
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** `*`, the exact path, or a `prefix*` the path starts with. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))));
}

export function ruleAllows(a: Omit<Attributes, 'user'>, rule: PolicyRule): boolean {
  if (a.resourceRequest) {
    const sub = a.subresource ?? '';
    const combined = sub ? `${a.resource ?? ''}/${sub}` : (a.resource ?? '');
    return verbMatches(rule, a.verb) && apiGroupMatches(rule, a.apiGroup ?? '') && resourceMatches(rule, combined, sub) && resourceNameMatches(rule, a.name ?? '');
  }
  return verbMatches(rule, a.verb) && nonResourceURLMatches(rule, a.path ?? '');
}

/** appliesToUser: User by name, Group by membership, ServiceAccount by its username (namespace defaulting to the binding's). */
export function subjectAppliesTo(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.username === s.name;
    case 'Group':
      return has(user.groups, s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace;
      if (!ns) return false;
      return matchesServiceAccountUsername(ns, s.name, user.username);
    }
    default:
      return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${goQuote(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${goQuote(s.name)}`;
}

/** GetRoleReferenceRules: the rules of the role a binding names, or the error the lister gives. */
export function roleReferenceRules(src: RoleSource, ref: RoleRef, bindingNamespace: string): { rules?: PolicyRule[]; error?: string } {
  if (ref.kind === 'Role') {
    const r = bindingNamespace ? src.role(bindingNamespace, ref.name) : undefined;
    return r ? { rules: r.rules ?? [] } : { error: `role.rbac.authorization.k8s.io ${goQuote(ref.name)} not found` };
  }
  if (ref.kind === 'ClusterRole') {
    const r = src.clusterRole(ref.name);
    return r ? { rules: r.rules ?? [] } : { error: `clusterrole.rbac.authorization.k8s.io ${goQuote(ref.name)} not found` };
  }
  return { error: `unsupported role reference kind: ${goQuote(ref.kind)}` };
}

/**
 * A visitor gets each rule with (a function giving) the text naming where it comes from, or an
 * error; returning false stops. The text is built only when asked: it is the slow part.
 */
export type RuleVisitor = (source: (() => string) | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

/** VisitRulesFor: cluster role bindings, then (with a namespace) that namespace's role bindings. */
export function visitRulesFor(src: RoleSource, user: UserInfo, namespace: string, visit: RuleVisitor): void {
  for (const b of src.clusterRoleBindings()) {
    const s = (b.subjects ?? []).find((x) => subjectAppliesTo(user, x, ''));
    if (!s) continue;
    const { rules, error } = roleReferenceRules(src, b.roleRef, '');
    if (error) {
      if (!visit(undefined, undefined, error)) return;
      continue;
    }
    const source = () => `ClusterRoleBinding ${goQuote(b.metadata.name ?? '')} of ${b.roleRef.kind} ${goQuote(b.roleRef.name)} to ${describeSubject(s, '')}`;
    for (const r of rules!) if (!visit(source, r, undefined)) return;
  }
  if (!namespace) return;
  for (const b of src.roleBindings(namespace)) {
    const s = (b.subjects ?? []).find((x) => subjectAppliesTo(user, x, namespace));
    if (!s) continue;
    const { rules, error } = roleReferenceRules(src, b.roleRef, namespace);
    if (error) {
      if (!visit(undefined, undefined, error)) return;
      continue;
    }
    const source = () => `RoleBinding ${goQuote(`${b.metadata.name ?? ''}/${namespace}`)} of ${b.roleRef.kind} ${goQuote(b.roleRef.name)} to ${describeSubject(s, namespace)}`;
    for (const r of rules!) if (!visit(source, r, undefined)) return;
  }
}

/** RulesFor: every rule the user holds in `namespace` ('' for cluster scope) and the resolution errors. */
export function rulesFor(src: RoleSource, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(src, user, namespace, (_s, r, e) => {
    if (r) rules.push(r);
    if (e) errors.push(e);
    return true;
  });
  return { rules, errors };
}

export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by …`, or the resolution errors of a denial (`RBAC: [...]`), or ''. */
  reason: string;
}

/** RBACAuthorizer.Authorize: allowed by the first rule that allows; otherwise no opinion. */
export function authorizeRBAC(src: RoleSource, a: Attributes): Decision {
  let reason = '';
  const errors: string[] = [];
  let allowed = false;
  visitRulesFor(src, a.user, a.namespace ?? '', (source, rule, error) => {
    if (rule && ruleAllows(a, rule)) {
      allowed = true;
      reason = `RBAC: allowed by ${source!()}`;
      return false;
    }
    if (error) errors.push(error);
    return true;
  });
  if (allowed) return { allowed, reason };
  // utilerrors.NewAggregate: one error as is, several as [a, b].
  if (errors.length) reason = `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
  return { allowed: false, reason };
}

/** BreakdownRule: one rule per (group, resource, verb[, name]) and per (URL, verb). */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const g of rule.apiGroups ?? []) {
    for (const r of rule.resources ?? []) {
      for (const v of rule.verbs ?? []) {
        if (rule.resourceNames?.length) for (const n of rule.resourceNames) out.push({ apiGroups: [g], resources: [r], verbs: [v], resourceNames: [n] });
        else out.push({ apiGroups: [g], resources: [r], verbs: [v] });
      }
    }
  }
  for (const u of rule.nonResourceURLs ?? []) for (const v of rule.verbs ?? []) out.push({ nonResourceURLs: [u], verbs: [v] });
  return out;
}

const hasAll = (set: readonly string[] | undefined, want: readonly string[] | undefined) => (want ?? []).every((w) => has(set, w));

function resourceCoversAll(set: string[] | undefined, covers: string[] | undefined): boolean {
  if (has(set, '*') || hasAll(set, covers)) return true;
  return (covers ?? []).every((p) => has(set, p) || (p.includes('/') && has(set, `*/${p.slice(p.indexOf('/') + 1)}`)));
}

function nonResourceURLCovers(owner: string, sub: string): boolean {
  return owner === sub || (owner.endsWith('*') && sub.startsWith(owner.replace(/\*+$/, '')));
}

/** ruleCovers: the owner rule grants all of the broken-down sub rule. */
export function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const resources = resourceCoversAll(owner.resources, sub.resources);
  const urls = (sub.nonResourceURLs ?? []).every((p) => (owner.nonResourceURLs ?? []).some((o) => nonResourceURLCovers(o, p)));
  const ownerNames = owner.resourceNames ?? [];
  const names = !sub.resourceNames?.length ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, sub.resourceNames);
  return verbs && groups && resources && names && urls;
}

/** Covers: whether `owner` grants everything `servant` does, and the pieces it does not. */
export function covers(owner: readonly PolicyRule[], servant: readonly PolicyRule[]): { covered: boolean; missing: PolicyRule[] } {
  const missing = servant.flatMap(breakdownRule).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
  return { covered: missing.length === 0, missing };
}

/** Go's %q of a []string: ["a" "b"]. */
export function goQuoteList(xs: readonly string[] | undefined): string {
  return `[${(xs ?? []).map((x) => goQuote(x)).join(' ')}]`;
}

/** rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["get"]}`. */
export function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${goQuoteList(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${goQuoteList(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${goQuoteList(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${goQuoteList(r.resourceNames)}`);
  if (r.verbs?.length) parts.push(`Verbs:${goQuoteList(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * CompactRules: rules naming one group, one resource and at most one name merge their verbs into
 * one rule (so the escalation message and describe list `Verbs:["get" "list"]` once); others stay.
 */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const names = r.resourceNames ?? [];
    if (names.length <= 1 && !r.nonResourceURLs?.length && r.apiGroups?.length === 1 && r.resources?.length === 1) {
      const k = `${r.apiGroups[0]}\u0000${r.resources[0]}\u0000${names.length ? `\u0001${names[0]}` : ''}`;
      const prev = simple.get(k);
      // kubectl 1.35 lists a verb once however many rules grant it (in first-seen order).
      if (prev) {
        for (const v of r.verbs ?? []) if (!prev.verbs.includes(v)) prev.verbs.push(v);
      } else simple.set(k, { apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...(r.verbs ?? [])], ...(names.length ? { resourceNames: [...names] } : {}) });
      continue;
    }
    out.push({ ...r });
  }
  return [...out, ...simple.values()];
}

/**
 * SortableRuleSlice's order: by the rule's generated protobuf String()
 * (`&PolicyRule{Verbs:[get list],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}`),
 * so verbs sort first. Stable, as sort.Stable.
 */
export function sortRules(rules: PolicyRule[]): PolicyRule[] {
  const v = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;
  const key = (r: PolicyRule) => `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
  return rules
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.r);
}

/** ConfirmNoEscalation's message, or undefined when the user's rules cover `rules`. */
export function escalationError(src: RoleSource, user: UserInfo, namespace: string, rules: readonly PolicyRule[]): string | undefined {
  const own = rulesFor(src, user, namespace);
  const { covered, missing } = covers(own.rules, rules);
  if (covered) return undefined;
  const lines = [...new Set(compactRules(missing).map(compactString))].sort();
  let msg = `user ${goQuote(user.username)} (groups=${goQuoteList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (own.errors.length) msg += `; resolution errors: [${own.errors.join(' ')}]`;
  return msg;
}
