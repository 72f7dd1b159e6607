// kbx apply -f: client-side apply as kubectl does it — create with the last-applied annotation, or a
// three-way strategic merge patch (last applied, new manifest, live object); `unchanged` when empty.
import type { KObject } from '../../api/types.js';
import { Ctx } from '../context.js';
import { CliError, formatError, withSource } from '../errors.js';
import { readObjects } from '../manifests.js';
import { StatusError } from '../../client/client.js';
import { CHANGE_CAUSE, LAST_APPLIED, displayName, lastAppliedOf, resolveObject, withAnnotation } from '../objects.js';
import { parseOutput } from '../output/format.js';
import { fieldValidation } from '../field-validation.js';

interface ApplyOptions {
  showManagedFields?: boolean;
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  record?: boolean;
  dryRun?: string;
  output?: string;
  validate?: string;
  serverSide?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
}

export async function run(ctx: Ctx, args: string[], o: ApplyOptions): Promise<void> {
  if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kbx apply -h' for help and examples`, 1, true);
  if (!o.filename?.length && o.kustomize === undefined) throw new CliError('error: must specify one of -f and -k\n', 1, true);
  const fmt = o.output ? { ...parseOutput(o.output), showManagedFields: !!o.showManagedFields } : undefined;
  const dry = dryRunMode(o.dryRun);
  if (o.forceConflicts && !o.serverSide) throw new CliError('--force-conflicts only works with --server-side');
  if (o.serverSide && dry === 'client') throw new CliError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  const validation = fieldValidation(o.validate);
  const manager = o.fieldManager ?? (o.serverSide ? 'kubectl' : 'kubectl-client-side-apply');
  const objects = await readObjects(o, ctx.stderr);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace({});
  const printed: KObject[] = [];
  for (const so of objects) {
    try {
      const r = resolveObject(so, o.namespace, defaultNs);
      let manifest = r.object;
      // kubectl sets the namespace on the object before computing anything, so it is part of both
      // the last-applied configuration and the new one.
      if (r.namespace) manifest = { ...manifest, metadata: { ...manifest.metadata, namespace: r.namespace } };
      if (o.record) manifest = withAnnotation(manifest, CHANGE_CAUSE, ctx.commandLine());
      if (o.serverSide) {
        // Server-side apply: the manifest as it is, merged by the server under the field manager's name.
        const name = manifest.metadata?.name ?? '';
        const { APPLY_PATCH } = await import('../../api/patch/index.js');
        let result: KObject;
        try {
          result = await client.patch(r.info, r.namespace, name, manifest, APPLY_PATCH, {
            fieldManager: manager,
            fieldValidation: validation,
            ...(o.forceConflicts ? { force: true } : {}),
            ...(dry === 'server' ? { dryRun: 'All' } : {}),
          });
        } catch (e) {
          throw (await import('./apply-server-side.js')).conflictError(e) ?? withSource(e, 'patching', r.source);
        }
        if (fmt) printed.push(result);
        else ctx.out(`${displayName(r.info, name)} serverside-applied${dry === 'server' ? ' (server dry run)' : ''}`);
        continue;
      }
      const modified = withAnnotation(manifest, LAST_APPLIED, lastAppliedOf(manifest, r.namespace));
      const name = modified.metadata.name;
      if (!name) throw new CliError(`error when retrieving current configuration of:\nResource: "${r.info.group}/${r.info.version}, Resource=${r.info.plural}", GroupVersionKind: "${r.info.group}/${r.info.version}, Kind=${r.info.kind}"\nName: "", Namespace: "${r.namespace ?? ''}"\nfrom server for: "${r.source}": resource name may not be empty`);
      let live: KObject | undefined;
      try {
        live = await client.get(r.info, r.namespace, name);
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      if (!live) {
        let created = modified;
        if (dry !== 'client') {
          try {
            created = await client.create(r.info, r.namespace, modified, { fieldManager: manager, fieldValidation: validation, ...(dry === 'server' ? { dryRun: 'All' } : {}) });
          } catch (e) {
            throw withSource(e, 'creating', r.source);
          }
        }
        if (fmt) printed.push(created);
        else ctx.out(`${displayName(r.info, name)} created${suffix}`);
        continue;
      }
      const original = live.metadata.annotations?.[LAST_APPLIED];
      // The patch code loads only when an object exists (creating one needs none of it).
      const { createThreeWayMergePatch, isEmptyPatch } = await import('../../api/patch/strategic-merge-patch.js');
      const patch = createThreeWayMergePatch(original ? JSON.parse(original) : {}, modified, live, r.info.kind);
      if (isEmptyPatch(patch)) {
        if (fmt) printed.push(live);
        else ctx.out(`${displayName(r.info, name)} unchanged`);
        continue;
      }
      let result = live;
      if (dry !== 'client') {
        try {
          result = await client.patch(r.info, r.namespace, name, patch, 'application/strategic-merge-patch+json', {
            fieldManager: manager,
            fieldValidation: validation,
            ...(dry === 'server' ? { dryRun: 'All' } : {}),
          });
        } catch (e) {
          throw withSource(e, 'patching', r.source);
        }
      }
      if (fmt) printed.push(result);
      else ctx.out(`${displayName(r.info, name)} configured${suffix}`);
    } catch (e) {
      ctx.err(formatError(e).text);
      ctx.exitCode = 1;
    }
  }
  if (fmt && printed.length) {
    const { formatObjects } = await import('../output/print.js');
    ctx.stdout.write(formatObjects(printed, fmt, printed.length === 1));
  }
}

export function dryRunMode(v: string | undefined): 'none' | 'client' | 'server' {
  if (v === undefined || v === 'none') return 'none';
  if (v === 'client' || v === 'server') return v;
  throw new CliError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}
