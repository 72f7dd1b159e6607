// kbx scale (-f FILE | TYPE NAME | TYPE/NAME) --replicas=N [--current-replicas=M] [--resource-version=RV]:
// kubectl's scaler over the scale subresource — a merge patch `{"spec":{"replicas":N}}`, or with a
// precondition GET …/scale, check, PUT …/scale (retried on conflicts) — then the --record patch.
import type { KObject } from '../../api/types.js';
import { MERGE_PATCH } from '../../api/patch/index.js';
import { resourcePath, StatusError, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { CHANGE_CAUSE } from '../objects.js';
import { dryRunMode } from './apply.js';
import { NO_RESOURCES_ERROR, objectName, resolveTargets, type Target } from '../targets.js';
import { RECORD_DEPRECATION, intFlag } from '../flag-values.js';

interface ScaleOptions {
  namespace?: string;
  replicas?: string;
  currentReplicas?: string;
  resourceVersion?: string;
  selector?: string;
  all?: boolean;
  filename?: string[];
  recursive?: boolean;
  record?: boolean;
  timeout?: string;
  output?: string;
  dryRun?: string;
}

/** scale.PreconditionError. */
export function preconditionError(what: string, expected: string | number, actual: string | number): CliError {
  return new CliError(`Expected ${what} to be ${expected}, was ${actual}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(ctx: Ctx, args: string[], o: ScaleOptions): Promise<void> {
  const replicas = intFlag(o.replicas, '--replicas', 'kbx scale');
  const current = intFlag(o.currentReplicas ?? '-1', '--current-replicas', 'kbx scale') ?? -1;
  let timeoutMs = 0;
  try {
    timeoutMs = parseDuration(o.timeout ?? '0s');
  } catch (e) {
    throw new CliError(`invalid argument "${o.timeout}" for "--timeout" flag: ${(e as Error).message}\nSee 'kbx scale --help' for usage.`);
  }
  if (o.record !== undefined) ctx.err(RECORD_DEPRECATION);
  if (replicas === undefined) throw new CliError('required flag(s) "replicas" not set');
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new CliError('The --current-replicas must specify an integer of -1 or greater');
  if (!args.length && !o.filename?.length) throw new CliError(NO_RESOURCES_ERROR);

  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors } = await resolveTargets(client, args, {
    namespace,
    selector: o.selector,
    filenames: o.filename,
    recursive: o.recursive,
    allowEmptySelector: !!o.all,
  });
  if (o.resourceVersion && targets.length > 1) throw new CliError('cannot use --resource-version with multiple resources');
  if (!targets.length) {
    if (errors.length) throw errors[0];
    throw new CliError('no objects passed to scale');
  }
  const precondition = current !== -1 || !!o.resourceVersion ? { size: current, resourceVersion: o.resourceVersion } : undefined;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const cause = ctx.commandLine();
  for (const t of targets) {
    if (dry !== 'client') {
      await scaleOne(client, t, replicas, precondition, dry === 'server');
      if (timeoutMs > 0 && dry === 'none') await waitForReplicas(client, t, replicas, timeoutMs);
      if (o.record && t.object.metadata?.annotations?.[CHANGE_CAUSE] !== cause) {
        try {
          await client.patch(t.info, t.namespace, t.name, { metadata: { annotations: { [CHANGE_CAUSE]: cause } } }, MERGE_PATCH);
        } catch {
          // kubectl only logs a failed record patch.
        }
      }
    }
    if (fmt) ctx.stdout.write(formatObjects([t.object], fmt, true));
    else ctx.out(`${objectName(t.info, t.name)} scaled${suffix}`);
  }
  if (errors.length) throw errors[0];
}

/** ScaleSimple in a retry loop: conflicts are retried every second for up to five minutes. */
async function scaleOne(client: ApiClient, t: Target, replicas: number, precondition: { size: number; resourceVersion?: string } | undefined, serverDryRun: boolean): Promise<void> {
  const query = serverDryRun ? { dryRun: 'All' } : undefined;
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      if (precondition) {
        const scale = (await client.request('GET', scalePath(client, t))).body as KObject;
        if (precondition.size !== -1 && (scale.spec?.replicas ?? 0) !== precondition.size) throw preconditionError('replicas', precondition.size, scale.spec?.replicas ?? 0);
        if (precondition.resourceVersion && scale.metadata?.resourceVersion !== precondition.resourceVersion) {
          throw preconditionError('resource version', precondition.resourceVersion, scale.metadata?.resourceVersion ?? '');
        }
        scale.spec = { ...(scale.spec ?? {}), replicas };
        await client.update(t.info, t.namespace, t.name, scale, 'scale');
      } else {
        await client.patch(t.info, t.namespace, t.name, { spec: { replicas } }, MERGE_PATCH, query, 'scale');
      }
      return;
    } catch (e) {
      if (e instanceof StatusError && e.code === 409 && Date.now() < deadline) {
        await sleep(1000);
        continue;
      }
      throw e;
    }
  }
}

function scalePath(_client: ApiClient, t: Target): string {
  return resourcePath(t.info, t.namespace, t.name, 'scale');
}

/** WaitForScaleHasDesiredReplicas: poll the scale every second until status.replicas catches up (or spec moved on). */
async function waitForReplicas(client: ApiClient, t: Target, replicas: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scale = (await client.request('GET', scalePath(client, t))).body as KObject;
    const spec = scale.spec?.replicas ?? 0;
    if (spec !== replicas) return;
    if (spec === (scale.status?.replicas ?? 0)) return;
    if (Date.now() + 1000 > deadline) throw new CliError(`timed out waiting for ${JSON.stringify(t.name)} to be synced`);
    await sleep(1000);
  }
}
