// kbx auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [-n NS | -A] [--subresource S] [-q] [--list [--no-headers]]
// and kbx auth whoami [-o json|yaml]: a SelfSubjectAccessReview / SelfSubjectRulesReview /
// SelfSubjectReview, printed as kubectl's cani.go and whoami.go print them (yes/no and exit code 1
// on no; the rules table; the attribute table). --as/--as-group ask for another user.
import type { KObject } from '../../api/types.js';
import { resolveResource, resourceByKind } from '../../api/registry.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { tabify } from '../../compat/tabwriter.js';
import type { PolicyRule } from '../../auth/rbac/rules.js';

export interface AuthOptions {
  namespace?: string;
  allNamespaces?: boolean;
  list?: boolean;
  headers?: boolean;
  quiet?: boolean;
  subresource?: string;
  output?: string;
}

const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];

type Obj = Record<string, any>;

export async function run(ctx: Ctx, args: string[], o: AuthOptions): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'can-i') return canI(ctx, rest, o);
  if (sub === 'whoami') return whoami(ctx, rest, o);
  if (!sub) {
    ctx.out(AUTH_HELP);
    return;
  }
  throw new CliError(`unknown command "${sub}" for "kbx auth"\nRun 'kbx auth --help' for usage.`, 1);
}

const AUTH_HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  whoami        Experimental: Check self subject attributes

Usage:
  kbx auth [flags] [options]`;

async function post(ctx: Ctx, kind: string, body: Obj): Promise<Obj> {
  const info = resourceByKind(kind === 'SelfSubjectReview' ? 'authentication.k8s.io/v1' : 'authorization.k8s.io/v1', kind)!;
  const client = await ctx.client();
  return (await client.create(info, undefined, body)) as unknown as Obj;
}

/** The SelfSubjectAccessReview spec for `can-i` arguments, with kubectl's warnings (to stderr). */
export function accessReviewSpec(args: string[], o: AuthOptions, namespace: string, warn: (s: string) => void): Obj {
  if (args.length !== 2) throw new CliError(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kbx auth can-i -h' for help and examples.`);
  const verb = args[0]!;
  let target = args[1]!;
  if (target.startsWith('/')) {
    return { nonResourceAttributes: { verb, path: target } };
  }
  if (!KNOWN_VERBS.includes(verb)) warn(`Warning: verb '${verb}' is not a known verb\n\n`);
  let name = '';
  const slash = target.indexOf('/');
  if (slash >= 0) {
    name = target.slice(slash + 1);
    target = target.slice(0, slash);
  }
  let resource = target;
  let group = '';
  if (target !== '*') {
    const info = resolveResource(target);
    if (info) {
      resource = info.plural;
      group = info.group;
      if (!info.namespaced && !o.allNamespaces) warn(group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'\n\n` : `Warning: resource '${resource}' is not namespace scoped\n\n`);
    } else {
      // kubectl asks about the argument as typed, in the core group, when discovery does not know it.
      const dot = target.indexOf('.');
      resource = target.toLowerCase();
      warn(dot < 0 ? `Warning: the server doesn't have a resource type '${resource}'\n\n` : `Warning: the server doesn't have a resource type '${resource.slice(0, dot)}' in group '${resource.slice(dot + 1)}'\n\n`);
    }
  }
  const ra: Obj = { namespace, verb, group, resource };
  if (o.subresource) ra.subresource = o.subresource;
  if (name) ra.name = name;
  return { resourceAttributes: ra };
}

async function canI(ctx: Ctx, args: string[], o: AuthOptions): Promise<void> {
  const namespace = o.allNamespaces ? '' : await ctx.namespace(o);
  if (o.list) {
    if (args.length) throw new CliError('list option must be specified with no arguments');
    const review = await post(ctx, 'SelfSubjectRulesReview', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } });
    const st = (review.status ?? {}) as Obj;
    if (st.incomplete) ctx.err(`warning: the list may be incomplete: ${st.evaluationError ?? ''}`);
    const rules: PolicyRule[] = [
      ...((st.resourceRules ?? []) as Obj[]).map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [] })),
      ...((st.nonResourceRules ?? []) as Obj[]).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] })),
    ];
    const { ruleRows } = await import('../../printers/rbac.js');
    const head = o.headers === false ? '' : 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n';
    ctx.stdout.write(tabify(head + ruleRows(rules).join(''), 6, 4, 3));
    return;
  }
  const spec = accessReviewSpec(args, o, namespace, (s) => {
    if (!o.quiet) ctx.stderr.write(s);
  });
  const review = await post(ctx, 'SelfSubjectAccessReview', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec });
  const st = (review.status ?? {}) as Obj;
  if (o.quiet) {
    if (!st.allowed) ctx.exitCode = 1;
    return;
  }
  if (st.allowed) {
    ctx.out('yes');
    return;
  }
  let line = 'no';
  if (st.reason) line += ` - ${st.reason}`;
  if (st.evaluationError) line += ` - ${st.evaluationError}`;
  ctx.out(line);
  ctx.exitCode = 1;
}

async function whoami(ctx: Ctx, args: string[], o: AuthOptions): Promise<void> {
  if (args.length) throw new CliError(`unknown command "${args[0]}" for "kbx auth whoami"`);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const review = await post(ctx, 'SelfSubjectReview', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {} });
  if (review.metadata?.creationTimestamp === null) delete review.metadata.creationTimestamp;
  if (fmt) {
    ctx.stdout.write(formatObjects([review as KObject], fmt, true));
    return;
  }
  const u = (review.status?.userInfo ?? {}) as Obj;
  let text = 'ATTRIBUTE\tVALUE\n';
  if (u.username) text += `Username\t${u.username}\n`;
  if (u.uid) text += `UID\t${u.uid}\n`;
  if (u.groups?.length) text += `Groups\t[${u.groups.join(' ')}]\n`;
  for (const k of Object.keys(u.extra ?? {}).sort()) text += `Extra: ${k}\t[${(u.extra[k] as string[]).join(' ')}]\n`;
  ctx.stdout.write(tabify(text, 6, 4, 3));
}
