// kbx label | annotate TYPE NAME k=v k2- [--overwrite]: JSON merge patches of metadata.
import type { KObject } from '../../api/types.js';
import { qualifiedSingular, type ResourceInfo } from '../../api/registry.js';
import { Ctx, parseResourceArgs } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { readManifests } from '../manifests.js';
import { resolveObject } from '../objects.js';
import { validateLabelKeyValue } from '../../api/validation.js';

interface LabelOptions {
  namespace?: string;
  overwrite?: boolean;
  all?: boolean;
  allNamespaces?: boolean;
  selector?: string;
  filename?: string[];
  dryRun?: string;
  list?: boolean;
  output?: string;
}

export const runLabel = (ctx: Ctx, args: string[], o: LabelOptions) => change(ctx, args, o, 'labels');
export const runAnnotate = (ctx: Ctx, args: string[], o: LabelOptions) => change(ctx, args, o, 'annotations');

function isChange(a: string): boolean {
  return a.includes('=') || (a.endsWith('-') && !a.includes('/'));
}

async function change(ctx: Ctx, args: string[], o: LabelOptions, field: 'labels' | 'annotations'): Promise<void> {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const firstChange = args.findIndex((a, i) => i > 0 && isChange(a));
  const resArgs = o.filename?.length ? args.filter((a) => !isChange(a)) : firstChange < 0 ? args : args.slice(0, firstChange);
  const changes = o.filename?.length ? args.filter(isChange) : firstChange < 0 ? [] : args.slice(firstChange);
  if (!changes.length && !o.list) throw new CliError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const eq = c.indexOf('=');
      const k = c.slice(0, eq);
      const v = c.slice(eq + 1);
      if (field === 'labels') {
        const err = validateLabelKeyValue(k, v);
        if (err) throw new CliError(`invalid label spec: ${c}`);
      }
      set[k] = v;
    }
  }
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const targets: { info: ResourceInfo; ns?: string; name: string }[] = [];
  if (o.filename?.length) {
    for (const so of readManifests(o.filename)) {
      const r = resolveObject(so, o.namespace, ns);
      targets.push({ info: r.info, ns: r.namespace, name: r.object.metadata.name! });
    }
  } else {
    const sels = parseResourceArgs(resArgs);
    if (!sels.length) throw new CliError(`one or more resources must be specified as <resource> <name> or <resource>/<name>`);
    for (const s of sels) {
      if (s.names.length) for (const n of s.names) targets.push({ info: s.info, ns: s.info.namespaced ? ns : undefined, name: n });
      else if (o.all || o.selector) {
        const list = await client.list(s.info, s.info.namespaced && !o.allNamespaces ? ns : undefined, { labelSelector: o.selector });
        for (const it of list.items) targets.push({ info: s.info, ns: it.metadata.namespace, name: it.metadata.name! });
      } else throw new CliError(`resource(s) were provided, but no name was specified`);
    }
  }
  for (const t of targets) {
    try {
      const live = await client.get<KObject>(t.info, t.ns, t.name);
      const current = (live.metadata[field] as Record<string, string> | undefined) ?? {};
      if (o.list) {
        for (const [k, v] of Object.entries(current)) ctx.out(`${k}=${v}`);
        continue;
      }
      if (!o.overwrite) {
        for (const [k, v] of Object.entries(set)) {
          if (k in current && current[k] !== v) throw new CliError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
        }
      }
      const patchMap: Record<string, string | null> = { ...set };
      for (const k of remove) if (k in current) patchMap[k] = null;
      const changed = Object.entries(patchMap).some(([k, v]) => (v === null ? k in current : current[k] !== v));
      const display = `${qualifiedSingular(t.info)}/${t.name}`;
      if (!changed) {
        for (const k of remove) if (!(k in current)) ctx.err(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.`);
        ctx.out(`${display} not ${verb === 'label' ? 'labeled' : 'annotated'}`);
        continue;
      }
      await client.patch(t.info, t.ns, t.name, { metadata: { [field]: patchMap } }, 'application/merge-patch+json', { fieldManager: `kubectl-${verb}` });
      // kubectl says "unlabeled" when the labels only shrank (and --overwrite was not given).
      const shrank = !Object.keys(set).length && remove.length > 0;
      ctx.out(`${display} ${verb === 'label' ? (shrank && !o.overwrite ? 'unlabeled' : 'labeled') : 'annotated'}`);
    } catch (e) {
      ctx.err(formatError(e).text);
      ctx.exitCode = 1;
    }
  }
}
