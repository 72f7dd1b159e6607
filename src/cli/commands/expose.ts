// kbx expose (deployment|deploy|pod|po|replicaset|rs|service|svc) NAME | TYPE/NAME
//   [--port=P] [--target-port=N|NAME] [--type=T] [--name=N] [--protocol=TCP|UDP|SCTP] [--selector=S]
// As kubectl v1.35 expose: the selector comes from the object (a workload's matchLabels, a pod's
// labels, a service's selector), the Service gets the object's labels, the ports come from --port
// or from the containers' ports, targetPort defaults to the port; prints `service/NAME exposed`.
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { Ctx, parseResourceArgs } from '../context.js';
import { CliError } from '../errors.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const EXPOSABLE = ['Deployment', 'ReplicaSet', 'Pod', 'Service'];

interface ExposeOptions {
  namespace?: string;
  port?: string;
  targetPort?: string;
  type?: string;
  name?: string;
  protocol?: string;
  selector?: string;
  clusterIp?: string;
  sessionAffinity?: string;
  dryRun?: string;
  output?: string;
}

type Obj = Record<string, any>;

/** kubectl's selector introspection: map-based only. */
function selectorOf(obj: KObject): Record<string, string> {
  if (obj.kind === 'Pod') return { ...(obj.metadata.labels ?? {}) };
  if (obj.kind === 'Service') return { ...((obj.spec?.selector as Record<string, string>) ?? {}) };
  const sel = (obj.spec?.selector ?? {}) as Obj;
  if (sel.matchExpressions?.length) {
    throw new CliError(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
  }
  return { ...(sel.matchLabels ?? {}) };
}

/** Container ports of the object's pod spec (or the service's ports), with their protocols. */
function portsOf(obj: KObject): { port: number; protocol?: string }[] {
  if (obj.kind === 'Service') return ((obj.spec?.ports ?? []) as Obj[]).map((p) => ({ port: p.port, protocol: p.protocol }));
  const spec = (obj.kind === 'Pod' ? obj.spec : (obj.spec?.template as Obj | undefined)?.spec) as Obj | undefined;
  const out: { port: number; protocol?: string }[] = [];
  for (const c of (spec?.containers ?? []) as Obj[]) for (const p of (c.ports ?? []) as Obj[]) out.push({ port: p.containerPort, protocol: p.protocol });
  return out;
}

function parseSelector(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new CliError(`invalid selector "${s}"`);
    out[k.trim()] = v.trim();
  }
  return out;
}

export async function run(ctx: Ctx, args: string[], o: ExposeOptions): Promise<void> {
  if (!args.length) throw new CliError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const sels = parseResourceArgs(args);
  const sel = sels[0]!;
  if (sels.length !== 1 || sel.names.length !== 1) throw new CliError('exactly one resource must be exposed');
  if (!EXPOSABLE.includes(sel.info.kind)) throw new CliError(`cannot expose a ${sel.info.kind}`);
  const dry = dryRunMode(o.dryRun);
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const obj = { kind: sel.info.kind, ...(await client.get(sel.info, ns, sel.names[0]!)) } as KObject;

  const selector = o.selector ? parseSelector(o.selector) : selectorOf(obj);
  if (!Object.keys(selector).length) {
    throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: the ${sel.info.singular} has no labels and cannot be exposed`);
  }
  let ports: { port: number; protocol?: string }[];
  if (o.port !== undefined && o.port !== '') {
    ports = o.port.split(',').map((p) => {
      const n = Number(p);
      if (!/^[0-9]+$/.test(p.trim())) throw new CliError(`invalid argument "${o.port}" for "--port" flag: strconv.ParseInt: parsing "${p}": invalid syntax`);
      return { port: n, protocol: portsOf(obj).find((q) => q.port === n)?.protocol };
    });
  } else {
    ports = portsOf(obj);
    if (!ports.length) throw new CliError("couldn't find port via --port flag or introspection");
  }
  const specPorts: Obj[] = ports.map((p, i) => {
    const sp: Obj = {};
    if (ports.length > 1) sp.name = `port-${i + 1}`;
    sp.port = p.port;
    sp.protocol = o.protocol || p.protocol || 'TCP';
    if (o.targetPort) sp.targetPort = /^[0-9]+$/.test(o.targetPort) ? Number(o.targetPort) : o.targetPort;
    else sp.targetPort = p.port;
    return sp;
  });
  const name = o.name || obj.metadata.name!;
  const spec: Obj = { ports: specPorts, selector };
  if (o.type) spec.type = o.type;
  if (o.clusterIp) spec.clusterIP = o.clusterIp;
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  const labels = obj.metadata.labels;
  let svc: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}), name },
    spec,
    status: { loadBalancer: {} },
  };
  if (dry !== 'client') {
    svc = await client.create(SERVICES, ns, svc, { fieldManager: 'kubectl-expose', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
    svc = { apiVersion: 'v1', kind: 'Service', ...svc };
  }
  if (o.output) ctx.stdout.write(formatObjects([svc], parseOutput(o.output), true));
  else ctx.out(`service/${name} exposed${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}
