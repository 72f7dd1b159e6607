// kbx create token SERVICE_ACCOUNT [--audience …] [--duration 1h] [--bound-object-kind Pod --bound-object-name x]:
// a TokenRequest for the service account; the token is printed (with a newline on a terminal only,
// as kubectl does), or the whole TokenRequest with -o.
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { resourcePath } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { formatObjects, parseOutput } from '../output/print.js';

export interface CreateTokenOptions {
  namespace?: string;
  output?: string;
  audience?: string[];
  duration?: string;
  boundObjectKind?: string;
  boundObjectName?: string;
  boundObjectUid?: string;
}

const SA = RESOURCES.find((r) => r.kind === 'ServiceAccount')!;
const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };

/** The TokenRequest kubectl sends for these flags, after its checks. */
export function tokenRequestFor(o: CreateTokenOptions): KObject {
  const durationMs = o.duration === undefined ? 0 : parseDuration(o.duration);
  if (durationMs < 0) throw new CliError('--duration must be greater than or equal to 0');
  if (durationMs % 1000 !== 0) throw new CliError('--duration cannot be expressed in units less than seconds');
  for (const a of o.audience ?? []) if (!a) throw new CliError('--audience must not be an empty string');
  const spec: Record<string, unknown> = {};
  if (o.audience?.length) spec.audiences = o.audience;
  if (durationMs > 0) spec.expirationSeconds = durationMs / 1000;
  if (!o.boundObjectKind) {
    if (o.boundObjectName) throw new CliError('--bound-object-name can only be set if --bound-object-kind is provided');
    if (o.boundObjectUid) throw new CliError('--bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    const version = BOUND_KINDS[o.boundObjectKind];
    if (!version) throw new CliError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).join(', ')}`);
    if (!o.boundObjectName) throw new CliError('--bound-object-name is required if --bound-object-kind is provided');
    spec.boundObjectRef = { kind: o.boundObjectKind, apiVersion: version, name: o.boundObjectName, ...(o.boundObjectUid ? { uid: o.boundObjectUid } : {}) };
  }
  return { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec };
}

export async function createToken(ctx: Ctx, args: string[], o: CreateTokenOptions): Promise<void> {
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee 'kbx create token -h' for help and examples`);
  const name = args[0]!;
  const body = tokenRequestFor(o);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  let response: KObject;
  try {
    response = (await client.request('POST', resourcePath(SA, ns, name, 'token'), { body })).body as KObject;
  } catch (e) {
    throw new CliError(`failed to create token: ${(e as Error).message}`);
  }
  const token = (response.status as { token?: string } | undefined)?.token;
  if (!token) throw new CliError('failed to create token: no token in server response');
  if (fmt) {
    ctx.stdout.write(formatObjects([response], fmt, true));
    return;
  }
  ctx.stdout.write((ctx.stdout as NodeJS.WriteStream).isTTY ? `${token}\n` : token);
}
