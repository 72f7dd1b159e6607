// kbx delete: by name, type/name, -f, -l, --all; graceful by default, --now, --force; waits for the
// objects to be gone (--wait, default true) as kubectl does.
import type { KObject } from '../../api/types.js';
import { qualifiedSingular, qualifiedResource, type ResourceInfo } from '../../api/registry.js';
import { Ctx, parseResourceArgs } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { readObjects } from '../manifests.js';
import { resolveObject } from '../objects.js';
import { StatusError, type ApiClient } from '../../client/client.js';
import { parseDuration } from '../duration.js';

interface DeleteOptions {
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  gracePeriod?: string;
  now?: boolean;
  force?: boolean;
  wait?: boolean;
  timeout?: string;
  ignoreNotFound?: boolean;
  cascade?: string;
  output?: string;
}

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

export async function run(ctx: Ctx, args: string[], o: DeleteOptions): Promise<void> {
  let grace = Number(o.gracePeriod ?? -1);
  if (o.now) {
    if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (o.force && grace === -1) grace = 0;
  if (!o.force && grace === 0) grace = 1; // kubectl: --grace-period=0 without --force means 1
  const propagation = cascadePolicy(o.cascade);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace(o);
  const targets: Target[] = [];
  const errors: string[] = [];

  if (o.filename?.length || o.kustomize !== undefined) {
    if (args.length) throw new CliError('Unexpected args: ' + JSON.stringify(args));
    for (const so of await readObjects(o, ctx.stderr)) {
      const r = resolveObject(so, o.namespace, defaultNs);
      targets.push({ info: r.info, namespace: r.namespace, name: r.object.metadata.name! });
    }
  } else {
    if (!args.length) {
      throw new CliError(
        'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'',
      );
    }
    const sels = parseResourceArgs(args);
    for (const sel of sels) {
      if (sel.names.length) {
        if (o.all || o.selector) throw new CliError('name cannot be provided when a selector is specified');
        for (const name of sel.names) targets.push({ info: sel.info, namespace: sel.info.namespaced ? defaultNs : undefined, name });
      } else {
        if (!o.all && !o.selector && !o.fieldSelector) {
          throw new CliError('resource(s) were provided, but no name was specified');
        }
        const scope = sel.info.namespaced && !o.allNamespaces ? defaultNs : undefined;
        const list = await client.list(sel.info, scope, { labelSelector: o.selector, fieldSelector: o.fieldSelector });
        for (const item of list.items) targets.push({ info: sel.info, namespace: item.metadata.namespace, name: item.metadata.name! });
      }
    }
    if (!targets.length && (o.all || o.selector)) {
      const namespaced = sels.some((s) => s.info.namespaced);
      ctx.err(namespaced && !o.allNamespaces ? `No resources found` : 'No resources found');
      return;
    }
  }

  if (o.force && grace === 0) ctx.err(FORCE_WARNING);
  const deleted: { t: Target; uid?: string }[] = [];
  for (const t of targets) {
    try {
      const body: Record<string, unknown> = { propagationPolicy: propagation };
      if (grace >= 0) body.gracePeriodSeconds = grace;
      const res = await client.delete(t.info, t.namespace, t.name, body);
      const where = t.namespace ? ` from ${t.namespace} namespace` : '';
      if (o.output === 'name') ctx.out(`${qualifiedSingular(t.info)}/${t.name}`);
      else ctx.out(`${qualifiedSingular(t.info)} "${t.name}" ${o.force && grace === 0 ? 'force deleted' : 'deleted'}${where}`);
      deleted.push({ t, uid: (res as KObject)?.metadata?.uid });
    } catch (e) {
      if (e instanceof StatusError && e.code === 404 && o.ignoreNotFound) continue;
      errors.push(formatError(e).text);
    }
  }
  if (o.wait !== false && deleted.length) {
    const timeoutMs = parseDuration(o.timeout ?? '0s');
    // kubectl's default timeout is a week; ours is as patient.
    await waitGone(client, deleted, timeoutMs > 0 ? timeoutMs : 7 * 24 * 3600_000, ctx);
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) ctx.exitCode = 1;
}

function cascadePolicy(c: string | undefined): string {
  switch ((c ?? 'background').toLowerCase()) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new CliError(`invalid cascade value (${c}). Must be "background", "foreground", or "orphan".`);
  }
}

/** Polls until each deleted object is gone (or replaced by one with another uid); kubectl's timeout message otherwise. */
export async function waitGone(client: ApiClient, items: { t: Target; uid?: string }[], timeoutMs: number, ctx: Ctx): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = items;
  let delay = 50;
  while (pending.length) {
    const still: typeof pending = [];
    for (const it of pending) {
      try {
        const o = await client.get(it.t.info, it.t.namespace, it.t.name);
        if (!it.uid || o.metadata.uid === it.uid) still.push(it);
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
    }
    pending = still;
    if (!pending.length) return;
    if (Date.now() > deadline) {
      for (const it of pending) ctx.err(`error: timed out waiting for the condition on ${qualifiedResource(it.t.info)}/${it.t.name}`);
      ctx.exitCode = 1;
      return;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(500, delay * 2);
  }
}
