// kbx wait --for=condition=X[=v]|delete|create|jsonpath='{…}'[=v] (TYPE NAME | TYPE/NAME | -l SEL | --all | -f FILE):
// kubectl's wait — each object in turn, `… condition met`, or `error: timed out waiting for the condition on
// deployments/x` (exit 1) when --timeout (30s; 0 checks once, negative waits a week) runs out.
import type { KObject } from '../../api/types.js';
import type { ResourceInfo } from '../../api/registry.js';
import { StatusError, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { parseResourceArgs } from '../context.js';
import { readManifests } from '../manifests.js';
import { resolveObject } from '../objects.js';
import { NO_RESOURCES_ERROR, objectName } from '../targets.js';
import { met, parseWaitFor, type WaitFor } from '../wait-conditions.js';

interface WaitOptions {
  namespace?: string;
  for?: string;
  timeout?: string;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  filename?: string[];
  recursive?: boolean;
}

interface Item {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

const WEEK = 7 * 24 * 3600_000;
const POLL_MS = 250;

function timeoutMs(t: string | undefined): number {
  let ms: number;
  try {
    ms = parseDuration(t ?? '30s');
  } catch (e) {
    throw new CliError(`invalid argument "${t}" for "--timeout" flag: ${(e as Error).message}\nSee 'kbx wait --help' for usage.`);
  }
  return ms < 0 ? WEEK : ms;
}

export async function run(ctx: Ctx, args: string[], o: WaitOptions): Promise<void> {
  const f = parseWaitFor(o.for);
  const timeout = timeoutMs(o.timeout);
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const items = await itemsToWait(client, args, o, namespace, f);
  for (const it of items) {
    const deadline = Date.now() + timeout;
    const ok = await waitOne(client, it, f, deadline);
    if (ok === 'met') ctx.out(`${objectName(it.info, it.name)} condition met`);
    else if (ok === 'timeout') throw new CliError(f.kind === 'create' ? 'timed out waiting for the condition' : `timed out waiting for the condition on ${it.info.plural}/${it.name}`);
  }
}

/** The objects named, listed (-l, --all, --field-selector) or in -f files. */
async function itemsToWait(client: ApiClient, args: string[], o: WaitOptions, namespace: string, f: WaitFor): Promise<Item[]> {
  const items: Item[] = [];
  if (o.filename?.length) {
    for (const so of readManifests(o.filename, o.recursive)) {
      const r = resolveObject(so, o.namespace, namespace);
      items.push({ info: r.info, namespace: r.namespace, name: r.object.metadata?.name ?? '' });
    }
  }
  if (!args.length && !items.length) throw new CliError(NO_RESOURCES_ERROR);
  const listing = !!(o.selector || o.all || o.fieldSelector);
  for (const sel of parseResourceArgs(args)) {
    const ns = sel.info.namespaced && !o.allNamespaces ? namespace : undefined;
    if (sel.names.length) {
      for (const name of sel.names) items.push({ info: sel.info, namespace: sel.info.namespaced ? namespace : undefined, name });
      continue;
    }
    if (!listing) throw new CliError('resource(s) were provided, but no name was specified');
    const list = await client.list(sel.info, ns, { labelSelector: o.selector, fieldSelector: o.fieldSelector });
    for (const obj of list.items) items.push({ info: sel.info, namespace: obj.metadata.namespace ?? ns, name: obj.metadata.name ?? '' });
    if (!list.items.length && f.kind !== 'delete') throw new CliError('no matching resources found');
  }
  return items;
}

async function get(client: ApiClient, it: Item): Promise<KObject | undefined> {
  try {
    return await client.get(it.info, it.namespace, it.name);
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) return undefined;
    throw e;
  }
}

/** Polls one object until it meets the wait (`met`), is gone for good when waiting for its deletion (`gone`), or the deadline passes. */
export async function waitOne(client: ApiClient, it: Item, f: WaitFor, deadline: number): Promise<'met' | 'gone' | 'timeout'> {
  // Waiting for a condition of an object that is not there fails with the server's NotFound.
  const first = f.kind === 'delete' || f.kind === 'create' ? await get(client, it) : await client.get(it.info, it.namespace, it.name);
  if (f.kind === 'delete' && !first) return 'gone';
  const uid = first?.metadata.uid;
  for (let obj = first; ; obj = await get(client, it)) {
    if (f.kind === 'delete' ? !obj || obj.metadata.uid !== uid : f.kind === 'create' ? !!obj : !!obj && met(obj, f)) return 'met';
    if (Date.now() >= deadline) return 'timeout';
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(POLL_MS, deadline - Date.now()))));
  }
}
