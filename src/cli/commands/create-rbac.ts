// kbx create role|clusterrole NAME --verb … --resource … [--resource-name …] [--non-resource-url …]
// [--aggregation-rule k=v], and kbx create rolebinding|clusterrolebinding NAME --role|--clusterrole …
// [--user …] [--group …] [--serviceaccount ns:name]: the objects kubectl builds (create_role.go,
// create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go), created or printed.
import type { KObject } from '../../api/types.js';
import { resolveResource, resourceByKind } from '../../api/registry.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { fieldValidation } from '../field-validation.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';
import type { PolicyRule } from '../../auth/rbac/rules.js';

export interface CreateRbacOptions {
  namespace?: string;
  dryRun?: string;
  output?: string;
  validate?: string;
  verb?: string[];
  resource?: string[];
  resourceName?: string[];
  nonResourceUrl?: string[];
  aggregationRule?: string;
  role?: string;
  clusterrole?: string;
  group?: string[];
  serviceaccount?: string[];
}

const GROUP = 'rbac.authorization.k8s.io';
const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

const split = (xs: string[] | undefined) => (xs ?? []).flatMap((x) => x.split(',')).map((s) => s.trim()).filter(Boolean);

function oneName(args: string[], sub: string): string {
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee 'kbx create ${sub} -h' for help and examples`);
  return args[0]!;
}

/** generateResourcePolicyRules: one rule per API group (sorted), short names resolved, subresources kept. */
export function resourceRules(verbs: string[], resources: string[], names: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const spec of resources) {
    const slash = spec.indexOf('/');
    const base = slash < 0 ? spec : spec.slice(0, slash);
    const sub = slash < 0 ? '' : spec.slice(slash + 1);
    const dot = base.indexOf('.');
    const res = dot < 0 ? base : base.slice(0, dot);
    const group = dot < 0 ? undefined : base.slice(dot + 1);
    if (!res) throw new CliError('resource must be specified if apiGroup/subresource specified');
    let plural = res;
    let g = group ?? '';
    if (res !== '*') {
      const info = resolveResource(group === undefined ? res : `${res}.${group}`);
      if (!info) throw new CliError(`the server doesn't have a resource type "${res}"`, 1, true);
      plural = info.plural;
      g = info.group;
    }
    const full = sub ? `${plural}/${sub}` : plural;
    const list = byGroup.get(g) ?? [];
    if (!list.includes(full)) list.push(full);
    byGroup.set(g, list);
  }
  return [...byGroup.keys()].sort().map((g) => ({ verbs, apiGroups: [g], resources: byGroup.get(g)!, ...(names.length ? { resourceNames: names } : {}) }));
}

/** The Role or ClusterRole for the flags, after kubectl's checks. */
export function buildRole(kind: 'Role' | 'ClusterRole', name: string, o: CreateRbacOptions, namespace?: string, warn: (s: string) => void = () => {}): KObject {
  let verbs = split(o.verb);
  const resources = split(o.resource);
  const names = split(o.resourceName);
  const urls = split(o.nonResourceUrl);
  const meta = { name, ...(namespace ? { namespace } : {}) };
  if (kind === 'ClusterRole' && o.aggregationRule) {
    if (verbs.length || resources.length || names.length || urls.length) {
      throw new CliError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    const matchLabels: Record<string, string> = {};
    for (const kv of o.aggregationRule.split(',')) {
      const i = kv.indexOf('=');
      if (i <= 0) throw new CliError(`invalid aggregation rule: ${o.aggregationRule}`);
      matchLabels[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    return { apiVersion: `${GROUP}/v1`, kind, metadata: meta, aggregationRule: { clusterRoleSelectors: [{ matchLabels }] }, rules: null } as unknown as KObject;
  }
  if (!verbs.length) throw new CliError('at least one verb must be specified');
  if (kind === 'Role' && !resources.length) throw new CliError('at least one resource must be specified');
  if (kind === 'ClusterRole' && !resources.length && !urls.length) throw new CliError('one of resource or nonResourceURL must be specified');
  if (verbs.includes('*')) verbs = ['*'];
  if (resources.length) for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb`);
  if (urls.length) {
    if (names.length) throw new CliError('--resource-name cannot be used with --non-resource-url');
    for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v) && !resources.length) throw new CliError(`invalid verb: '${v}' for nonResourceURL`);
    for (const u of urls) {
      if (!u.startsWith('/')) throw new CliError('nonResourceURL should start with /');
      if (u.indexOf('*') >= 0 && u.indexOf('*') !== u.length - 1) throw new CliError("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  const rules: PolicyRule[] = resources.length ? resourceRules(verbs, resources, names) : [];
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls });
  return { apiVersion: `${GROUP}/v1`, kind, metadata: meta, rules } as unknown as KObject;
}

/** The values of a repeatable flag as typed (`--user a --user=b`): --user is also the connection flag's name. */
function argvValues(argv: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === flag && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith(`${flag}=`)) out.push(a.slice(flag.length + 1));
  }
  return out;
}

export function buildBinding(kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, o: CreateRbacOptions, users: string[], namespace?: string): KObject {
  let roleRef: { apiGroup: string; kind: string; name: string };
  if (kind === 'RoleBinding') {
    if (!!o.role === !!o.clusterrole) throw new CliError('exactly one of clusterrole or role must be specified');
    roleRef = { apiGroup: GROUP, kind: o.role ? 'Role' : 'ClusterRole', name: (o.role ?? o.clusterrole)! };
  } else {
    if (!o.clusterrole) throw new CliError('required flag(s) "clusterrole" not set');
    roleRef = { apiGroup: GROUP, kind: 'ClusterRole', name: o.clusterrole };
  }
  const subjects: Record<string, string>[] = [];
  for (const u of users) subjects.push({ kind: 'User', apiGroup: GROUP, name: u });
  for (const g of o.group ?? []) subjects.push({ kind: 'Group', apiGroup: GROUP, name: g });
  for (const sa of o.serviceaccount ?? []) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CliError(`serviceaccount must be <namespace>:<name>`);
    subjects.push({ kind: 'ServiceAccount', namespace: parts[0], name: parts[1] });
  }
  return {
    apiVersion: `${GROUP}/v1`, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, roleRef, ...(subjects.length ? { subjects } : {}),
  } as unknown as KObject;
}

export async function createRbac(ctx: Ctx, sub: 'role' | 'clusterrole' | 'rolebinding' | 'clusterrolebinding', args: string[], o: CreateRbacOptions): Promise<void> {
  const name = oneName(args, sub);
  const explicitNs = ctx.argv.some((a) => a === '-n' || a.startsWith('-n=') || a === '--namespace' || a.startsWith('--namespace=') || /^-n./.test(a)) ? o.namespace : undefined;
  let obj: KObject;
  if (sub === 'role' || sub === 'clusterrole') obj = buildRole(sub === 'role' ? 'Role' : 'ClusterRole', name, o, sub === 'role' ? explicitNs : undefined, (w) => ctx.err(w));
  else {
    // --user here names subjects, not the kubeconfig user.
    const users = argvValues(ctx.argv, '--user');
    ctx.connection = { ...ctx.connection, user: undefined };
    obj = buildBinding(sub === 'rolebinding' ? 'RoleBinding' : 'ClusterRoleBinding', name, o, users, sub === 'rolebinding' ? explicitNs : undefined);
  }
  const info = resourceByKind(`${GROUP}/v1`, obj.kind)!;
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  let out = obj;
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = info.namespaced ? await ctx.namespace(o) : undefined;
    const query = { fieldManager: 'kubectl-create', fieldValidation: fieldValidation(o.validate), ...(dry === 'server' ? { dryRun: 'All' } : {}) };
    try {
      out = { apiVersion: `${GROUP}/v1`, kind: obj.kind, ...(await client.create(info, ns, obj, query)) };
    } catch (e) {
      // kubectl reports a binding's refusal as its own error, a role's as the server's.
      if (sub === 'rolebinding' || sub === 'clusterrolebinding') throw new CliError(`failed to create ${sub}: ${(e as Error).message}`);
      throw e;
    }
  }
  if (fmt) ctx.stdout.write(formatObjects([out], fmt, true));
  else ctx.out(`${obj.kind!.toLowerCase()}.${GROUP}/${out.metadata.name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}
