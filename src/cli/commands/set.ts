// kbx set image (-f FILE | TYPE NAME) C=IMG ... | set env (TYPE/NAME) K=V ... K-: kubectl's set
// subcommands — change the pod template (or a pod's spec) locally, send the strategic merge patch
// between the object as read and as changed (CreateTwoWayMergePatch), print `… image updated`.
import type { KObject } from '../../api/types.js';
import { STRATEGIC_MERGE_PATCH, createTwoWayMergePatch, isEmptyPatch } from '../../api/patch/index.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseOutput } from '../output/print.js';
import { CHANGE_CAUSE } from '../objects.js';
import { dryRunMode } from './apply.js';
import { RECORD_DEPRECATION } from '../flag-values.js';
import { finishWithErrors, objectName, resolveTargets, type Target } from '../targets.js';
import { formatTyped } from '../output/typed.js';
import { getPath, getResourcesAndPairs, parseEnv, parsePairs, podSpecPath, selectString, setContainerImage, splitEnvironmentFromResources, updateEnv, type EnvVar } from '../pod-template-edits.js';

interface SetOptions {
  namespace?: string;
  all?: boolean;
  selector?: string;
  filename?: string[];
  containers?: string;
  env?: string[];
  record?: boolean;
  dryRun?: string;
  output?: string;
}


export async function run(ctx: Ctx, args: string[], o: SetOptions): Promise<void> {
  const sub = args[0];
  switch (sub) {
    case undefined:
      // kubectl prints the group's help on stderr and exits 1.
      ctx.stderr.write(ctx.helpOf('set'));
      ctx.exitCode = 1;
      return;
    case 'image':
      return setImage(ctx, args.slice(1), o);
    case 'env':
      return setEnv(ctx, args.slice(1), o);
    default:
      throw new CliError(`unknown command "${sub}"\nSee 'kbx set -h' for help and examples`);
  }
}

/** The multi-error form kubectl's Validate returns: one error as `error: …`, several one per line. */
function validationErrors(errs: string[]): void {
  if (!errs.length) return;
  if (errs.length === 1) throw new CliError(errs[0]!);
  throw new CliError(errs.join('\n'), 1, true);
}

interface Change {
  target: Target;
  modified: KObject;
  patch: Record<string, unknown>;
}

/** Applies the computed patches (or prints the changed objects for --dry-run=client); `what` is `image` or `env`. */
async function applyChanges(ctx: Ctx, changes: Change[], errors: unknown[], what: 'image' | 'env', o: SetOptions): Promise<void> {
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const client = await ctx.client();
  for (const c of changes) {
    if (isEmptyPatch(c.patch)) continue;
    const t = c.target;
    let shown = c.modified;
    if (dry !== 'client') {
      try {
        const actual = await client.patch(t.info, t.namespace, t.name, c.patch, STRATEGIC_MERGE_PATCH, {
          fieldManager: 'kubectl-set',
          ...(dry === 'server' ? { dryRun: 'All' } : {}),
        });
        shown = { apiVersion: t.object.apiVersion, kind: t.object.kind, ...actual };
      } catch (e) {
        errors.push(new CliError(`failed to patch ${what} update to pod template: ${(e as Error).message}`));
        continue;
      }
    }
    if (fmt) ctx.stdout.write(formatTyped(shown, fmt));
    else ctx.out(`${objectName(t.info, t.name)} ${what} updated${suffix}`);
  }
  finishWithErrors(ctx, errors);
}

/** `deployments/web`: info.ObjectName() in kubectl's per-object errors. */
const infoName = (t: Target) => `${t.info.plural}/${t.name}`;

async function setImage(ctx: Ctx, args: string[], o: SetOptions): Promise<void> {
  if (o.record !== undefined) ctx.err(RECORD_DEPRECATION);
  dryRunMode(o.dryRun);
  if (o.output) parseOutput(o.output);
  const { resources, pairs } = getResourcesAndPairs(args, 'image');
  const images = parsePairs(pairs, 'image');
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors: lookupErrors } = await resolveTargets(client, resources, {
    namespace,
    selector: o.selector,
    filenames: o.filename,
    allowEmptySelector: !!o.all,
  });
  if (lookupErrors.length) throw lookupErrors[0];
  const verr: string[] = [];
  if (o.all && o.selector) verr.push('cannot set --all and --selector at the same time');
  if (!resources.length && !o.filename?.length) verr.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) verr.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) verr.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  validationErrors(verr);

  const errors: unknown[] = [];
  const changes: Change[] = [];
  const cause = o.record ? ctx.commandLine() : undefined;
  for (const t of targets) {
    const path = podSpecPath(t.info.kind);
    if (!path) {
      errors.push(new CliError(`error: ${infoName(t)} the object is not a pod or does not have a pod template: *v1.${t.info.kind}\n`, 1, true));
      continue;
    }
    const modified = structuredClone(t.object);
    const spec = getPath(modified, path) as Record<string, any> | undefined;
    for (const [name, image] of images) {
      if (!spec || !setContainerImage(spec, name, image)) errors.push(new CliError(`error: unable to find container named ${JSON.stringify(name)}`, 1, true));
    }
    if (cause) modified.metadata = { ...modified.metadata, annotations: { ...(modified.metadata?.annotations ?? {}), [CHANGE_CAUSE]: cause } };
    changes.push({ target: t, modified, patch: createTwoWayMergePatch(t.object, modified, t.info.kind) });
  }
  await applyChanges(ctx, changes, errors, 'image', o);
}

async function setEnv(ctx: Ctx, args: string[], o: SetOptions): Promise<void> {
  dryRunMode(o.dryRun);
  if (o.output) parseOutput(o.output);
  if (o.all && o.selector) throw new CliError('cannot set --all and --selector at the same time');
  const split = splitEnvironmentFromResources(args);
  if (!split) throw new CliError(`all resources must be specified before environment changes: ${args.join(' ')}`);
  if (!o.filename?.length && split.resources.length < 1) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const { env, remove } = parseEnv([...(o.env ?? []), ...split.envArgs]);
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors: lookupErrors } = await resolveTargets(client, split.resources, {
    namespace,
    selector: o.selector,
    filenames: o.filename,
    allowEmptySelector: !!o.all,
  });
  if (lookupErrors.length) throw lookupErrors[0];
  const containerSelector = o.containers ?? '*';
  const errors: unknown[] = [];
  const changes: Change[] = [];
  for (const t of targets) {
    const path = podSpecPath(t.info.kind);
    if (!path) {
      errors.push(new CliError(`error: ${infoName(t)} the object is not a pod or does not have a pod template: *v1.${t.info.kind}\n`, 1, true));
      continue;
    }
    const modified = structuredClone(t.object);
    const spec = (getPath(modified, path) ?? {}) as Record<string, any>;
    const selected = [...((spec.containers as Record<string, any>[] | undefined) ?? []), ...((spec.initContainers as Record<string, any>[] | undefined) ?? [])].filter((c) =>
      selectString(c.name ?? '', containerSelector),
    );
    if (!selected.length) {
      ctx.err(`Warning: ${t.info.kind}/${t.name} does not have any containers matching ${JSON.stringify(containerSelector)}`);
      continue;
    }
    for (const c of selected) {
      const next = updateEnv((c.env as EnvVar[] | undefined) ?? [], env, remove);
      if (next.length) c.env = next;
      else delete c.env;
    }
    changes.push({ target: t, modified, patch: createTwoWayMergePatch(t.object, modified, t.info.kind) });
  }
  await applyChanges(ctx, changes, errors, 'env', o);
}
