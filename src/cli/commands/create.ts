// kbx create -f FILE | create namespace NAME
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { Ctx } from '../context.js';
import { CliError, formatError, withSource } from '../errors.js';
import { readManifests } from '../manifests.js';
import { CHANGE_CAUSE, displayName, resolveObject, withAnnotation } from '../objects.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';

interface CreateOptions {
  namespace?: string;
  filename?: string[];
  recursive?: boolean;
  record?: boolean;
  dryRun?: string;
  output?: string;
}

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;

export async function run(ctx: Ctx, args: string[], o: CreateOptions): Promise<void> {
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const dry = dryRunMode(o.dryRun);
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const sub = args[0];
  if (sub === 'namespace' || sub === 'ns') {
    const name = args[1];
    if (!name) throw new CliError('exactly one NAME is required, got 0\nSee \'kbx create namespace -h\' for help and examples', 1, true);
    const obj: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
    const created = dry === 'client' ? obj : await (await ctx.client()).create(NAMESPACES, undefined, obj, { fieldManager: 'kubectl-create', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
    if (fmt) ctx.stdout.write(formatObjects([created], fmt, true));
    else ctx.out(`namespace/${name} created${suffix}`);
    return;
  }
  if (sub) {
    throw new CliError(`unknown command "${sub}" for "kbx create"\nSee 'kbx create -h' for help and examples`);
  }
  if (!o.filename?.length) throw new CliError('must specify one of -f and -k');
  const objects = readManifests(o.filename, o.recursive);
  const client = await ctx.client();
  const defaultNs = await ctx.namespace({});
  const printed: KObject[] = [];
  for (const so of objects) {
    try {
      const r = resolveObject(so, o.namespace, defaultNs);
      const obj = o.record ? withAnnotation(r.object, CHANGE_CAUSE, ctx.commandLine()) : r.object;
      let created = obj;
      if (dry !== 'client') {
        try {
          created = await client.create(r.info, r.namespace, obj, { fieldManager: 'kubectl-create', fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
        } catch (e) {
          throw withSource(e, 'creating', r.source);
        }
      }
      if (fmt) printed.push(created);
      else ctx.out(`${displayName(r.info, created.metadata.name ?? obj.metadata.name ?? '')} created${suffix}`);
    } catch (e) {
      ctx.err(formatError(e).text);
      ctx.exitCode = 1;
    }
  }
  if (fmt && printed.length) ctx.stdout.write(formatObjects(printed, fmt, printed.length === 1));
}
