// kbx create -f FILE | create namespace NAME | create deployment NAME --image=IMG [-- COMMAND]
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { Ctx } from '../context.js';
import { CliError, formatError, withSource } from '../errors.js';
import { fieldValidation } from '../field-validation.js';
import { readObjects } from '../manifests.js';
import { CHANGE_CAUSE, displayName, resolveObject, withAnnotation } from '../objects.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';
import type { CreateConfigOptions } from './create-config.js';
import type { CreateTokenOptions } from './create-token.js';
import { DEPLOYMENTS } from '../targets.js';
import { RECORD_DEPRECATION, intFlag, stringSlice } from '../flag-values.js';
import { buildDeployment } from '../deployment-generator.js';
import { formatTyped } from '../output/typed.js';

interface CreateOptions extends CreateConfigOptions, CreateTokenOptions {
  namespace?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  record?: boolean;
  dryRun?: string;
  output?: string;
  image?: string[];
  replicas?: string;
  port?: string;
  validate?: string;
  tcp?: string[];
  nodePort?: string;
  clusterip?: string;
  externalName?: string;
  from?: string;
  schedule?: string;
  restart?: string;
}

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;

export async function run(ctx: Ctx, args: string[], o: CreateOptions): Promise<void> {
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const dry = dryRunMode(o.dryRun);
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const sub = args[0];
  if (sub === 'deployment' || sub === 'deploy') return createDeployment(ctx, args.slice(1), o);
  if (sub === 'service' || sub === 'svc') return createService(ctx, args.slice(1), o);
  if (sub === 'configmap' || sub === 'cm') return (await import('./create-config.js')).createConfigMap(ctx, args.slice(1), o);
  if (sub === 'secret') return (await import('./create-config.js')).createSecret(ctx, args.slice(1), o);
  if (sub === 'token') return (await import('./create-token.js')).createToken(ctx, args.slice(1), o);
  if (sub === 'job') return (await import('./create-batch.js')).createJob(ctx, args.slice(1), o);
  if (sub === 'cronjob' || sub === 'cj') return (await import('./create-batch.js')).createCronJob(ctx, args.slice(1), o);
  if (sub === 'namespace' || sub === 'ns') {
    const name = args[1];
    if (args.length !== 2) throw new CliError(`exactly one NAME is required, got ${args.length - 1}\nSee 'kbx create namespace -h' for help and examples`);
    const obj: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
    const created = dry === 'client' ? obj : await (await ctx.client()).create(NAMESPACES, undefined, obj, { fieldManager: 'kubectl-create', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
    if (fmt) ctx.stdout.write(formatObjects([created], fmt, true));
    else ctx.out(`namespace/${name} created${suffix}`);
    return;
  }
  if (sub) {
    throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kbx create -h' for help and examples`);
  }
  if (!o.filename?.length && o.kustomize === undefined) throw new CliError('must specify one of -f and -k');
  if (o.record !== undefined) ctx.err(RECORD_DEPRECATION);
  const objects = await readObjects(o, ctx.stderr);
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


/** `kbx create deployment NAME --image=IMG [--image=IMG2] [--replicas=N] [--port=P] [-- COMMAND ARGS]`. */
async function createDeployment(ctx: Ctx, args: string[], o: CreateOptions): Promise<void> {
  const usage = 'kbx create deployment';
  const replicas = intFlag(o.replicas ?? '1', '-r, --replicas', usage, 32)!;
  const port = intFlag(o.port ?? '-1', '--port', usage, 32)!;
  // Flags `create -f` has and `create deployment` does not.
  for (const a of ctx.argv) {
    const long = /^--(record|filename|recursive)(=|$)/.exec(a);
    if (long) throw new CliError(`unknown flag: --${long[1]}\nSee '${usage} --help' for usage.`);
    const short = /^-([fR])/.exec(a);
    if (short) throw new CliError(`unknown shorthand flag: '${short[1]}' in ${a}\nSee '${usage} --help' for usage.`);
  }
  const images = stringSlice(o.image);
  if (o.image === undefined) throw new CliError('required flag(s) "image" not set');
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee '${usage} -h' for help and examples`);
  const name = args[0]!;
  const command = ctx.dashArgs;
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const validation = fieldValidation(o.validate);
  if (images.length > 1 && command.length > 0) throw new CliError('cannot specify multiple --image options and command');
  let deploy = buildDeployment({ name, images, replicas, port, command, namespace: o.namespace });
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = await ctx.namespace(o);
    try {
      deploy = await client.create(DEPLOYMENTS, ns, deploy, { fieldManager: 'kubectl-create', fieldValidation: validation, ...(dry === 'server' ? { dryRun: 'All' } : {}) });
      deploy = { kind: 'Deployment', apiVersion: 'apps/v1', ...deploy };
    } catch (e) {
      throw new CliError(`failed to create deployment: ${(e as Error).message}`);
    }
  }
  if (fmt) ctx.stdout.write(formatTyped(deploy, fmt));
  else ctx.out(`deployment.apps/${name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}

const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

/** The Service `kubectl create service TYPE NAME` builds (kubectl v1.35 create_service.go). */
export function buildService(type: string, name: string, o: { tcp?: string[]; nodePort?: number; clusterIP?: string; externalName?: string }): KObject {
  const ports: Record<string, unknown>[] = [];
  for (const spec of stringSlice(o.tcp)) {
    const [portText, targetText] = spec.split(':', 2) as [string, string | undefined];
    if (!/^[0-9]+$/.test(portText) || Number(portText) > 65535) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`);
    const port = Number(portText);
    const target = targetText === undefined ? port : /^[0-9]+$/.test(targetText) ? Number(targetText) : targetText;
    const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), port, protocol: 'TCP', targetPort: target };
    if (o.nodePort && o.nodePort > 0) p.nodePort = o.nodePort;
    ports.push(p);
  }
  const spec: Record<string, unknown> = {};
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (type === 'ExternalName') spec.externalName = o.externalName;
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  spec.type = type;
  return { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name }, spec, status: { loadBalancer: {} } };
}

/** `kbx create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port[:targetPort]] [--node-port=N]`. */
async function createService(ctx: Ctx, args: string[], o: CreateOptions): Promise<void> {
  const sub = args[0];
  if (!sub) {
    ctx.out(ctx.helpOf('create service'));
    return;
  }
  const type = SERVICE_TYPES[sub];
  if (!type) throw new CliError(`unknown command "${args.join(' ')}"\nSee 'kbx create service -h' for help and examples`);
  const usage = `kbx create service ${sub}`;
  if (args.length !== 2) throw new CliError(`exactly one NAME is required, got ${args.length - 1}\nSee '${usage} -h' for help and examples`);
  const name = args[1]!;
  const nodePort = type === 'NodePort' ? intFlag(o.nodePort ?? '0', '--node-port', usage, 32) : undefined;
  const clusterIP = type === 'ClusterIP' ? o.clusterip : undefined;
  if (type === 'ExternalName' && !o.externalName) throw new CliError('required flag(s) "external-name" not set');
  if (type !== 'ExternalName' && clusterIP !== 'None' && !stringSlice(o.tcp).length) throw new CliError('at least one tcp port specifier must be provided');
  let svc = buildService(type, name, { tcp: o.tcp, nodePort, clusterIP, externalName: o.externalName });
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = await ctx.namespace(o);
    try {
      svc = await client.create(SERVICES, ns, svc, { fieldManager: 'kubectl-create', fieldValidation: fieldValidation(o.validate), ...(dry === 'server' ? { dryRun: 'All' } : {}) });
      svc = { apiVersion: 'v1', kind: 'Service', ...svc };
    } catch (e) {
      throw new CliError(`failed to create ${type} service: ${(e as Error).message}`);
    }
  }
  if (fmt) ctx.stdout.write(formatObjects([svc], fmt, true));
  else ctx.out(`service/${name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}
