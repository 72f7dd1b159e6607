// kbx apply --server-side: kubectl's server-side apply. Each object is sent whole as an apply patch
// (application/apply-patch+yaml) under the field manager (kubectl's default: "kubectl"); the server tracks
// ownership, answers 201/200, or 409 with the conflicting fields, which kubectl prints with its advice.
import type { KObject } from '../../api/types.js';
import type { Ctx } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { readObjects } from '../manifests.js';
import { StatusError } from '../../client/client.js';
import { displayName, resolveObject } from '../objects.js';
import type { OutputFormat } from '../output/format.js';

export interface ServerSideApplyOptions {
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  fieldManager?: string;
  forceConflicts?: boolean;
  validate?: string;
  dryRun?: 'none' | 'client' | 'server';
}

/** kubectl's text after an apply conflict (apply.go, the conflict hint). */
const CONFLICT_HINT = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

export async function runServerSide(ctx: Ctx, o: ServerSideApplyOptions, fmt: OutputFormat | undefined): Promise<void> {
  if (o.dryRun === 'client') throw new CliError('--dry-run=client doesn\'t work with --server-side (did you mean --dry-run=server instead?)');
  const { fieldValidation } = await import('../field-validation.js');
  const validation = fieldValidation(o.validate);
  const objects = await readObjects(o, ctx.stderr);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace({});
  const printed: KObject[] = [];
  const suffix = o.dryRun === 'server' ? ' (server dry run)' : '';
  for (const so of objects) {
    try {
      const r = resolveObject(so, o.namespace, defaultNs);
      const manifest = r.namespace ? { ...r.object, metadata: { ...r.object.metadata, namespace: r.namespace } } : r.object;
      const name = manifest.metadata?.name;
      if (!name) throw new CliError(`error when retrieving current configuration of:\nResource: "${r.info.group}/${r.info.version}, Resource=${r.info.plural}", GroupVersionKind: "${r.info.group}/${r.info.version}, Kind=${r.info.kind}"\nName: "", Namespace: "${r.namespace ?? ''}"\nfrom server for: "${r.source}": resource name may not be empty`);
      let result: KObject;
      try {
        result = await client.patch(r.info, r.namespace, name, manifest, 'application/apply-patch+yaml', {
          fieldManager: o.fieldManager || 'kubectl',
          fieldValidation: validation,
          ...(o.forceConflicts ? { force: 'true' } : {}),
          ...(o.dryRun === 'server' ? { dryRun: 'All' } : {}),
        });
      } catch (e) {
        if (e instanceof StatusError && e.code === 409 && e.status.details?.causes?.some((c) => c.type === 'FieldManagerConflict')) {
          throw new CliError(`${e.status.message}${CONFLICT_HINT}`);
        }
        throw e;
      }
      if (fmt) printed.push(result);
      else ctx.out(`${displayName(r.info, name)} serverside-applied${suffix}`);
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
