// The names a pod's `container=` parameter may take (logs, exec, attach): its init, app and
// ephemeral containers, as the API server's podutil.VisitContainers visits them.
import type { Pod } from './types.js';

export function podContainerNames(pod: Pod): string[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name);
}
