// kbx create configmap|cm NAME …, kbx create secret generic|tls|docker-registry NAME …:
// build the object as kubectl does (config-generators.ts), then create it (or only print it with
// --dry-run=client), printing `configmap/NAME created` or the object with -o.
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { fieldValidation } from '../field-validation.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';
import { stringSlice } from '../flag-values.js';
import { buildConfigMap, buildDockerRegistrySecret, buildGenericSecret, buildTlsSecret } from '../config-generators.js';

export interface CreateConfigOptions {
  namespace?: string;
  dryRun?: string;
  output?: string;
  validate?: string;
  fromFile?: string[];
  fromLiteral?: string[];
  fromEnvFile?: string[];
  appendHash?: boolean;
  type?: string;
  cert?: string;
  key?: string;
  dockerServer?: string;
  dockerUsername?: string;
  dockerPassword?: string;
  dockerEmail?: string;
}

const CONFIGMAPS = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
const SECRETS = RESOURCES.find((r) => r.kind === 'Secret')!;


function oneName(args: string[], usage: string): string {
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee '${usage} -h' for help and examples`);
  return args[0]!;
}

/** Only -n given on the command line puts a namespace into the object (kubectl's EnforceNamespace). */
function explicitNamespace(ctx: Ctx, o: CreateConfigOptions): string | undefined {
  return ctx.argv.some((a) => a === '-n' || a.startsWith('-n=') || a === '--namespace' || a.startsWith('--namespace=') || /^-n./.test(a)) ? o.namespace : undefined;
}

export async function createConfigMap(ctx: Ctx, args: string[], o: CreateConfigOptions): Promise<void> {
  const name = oneName(args, 'kbx create configmap');
  const cm = buildConfigMap({
    name,
    namespace: explicitNamespace(ctx, o),
    fromFile: stringSlice(o.fromFile),
    fromLiteral: o.fromLiteral ?? [],
    fromEnvFile: stringSlice(o.fromEnvFile),
    appendHash: o.appendHash,
  });
  await createAndPrint(ctx, o, cm, 'configmap');
}

export async function createSecret(ctx: Ctx, args: string[], o: CreateConfigOptions): Promise<void> {
  const sub = args[0];
  if (!sub) {
    ctx.out(ctx.helpOf('create secret'));
    return;
  }
  const rest = args.slice(1);
  const ns = explicitNamespace(ctx, o);
  let secret: KObject;
  switch (sub) {
    case 'generic':
      secret = buildGenericSecret({
        name: oneName(rest, 'kbx create secret generic'),
        namespace: ns,
        type: o.type,
        fromFile: stringSlice(o.fromFile),
        fromLiteral: o.fromLiteral ?? [],
        fromEnvFile: stringSlice(o.fromEnvFile),
        appendHash: o.appendHash,
      });
      break;
    case 'tls':
      secret = buildTlsSecret({ name: oneName(rest, 'kbx create secret tls'), namespace: ns, cert: o.cert, key: o.key, appendHash: o.appendHash });
      break;
    case 'docker-registry':
      secret = buildDockerRegistrySecret({
        name: oneName(rest, 'kbx create secret docker-registry'),
        namespace: ns,
        username: o.dockerUsername,
        password: o.dockerPassword,
        email: o.dockerEmail,
        server: o.dockerServer,
        fromFile: stringSlice(o.fromFile),
        appendHash: o.appendHash,
      });
      break;
    default:
      throw new CliError(`unknown command "${args.join(' ')}"\nSee 'kbx create secret -h' for help and examples`);
  }
  await createAndPrint(ctx, o, secret, sub === 'docker-registry' ? 'secret ' : 'secret: ');
}

/** kubectl's messages: `failed to create configmap: …`, `failed to create secret: …` (docker-registry: no colon). */
async function createAndPrint(ctx: Ctx, o: CreateConfigOptions, obj: KObject, failure: string): Promise<void> {
  const info = obj.kind === 'ConfigMap' ? CONFIGMAPS : SECRETS;
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  let out = obj;
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = await ctx.namespace(o);
    try {
      out = await client.create(info, ns, obj, { fieldManager: 'kubectl-create', fieldValidation: fieldValidation(o.validate), ...(dry === 'server' ? { dryRun: 'All' } : {}) });
      out = { apiVersion: 'v1', kind: obj.kind, ...out };
    } catch (e) {
      const prefix = failure === 'configmap' ? 'failed to create configmap: ' : failure === 'secret ' ? 'failed to create secret ' : 'failed to create secret: ';
      throw new CliError(`${prefix}${(e as Error).message}`);
    }
  }
  if (fmt) ctx.stdout.write(formatObjects([out], fmt, true));
  else ctx.out(`${obj.kind === 'ConfigMap' ? 'configmap' : 'secret'}/${out.metadata.name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}

