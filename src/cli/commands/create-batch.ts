// kbx create job NAME --image=IMG [-- COMMAND…] | create job NAME --from=cronjob/X |
// create cronjob NAME --image=IMG --schedule=SPEC [--restart=OnFailure|Never] [-- COMMAND…]
// (kubectl v1.35 pkg/cmd/create/create_job.go and create_cronjob.go).
import type { KObject } from '../../api/types.js';
import { RESOURCES, resolveResource } from '../../api/registry.js';
import { CRONJOB_INSTANTIATE_ANNOTATION, type CronJob } from '../../api/batch.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';
import { stringSlice } from '../flag-values.js';

const JOBS = RESOURCES.find((r) => r.kind === 'Job')!;
const CRONJOBS = RESOURCES.find((r) => r.kind === 'CronJob')!;

export interface BatchCreateOptions {
  namespace?: string;
  image?: string | string[];
  from?: string;
  schedule?: string;
  restart?: string;
  dryRun?: string;
  output?: string;
}

/** The Job `kubectl create job NAME --image=IMG -- CMD` builds. */
export function buildJob(name: string, image: string, command: string[]): KObject {
  const container: Record<string, unknown> = { name, image };
  if (command.length) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
  };
}

/** The Job `kubectl create job NAME --from=cronjob/X` builds: the template's spec, labels and annotations, `cronjob.kubernetes.io/instantiate: manual`, owned by the CronJob. */
export function jobFromCronJob(name: string, cj: CronJob): KObject {
  const tm = cj.spec.jobTemplate?.metadata ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      annotations: { [CRONJOB_INSTANTIATE_ANNOTATION]: 'manual', ...(tm.annotations ?? {}) },
      ...(tm.labels ? { labels: { ...tm.labels } } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true }],
    },
    spec: structuredClone(cj.spec.jobTemplate?.spec ?? {}),
  };
}

/** The CronJob `kubectl create cronjob NAME --image --schedule -- CMD` builds. */
export function buildCronJob(name: string, image: string, schedule: string, restart: string, command: string[]): KObject {
  const container: Record<string, unknown> = { name, image };
  if (command.length) container.command = command;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule,
      jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart } } } },
    },
  };
}

function nameArg(args: string[], usage: string): string {
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee '${usage} -h' for help and examples`);
  return args[0]!;
}

async function submit(ctx: Ctx, info: typeof JOBS, obj: KObject, o: BatchCreateOptions, what: string): Promise<void> {
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  let out = obj;
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = await ctx.namespace(o);
    try {
      out = await client.create(info, ns, obj, { fieldManager: 'kubectl-create', fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
      out = { apiVersion: obj.apiVersion, kind: obj.kind, ...out };
    } catch (e) {
      throw new CliError(`failed to create ${what}: ${(e as Error).message}`);
    }
  }
  if (fmt) ctx.stdout.write(formatObjects([out], fmt, true));
  else ctx.out(`${what}.batch/${obj.metadata.name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}

export async function createJob(ctx: Ctx, args: string[], o: BatchCreateOptions): Promise<void> {
  const usage = 'kbx create job';
  const name = nameArg(args, usage);
  const image = stringSlice(o.image).join(',');
  if ((!image && !o.from) || (image && o.from)) throw new CliError('either --image or --from must be specified');
  if (ctx.dashArgs.length && o.from) throw new CliError('cannot specify --from and command');
  if (!o.from) return submit(ctx, JOBS, buildJob(name, image, ctx.dashArgs), o, 'job');
  const slash = o.from.indexOf('/');
  if (slash < 0) throw new CliError(`from must be of the form <resource>/<name>: ${o.from}`);
  const info = resolveResource(o.from.slice(0, slash));
  if (info?.kind !== 'CronJob') throw new CliError(`from must be an existing cronjob: ${o.from}`);
  const client = await ctx.client();
  const cj = (await client.get(CRONJOBS, await ctx.namespace(o), o.from.slice(slash + 1))) as CronJob;
  return submit(ctx, JOBS, jobFromCronJob(name, cj), o, 'job');
}

export async function createCronJob(ctx: Ctx, args: string[], o: BatchCreateOptions): Promise<void> {
  const usage = 'kbx create cronjob';
  const missing = [stringSlice(o.image).length ? '' : '"image"', o.schedule ? '' : '"schedule"'].filter(Boolean);
  if (missing.length) throw new CliError(`required flag(s) ${missing.join(', ')} not set`);
  const name = nameArg(args, usage);
  const restart = o.restart ?? 'OnFailure';
  return submit(ctx, CRONJOBS, buildCronJob(name, stringSlice(o.image).join(','), o.schedule!, restart, ctx.dashArgs), o, 'cronjob');
}
