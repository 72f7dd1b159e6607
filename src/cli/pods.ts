// Resolving what `logs` and `exec` act on: a pod by name or TYPE/NAME, and its default container.
import type { Pod } from '../api/types.js';
import { RESOURCES, resolveResource } from '../api/registry.js';
import { formatLabelSelector } from '../api/selectors.js';
import type { ApiClient } from '../client/client.js';
import { CliError } from './errors.js';
import type { Ctx } from './context.js';

export const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;

/** `pod`, `pod/x`, or `deploy/x` / `rs/x` / `job/x` / `ds/x` / `sts/x` (kubectl then picks one of their pods). */
export async function resolvePod(client: ApiClient, ns: string, arg: string): Promise<Pod> {
  const slash = arg.indexOf('/');
  if (slash < 0) return client.get<Pod>(PODS, ns, arg);
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const info = resolveResource(type);
  if (info?.kind === 'Pod') return client.get<Pod>(PODS, ns, name);
  if (!info || !['Deployment', 'ReplicaSet', 'Job', 'DaemonSet', 'StatefulSet'].includes(info.kind)) throw new CliError(`cannot attach to ${info?.kind ?? type}: selecting a pod of it is not supported`);
  const owner = await client.get(info, ns, name);
  const selector = formatLabelSelector(owner.spec?.selector);
  const pods = (await client.list(PODS, ns, { labelSelector: selector })).items as Pod[];
  const pick = choosePod(pods);
  if (!pick) throw new CliError(`no pods found for ${info.kind.toLowerCase()} ${name}`);
  return pick;
}

/** The pod kubectl's GetFirstPod would take: running and ready first, not being deleted, then the oldest. */
export function choosePod(pods: Pod[]): Pod | undefined {
  const score = (p: Pod) =>
    (p.metadata.deletionTimestamp ? 4 : 0) + (p.status?.phase === 'Running' ? 0 : 2) + (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  return [...pods].sort((a, b) => score(a) - score(b) || Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''))[0];
}

/** The container to use: -c, else the default-container annotation, else the first (saying so when there are several). */
export function defaultContainer(ctx: Ctx, pod: Pod, requested: string | undefined, quiet = false): string {
  if (requested) return requested;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0]!.name;
  if (!quiet && (pod.spec.containers.length > 1 || pod.spec.initContainers?.length || pod.spec.ephemeralContainers?.length)) {
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}`);
  }
  return first;
}

/** podcmd.AllContainerNames: the app containers, then the ephemeral ones `(ephem)`, then the init ones `(init)`. */
export function allContainerNames(pod: Pod): string {
  return [
    ...pod.spec.containers.map((c) => c.name),
    ...(pod.spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}
