// kbx rollout status|history|undo|pause|resume|restart: kubectl's rollout subcommands for
// Deployments, talking only to the REST API. The decisions (status messages, history table,
// rollback target and patch) are pure functions in ../rollout-*.ts.
import type { KObject, WatchEvent } from '../../api/types.js';
import { resourcePath, StatusError, type ApiClient } from '../../client/client.js';
import { STRATEGIC_MERGE_PATCH, JSON_PATCH } from '../../api/patch/index.js';
import { classifyReplicaSets, podTemplateText } from '../../printers/describe-apps.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { parseOutput, type OutputFormat } from '../output/print.js';
import { dryRunMode } from './apply.js';
import { REPLICASETS, finishWithErrors, groupKind, objectName, resolveTargets, resourceString, selectorQuery, type Target } from '../targets.js';
import { formatTyped } from '../output/typed.js';
import { intFlag } from '../flag-values.js';
import { deploymentRolloutStatus } from '../rollout-status.js';
import { historyEntries, historyOutput, viewHistory } from '../rollout-history.js';
import { planRollback, rollbackTarget } from '../rollout-undo.js';

interface RolloutOptions {
  namespace?: string;
  revision?: string;
  toRevision?: string;
  watch?: boolean;
  timeout?: string;
  selector?: string;
  filename?: string[];
  dryRun?: string;
  output?: string;
}


export async function run(ctx: Ctx, args: string[], o: RolloutOptions): Promise<void> {
  const sub = args[0];
  const rest = args.slice(1);
  switch (sub) {
    case undefined:
      // kubectl prints the group's help and exits 1.
      ctx.stdout.write(ctx.helpOf('rollout'));
      ctx.exitCode = 1;
      return;
    case 'status':
      return status(ctx, rest, o);
    case 'history':
      return history(ctx, rest, o);
    case 'undo':
      return undo(ctx, rest, o);
    case 'pause':
    case 'resume':
    case 'restart':
      return patchCommand(ctx, sub, rest, o);
    default:
      throw new CliError(`unknown command "${sub}"\nSee 'kbx rollout -h' for help and examples`);
  }
}

async function targetsFor(ctx: Ctx, args: string[], o: RolloutOptions) {
  if (!args.length && !o.filename?.length) throw new CliError('required resource not specified');
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const resolved = await resolveTargets(client, args, { namespace, selector: o.selector, filenames: o.filename, allowEmptySelector: true });
  return { client, namespace, ...resolved };
}

function printObject(ctx: Ctx, obj: KObject, fmt: OutputFormat, count: number): void {
  if (fmt.kind === 'yaml' && count > 0) ctx.stdout.write('---\n');
  ctx.stdout.write(formatTyped(obj, fmt));
}

// ---------------------------------------------------------------------------------------------
// status

async function status(ctx: Ctx, args: string[], o: RolloutOptions): Promise<void> {
  const revision = intFlag(o.revision ?? '0', '--revision', 'kbx rollout status') ?? 0;
  const timeoutMs = durationFlag(o.timeout ?? '0s', '--timeout', 'kbx rollout status');
  if (!args.length && !o.filename?.length) throw new CliError('required resource not specified');
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const { client, namespace, targets, errors } = await targetsFor(ctx, args, o);
  for (const t of targets) {
    if (t.info.kind !== 'Deployment') {
      errors.push(new CliError(`no status viewer has been implemented for ${groupKind(t.info)}`));
      continue;
    }
    try {
      await watchRollout(ctx, client, t, revision, o.watch !== false, timeoutMs);
    } catch (e) {
      errors.push(e);
    }
  }
  if (!targets.length && !errors.length) ctx.err(`No resources found in ${namespace} namespace.`);
  finishWithErrors(ctx, errors);
}

function durationFlag(v: string, flag: string, cmd: string): number {
  try {
    return parseDuration(v);
  } catch (e) {
    throw new CliError(`invalid argument "${v}" for "${flag}" flag: ${(e as Error).message}\nSee '${cmd} --help' for usage.`);
  }
}

/**
 * watchtools.UntilWithSync over a watch-list of the one deployment: every ADDED/MODIFIED event is
 * evaluated and its message printed (kubectl prints one line per event, repeats included); done,
 * --watch=false, an error, DELETED or the timeout end it.
 */
async function watchRollout(ctx: Ctx, client: ApiClient, t: Target, revision: number, watch: boolean, timeoutMs: number): Promise<void> {
  const path = resourcePath(t.info, t.namespace);
  const fieldSelector = `metadata.name=${t.name}`;
  const abort = new AbortController();
  let outcome: { error?: unknown } | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs > 0) {
    timer = setTimeout(() => {
      outcome ??= { error: new CliError('timed out waiting for the condition') };
      abort.abort();
    }, timeoutMs);
  }
  let lastRV: string | undefined;
  const onObject = (obj: KObject) => {
    if (outcome) return;
    const s = deploymentRolloutStatus(obj, revision);
    if (s.error !== undefined) {
      outcome = { error: new CliError(s.error) };
      abort.abort();
      return;
    }
    ctx.stdout.write(s.message);
    if (s.done || !watch) {
      outcome = {};
      abort.abort();
    }
  };
  const onEvent = (e: WatchEvent<KObject>) => {
    if (e.object?.metadata?.resourceVersion) lastRV = e.object.metadata.resourceVersion;
    if (e.type === 'ADDED' || e.type === 'MODIFIED') onObject(e.object);
    else if (e.type === 'DELETED') {
      outcome ??= { error: new CliError('object has been deleted') };
      abort.abort();
    } else if (e.type === 'ERROR') {
      const st = e.object as unknown as { code?: number };
      if (st.code === 410) lastRV = undefined;
    }
  };
  try {
    while (!outcome) {
      const query: Record<string, string> = { fieldSelector, allowWatchBookmarks: 'true', timeoutSeconds: String(300 + Math.floor(Math.random() * 300)) };
      if (lastRV === undefined) Object.assign(query, { sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan' });
      else query.resourceVersion = lastRV;
      try {
        await client.watch(path, query, onEvent, { signal: abort.signal });
      } catch (e) {
        if (outcome) break;
        if (e instanceof StatusError && (e.code === 422 || e.code === 410)) {
          // No watch-list on this server, or a stale resourceVersion: list, then watch from the list.
          const obj = await client.get<KObject>(t.info, t.namespace, t.name);
          lastRV = obj.metadata.resourceVersion;
          onObject(obj);
          continue;
        }
        throw e;
      }
      if (!outcome && !abort.signal.aborted) await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (outcome?.error) throw outcome.error;
}

// ---------------------------------------------------------------------------------------------
// history

/** The deployment (read again, as kubectl's history viewer does) and its ReplicaSets, old ones first, then the new one. */
async function deploymentReplicaSets(client: ApiClient, t: Target): Promise<{ deployment: KObject; all: KObject[] }> {
  const deployment = { ...(await client.get<KObject>(t.info, t.namespace, t.name)), apiVersion: 'apps/v1', kind: 'Deployment' };
  const list = await client.list(REPLICASETS, t.namespace, { labelSelector: selectorQuery(deployment) });
  const items = list.items.map((rs) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', ...rs }) as KObject);
  const { newRS, oldRSs } = classifyReplicaSets(deployment, items);
  return { deployment, all: newRS ? [...oldRSs, newRS] : oldRSs };
}

async function history(ctx: Ctx, args: string[], o: RolloutOptions): Promise<void> {
  const revision = intFlag(o.revision ?? '0', '--revision', 'kbx rollout history') ?? 0;
  const fmt = o.output ? parseOutput(o.output) : undefined;
  if (!args.length && !o.filename?.length) throw new CliError('required resource not specified');
  if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
  const { client, targets, errors } = await targetsFor(ctx, args, o);
  let printed = 0;
  for (const t of targets) {
    try {
      if (t.info.kind !== 'Deployment') throw new CliError(`no history viewer has been implemented for "${groupKind(t.info)}"`);
      const { all } = await deploymentReplicaSets(client, t);
      if (fmt) {
        const entries = historyEntries(all);
        if (revision > 0) {
          const e = entries.get(revision);
          if (!e) throw new CliError('unable to find the specified revision');
          printObject(ctx, e.replicaSet, fmt, printed++);
        } else {
          for (const r of [...entries.keys()].sort((a, b) => a - b)) printObject(ctx, entries.get(r)!.replicaSet, fmt, printed++);
        }
        continue;
      }
      ctx.stdout.write(historyOutput(objectName(t.info, t.name), viewHistory(all, revision), revision));
    } catch (e) {
      errors.push(e);
    }
  }
  finishWithErrors(ctx, errors);
}

// ---------------------------------------------------------------------------------------------
// undo

async function undo(ctx: Ctx, args: string[], o: RolloutOptions): Promise<void> {
  const toRevision = intFlag(o.toRevision ?? '0', '--to-revision', 'kbx rollout undo') ?? 0;
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  if (!args.length && !o.filename?.length) throw new CliError('required resource not specified');
  const { client, targets, errors } = await targetsFor(ctx, args, o);
  let printed = 0;
  for (const t of targets) {
    try {
      if (t.info.kind !== 'Deployment') throw new CliError(`no rollbacker has been implemented for "${groupKind(t.info)}"`);
      if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
      const { deployment, all } = await deploymentReplicaSets(client, t);
      const rs = rollbackTarget(t.name, all, toRevision);
      let result: string;
      if (dry === 'client') {
        result = podTemplateText(rs.spec?.template);
      } else {
        const plan = planRollback(deployment, rs, toRevision);
        if (plan.kind === 'skip') result = plan.message;
        else {
          try {
            await client.patch(t.info, t.namespace, t.name, plan.patch, JSON_PATCH, dry === 'server' ? { dryRun: 'All' } : undefined);
          } catch (e) {
            throw new CliError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
          }
          result = 'rolled back';
        }
      }
      if (fmt) printObject(ctx, t.object, fmt, printed++);
      else ctx.out(`${objectName(t.info, t.name)} ${result}${suffix}`);
    } catch (e) {
      errors.push(e);
    }
  }
  finishWithErrors(ctx, errors);
}

// ---------------------------------------------------------------------------------------------
// pause / resume / restart

/** time.Now().Format(time.RFC3339): local time with its offset, `Z` for UTC. */
export function rfc3339Now(now = new Date()): string {
  const off = -now.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = new Date(now.getTime() + off * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (off === 0) return `${date}Z`;
  const a = Math.abs(off);
  return `${date}${off > 0 ? '+' : '-'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** The strategic merge patch (or refusal) each of pause, resume and restart computes for one object. */
export function rolloutPatch(verb: 'pause' | 'resume' | 'restart', obj: KObject, now: string): { patch?: Record<string, unknown>; error?: string } {
  if (obj.kind !== 'Deployment') {
    return { error: verb === 'pause' ? 'pausing is not supported' : verb === 'resume' ? 'resuming is not supported' : 'restarting is not supported' };
  }
  const paused = !!obj.spec?.paused;
  if (verb === 'pause') return paused ? { error: 'is already paused' } : { patch: { spec: { paused: true } } };
  if (verb === 'resume') return paused ? { patch: { spec: { paused: null } } } : { error: 'is not paused' };
  if (paused) return { error: "can't restart paused deployment (run rollout resume first)" };
  if (obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === now) return { patch: {} };
  return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: now } } } } } };
}

async function patchCommand(ctx: Ctx, verb: 'pause' | 'resume' | 'restart', args: string[], o: RolloutOptions): Promise<void> {
  const fmt = o.output ? parseOutput(o.output) : undefined;
  if (!args.length && !o.filename?.length) throw new CliError('required resource not specified');
  const { client, namespace, targets, errors } = await targetsFor(ctx, args, o);
  if (!targets.length && !errors.length) {
    ctx.err(`No resources found in ${namespace} namespace.`);
    return;
  }
  const done = verb === 'pause' ? 'paused' : verb === 'resume' ? 'resumed' : 'restarted';
  let printed = 0;
  for (const t of targets) {
    const p = rolloutPatch(verb, t.object, rfc3339Now());
    if (p.error) {
      errors.push(new CliError(`error: ${resourceString(t.info)} ${JSON.stringify(t.name)} ${p.error}`, 1, true));
      continue;
    }
    if (!p.patch || !Object.keys(p.patch).length) {
      if (verb === 'restart') {
        errors.push(new CliError(`failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
      } else if (fmt) printObject(ctx, t.object, fmt, printed++);
      else ctx.out(`${objectName(t.info, t.name)} already ${done}`);
      continue;
    }
    let result: KObject;
    try {
      result = await client.patch(t.info, t.namespace, t.name, p.patch, STRATEGIC_MERGE_PATCH, { fieldManager: 'kubectl-rollout' });
    } catch (e) {
      errors.push(new CliError(`failed to patch: ${(e as Error).message}`));
      continue;
    }
    if (fmt) printObject(ctx, { apiVersion: t.object.apiVersion, kind: t.object.kind, ...result }, fmt, printed++);
    else ctx.out(`${objectName(t.info, t.name)} ${done}`);
  }
  finishWithErrors(ctx, errors);
}
