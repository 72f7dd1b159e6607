// kbx describe TYPE [NAME_PREFIX | -l sel] | TYPE/NAME: the object, plus its events.
import type { EventObject, KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { Ctx, parseResourceArgs } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { StatusError, type ApiClient } from '../../client/client.js';
import { describeObject } from '../../printers/describe.js';
import { describerFor } from '../../kinds/index.js';
import { formatLabelSelector } from '../../api/selectors.js';
import { readObjects } from '../manifests.js';
import { resolveObject } from '../objects.js';

const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;

interface DescribeOptions {
  namespace?: string;
  allNamespaces?: boolean;
  selector?: string;
  filename?: string[];
  kustomize?: string;
  showEvents?: boolean;
}

async function eventsFor(client: ApiClient, obj: KObject): Promise<EventObject[]> {
  const m = obj.metadata;
  const fs = [`involvedObject.name=${m.name}`, ...(m.namespace ? [`involvedObject.namespace=${m.namespace}`] : []), `involvedObject.uid=${m.uid}`];
  const list = await client.list(EVENTS, m.namespace ?? 'default', { fieldSelector: fs.join(',') });
  return list.items as EventObject[];
}

export async function run(ctx: Ctx, args: string[], o: DescribeOptions): Promise<void> {
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const objects: KObject[] = [];
  const errors: string[] = [];
  if (o.filename?.length || o.kustomize !== undefined) {
    for (const so of await readObjects(o, ctx.stderr)) {
      const r = resolveObject(so, o.namespace, ns);
      try {
        objects.push(await client.get(r.info, r.namespace, r.object.metadata.name!));
      } catch (e) {
        errors.push(formatError(e).text);
      }
    }
  } else {
    if (!args.length) throw new CliError('You must specify the type of resource to describe. Use "kbx api-resources" for a complete list of supported resources.', 1, true);
    for (const sel of parseResourceArgs(args)) {
      const scope = sel.info.namespaced && !o.allNamespaces ? ns : undefined;
      if (sel.names.length) {
        for (const name of sel.names) {
          try {
            objects.push(await client.get(sel.info, sel.info.namespaced ? ns : undefined, name));
          } catch (e) {
            // kubectl falls back to a name-prefix match before giving up.
            if (e instanceof StatusError && e.code === 404) {
              const list = await client.list(sel.info, scope, { labelSelector: o.selector });
              const matches = list.items.filter((i) => i.metadata.name!.startsWith(name));
              if (matches.length) {
                objects.push(...matches.map((m) => ({ apiVersion: sel.info.group ? `${sel.info.group}/${sel.info.version}` : sel.info.version, kind: sel.info.kind, ...m })));
                continue;
              }
            }
            errors.push(formatError(e).text);
          }
        }
      } else {
        const list = await client.list(sel.info, scope, { labelSelector: o.selector });
        if (!list.items.length) {
          ctx.err(sel.info.namespaced && !o.allNamespaces ? `No resources found in ${ns} namespace.` : 'No resources found');
        }
        objects.push(...list.items.map((m) => ({ apiVersion: sel.info.group ? `${sel.info.group}/${sel.info.version}` : sel.info.version, kind: sel.info.kind, ...m })));
      }
    }
  }
  const now = Date.now();
  const texts: string[] = [];
  for (const obj of objects) {
    const events = o.showEvents === false ? undefined : await eventsFor(client, obj);
    texts.push(describeObject(obj, events, { now, related: await relatedTo(client, obj) }, undefined, await describerFor(obj.kind)));
  }
  if (texts.length) ctx.stdout.write(texts.join('\n\n'));
  for (const e of errors) ctx.err(e);
  if (errors.length) ctx.exitCode = 1;
}

/** What a describer shows besides the object: a deployment's ReplicaSets, the pods of a ReplicaSet, DaemonSet or StatefulSet. */
async function relatedTo(client: ApiClient, obj: KObject): Promise<Record<string, unknown> | undefined> {
  if (obj.kind === 'Service') {
    // The Service's Endpoints (same name); null when there is none.
    const ep = RESOURCES.find((r) => r.kind === 'Endpoints')!;
    try {
      return { endpoints: await client.get(ep, obj.metadata.namespace, obj.metadata.name!) };
    } catch (e) {
      if (e instanceof StatusError && e.code === 404) return { endpoints: null };
      throw e;
    }
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    // "Used By": the namespace's pods that name the claim in a volume.
    const pods = (await client.list(RESOURCES.find((r) => r.kind === 'Pod')!, obj.metadata.namespace)).items;
    return { pods: pods.filter((p) => ((p.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[]).some((v) => v.persistentVolumeClaim?.claimName === obj.metadata.name)) };
  }
  if (obj.kind === 'Ingress') {
    // The namespace's Services and Endpoints, for the backends' endpoints.
    const [svc, ep] = ['Service', 'Endpoints'].map((k) => RESOURCES.find((r) => r.kind === k)!);
    const [services, endpoints] = await Promise.all([client.list(svc!, obj.metadata.namespace), client.list(ep!, obj.metadata.namespace)]);
    return { services: services.items, endpoints: endpoints.items };
  }
  const kind = obj.kind === 'Deployment' ? 'ReplicaSet' : ['ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(obj.kind ?? '') ? 'Pod' : undefined;
  if (!kind) return undefined;
  const info = RESOURCES.find((r) => r.kind === kind)!;
  const selector = formatLabelSelector(obj.spec?.selector);
  const items = (await client.list(info, obj.metadata.namespace, { labelSelector: selector === '<none>' ? undefined : selector })).items;
  return kind === 'ReplicaSet' ? { replicaSets: items } : { pods: items };
}
