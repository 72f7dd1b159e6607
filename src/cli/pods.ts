// Resolving what `logs` and `exec` act on: a pod by name or TYPE/NAME, and its default container.
import type { Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { ApiClient } from '../client/client.js';
import { CliError } from './errors.js';
import type { Ctx } from './context.js';

export const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;

export async function resolvePod(client: ApiClient, ns: string, arg: string): Promise<Pod> {
  const slash = arg.indexOf('/');
  if (slash >= 0) {
    const type = arg.slice(0, slash).toLowerCase();
    const name = arg.slice(slash + 1);
    if (['pod', 'pods', 'po'].includes(type)) return client.get<Pod>(PODS, ns, name);
    throw new CliError(`cannot attach to ${type}: selecting a pod of a ${type} is not supported yet`);
  }
  return client.get<Pod>(PODS, ns, arg);
}

/** The container to use: -c, else the default-container annotation, else the first (saying so when there are several). */
export function defaultContainer(ctx: Ctx, pod: Pod, requested: string | undefined, quiet = false): string {
  if (requested) return requested;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const names = pod.spec.containers.map((c) => c.name);
  if (names.length > 1 && !quiet) ctx.err(`Defaulted container "${names[0]}" out of: ${names.join(', ')}`);
  return names[0]!;
}
