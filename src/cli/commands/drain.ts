// kbx cordon|uncordon|drain|taint: kubectl's node maintenance verbs over the REST API. Drain
// cordons, filters the node's pods (../node-maintenance.ts), evicts them through pods/eviction
// (retrying every 5 s while a PodDisruptionBudget answers 429, as kubectl does) or deletes them
// with --disable-eviction, and waits for them to be gone.
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { STRATEGIC_MERGE_PATCH } from '../../api/patch/index.js';
import { resourcePath, StatusError, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { dryRunMode } from './apply.js';
import { aggregate, drainErrors, drainVerdict, drainWarnings, parseTaints, reorganizeTaints, taintOverwriteErrors } from '../node-maintenance.js';

const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const DAEMONSETS = RESOURCES.find((r) => r.kind === 'DaemonSet')!;
const EVICTION_RETRY_MS = 5000;
const POLL_MS = 1000;

interface NodeOptions {
  selector?: string;
  dryRun?: string;
  force?: boolean;
  ignoreDaemonsets?: boolean;
  deleteEmptydirData?: boolean;
  gracePeriod?: string;
  timeout?: string;
  podSelector?: string;
  disableEviction?: boolean;
  skipWaitForDeleteTimeout?: string;
  overwrite?: boolean;
  all?: boolean;
}

const suffixOf = (dry: string) => (dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '');

/** The nodes named (NAME or node/NAME) or selected by -l. */
async function nodesFor(client: ApiClient, args: string[], o: NodeOptions, verb: string): Promise<KObject[]> {
  if (o.selector || o.all) {
    if (args.length) throw new CliError('cannot specify both a node name and a --selector option');
    return (await client.list(NODES, undefined, o.selector ? { labelSelector: o.selector } : {})).items;
  }
  if (!args.length) throw new CliError(`resource name may not be empty\nSee 'kbx ${verb} -h' for help and examples`);
  const out: KObject[] = [];
  for (const a of args) out.push(await client.get(NODES, undefined, a.replace(/^nodes?\//, '')));
  return out;
}

/** RunCordonOrUncordon for one node: `node/x cordoned` or `already cordoned`. */
async function cordonNode(ctx: Ctx, client: ApiClient, node: KObject, desired: boolean, dry: string): Promise<void> {
  const name = node.metadata.name!;
  const word = desired ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === desired) {
    ctx.out(`node/${name} already ${word}${suffixOf(dry)}`);
    return;
  }
  if (dry !== 'client') {
    await client.patch(NODES, undefined, name, { spec: { unschedulable: desired ? true : null } }, STRATEGIC_MERGE_PATCH, dry === 'server' ? { dryRun: 'All' } : undefined);
  }
  ctx.out(`node/${name} ${word}${suffixOf(dry)}`);
}

async function cordonCommand(ctx: Ctx, args: string[], o: NodeOptions, desired: boolean): Promise<void> {
  const dry = dryRunMode(o.dryRun);
  const client = await ctx.client();
  for (const n of await nodesFor(client, args, o, desired ? 'cordon' : 'uncordon')) await cordonNode(ctx, client, n, desired, dry);
}

export const runCordon = (ctx: Ctx, args: string[], o: NodeOptions) => cordonCommand(ctx, args, o, true);
export const runUncordon = (ctx: Ctx, args: string[], o: NodeOptions) => cordonCommand(ctx, args, o, false);

function durationFlag(v: string | undefined, flag: string): number {
  try {
    return parseDuration(v ?? '0s');
  } catch (e) {
    throw new CliError(`invalid argument "${v}" for "${flag}" flag: ${(e as Error).message}\nSee 'kbx drain --help' for usage.`);
  }
}

export async function runDrain(ctx: Ctx, args: string[], o: NodeOptions): Promise<void> {
  const dry = dryRunMode(o.dryRun);
  const timeoutMs = durationFlag(o.timeout, '--timeout');
  const skipWait = Number(o.skipWaitForDeleteTimeout ?? '0') || 0;
  const grace = Number(o.gracePeriod ?? '-1');
  if (!Number.isInteger(grace)) throw new CliError(`invalid argument "${o.gracePeriod}" for "--grace-period" flag: strconv.ParseInt: parsing ${JSON.stringify(o.gracePeriod)}: invalid syntax`);
  const client = await ctx.client();
  const nodes = await nodesFor(client, args, o, 'drain');
  const drained = new Set<string>();
  for (const node of nodes) {
    const name = node.metadata.name!;
    await cordonNode(ctx, client, node, true, dry);
    try {
      await drainNode(ctx, client, name, o, { dry, timeoutMs, skipWait, grace });
      drained.add(name);
      ctx.out(`node/${name} drained${suffixOf(dry)}`);
    } catch (e) {
      const msg = e instanceof DrainFilterError ? aggregate(e.messages) : (e as Error).message;
      ctx.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${msg}, continuing command...`);
      const remaining = nodes.map((n) => n.metadata.name!).filter((n) => !drained.has(n));
      ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`.replace(/\n$/, ''));
      // cmdutil.CheckErr prints an aggregate's messages one per line, without the "error: " prefix.
      if (e instanceof DrainFilterError) throw new CliError(e.messages.join('\n'), 1, true);
      throw e;
    }
  }
}

class DrainFilterError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(', '));
  }
}

async function drainNode(
  ctx: Ctx,
  client: ApiClient,
  nodeName: string,
  o: NodeOptions,
  p: { dry: string; timeoutMs: number; skipWait: number; grace: number },
): Promise<void> {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${nodeName}` };
  if (o.podSelector) query.labelSelector = o.podSelector;
  const pods = (await client.list(PODS, undefined, query)).items;
  const daemonSets = new Set((await client.list(DAEMONSETS, undefined)).items.map((d) => `${d.metadata.namespace}/${d.metadata.name}`));
  const verdicts = pods.map((pod) =>
    drainVerdict(pod, {
      force: o.force,
      ignoreDaemonSets: o.ignoreDaemonsets,
      deleteEmptyDirData: o.deleteEmptydirData,
      skipWaitForDeleteTimeout: p.skipWait,
      now: Date.now(),
      daemonSetExists: (ns, n) => daemonSets.has(`${ns}/${n}`),
    }),
  );
  const errors = drainErrors(verdicts);
  if (errors.length) throw new DrainFilterError(errors);
  const warnings = drainWarnings(verdicts);
  if (warnings) ctx.err(`Warning: ${warnings}`);
  const targets = verdicts.filter((v) => v.remove).map((v) => v.pod);
  if (p.dry !== 'none') {
    for (const pod of targets) ctx.out(`${o.disableEviction ? 'pod' : 'evicting pod'} ${pod.metadata.namespace}/${pod.metadata.name}${suffixOf(p.dry)}`);
    return;
  }
  const deadline = p.timeoutMs > 0 ? Date.now() + p.timeoutMs : Infinity;
  const timedOut = () => new Error(`drain did not complete within ${o.timeout}`);
  const results = await Promise.allSettled(
    targets.map(async (pod) => {
      const ns = pod.metadata.namespace!;
      const name = pod.metadata.name!;
      const deleteOptions = p.grace >= 0 ? { gracePeriodSeconds: p.grace } : {};
      if (o.disableEviction) {
        await ignoreNotFound(client.delete(PODS, ns, name, deleteOptions));
      } else {
        for (;;) {
          ctx.out(`evicting pod ${ns}/${name}`);
          try {
            await client.request('POST', resourcePath(PODS, ns, name, 'eviction'), {
              body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions },
            });
            break;
          } catch (e) {
            if (e instanceof StatusError && e.code === 404) break;
            if (!(e instanceof StatusError) || e.code !== 429) throw new Error(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${(e as Error).message}`);
            ctx.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${e.message}`);
            if (Date.now() + EVICTION_RETRY_MS > deadline) throw timedOut();
            await sleep(EVICTION_RETRY_MS);
          }
        }
      }
      // waitForDelete: gone, or replaced by a pod with another uid.
      for (;;) {
        let cur: KObject | undefined;
        try {
          cur = await client.get(PODS, ns, name);
        } catch (e) {
          if (!(e instanceof StatusError) || e.code !== 404) throw e;
        }
        if (!cur || cur.metadata.uid !== pod.metadata.uid) break;
        if (Date.now() + POLL_MS > deadline) throw timedOut();
        await sleep(POLL_MS);
      }
      ctx.out(`pod/${name} ${o.disableEviction ? 'deleted' : 'evicted'}`);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof StatusError) || e.code !== 404) throw e;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** kbx taint nodes NAME KEY=VAL:EFFECT … | KEY:EFFECT- … */
export async function runTaint(ctx: Ctx, args: string[], o: NodeOptions): Promise<void> {
  const dry = dryRunMode(o.dryRun);
  let rest = [...args];
  const names: string[] = [];
  const first = rest.shift();
  if (!first) throw new CliError("at least one taint update is required\nSee 'kbx taint -h' for help and examples");
  if (/^nodes?\//.test(first)) names.push(first.replace(/^nodes?\//, ''));
  else if (first === 'node' || first === 'nodes' || first === 'no') {
    if (!o.all && !o.selector) {
      const n = rest.shift();
      if (n) names.push(n);
    }
  } else throw new CliError(`invalid resource type ${first}, only node types are supported`);
  rest = rest.filter((a) => a !== '');
  if (!rest.length) throw new CliError("at least one taint update is required\nSee 'kbx taint -h' for help and examples");
  const { add, remove } = parseTaints(rest);
  const client = await ctx.client();
  const nodes = await nodesFor(client, names, o, 'taint');
  for (const node of nodes) {
    if (!o.overwrite) {
      const errs = taintOverwriteErrors(node, add);
      if (errs.length) throw new CliError(aggregate(errs));
    }
    const r = reorganizeTaints(node, !!o.overwrite, add, remove);
    if (r.errors.length) throw new CliError(aggregate(r.errors));
    if (dry !== 'client') {
      await client.patch(NODES, undefined, node.metadata.name!, { spec: { taints: r.taints.length ? r.taints : null } }, STRATEGIC_MERGE_PATCH, dry === 'server' ? { dryRun: 'All' } : undefined);
    }
    ctx.out(`node/${node.metadata.name} ${r.operation}${suffixOf(dry)}`);
  }
}
