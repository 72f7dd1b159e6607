// kbx replace -f FILE [--force [--grace-period N]]: kubectl's replace — a PUT of each manifest (the live
// resourceVersion filled in when the manifest has none), `… replaced`; --force deletes the objects, waits
// until they are gone and creates them again.
import type { KObject } from '../../api/types.js';
import { qualifiedSingular } from '../../api/registry.js';
import { resourcePath, StatusError, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError, formatError, withSource } from '../errors.js';
import { fieldValidation } from '../field-validation.js';
import { intFlag } from '../flag-values.js';
import { readObjects } from '../manifests.js';
import { displayName, resolveObject, type ResolvedObject } from '../objects.js';
import { dryRunMode } from './apply.js';
import { waitGone } from './delete.js';

interface ReplaceOptions {
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  force?: boolean;
  gracePeriod?: string;
  dryRun?: string;
  output?: string;
  validate?: string;
  fieldManager?: string;
}

/** kubectl's checks of replace's flags. */
export function checkReplaceFlags(o: ReplaceOptions): { grace: number; dry: 'none' | 'client' | 'server' } {
  const dry = dryRunMode(o.dryRun);
  const grace = intFlag(o.gracePeriod ?? '-1', '--grace-period', 'kbx replace')!;
  if (o.force && dry !== 'none') throw new CliError('--dry-run can not be used when --force is set');
  if (!o.force && grace >= 0) throw new CliError('--grace-period must have --force specified');
  return { grace, dry };
}

export async function run(ctx: Ctx, args: string[], o: ReplaceOptions): Promise<void> {
  if (args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kbx replace -h' for help and examples`, 1, true);
  const { grace, dry } = checkReplaceFlags(o);
  const validation = fieldValidation(o.validate);
  const fmt = o.output ? (await import('../output/print.js')).parseOutput(o.output) : undefined;
  const sources = await readObjects(o, ctx.stderr);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace({});
  const objects = sources.map((so) => resolveObject(so, o.namespace, defaultNs));
  const query = { fieldManager: o.fieldManager ?? 'kubectl-replace', fieldValidation: validation, ...(dry === 'server' ? { dryRun: 'All' } : {}) };
  if (o.force) await deleteAll(ctx, client, objects, grace);
  const printed: KObject[] = [];
  for (const r of objects) {
    const name = r.object.metadata?.name ?? '';
    try {
      let result: KObject;
      if (o.force) {
        result = await client.create(r.info, r.namespace, r.object, query);
      } else {
        const body = structuredClone(r.object);
        if (!body.metadata.resourceVersion) body.metadata.resourceVersion = (await client.get(r.info, r.namespace, name)).metadata.resourceVersion;
        result = dry === 'client' ? body : ((await client.request('PUT', resourcePath(r.info, r.namespace, name), { body, query })).body as KObject);
      }
      if (fmt) printed.push(result);
      else ctx.out(`${displayName(r.info, name)} replaced${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
    } catch (e) {
      ctx.err(formatError(withSource(e, 'replacing', r.source)).text);
      ctx.exitCode = 1;
    }
  }
  if (fmt && printed.length) ctx.stdout.write((await import('../output/print.js')).formatObjects(printed, fmt, printed.length === 1));
}

/** --force: delete every object (a missing one is fine), then wait until all are gone. */
async function deleteAll(ctx: Ctx, client: ApiClient, objects: ResolvedObject[], grace: number): Promise<void> {
  const deleted = [];
  for (const r of objects) {
    const name = r.object.metadata?.name ?? '';
    try {
      const res = await client.delete(r.info, r.namespace, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
      ctx.out(`${qualifiedSingular(r.info)} "${name}" deleted${r.namespace ? ` from ${r.namespace} namespace` : ''}`);
      deleted.push({ t: { info: r.info, namespace: r.namespace, name, object: res }, uid: res?.metadata?.uid });
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 404)) throw e;
    }
  }
  await waitGone(client, deleted, 7 * 24 * 3600_000, ctx);
}
