// kbx diff -f FILE|-k DIR: kubectl's diff — each object as it is live and as it would be after `apply`
// (computed by the server with dryRun=All: a create, the client-side apply patch, or a server-side apply),
// written as YAML into LIVE-* and MERGED-* directories and compared with `diff -u -N` (or
// $KUBECTL_EXTERNAL_DIFF). Exit 0: no differences, 1: differences, >1: kbx or the diff program failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { KObject } from '../../api/types.js';
import { StatusError } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { readObjects } from '../manifests.js';
import { LAST_APPLIED, lastAppliedOf, resolveObject, withAnnotation, type ResolvedObject } from '../objects.js';
import { toKubectlYaml } from '../output/yaml.js';

interface DiffOptions {
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  serverSide?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
}

/** kubectl's file name for an object: `apps.v1.Deployment.default.web`, `v1.Namespace..team`. */
export function diffFileName(obj: KObject): string {
  const [group, version] = (obj.apiVersion ?? '').includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion ?? ''];
  return [group, version, obj.kind, obj.metadata?.namespace ?? '', obj.metadata?.name ?? ''].filter((p, i) => i > 0 || p).join('.');
}

/** The object as the diff shows it: without managedFields (kubectl's --show-managed-fields=false). */
export function forDiff(obj: KObject | undefined): string {
  if (!obj) return '';
  const copy = structuredClone(obj);
  if (copy.metadata) delete copy.metadata.managedFields;
  return toKubectlYaml(copy);
}

/**
 * The diff program and its arguments: $KUBECTL_EXTERNAL_DIFF split at spaces (kubectl allows only
 * [A-Za-z0-9_-=.] in its arguments), else `diff -u -N`.
 */
export function diffCommand(env: NodeJS.ProcessEnv = process.env): { cmd: string; args: string[] } {
  const ext = env.KUBECTL_EXTERNAL_DIFF?.trim();
  if (!ext) return { cmd: 'diff', args: ['-u', '-N'] };
  const [cmd, ...args] = ext.split(/\s+/);
  for (const a of args) if (!/^[A-Za-z0-9_=.-]+$/.test(a)) throw new CliError(`arguments in KUBECTL_EXTERNAL_DIFF are invalid: ${a}`);
  return { cmd: cmd!, args };
}

/** kubectl diff reports its own failures with exit status 2 (1 means "the objects differ"). */
export async function run(ctx: Ctx, args: string[], o: DiffOptions): Promise<void> {
  try {
    await diff(ctx, args, o);
  } catch (e) {
    throw new CliError(formatError(e).text, 2, true);
  }
}

async function diff(ctx: Ctx, args: string[], o: DiffOptions): Promise<void> {
  if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kbx diff -h' for help and examples`, 1, true);
  if (!o.filename?.length && o.kustomize === undefined) throw new CliError('must specify one of -f and -k');
  if (o.forceConflicts && !o.serverSide) throw new CliError('--force-conflicts only works with --server-side');
  const { cmd, args: diffArgs } = diffCommand();
  const sources = await readObjects(o, ctx.stderr);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace({});
  const liveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'LIVE-'));
  const mergedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'MERGED-'));
  try {
    for (const so of sources) {
      const r = resolveObject(so, o.namespace, defaultNs);
      const { live, merged } = await liveAndMerged(client, r, o);
      const name = diffFileName(merged);
      fs.writeFileSync(path.join(liveDir, name), forDiff(live));
      fs.writeFileSync(path.join(mergedDir, name), forDiff(merged));
    }
    const res = spawnSync(cmd, [...diffArgs, liveDir, mergedDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (res.error) throw new CliError(`failed to run "${cmd}": ${(res.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'executable file not found in $PATH' : res.error.message}`);
    ctx.stdout.write(res.stdout);
    ctx.stderr.write(res.stderr);
    // diff's own status: 1 means the trees differ; anything above is its failure, passed on.
    ctx.exitCode = res.status ?? 1;
  } finally {
    for (const d of [liveDir, mergedDir]) fs.rmSync(d, { recursive: true, force: true });
  }
}

/** The live object (undefined when absent) and what `apply` would make of it, by a server dry run. */
async function liveAndMerged(client: Awaited<ReturnType<Ctx['client']>>, r: ResolvedObject, o: DiffOptions): Promise<{ live?: KObject; merged: KObject }> {
  const manifest: KObject = r.namespace ? { ...r.object, metadata: { ...r.object.metadata, namespace: r.namespace } } : r.object;
  const name = manifest.metadata?.name ?? '';
  let live: KObject | undefined;
  try {
    live = await client.get(r.info, r.namespace, name);
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e;
  }
  const dry = { dryRun: 'All', fieldManager: o.fieldManager ?? (o.serverSide ? 'kubectl' : 'kubectl-client-side-apply') };
  const patch = await import('../../api/patch/index.js');
  if (o.serverSide) {
    const merged = await client.patch(r.info, r.namespace, name, manifest, patch.APPLY_PATCH, { ...dry, ...(o.forceConflicts ? { force: true } : {}) });
    return { live, merged };
  }
  const modified = withAnnotation(manifest, LAST_APPLIED, lastAppliedOf(manifest, r.namespace));
  if (!live) return { merged: await client.create(r.info, r.namespace, modified, dry) };
  const original = live.metadata.annotations?.[LAST_APPLIED];
  const p = patch.createThreeWayMergePatch(original ? JSON.parse(original) : {}, modified, live, r.info.kind);
  if (patch.isEmptyPatch(p)) return { live, merged: live };
  return { live, merged: await client.patch(r.info, r.namespace, name, p, patch.STRATEGIC_MERGE_PATCH, dry) };
}
